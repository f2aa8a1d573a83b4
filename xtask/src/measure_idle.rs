//! `cargo xtask measure-idle`: what the app costs while it waits — the
//! release build with 10,000 open cases in its replica and every alert
//! armed, first with its window open (the inbox counting down), then in the
//! tray with the window closed. CPU is the time the kernel charged to the
//! app and its WebKit processes over the span, as a share of one core;
//! memory is PSS summed over the same processes.

use crate::display::{self, Xvfb};
use crate::{cmd, root, setup, Result};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Spans {
    /// How long to sample CPU, window open and then in the tray.
    pub cpu: Duration,
    /// How long to leave the app in the tray before reading its memory.
    pub tray: Duration,
    pub cases: u32,
}

pub fn run(spans: &Spans) -> Result {
    setup::all(false)?;
    // A tray host to close the window into, and a way to find that window.
    setup::apt(&["trayer", "xdotool", "dbus"])?;
    cmd::run(&mut cmd::cargo(&[
        "build",
        "--locked",
        "--release",
        "--package",
        "csba-desk",
        "--bin",
        "csba-desk",
        "--example",
        "close_window",
    ]))?;
    cmd::run(&mut cmd::cargo(&[
        "build",
        "--locked",
        "--release",
        "--package",
        "csba-store",
        "--example",
        "busy_replica",
    ]))?;
    let target = root().join("target").join("release");
    let data = std::env::temp_dir().join(format!("csba-idle-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    cmd::run(Command::new(target.join("examples").join("busy_replica")).arg(&data).arg(spans.cases.to_string()))?;

    let xvfb = if display::available() { None } else { Some(Xvfb::start()?) };
    let display_env =
        xvfb.as_ref().map(|x| x.display.clone()).or_else(|| std::env::var("DISPLAY").ok()).unwrap_or_default();
    // A tray host, so that closing the window keeps the app running.
    let mut tray = Command::new("trayer")
        .args(["--edge", "bottom", "--align", "right", "--widthtype", "request", "--height", "32"])
        .env("DISPLAY", &display_env)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start trayer (apt install trayer): {e}"))?;
    std::thread::sleep(Duration::from_secs(1));

    // Its own session bus: notifications and the tray's D-Bus side are real.
    let mut app = Command::new("dbus-run-session")
        .arg("--")
        .arg(target.join("csba-desk"))
        .env("CSBA_DATA_DIR", &data)
        .env("DISPLAY", &display_env)
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the app: {e}"))?;
    let result = measure(&mut app, &display_env, spans);
    let _ = app.kill();
    let _ = app.wait();
    let _ = tray.kill();
    let _ = tray.wait();
    let _ = std::fs::remove_dir_all(&data);
    result
}

fn measure(app: &mut Child, display_env: &str, spans: &Spans) -> Result {
    // The replica is read, the inbox drawn, the scheduler armed.
    std::thread::sleep(Duration::from_secs(20));
    // The app and its WebKit processes: below dbus-run-session, beside the
    // bus daemon and whatever notification daemon it started, which are
    // not the app's cost.
    let desk = crate::measure::tree(app.id())
        .into_iter()
        .find(|p| std::fs::read_to_string(format!("/proc/{p}/comm")).is_ok_and(|c| c.trim() == "csba-desk"))
        .ok_or("the app is not running")?;
    let open = cpu_share(desk, spans.cpu);
    let open_pss = crate::measure::pss_of_tree(desk);
    eprintln!(
        "xtask: window open, {} cases: CPU {:.2} % of one core over {} s, PSS {:.0} MB",
        spans.cases,
        open * 100.0,
        spans.cpu.as_secs(),
        open_pss as f64 / 1024.0
    );
    close_window(display_env)?;
    // The webview's last work after hiding (layout, a collection) is not idling.
    std::thread::sleep(Duration::from_secs(30));
    let hidden = cpu_share(desk, spans.cpu);
    eprintln!("xtask: in the tray: CPU {:.2} % of one core over {} s", hidden * 100.0, spans.cpu.as_secs());
    let started = Instant::now();
    let mut reported = 0;
    while started.elapsed() < spans.tray {
        if app.try_wait().ok().flatten().is_some() {
            return Err("the app quit while in the tray".into());
        }
        std::thread::sleep(Duration::from_secs(10));
        let minutes = started.elapsed().as_secs() / 60;
        if minutes >= reported + 10 {
            reported = minutes;
            eprintln!(
                "xtask: {minutes} min in the tray: PSS {:.0} MB",
                crate::measure::pss_of_tree(desk) as f64 / 1024.0
            );
        }
    }
    let tray_pss = crate::measure::pss_of_tree(desk);
    eprintln!(
        "\nCSBA Desk (release, {} open cases, alerts armed): idle CPU {:.2} % of one core with the window open, \
         {:.2} % in the tray; PSS {:.0} MB with the window open, {:.0} MB after {} min in the tray",
        spans.cases,
        open * 100.0,
        hidden * 100.0,
        open_pss as f64 / 1024.0,
        tray_pss as f64 / 1024.0,
        spans.tray.as_secs() / 60,
    );
    Ok(())
}

/// Closes the window as the seller does, through the window manager's
/// close request (`WM_DELETE_WINDOW`), which the app answers by hiding
/// into the tray.
fn close_window(display_env: &str) -> Result {
    let ids = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "^CSBA Desk"])
        .env("DISPLAY", display_env)
        .output()
        .map_err(|e| format!("xdotool (apt install xdotool): {e}"))?;
    let ids = String::from_utf8_lossy(&ids.stdout).into_owned();
    let id = ids.split_whitespace().next().ok_or("the app's window is not on the display")?;
    cmd::run(
        Command::new(crate::root().join("target/release/examples/close_window")).arg(id).env("DISPLAY", display_env),
    )
}

/// CPU seconds charged to `pid` and its descendants over `span`, as a share of one core.
fn cpu_share(pid: u32, span: Duration) -> f64 {
    let before = cpu_ticks(pid);
    let started = Instant::now();
    std::thread::sleep(span);
    let after = cpu_ticks(pid);
    // /proc counts in USER_HZ, 100 on every Linux this runs on.
    (after.saturating_sub(before)) as f64 / 100.0 / started.elapsed().as_secs_f64()
}

fn cpu_ticks(pid: u32) -> u64 {
    crate::measure::tree(pid).iter().map(|p| ticks_of(*p)).sum()
}

/// utime + stime of one process (fields 14 and 15 of /proc/PID/stat).
fn ticks_of(pid: u32) -> u64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { return 0 };
    let Some((_, rest)) = stat.rsplit_once(')') else { return 0 };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After "(comm)": state is field 3, so utime (14) and stime (15) are at 11 and 12.
    let field = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    field(11) + field(12)
}
