//! The `.deb` as a seller gets it: bundled from the debug build the test
//! run already made (no second compile), installed for real with apt,
//! the INSTALLED /usr/bin/csba-desk started under a private Xvfb and
//! session bus with a private data directory, its window found and
//! photographed (docs/installed-deb.png), its desktop entry and icons
//! checked where `dpkg -L` says they are, then the package removed
//! whatever happened.

use crate::display::Xvfb;
use crate::measure::FIRST_RENDER_MARKER;
use crate::{bundle, cmd, root, setup, Result};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

/// The Debian package name: the CLI kebab-cases `productName`.
const PACKAGE: &str = "csba-desk";
const INSTALLED_APP: &str = "/usr/bin/csba-desk";
/// Sizes the hicolor theme must hold the app icon in (from `bundle.icon`):
/// menus and docks pick from these.
const ICON_DIRS: &[&str] = &["32x32", "64x64", "128x128", "256x256@2", "512x512"];
/// The locales the app speaks besides English; its menu entry must too.
const ENTRY_LOCALES: &[&str] = &["zh_CN", "ja", "ko"];

pub fn check() -> Result {
    // The package must be ours to install and remove: an existing install
    // (a developer's own, or another run's) would be replaced and deleted.
    if installed() {
        return Err(format!(
            "{PACKAGE} is already installed here; this stage installs and removes its own copy. \
             Remove it first (`sudo dpkg -r {PACKAGE}`), or wait for the other run to finish"
        ));
    }
    // desktop-file-validate checks the entry the way desktops read it.
    // xprop reads the window's class.
    setup::apt(&["desktop-file-utils", "xvfb", "xdotool", "x11-utils", "imagemagick", "dbus"])?;
    let deb = bundle_from_debug_build()?;
    let control = cmd::output(Command::new("dpkg-deb").arg("--field").arg(&deb))?;
    eprintln!("xtask: {}:\n{control}", deb.display());
    check_control(&control)?;

    let size = std::fs::metadata(&deb).map(|m| m.len()).unwrap_or_default();
    eprintln!("xtask: installing {} ({:.1} MB)", deb.display(), size as f64 / 1_048_576.0);
    let t = Instant::now();
    // apt resolves the package's Depends from the system's sources (they
    // are what Tauri needs at run time, so they are there on this machine);
    // the lock timeout waits out another apt run instead of failing.
    let result =
        cmd::run(privileged("apt-get").args(["install", "-y", "-q", "-o", "DPkg::Lock::Timeout=120"]).arg(&deb))
            .and_then(|()| {
                eprintln!("xtask: installed in {:.1?}", t.elapsed());
                check_installed()
            });
    // Also after a failed install: dpkg may have unpacked it half-way.
    let removed = if known_to_dpkg() { remove() } else { Ok(()) };
    result.and(removed)
}

/// `tauri bundle --debug --bundles deb` packages target/debug/csba-desk
/// as built by the build stage; it never compiles. The binary's contents
/// before and after prove it (not its modification time: the CLI touches
/// the file without changing it). Binary patching, which would rewrite
/// the build output in place, is off: it only tags the binary for the
/// updater, which a test install does not use.
fn bundle_from_debug_build() -> Result<PathBuf> {
    let binary = root().join("target").join("debug").join("csba-desk");
    let before = stamp(&binary).ok_or_else(|| format!("{} is missing: the build stage makes it", binary.display()))?;
    let started = SystemTime::now();
    let t = Instant::now();
    let mut tauri = bundle::tauri_cli()?;
    tauri.args(["bundle", "--debug", "--bundles", "deb", "--ci", "--no-binary-patching"]);
    tauri.args(bundle::local_overrides(&bundle::tauri_conf()?, bundle::signing_key_set()));
    cmd::run(&mut tauri)?;
    let took = t.elapsed();
    if stamp(&binary) != Some(before) {
        return Err(format!("{} changed while bundling: the CLI rebuilt or rewrote it", binary.display()));
    }
    let bundle_dir = root().join("target").join("debug").join("bundle");
    let debs: Vec<PathBuf> = bundle::packages_in(&bundle_dir, started)?
        .into_iter()
        .map(|(path, _)| path)
        .filter(|p| p.extension().is_some_and(|e| e == "deb"))
        .collect();
    match debs.as_slice() {
        [deb] => {
            eprintln!("xtask: bundled {} in {took:.1?} from the existing debug build (not rebuilt)", deb.display());
            Ok(deb.clone())
        }
        [] => Err(format!("`tauri bundle` wrote no .deb under {}", bundle_dir.display())),
        many => Err(format!("`tauri bundle` wrote {} .deb files: {many:?}", many.len())),
    }
}

/// Size and a hash of the contents (std's SipHash: the comparison is
/// within one run, and std is optimized even in a debug xtask).
fn stamp(path: &Path) -> Option<(u64, u64)> {
    use std::hash::Hasher;
    use std::io::Read;
    let mut file = std::fs::File::open(path).ok()?;
    let mut hasher = std::hash::DefaultHasher::new();
    let mut buffer = vec![0; 1 << 20];
    let mut size = 0;
    loop {
        match file.read(&mut buffer).ok()? {
            0 => return Some((size, hasher.finish())),
            n => {
                hasher.write(&buffer[..n]);
                size += n as u64;
            }
        }
    }
}

/// The control fields a seller's apt relies on.
fn check_control(control: &str) -> Result {
    let fields = control_fields(control);
    let mut problems = Vec::new();
    if fields.get("Package").map(String::as_str) != Some(PACKAGE) {
        problems.push(format!("Package is {:?}, not {PACKAGE}", fields.get("Package")));
    }
    for field in ["Version", "Maintainer", "Description", "Architecture"] {
        if fields.get(field).is_none_or(|v| v.is_empty()) {
            problems.push(format!("no {field}"));
        }
    }
    // What the app loads at run time: the webview and GTK, the tray
    // (dlopened, so no linker would notice it missing), and D-Bus for
    // notifications and the keychain (linked: `readelf -d` lists it). TLS
    // is rustls, inside the binary.
    let depends = fields.get("Depends").cloned().unwrap_or_default();
    for lib in ["libwebkit2gtk-4.1-0", "libgtk-3-0", "libayatana-appindicator3-1", "libdbus-1-3"] {
        if !depends.split(',').any(|d| d.split_whitespace().next() == Some(lib)) {
            problems.push(format!("Depends lacks {lib}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("control file: {}", problems.join("; ")))
    }
}

fn control_fields(control: &str) -> BTreeMap<String, String> {
    control
        .lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn check_installed() -> Result {
    let files = cmd::output(Command::new("dpkg").args(["-L", PACKAGE]))?;
    let files: Vec<&str> = files.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut problems = Vec::new();
    if !files.contains(&INSTALLED_APP) {
        problems.push(format!("dpkg -L lists no {INSTALLED_APP}"));
    }
    let entries: Vec<&str> = files
        .iter()
        .copied()
        .filter(|f| f.starts_with("/usr/share/applications/") && f.ends_with(".desktop"))
        .collect();
    for size in ICON_DIRS {
        let icon = format!("/usr/share/icons/hicolor/{size}/apps/{PACKAGE}.png");
        if !files.contains(&icon.as_str()) {
            problems.push(format!("dpkg -L lists no {icon}"));
        }
    }
    // Every file the package claims must be on disk where it says.
    for file in &files {
        if !Path::new(file).exists() {
            problems.push(format!("{file} is listed by dpkg -L but missing"));
        }
    }
    let entry = match entries.as_slice() {
        [one] => Some(*one),
        other => {
            problems.push(format!("expected one desktop entry in /usr/share/applications, dpkg -L lists {other:?}"));
            None
        }
    };
    let entry_text = entry.map(std::fs::read_to_string).transpose().map_err(|e| format!("desktop entry: {e}"))?;
    if let (Some(path), Some(text)) = (entry, &entry_text) {
        eprintln!("xtask: {path}:\n{text}");
        problems.extend(validate(path)?);
        problems.extend(entry_problems(&desktop_entry(text)));
    }
    if !problems.is_empty() {
        return Err(format!("the installed package:\n  {}", problems.join("\n  ")));
    }
    let wm_class = entry_text.as_deref().map(desktop_entry).and_then(|e| e.get("StartupWMClass").cloned());
    launch_installed(wm_class.as_deref().unwrap_or_default())
}

/// `desktop-file-validate`'s complaints (it prints them on stdout; hints
/// are advice, errors and warnings are not).
fn validate(entry: &str) -> Result<Vec<String>> {
    let out = Command::new("desktop-file-validate")
        .arg(entry)
        .output()
        .map_err(|e| format!("cannot start desktop-file-validate: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let mut complaints: Vec<String> =
        text.lines().filter(|l| !l.contains(": hint: ")).map(|l| format!("desktop-file-validate: {l}")).collect();
    if !out.status.success() && complaints.is_empty() {
        complaints.push(format!("desktop-file-validate {entry} failed ({})", out.status));
    }
    Ok(complaints)
}

/// `key -> value` of the `[Desktop Entry]` group (localized keys keep
/// their `[locale]`).
fn desktop_entry(text: &str) -> BTreeMap<String, String> {
    let mut in_group = false;
    let mut keys = BTreeMap::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            in_group = line == "[Desktop Entry]";
        } else if in_group && !line.starts_with('#') {
            if let Some((k, v)) = line.split_once('=') {
                keys.insert(k.trim().to_string(), v.trim().to_string());
            }
        }
    }
    keys
}

/// What a menu, dock and launcher need from the entry, in every language
/// the app speaks.
fn entry_problems(entry: &BTreeMap<String, String>) -> Vec<String> {
    let mut problems = Vec::new();
    let mut expect = |key: &str, want: &str| {
        if entry.get(key).map(String::as_str) != Some(want) {
            problems.push(format!("{key} is {:?}, expected {want:?}", entry.get(key)));
        }
    };
    expect("Type", "Application");
    expect("Name", "CSBA Desk");
    expect("Exec", PACKAGE);
    expect("Icon", PACKAGE);
    expect("Terminal", "false");
    expect("StartupWMClass", PACKAGE);
    let categories = entry.get("Categories").cloned().unwrap_or_default();
    if !categories.split(';').any(|c| c == "Office") {
        problems.push(format!("Categories {categories:?} lacks Office"));
    }
    for key in ["Comment", "GenericName", "Keywords"] {
        for locale in std::iter::once(None).chain(ENTRY_LOCALES.iter().map(Some)) {
            let key = match locale {
                Some(l) => format!("{key}[{l}]"),
                None => key.to_string(),
            };
            if entry.get(&key).is_none_or(|v| v.is_empty() || v.contains("{{")) {
                problems.push(format!("no {key}"));
            }
        }
    }
    problems
}

/// The installed app in a private X server and session bus, on a fresh
/// data directory (and fresh XDG directories, so WebKit's caches do not
/// land in this user's home): its first inbox render logged, its window
/// found by title and by the class the desktop entry names, the screen
/// photographed.
fn launch_installed(wm_class: &str) -> Result {
    let xvfb = Xvfb::start()?;
    let private = std::env::temp_dir().join(format!("csba-installed-deb-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&private);
    for dir in ["csba", "data", "config", "cache", "state"] {
        std::fs::create_dir_all(private.join(dir)).map_err(|e| format!("{}: {e}", private.display()))?;
    }
    let pid_file = private.join("app.pid");
    // The shell writes its pid and becomes the app (exec), so the app can
    // be stopped by that pid; dbus-run-session then ends the bus with it.
    let script = r#"echo $$ >"$CSBA_PID_FILE" && exec "$0""#;
    let started = Instant::now();
    let mut session = Command::new("dbus-run-session")
        .args(["--", "sh", "-c", script, INSTALLED_APP])
        .current_dir(&private)
        .env("DISPLAY", &xvfb.display)
        .env_remove("WAYLAND_DISPLAY")
        .env("CSBA_PID_FILE", &pid_file)
        .env("CSBA_DATA_DIR", private.join("csba"))
        .env("XDG_CONFIG_HOME", private.join("config"))
        .env("XDG_CACHE_HOME", private.join("cache"))
        .env("XDG_STATE_HOME", private.join("state"))
        .env("XDG_DATA_HOME", private.join("data"))
        .env("RUST_LOG", "info")
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start dbus-run-session: {e}"))?;
    let (tx, rx) = mpsc::channel();
    if let Some(stderr) = session.stderr.take() {
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(std::result::Result::ok) {
                if let Some(ms) = first_render_ms(&line) {
                    let _ = tx.send(ms);
                }
            }
        });
    }
    let seen = see_window(&xvfb, wm_class, &rx, started);
    stop(&pid_file, &mut session);
    let _ = std::fs::remove_dir_all(&private);
    seen
}

fn see_window(xvfb: &Xvfb, wm_class: &str, first_render: &mpsc::Receiver<u64>, started: Instant) -> Result {
    let render = first_render
        .recv_timeout(Duration::from_secs(90))
        .map_err(|_| format!("the installed app logged no \"{FIRST_RENDER_MARKER}\" within 90 s"))?;
    eprintln!(
        "xtask: the installed app rendered its inbox after {render} ms (launch to log line {:.1?})",
        started.elapsed()
    );
    let by_name = windows(xvfb, &["--name", "^CSBA Desk"])?;
    let window = by_name.first().ok_or("no visible window titled 'CSBA Desk…'")?;
    // Desktops group the window under its menu entry by WM_CLASS: the
    // entry's StartupWMClass must be its instance or class name, exactly.
    let class = cmd::output(Command::new("xprop").args(["-id", window, "WM_CLASS"]).env("DISPLAY", &xvfb.display))?;
    let names = wm_class_names(&class);
    if !names.iter().any(|n| n == wm_class) {
        return Err(format!(
            "window {window} has WM_CLASS {names:?}; the desktop entry's StartupWMClass is {wm_class:?}"
        ));
    }
    eprintln!("xtask: window {window} is titled CSBA Desk, WM_CLASS {names:?} (StartupWMClass={wm_class})");
    // Let the inbox's fonts and countdowns settle for the picture.
    std::thread::sleep(Duration::from_secs(2));
    let shot = root().join("docs").join("installed-deb.png");
    cmd::run(Command::new("import").args(["-window", "root"]).arg(&shot).env("DISPLAY", &xvfb.display))?;
    eprintln!("xtask: screenshot of the installed app: {}", shot.display());
    Ok(())
}

/// Window ids `xdotool search --sync` finds (it waits for the first; the
/// timeout bounds that wait), visible ones only.
fn windows(xvfb: &Xvfb, query: &[&str]) -> Result<Vec<String>> {
    let out = cmd::output(
        Command::new("timeout")
            .args(["30", "xdotool", "search", "--sync", "--onlyvisible"])
            .args(query)
            .env("DISPLAY", &xvfb.display),
    )?;
    Ok(out.split_whitespace().map(str::to_string).collect())
}

/// `WM_CLASS(STRING) = "csba-desk", "Csba-desk"` → both names.
fn wm_class_names(xprop: &str) -> Vec<String> {
    let Some((_, names)) = xprop.split_once('=') else {
        return Vec::new();
    };
    names.split(',').map(|n| n.trim().trim_matches('"').to_string()).filter(|n| !n.is_empty()).collect()
}

fn stop(pid_file: &Path, session: &mut std::process::Child) {
    if let Ok(pid) = std::fs::read_to_string(pid_file) {
        let _ = Command::new("kill").arg(pid.trim()).status();
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = session.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    if let Ok(pid) = std::fs::read_to_string(pid_file) {
        let _ = Command::new("kill").args(["-KILL", pid.trim()]).status();
    }
    let _ = session.kill();
    let _ = session.wait();
}

fn first_render_ms(line: &str) -> Option<u64> {
    crate::measure::marked_ms(line, FIRST_RENDER_MARKER)
}

fn dpkg_status() -> String {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", PACKAGE])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

fn installed() -> bool {
    dpkg_status().contains("install ok installed")
}

/// Installed, or left unpacked or half-configured by a failed install.
fn known_to_dpkg() -> bool {
    let status = dpkg_status();
    !status.is_empty() && !status.ends_with("not-installed") && !status.ends_with("config-files")
}

fn remove() -> Result {
    cmd::run(privileged("dpkg").args(["-r", PACKAGE]))?;
    if installed() || Path::new(INSTALLED_APP).exists() {
        return Err(format!("{PACKAGE} is still installed after dpkg -r"));
    }
    eprintln!("xtask: {PACKAGE} removed");
    Ok(())
}

/// `program` as root: directly when this is root (CI containers), through
/// sudo otherwise.
fn privileged(program: &str) -> Command {
    if setup::is_root() {
        let mut c = Command::new(program);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        c
    } else {
        let mut c = Command::new("sudo");
        c.args(["DEBIAN_FRONTEND=noninteractive", program]);
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed template, filled in the way the Tauri CLI fills it
    /// (with this config's values), passes the same checks the installed
    /// entry must.
    #[test]
    fn the_desktop_entry_template_names_everything_a_menu_needs_in_four_languages() {
        let template = std::fs::read_to_string(root().join("packaging").join("linux").join("csba-desk.desktop"))
            .unwrap_or_default();
        let rendered = template
            .replace("{{name}}", "CSBA Desk")
            .replace("{{comment}}", "Every CSBA obligation in one place, with deadline warnings.")
            .replace("{{exec}}", "csba-desk")
            .replace("{{icon}}", "csba-desk")
            .replace("{{categories}}", "Office;");
        let entry = desktop_entry(&rendered);
        assert_eq!(entry_problems(&entry), Vec::<String>::new());
        assert_eq!(entry.get("Categories").map(String::as_str), Some("Office;Finance;"));
        // No English left in the CJK comments.
        for locale in ENTRY_LOCALES {
            let comment = entry.get(&format!("Comment[{locale}]")).cloned().unwrap_or_default();
            assert!(!comment.contains("obligation"), "{locale}: {comment}");
        }
    }

    #[test]
    fn an_entry_missing_its_class_or_a_language_is_refused() {
        let entry =
            desktop_entry("[Desktop Entry]\nType=Application\nName=CSBA Desk\nExec=csba-desk\n[Other]\nIcon=x\n");
        let problems = entry_problems(&entry);
        assert!(problems.iter().any(|p| p.starts_with("StartupWMClass")));
        assert!(problems.iter().any(|p| p.starts_with("Icon")), "keys of another group do not count");
        assert!(problems.contains(&"no Comment[ja]".to_string()));
    }

    #[test]
    fn control_needs_the_run_time_libraries() {
        let good = "Package: csba-desk\nVersion: 0.1.0\nArchitecture: amd64\nMaintainer: CSBA Desk\n\
                    Depends: libdbus-1-3, libayatana-appindicator3-1, libwebkit2gtk-4.1-0, libgtk-3-0\n\
                    Description: Every CSBA obligation\n CSBA Desk keeps: x\n";
        assert_eq!(check_control(good), Ok(()));
        let no_tray = good.replace("libayatana-appindicator3-1, ", "");
        assert!(check_control(&no_tray).is_err_and(|e| e.contains("libayatana-appindicator3-1")));
        assert_eq!(control_fields(good).get("Description").map(String::as_str), Some("Every CSBA obligation"));
    }

    #[test]
    fn both_names_are_read_from_wm_class() {
        assert_eq!(wm_class_names("WM_CLASS(STRING) = \"csba-desk\", \"Csba-desk\"\n"), ["csba-desk", "Csba-desk"]);
        assert!(wm_class_names("WM_CLASS:  not found.\n").is_empty());
    }

    #[test]
    fn the_first_render_is_read_from_the_log() {
        assert_eq!(first_render_ms("INFO csba_desk_lib::startup: first inbox render after 812 ms"), Some(812));
        assert_eq!(first_render_ms("INFO something else"), None);
    }
}
