//! `cargo xtask test`: set up, build once, then every test stage against
//! that one build.

use crate::display::{self, Xvfb};
use crate::postgres::PrivatePostgres;
use crate::{cmd, installed_deb, root, setup, target_deps, tauri_free, workflow_lint, Result};
use std::process::Command;
use std::time::Instant;

pub fn all() -> Result {
    let started = Instant::now();
    let mut stage = Stages::default();
    // The test-only set-up (apt packages, tauri-driver) serves the Linux-only stages.
    stage.run("set-up", || setup::all(LINUX))?;
    stage.run("formatting", || cmd::run(&mut cmd::cargo(&["fmt", "--all", "--", "--check"])))?;
    stage.run("no tauri in crates/", tauri_free::check)?;
    stage.run("each release target's graph: its OS keychain, no webview in crates/", target_deps::check)?;
    stage.linux(
        "workflow lint (actionlint + shellcheck)",
        "shellcheck comes from apt; the workflows are the same files on every OS",
        workflow_lint::check,
    )?;
    stage.run("build", || cmd::run(&mut cmd::cargo(&["build", "--locked", "--workspace", "--all-targets"])))?;
    stage.run("clippy", || {
        cmd::run(&mut cmd::cargo(&["clippy", "--locked", "--workspace", "--all-targets", "--", "-D", "warnings"]))
    })?;
    stage.run("rust tests (incl. locale catalogs, TS bindings, the OS keychain)", || {
        if !LINUX {
            return rust_tests_without_linux_services();
        }
        // The server's HTTP tests run on SQLite and on this PostgreSQL;
        // dropping the guard stops it, whatever the tests did.
        let postgres = PrivatePostgres::start(true)?;
        cmd::run(
            in_keychain_session(&["test", "--locked", "--workspace", "--no-fail-fast"])?
                .env("CSBA_TEST_POSTGRES_URL", postgres.url())
                // Tests that need these fail when they are missing, instead
                // of reporting a skip as a pass.
                .env("CSBA_TEST_REQUIRE", "keychain,postgres"),
        )
    })?;
    stage.run("ui tests", || cmd::run(cmd::npm().args(["test"]).current_dir(root().join("ui"))))?;
    stage.linux(
        "end-to-end (WebKit via tauri-driver)",
        "drives WebKitGTK through WebKitWebDriver in Xvfb",
        end_to_end,
    )?;
    stage.linux(
        "installed .deb (apt install, launch, window, dpkg -r)",
        "installs a Debian package",
        installed_deb::check,
    )?;
    eprintln!("xtask: {} stages passed in {:.0?}", stage.count, started.elapsed());
    stage.report_skipped();
    Ok(())
}

/// Windows and macOS runners (the release workflow) run every stage that
/// works there; the ones that need Linux are named as skipped, with why.
const LINUX: bool = cfg!(target_os = "linux");

#[derive(Default)]
struct Stages {
    count: usize,
    skipped: Vec<String>,
}

impl Stages {
    fn run(&mut self, name: &str, f: impl FnOnce() -> Result) -> Result {
        eprintln!("\n=== xtask: {name}");
        let t = Instant::now();
        f().map_err(|e| format!("stage `{name}` failed: {e}"))?;
        self.count += 1;
        eprintln!("=== xtask: {name}: ok ({:.1?})", t.elapsed());
        Ok(())
    }

    /// A stage only a Linux machine can run; elsewhere it is said loudly
    /// that it did not run, so a green Windows or macOS run is not read as
    /// a full one.
    fn linux(&mut self, name: &str, why: &str, f: impl FnOnce() -> Result) -> Result {
        if LINUX {
            return self.run(name, f);
        }
        eprintln!("\n=== xtask: {name}: SKIPPED on {} ({why}; the Linux job runs it)", std::env::consts::OS);
        self.skipped.push(format!("{name}: {why}"));
        Ok(())
    }

    fn report_skipped(&self) {
        if !self.skipped.is_empty() {
            eprintln!("xtask: SKIPPED on {} (Linux only):", std::env::consts::OS);
            for stage in &self.skipped {
                eprintln!("  - {stage}");
            }
            eprintln!("  - rust tests: the OS keychain tests and the PostgreSQL runs of the server's HTTP tests");
        }
    }
}

/// Off Linux there is no private Secret Service (gnome-keyring in a
/// D-Bus session) and no apt PostgreSQL: the tests that need them report
/// themselves skipped instead of touching the runner's login keychain;
/// everything else runs.
fn rust_tests_without_linux_services() -> Result {
    cmd::run(&mut cmd::cargo(&["test", "--locked", "--workspace", "--no-fail-fast"]))
}

/// `cargo ARGS` in a private D-Bus session with gnome-keyring running and
/// unlocked, so the tests that keep API tokens in the OS keychain reach a
/// real Secret Service; `CSBA_TEST_KEYCHAIN=1` tells them they must (on a
/// plain `cargo test` they report that they were skipped). The keyring
/// files go to `target/keyring`, fresh every run (the daemon's own
/// `XDG_DATA_HOME`): never the developer's login keyring, and nothing a
/// failed run left behind.
fn in_keychain_session(cargo_args: &[&str]) -> Result<Command> {
    let keyring_home = root().join("target").join("keyring");
    if keyring_home.exists() {
        std::fs::remove_dir_all(&keyring_home).map_err(|e| format!("cannot clear {}: {e}", keyring_home.display()))?;
    }
    std::fs::create_dir_all(&keyring_home).map_err(|e| format!("cannot create {}: {e}", keyring_home.display()))?;
    // Started with a password on stdin, the daemon creates the login
    // keyring unlocked. It forks and may take the bus name only after its
    // parent has returned: a test asking sooner makes the bus start a
    // second daemon (on the real login keyring, locked), which failed a CI
    // run. So cargo starts only once the daemon owns the name and its
    // default collection answers unlocked (10 s at most). `exec "$@"` runs
    // cargo with the arguments as given, no shell quoting involved; if the
    // daemon fails, cargo never starts.
    let script = r#"echo csba-test | XDG_DATA_HOME="$CSBA_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 1
tries=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' \
  && dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/aliases/default org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q 'boolean false'; do
  tries=$((tries + 1))
  if [ "$tries" -ge 100 ]; then echo "xtask: gnome-keyring-daemon did not serve an unlocked keyring within 10 s" >&2; exit 1; fi
  sleep 0.1
done
exec "$@""#;
    let mut command = Command::new("dbus-run-session");
    command
        .args(["--", "sh", "-c", script, "sh"])
        .arg(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(cargo_args)
        .current_dir(root())
        .env("CSBA_KEYRING_HOME", &keyring_home)
        .env("CSBA_TEST_KEYCHAIN", "1");
    Ok(command)
}

/// The app, driven through tauri-driver and WebKitWebDriver in a private
/// Xvfb with its own session bus.
fn end_to_end() -> Result {
    let app = root().join("target").join("debug").join("csba-desk");
    let xvfb = if display::available() && std::env::var_os("CI").is_none() { None } else { Some(Xvfb::start()?) };
    // The app keeps the tokens of accounts added in its UI in the keychain,
    // so it runs in a session with a real (private) Secret Service too.
    let mut test = in_keychain_session(&[
        "test",
        "--locked",
        // Workspace-wide, so features unify exactly as in the build
        // stage and nothing is rebuilt.
        "--workspace",
        "--features",
        "csba-tests/e2e",
        "--test",
        "webview",
        "--",
        "--test-threads=1",
    ])?;
    test.env("CSBA_E2E_APP", &app).env("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    if let Some(x) = &xvfb {
        test.env("DISPLAY", &x.display).env_remove("WAYLAND_DISPLAY");
    }
    cmd::run(&mut test)
}
