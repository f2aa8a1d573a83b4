//! Launch at login, through the OS's own mechanism (an XDG autostart entry,
//! a LaunchAgent, the Run registry key) via tauri-plugin-autostart.

use tauri::AppHandle;
use tauri_plugin_autostart::ManagerExt as _;

/// Whether the app starts at login; `None` where the platform cannot say.
pub fn enabled(app: &AppHandle) -> Option<bool> {
    app.autolaunch().is_enabled().ok()
}

pub fn set(app: &AppHandle, on: bool) -> Result<(), csba_app::AppError> {
    let launcher = app.autolaunch();
    let done = if on { launcher.enable() } else { launcher.disable() };
    done.map_err(|e| {
        tracing::warn!("cannot change launch at login: {e}");
        csba_app::AppError::new(csba_app::ErrorCode::AutostartFailed).at("autostart")
    })
}
