//! `cargo xtask bundle`: the release app packaged with the Tauri CLI from
//! ui/node_modules. On Linux: `.deb` and `.rpm` (neither bundler needs a
//! download or rpmbuild), and an AppImage only when its tools can be had
//! (Tauri's AppImage bundler fetches linuxdeploy from GitHub at build
//! time). On Windows and macOS: the installers the config names (MSI and
//! NSIS; `.app` and `.dmg`); the release workflow builds those for real.

use crate::{cmd, root, setup, Result};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// Turns the updater's signed archives off for one run; see
/// [`local_overrides`].
const NO_UPDATER_ARTIFACTS: &str = r#"{"bundle":{"createUpdaterArtifacts":false}}"#;

pub fn packages() -> Result {
    setup::all(false)?;
    let started = SystemTime::now();
    let mut build = tauri_cli()?;
    build.args(["build", "--ci"]);
    let mut appimage_note = None;
    if cfg!(target_os = "linux") {
        let mut bundles = vec!["deb", "rpm"];
        match appimage_tools(&tauri_tools_dir(), online()) {
            AppImageTools::Cached | AppImageTools::Downloadable => bundles.push("appimage"),
            AppImageTools::Unavailable(why) => appimage_note = Some(why),
        }
        build.arg("--bundles").arg(bundles.join(","));
    }
    build.args(local_overrides(&tauri_conf()?, signing_key_set()));
    // After `--`: arguments for cargo. The lock file is the one the tests
    // ran against; a bundle must not resolve other versions.
    build.args(["--", "--locked"]);
    cmd::run(&mut build)?;

    let bundle_dir = root().join("target").join("release").join("bundle");
    let made = packages_in(&bundle_dir, started)?;
    if made.is_empty() {
        return Err(format!("the Tauri CLI finished but wrote no package under {}", bundle_dir.display()));
    }
    eprintln!("\nxtask: packages (in {}):", bundle_dir.display());
    for (path, size) in &made {
        eprintln!("  {:>6.1} MB  {}", *size as f64 / 1_048_576.0, path.display());
    }
    for (path, _) in &made {
        match path.extension().and_then(|e| e.to_str()) {
            Some("deb") => eprintln!("install: sudo apt install '{}'", path.display()),
            Some("rpm") => eprintln!("install: sudo dnf install '{}'", path.display()),
            _ => {}
        }
    }
    if let Some(why) = appimage_note {
        eprintln!("xtask: AppImage SKIPPED: {why}");
    }
    Ok(())
}

/// The Tauri CLI (`@tauri-apps/cli` ^2 from ui/package-lock.json, not a
/// `cargo install`: npm's prebuilt binary takes seconds in CI, compiling
/// it takes minutes), run in src-tauri/ where it finds tauri.conf.json.
pub fn tauri_cli() -> Result<Command> {
    let bin =
        root().join("ui").join("node_modules").join(".bin").join(if cfg!(windows) { "tauri.cmd" } else { "tauri" });
    if !bin.is_file() {
        // npm ci from the lock file, with the Node.js it needs.
        setup::all(false)?;
    }
    if !bin.is_file() {
        return Err(format!("{} is missing after `npm ci`: is @tauri-apps/cli in ui/package.json?", bin.display()));
    }
    let mut command = Command::new(bin);
    command.current_dir(root().join("src-tauri"));
    Ok(command)
}

pub fn tauri_conf() -> Result<Value> {
    let path = root().join("src-tauri").join("tauri.conf.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn signing_key_set() -> bool {
    std::env::var_os("TAURI_SIGNING_PRIVATE_KEY").is_some_and(|k| !k.is_empty())
}

/// `--config` arguments for a bundle made without the release key. With
/// `bundle.createUpdaterArtifacts` on, the CLI signs the update archives
/// and refuses to bundle at all when `TAURI_SIGNING_PRIVATE_KEY` is not
/// set; a developer's or a test's bundle has no use for them, so they are
/// turned off for that run only (the config keeps them on for releases).
pub fn local_overrides(conf: &Value, signing_key: bool) -> Vec<String> {
    let updater_artifacts = match &conf["bundle"]["createUpdaterArtifacts"] {
        Value::Bool(on) => *on,
        // "v1Compatible" also makes signed archives.
        Value::String(mode) => !mode.is_empty(),
        _ => false,
    };
    if updater_artifacts && !signing_key {
        eprintln!("xtask: TAURI_SIGNING_PRIVATE_KEY is not set: bundling without the signed updater artifacts");
        vec!["--config".into(), NO_UPDATER_ARTIFACTS.into()]
    } else {
        Vec::new()
    }
}

/// Whether the AppImage bundler can run: its tools already in Tauri's
/// cache (from an earlier run with internet), or GitHub reachable so it
/// can fetch them.
#[derive(Debug, PartialEq)]
enum AppImageTools {
    Cached,
    Downloadable,
    Unavailable(String),
}

fn appimage_tools(tools_dir: &Path, online: bool) -> AppImageTools {
    let linuxdeploy = tools_dir.join(format!("linuxdeploy-{}.AppImage", std::env::consts::ARCH));
    if linuxdeploy.is_file() {
        AppImageTools::Cached
    } else if online {
        AppImageTools::Downloadable
    } else {
        AppImageTools::Unavailable(format!(
            "Tauri's AppImage bundler downloads linuxdeploy and its GTK plugin from github.com at build time; \
             github.com cannot be reached from here and {} is not cached. The .deb and .rpm need no download. \
             Run `cargo xtask bundle` once with internet (the tools are then cached), or take the AppImage \
             from the release workflow.",
            linuxdeploy.display()
        ))
    }
}

/// Where the Tauri bundler caches linuxdeploy: `$XDG_CACHE_HOME/tauri`.
fn tauri_tools_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| root().join("target"))
        .join("tauri")
}

/// Whether github.com answers within a few seconds (where linuxdeploy is
/// downloaded from).
fn online() -> bool {
    Command::new("curl")
        .args(["--silent", "--head", "--max-time", "5", "--output", "/dev/null", "https://github.com"])
        .status()
        .is_ok_and(|s| s.success())
}

/// The packages under `bundle_dir` written since `since`, with their sizes
/// (older ones are from earlier versions or runs, not this one).
pub fn packages_in(bundle_dir: &Path, since: SystemTime) -> Result<Vec<(PathBuf, u64)>> {
    let mut found = Vec::new();
    let Ok(kinds) = std::fs::read_dir(bundle_dir) else {
        return Ok(found);
    };
    for kind in kinds.flatten() {
        let Ok(files) = std::fs::read_dir(kind.path()) else {
            continue;
        };
        for file in files.flatten() {
            let path = file.path();
            let Ok(meta) = file.metadata() else {
                continue;
            };
            let fresh = meta.modified().is_ok_and(|m| m >= since);
            if fresh && is_package(&path) {
                found.push((path, meta.len()));
            }
        }
    }
    found.sort();
    Ok(found)
}

fn is_package(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    // A macOS .app is a directory; everything else is one file.
    [".deb", ".rpm", ".AppImage", ".msi", "-setup.exe", ".dmg", ".app"].iter().any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn updater_artifacts_are_turned_off_only_without_the_key() {
        let on = json!({"bundle": {"createUpdaterArtifacts": true}});
        assert_eq!(local_overrides(&on, false), vec!["--config".to_string(), NO_UPDATER_ARTIFACTS.to_string()]);
        assert!(local_overrides(&on, true).is_empty());
        let v1 = json!({"bundle": {"createUpdaterArtifacts": "v1Compatible"}});
        assert_eq!(local_overrides(&v1, false).len(), 2);
        assert!(local_overrides(&json!({"bundle": {}}), false).is_empty());
        assert!(local_overrides(&json!({"bundle": {"createUpdaterArtifacts": false}}), false).is_empty());
        // The override is valid JSON that says exactly that.
        let parsed: Value = serde_json::from_str(NO_UPDATER_ARTIFACTS).unwrap_or_default();
        assert_eq!(parsed, json!({"bundle": {"createUpdaterArtifacts": false}}));
    }

    #[test]
    fn appimage_is_built_from_cached_tools_or_with_internet_and_skipped_with_a_reason_otherwise() {
        let dir = std::env::temp_dir().join(format!("csba-appimage-tools-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(&dir);
        assert_eq!(appimage_tools(&dir, true), AppImageTools::Downloadable);
        match appimage_tools(&dir, false) {
            AppImageTools::Unavailable(why) => assert!(why.contains("linuxdeploy") && why.contains("github.com")),
            other => panic!("expected a skip, got {other:?}"),
        }
        let linuxdeploy = dir.join(format!("linuxdeploy-{}.AppImage", std::env::consts::ARCH));
        let _ = std::fs::write(&linuxdeploy, b"");
        assert_eq!(appimage_tools(&dir, false), AppImageTools::Cached);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn only_packages_written_by_this_run_are_listed() {
        let dir = std::env::temp_dir().join(format!("csba-bundle-dir-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(dir.join("deb").join("CSBA Desk_0.1.0_amd64"));
        let _ = std::fs::create_dir_all(dir.join("rpm"));
        let _ = std::fs::write(dir.join("deb").join("CSBA Desk_0.1.0_amd64.deb"), b"deb");
        let _ = std::fs::write(dir.join("rpm").join("CSBA Desk-0.1.0-1.x86_64.rpm"), b"rpm!");
        let _ = std::fs::write(dir.join("rpm").join("notes.txt"), b"");
        let all = packages_in(&dir, SystemTime::UNIX_EPOCH).unwrap_or_default();
        let names: Vec<String> =
            all.iter().filter_map(|(p, _)| p.file_name().map(|n| n.to_string_lossy().into_owned())).collect();
        assert_eq!(names, ["CSBA Desk_0.1.0_amd64.deb", "CSBA Desk-0.1.0-1.x86_64.rpm"]);
        assert_eq!(all.iter().map(|(_, size)| *size).collect::<Vec<_>>(), [3, 4]);
        let later = SystemTime::now() + std::time::Duration::from_secs(60);
        assert!(packages_in(&dir, later).unwrap_or_default().is_empty());
        assert!(packages_in(&dir.join("missing"), SystemTime::UNIX_EPOCH).unwrap_or_default().is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
