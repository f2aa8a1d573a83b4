//! Whether the desktop shows tray icons. Windows and macOS always do; on
//! Linux it depends on the session: a StatusNotifier host (KDE, most panels,
//! GNOME with the AppIndicator extension) or an XEmbed system tray (older
//! panels, `trayer`). Without either, an icon would be created and never
//! seen, so the app keeps its window instead of hiding into nothing.

/// Why there is no tray, as a catalog message id.
pub const NO_TRAY_HOST: &str = "desktop-no-tray-host";

#[cfg(target_os = "linux")]
pub fn tray_host() -> bool {
    status_notifier_host() || xembed_tray()
}

#[cfg(not(target_os = "linux"))]
pub fn tray_host() -> bool {
    true
}

/// A StatusNotifierWatcher on the session bus (libayatana-appindicator's
/// first choice).
#[cfg(target_os = "linux")]
fn status_notifier_host() -> bool {
    let asked = || -> Result<bool, dbus::Error> {
        let c = dbus::blocking::Connection::new_session()?;
        let bus = c.with_proxy("org.freedesktop.DBus", "/org/freedesktop/DBus", std::time::Duration::from_secs(1));
        let (owned,): (bool,) =
            bus.method_call("org.freedesktop.DBus", "NameHasOwner", ("org.kde.StatusNotifierWatcher",))?;
        Ok(owned)
    };
    asked().unwrap_or(false)
}

/// An XEmbed tray manager on the X display: the owner of the
/// `_NET_SYSTEM_TRAY_S<screen>` selection (the System Tray Protocol), where
/// libayatana-appindicator falls back to a GtkStatusIcon.
#[cfg(target_os = "linux")]
fn xembed_tray() -> bool {
    use x11rb::connection::Connection as _;
    use x11rb::protocol::xproto::ConnectionExt as _;
    let asked = || -> Result<bool, Box<dyn std::error::Error>> {
        let (conn, screen) = x11rb::connect(None)?;
        let name = format!("_NET_SYSTEM_TRAY_S{screen}");
        // only_if_exists: a display where no tray ever ran has no such atom.
        let atom = conn.intern_atom(true, name.as_bytes())?.reply()?.atom;
        if atom == x11rb::NONE {
            return Ok(false);
        }
        let owner = conn.get_selection_owner(atom)?.reply()?.owner;
        conn.flush()?;
        Ok(owner != x11rb::NONE)
    };
    asked().unwrap_or(false)
}
