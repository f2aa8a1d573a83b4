//! The main window's size, position and maximized state, remembered across
//! launches (tauri-plugin-window-state). Visibility is not: the app may be
//! launched at login to start in the tray (`window::START_HIDDEN`), and a
//! remembered "hidden" would leave a seller who opens it from the menu with
//! no window at all.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tauri::{AppHandle, Runtime};
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

const REMEMBERED: StateFlags = StateFlags::SIZE.union(StateFlags::POSITION).union(StateFlags::MAXIMIZED);

pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    let builder = tauri_plugin_window_state::Builder::new().with_state_flags(REMEMBERED);
    // The plugin keeps its file in the OS config folder for the app
    // identifier, beside ours. With `CSBA_DATA_DIR` (tests, portable
    // installs) everything the app keeps goes there instead; an absolute
    // file name replaces the plugin's folder (it is `Path::join`ed).
    let own_dir = std::env::var_os("CSBA_DATA_DIR").filter(|d| !d.is_empty()).map(std::path::PathBuf::from);
    match own_dir.as_ref().and_then(|d| d.join("window-state.json").to_str().map(str::to_owned)) {
        Some(file) => builder.with_filename(file).build(),
        None => builder.build(),
    }
}

/// Writes the state now, when the window is asked to close. The plugin
/// writes it when the app exits; a window closed into the tray may never
/// see a clean exit (logout, shutdown), so it is written here too.
pub fn save<R: Runtime>(app: &AppHandle<R>) {
    if let Err(e) = app.save_window_state(REMEMBERED) {
        tracing::warn!("cannot save the window's size and position: {e}");
    }
}

/// A write is already on its way.
static PENDING: AtomicBool = AtomicBool::new(false);

/// Writes the state shortly after the seller resized or moved the window:
/// on Linux a session that ends (logout, `kill`) stops the app without the
/// exit the plugin writes on, and the window would come back at its old
/// size. A drag sends dozens of events; they make one write, half a second
/// after the first.
pub fn save_soon<R: Runtime>(app: &AppHandle<R>) {
    if PENDING.swap(true, Ordering::SeqCst) {
        return;
    }
    let app = app.clone();
    let spawned = std::thread::Builder::new().name("window-state".into()).spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        PENDING.store(false, Ordering::SeqCst);
        save(&app);
    });
    if let Err(e) = spawned {
        PENDING.store(false, Ordering::SeqCst);
        tracing::warn!("cannot save the window's size later: {e}");
    }
}
