//! `cargo xtask test`: set up, build once, then every test stage against
//! that one build.

use crate::display::{self, Xvfb};
use crate::postgres::PrivatePostgres;
use crate::{cmd, root, setup, tauri_free, Result};
use std::process::Command;
use std::time::Instant;

pub fn all() -> Result {
    let started = Instant::now();
    let mut stage = Stages::default();
    stage.run("set-up", || setup::all(true))?;
    stage.run("formatting", || cmd::run(&mut cmd::cargo(&["fmt", "--all", "--", "--check"])))?;
    stage.run("no tauri in crates/", tauri_free::check)?;
    stage.run("build", || cmd::run(&mut cmd::cargo(&["build", "--locked", "--workspace", "--all-targets"])))?;
    stage.run("clippy", || {
        cmd::run(&mut cmd::cargo(&["clippy", "--locked", "--workspace", "--all-targets", "--", "-D", "warnings"]))
    })?;
    stage.run("rust tests (incl. locale catalogs, TS bindings)", || {
        // The server's HTTP tests run on SQLite and on this PostgreSQL;
        // dropping the guard stops it, whatever the tests did.
        let postgres = PrivatePostgres::start(true)?;
        cmd::run(
            cmd::cargo(&["test", "--locked", "--workspace", "--no-fail-fast"])
                .env("CSBA_TEST_POSTGRES_URL", postgres.url()),
        )
    })?;
    stage.run("ui tests", || cmd::run(Command::new("npm").args(["test"]).current_dir(root().join("ui"))))?;
    stage.run("end-to-end (WebKit via tauri-driver)", end_to_end)?;
    eprintln!("xtask: {} stages passed in {:.0?}", stage.count, started.elapsed());
    Ok(())
}

#[derive(Default)]
struct Stages {
    count: usize,
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
}

/// The app, driven through tauri-driver and WebKitWebDriver in a private
/// Xvfb with its own session bus.
fn end_to_end() -> Result {
    let app = root().join("target").join("debug").join("csba-desk");
    let xvfb = if display::available() && std::env::var_os("CI").is_none() { None } else { Some(Xvfb::start()?) };
    let mut test = Command::new("dbus-run-session");
    test.arg("--")
        .arg(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
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
        ])
        .current_dir(root())
        .env("CSBA_E2E_APP", &app)
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    if let Some(x) = &xvfb {
        test.env("DISPLAY", &x.display).env_remove("WAYLAND_DISPLAY");
    }
    cmd::run(&mut test)
}
