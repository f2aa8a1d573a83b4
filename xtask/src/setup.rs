//! Installs what is missing: Debian packages (through sudo when not root),
//! a recent enough Node.js, the UI's npm packages, the UI build, and for
//! tests tauri-driver. Each step checks first, so a second run is quick.

use crate::{cmd, root, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What building and running the app needs (Tauri on Linux, our keychain
/// access, readable CJK text). No OpenSSL: TLS is rustls.
const APP_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "libgtk-3-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "libxdo-dev",
    "libdbus-1-dev",
    "fonts-noto-cjk",
];

/// What the test run needs on top: a headless display, the WebKit driver,
/// a session bus and keychain daemon, PostgreSQL, screenshots, and a real
/// desktop around the app for the alert tests: an XEmbed tray host, a
/// notification daemon, and a way to find and click windows.
const TEST_PACKAGES: &[&str] = &[
    "webkit2gtk-driver",
    "xvfb",
    "xauth",
    "dbus",
    "dbus-x11",
    "gnome-keyring",
    "postgresql",
    "imagemagick",
    "trayer",
    "dunst",
    "xdotool",
];

/// Vite 7 needs at least this Node.js.
const NODE_MIN: (u32, u32) = (20, 19);

pub fn all(for_tests: bool) -> Result {
    let mut packages: Vec<&str> = APP_PACKAGES.to_vec();
    if for_tests {
        packages.extend_from_slice(TEST_PACKAGES);
    }
    apt(&packages)?;
    node()?;
    ui()?;
    if for_tests {
        tauri_driver()?;
    }
    Ok(())
}

pub fn apt(packages: &[&str]) -> Result {
    if !cmd::exists("dpkg-query") {
        eprintln!("xtask: not a Debian/Ubuntu system; make sure these are installed: {}", packages.join(" "));
        return Ok(());
    }
    let missing: Vec<&str> = packages.iter().copied().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("xtask: installing {}", missing.join(" "));
    let sudo = !is_root();
    let apt_get = |args: &[&str]| {
        let mut c = if sudo { Command::new("sudo") } else { Command::new("apt-get") };
        if sudo {
            c.arg("apt-get");
        }
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    cmd::run(&mut apt_get(&["update", "-q"]))?;
    let mut install = apt_get(&["install", "-y", "-q", "--no-install-recommends"]);
    install.args(&missing);
    cmd::run(&mut install)
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

pub(crate) fn is_root() -> bool {
    cmd::output(Command::new("id").arg("-u")).map(|uid| uid.trim() == "0").unwrap_or(false)
}

/// Debian 12 ships Node 18 and Ubuntu 22.04 Node 12, both too old for Vite.
/// When the system Node is too old, fetch an official Node build from the
/// npm registry (the `node-linux-<arch>` package) into a cache directory.
fn node() -> Result {
    if node_version().is_some_and(|v| v >= NODE_MIN) {
        return Ok(());
    }
    if !on_path("npm") {
        apt(&["nodejs", "npm"])?;
    }
    if node_version().is_some_and(|v| v >= NODE_MIN) {
        return Ok(());
    }
    let arch = match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        other => {
            return Err(format!("no Node.js build for {other}; install Node {}.{}+ yourself", NODE_MIN.0, NODE_MIN.1))
        }
    };
    let prefix = cache_dir().join("node22");
    let bin = prefix.join("node_modules").join(format!("node-linux-{arch}")).join("bin");
    if !bin.join("node").exists() {
        cmd::run(
            cmd::npm()
                .args(["install", "--no-save", "--no-audit", "--no-fund", "--prefix"])
                .arg(&prefix)
                .arg(format!("node-linux-{arch}@22")),
        )?;
    }
    prepend_path(&bin);
    match node_version() {
        Some(v) if v >= NODE_MIN => Ok(()),
        _ => Err(format!("Node.js {}.{}+ is needed and could not be installed", NODE_MIN.0, NODE_MIN.1)),
    }
}

fn node_version() -> Option<(u32, u32)> {
    let out = cmd::output(Command::new("node").arg("--version")).ok()?;
    let mut parts = out.trim().trim_start_matches('v').split('.');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// `npm ci` when the lock file changed since the last install, then the
/// UI build (which the Tauri crate embeds, so it must come first).
fn ui() -> Result {
    let ui = root().join("ui");
    let lock = std::fs::read(ui.join("package-lock.json")).map_err(|e| format!("ui/package-lock.json: {e}"))?;
    let stamp_file = ui.join("node_modules").join(".csba-lock-stamp");
    let stamp = format!("{:016x}", fnv1a(&lock));
    if std::fs::read_to_string(&stamp_file).ok().as_deref() != Some(stamp.as_str()) {
        cmd::run(cmd::npm().args(["ci", "--no-audit", "--no-fund"]).current_dir(&ui))?;
        std::fs::write(&stamp_file, &stamp).map_err(|e| format!("{}: {e}", stamp_file.display()))?;
    }
    cmd::run(cmd::npm().args(["run", "build"]).current_dir(&ui))
}

fn tauri_driver() -> Result {
    if on_path("tauri-driver") {
        return Ok(());
    }
    cmd::run(&mut cmd::cargo(&["install", "tauri-driver", "--version", "^2", "--locked"]))?;
    if let Some(home) = std::env::var_os("CARGO_HOME").map(PathBuf::from).or_else(|| home().map(|h| h.join(".cargo"))) {
        prepend_path(&home.join("bin"));
    }
    Ok(())
}

pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
        .unwrap_or(false)
}

fn prepend_path(dir: &Path) {
    let mut paths = vec![dir.to_path_buf()];
    if let Some(old) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&old));
    }
    if let Ok(joined) = std::env::join_paths(paths) {
        // Children (npm, cargo, the tests) inherit it; xtask is single-threaded here.
        std::env::set_var("PATH", joined);
    }
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME").map(PathBuf::from)
}

pub(crate) fn cache_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| home().map(|h| h.join(".cache")))
        .unwrap_or_else(|| root().join("target"))
        .join("csba-desk-xtask")
}

/// A stable hash for the lock-file stamp (std's hasher is not stable
/// across Rust versions).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}
