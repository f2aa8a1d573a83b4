//! The main window's size, position and maximized state, remembered across
//! launches (tauri-plugin-window-state). Visibility is not: the app may be
//! launched at login to start in the tray (`window::START_HIDDEN`), and a
//! remembered "hidden" would leave a seller who opens it from the menu with
//! no window at all.

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

/// Writes the state now. The plugin writes it when the app exits; a window
/// closed into the tray may never see a clean exit (logout, shutdown), so
/// it is written then too.
pub fn save<R: Runtime>(app: &AppHandle<R>) {
    if let Err(e) = app.save_window_state(REMEMBERED) {
        tracing::warn!("cannot save the window's size and position: {e}");
    }
}
