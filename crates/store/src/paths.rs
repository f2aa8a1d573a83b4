//! Where CSBA Desk keeps its files. The app and the `csba` command use the
//! same directory, so both see the same replica.

use std::path::PathBuf;

/// The app identifier, as in `src-tauri/tauri.conf.json`.
pub const APP_IDENTIFIER: &str = "app.csbadesk.desktop";

/// `CSBA_DATA_DIR` when set (tests, portable installs), otherwise the OS
/// data directory (`~/.local/share/app.csbadesk.desktop` on Linux).
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os("CSBA_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => dirs::data_dir().map(|d| d.join(APP_IDENTIFIER)),
    }
}

/// The replica database inside a data directory.
pub fn replica_file(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("replica.sqlite")
}

/// The OS's Downloads folder (`~/Downloads`, `%USERPROFILE%\Downloads`),
/// where files the app makes for the seller go.
pub fn download_dir() -> Option<PathBuf> {
    dirs::download_dir()
}
