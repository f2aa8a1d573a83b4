//! The project's two commands. Each does all of its own set-up on a fresh
//! Debian/Ubuntu machine, so a newcomer (and CI) needs nothing else.

mod bench_load;
mod bundle;
mod cmd;
mod display;
mod icons;
mod installed_deb;
mod measure;
mod measure_idle;
mod postgres;
mod setup;
mod target_deps;
mod tauri_free;
mod test;
mod workflow_lint;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  cargo xtask run [--release] [--screenshot FILE]   set up, build, and launch CSBA Desk
  cargo xtask test                                  set up, build once, and run every test
  cargo xtask setup [--test]                        only install what is missing
  cargo xtask bundle                                the release app's installers (here: .deb, .rpm, AppImage if it can)
  cargo xtask icons                                 every app icon from icons/icon.svg (tauri icon)
  cargo xtask installed-deb                         test stage: bundle the debug build as .deb, install, launch, remove
  cargo xtask lint-workflows                        test stage: actionlint (+ shellcheck) over .github/workflows
  cargo xtask target-deps                           test stage: each release target's graph has its OS keychain store
  cargo xtask measure [RUNS]                        start-up time and memory of the release build
  cargo xtask measure-idle [--cases N] [--seconds S] [--tray-minutes M]
                                                    idle CPU and memory with N open cases and alerts armed
  cargo xtask bench-server [LOAD ARGS…]             the server load benchmark on SQLite and a private PostgreSQL
  cargo xtask bench-sync [--cases N] [--tracking N] first and incremental sync, and a tracking upload, on loopback
  cargo xtask bench-load [FLEET ARGS…]              1,000 sellers × 1,000 cases on a private PostgreSQL: feed and
                                                    reply latency at 64 clients, 2,000 event streams and their memory";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("test") => test::all(),
        Some("setup") => setup::all(args.iter().any(|a| a == "--test")),
        Some("bundle") => bundle::packages(),
        Some("icons") => icons::generate(),
        Some("installed-deb") => installed_deb::check(),
        Some("lint-workflows") => workflow_lint::check(),
        Some("target-deps") => target_deps::check(),
        Some("measure") => measure::app(args.get(1).and_then(|n| n.parse().ok()).unwrap_or(3)),
        Some("measure-idle") => measure_idle(&args[1..]),
        Some("bench-server") => bench_server(&args[1..]),
        Some("bench-sync") => bench_sync(&args[1..]),
        Some("bench-load") => bench_load::run(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

pub type Result<T = ()> = std::result::Result<T, String>;

fn measure_idle(args: &[String]) -> Result {
    let value = |flag: &str, default: u64| -> Result<u64> {
        match args.iter().position(|a| a == flag).map(|i| args.get(i + 1)) {
            None => Ok(default),
            Some(Some(v)) => v.parse().map_err(|_| format!("{flag}: not a number: {v}")),
            Some(None) => Err(format!("{flag} needs a value")),
        }
    };
    measure_idle::run(&measure_idle::Spans {
        cases: u32::try_from(value("--cases", 10_000)?).map_err(|_| "--cases: too many")?,
        cpu: std::time::Duration::from_secs(value("--seconds", 60)?),
        tray: std::time::Duration::from_secs(value("--tray-minutes", 60)? * 60),
    })
}

fn run(args: &[String]) -> Result {
    let release = args.iter().any(|a| a == "--release");
    let screenshot = args.iter().position(|a| a == "--screenshot").and_then(|i| args.get(i + 1)).map(PathBuf::from);
    setup::all(false)?;
    let profile = if release { "release" } else { "debug" };
    let mut build = cmd::cargo(&["build", "--locked", "--package", "csba-desk"]);
    if release {
        build.arg("--release");
    }
    cmd::run(&mut build)?;
    let app = root().join("target").join(profile).join("csba-desk");
    match screenshot {
        Some(file) => display::screenshot_app(&app, &file),
        None => {
            if !display::available() {
                return Err("no display: run this in a desktop session (or use --screenshot FILE under Xvfb)".into());
            }
            cmd::run(&mut std::process::Command::new(&app))
        }
    }
}

/// `crates/sync/examples/sync_bench.rs`, built by the service's profile
/// (the desktop's release profile with opt-level 3): the sync engine, a real
/// replica file and the real server over loopback, on SQLite, then on a
/// private PostgreSQL with durable settings.
fn bench_sync(extra: &[String]) -> Result {
    let bench = |url: Option<String>| {
        let mut c = cmd::cargo(&[
            "run",
            "--locked",
            "--profile",
            "service",
            "-p",
            "csba-sync",
            "--example",
            "sync_bench",
            "--",
        ]);
        if let Some(url) = url {
            c.args(["--database-url", &url]);
        }
        cmd::run(c.args(extra))
    };
    bench(None)?;
    let postgres = postgres::PrivatePostgres::start(false)?;
    bench(Some(postgres.url()))
}

/// `crates/server/examples/load.rs`, built by the service's profile, on
/// SQLite, then on a private PostgreSQL with durable settings.
fn bench_server(extra: &[String]) -> Result {
    let load = |database: &str, url: Option<String>| {
        let mut c =
            cmd::cargo(&["run", "--locked", "--profile", "service", "-p", "csba-server", "--example", "load", "--"]);
        c.args(["--database", database]);
        if let Some(url) = url {
            c.args(["--database-url", &url]);
        }
        c.args(extra);
        cmd::run(&mut c)
    };
    load("sqlite", None)?;
    let postgres = postgres::PrivatePostgres::start(false)?;
    load("postgres", Some(postgres.url()))
}
