//! Asks an X window to close the way a window manager's close button does:
//! a `WM_PROTOCOLS` client message carrying `WM_DELETE_WINDOW`. For the
//! measurements and end-to-end tests, which run on a bare Xvfb with no
//! window manager to click.
//!
//! `close_window <window id>` (decimal, as `xdotool search` prints it)

use x11rb::connection::Connection as _;
use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt as _, EventMask};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let window: u32 = std::env::args().nth(1).ok_or("usage: close_window <window id>")?.parse()?;
    let (conn, _) = x11rb::connect(None)?;
    let protocols = conn.intern_atom(false, b"WM_PROTOCOLS")?.reply()?.atom;
    let delete = conn.intern_atom(false, b"WM_DELETE_WINDOW")?.reply()?.atom;
    let event = ClientMessageEvent::new(32, window, protocols, [delete, x11rb::CURRENT_TIME, 0, 0, 0]);
    conn.send_event(false, window, EventMask::NO_EVENT, event)?;
    conn.flush()?;
    Ok(())
}
