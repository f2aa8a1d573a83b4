//! `cargo xtask icons`: every app icon each OS needs, drawn from the one
//! source image `icons/icon.svg` by the Tauri CLI's `tauri icon`, so a
//! change to the artwork is one file and one command.

use crate::{bundle, cmd, root, Result};

/// What the bundles and the window use (listed in `bundle.icon` of
/// src-tauri/tauri.conf.json): PNGs for Linux and the window, `.icns` for
/// macOS, `.ico` for Windows (the executable, MSI and NSIS installers).
/// The `Square*Logo.png` / `StoreLogo.png` tiles are for an MSIX/Store
/// package; `tauri icon` always writes them and they are kept so a Store
/// build needs no extra step.
pub const BUNDLED: &[&str] =
    &["32x32.png", "64x64.png", "128x128.png", "128x128@2x.png", "icon.png", "icon.icns", "icon.ico"];

/// `tauri icon` also writes Android and iOS sets; this is a desktop app,
/// and a mobile build would regenerate them, so they are not kept.
const MOBILE_DIRS: &[&str] = &["android", "ios"];

pub fn generate() -> Result {
    let icons = root().join("icons");
    let source = icons.join("icon.svg");
    let mut tauri = bundle::tauri_cli()?;
    tauri.arg("icon").arg(&source).arg("--output").arg(&icons);
    cmd::run(&mut tauri)?;
    for dir in MOBILE_DIRS {
        let path = icons.join(dir);
        if path.exists() {
            std::fs::remove_dir_all(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    for name in BUNDLED {
        if !icons.join(name).is_file() {
            return Err(format!("`tauri icon` did not write icons/{name}"));
        }
    }
    eprintln!(
        "xtask: icons/ regenerated from icons/icon.svg; commit them (the tray icons in icons/tray/ are separate)"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The config's `bundle.icon` must list exactly the files this command
    /// makes, or a platform would bundle a stale or missing icon.
    #[test]
    fn the_config_lists_every_bundled_icon() {
        let conf = std::fs::read_to_string(root().join("src-tauri").join("tauri.conf.json")).unwrap_or_default();
        let conf: serde_json::Value = serde_json::from_str(&conf).unwrap_or_default();
        let listed: Vec<&str> = conf["bundle"]["icon"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let expected: Vec<String> = BUNDLED.iter().map(|n| format!("../icons/{n}")).collect();
        assert_eq!(listed, expected);
        for name in BUNDLED {
            assert!(root().join("icons").join(name).is_file(), "icons/{name} is not committed");
        }
    }
}
