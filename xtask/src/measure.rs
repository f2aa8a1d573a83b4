//! `cargo xtask measure`: what a seller feels at start-up, measured on the
//! release build beside the stock Tauri hello-world app (xtask/hello-world,
//! same release profile) in one run, launches taking turns so both see the
//! same machine: binary size, time from launch to the first drawn page
//! (CSBA Desk: its inbox with cases, from a replica that already has them;
//! hello-world: its page), and settled memory (PSS summed over the app and
//! its WebKit processes).

use crate::display::{self, Xvfb};
use crate::{cmd, root, setup, Result};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Must match `FIRST_RENDER_MARKER` in src-tauri/src/startup.rs.
pub const FIRST_RENDER_MARKER: &str = "first inbox render after";
/// What xtask/hello-world prints once its page has drawn.
const HELLO_RENDER_MARKER: &str = "first render after";

/// How long memory is left to settle after the first render.
const SETTLE: Duration = Duration::from_secs(5);

/// The goals of issue 12, against the hello-world app of the same run.
const MAX_BINARY_BYTES: u64 = 15 * 1_048_576;
const MAX_PSS_RATIO: f64 = 1.25;
const MAX_RENDER_RATIO: f64 = 1.5;

struct Launch {
    render_ms: u64,
    pss_kib: u64,
    /// PSS per process (the app, WebKit's web and network processes).
    parts: Vec<(String, u64)>,
}

pub fn app(runs: usize) -> Result {
    setup::all(false)?;
    cmd::run(&mut cmd::cargo(&["build", "--locked", "--release", "--package", "csba-desk"]))?;
    let hello_dir = root().join("xtask").join("hello-world");
    // The workspace's own target directory: the dependencies both apps
    // build alike are built once.
    let hello_target = target_dir();
    cmd::run(
        cmd::cargo(&["build", "--locked", "--release", "--manifest-path"])
            .arg(hello_dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", &hello_target),
    )?;
    let desk = target_dir().join("release").join("csba-desk");
    let hello = hello_target.join("release").join("hello-world");
    let xvfb = if display::available() { None } else { Some(Xvfb::start()?) };
    let display = xvfb.as_ref().map(|x| x.display.clone());
    // One session bus for every launch of both apps, as on a desktop.
    let bus = display::SessionBus::start()?;
    let desktop = env(&display, &bus);

    // A seller opening the app has a replica already: the first launch
    // (demo sandbox seeded, first sync) fills it and is not counted.
    let data = std::env::temp_dir().join(format!("csba-measure-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    launch(&desk, FIRST_RENDER_MARKER, &data, &desktop, Duration::from_secs(3))
        .map_err(|e| format!("priming the replica: {e}"))?;

    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for run in 1..=runs {
        let h = launch(&hello, HELLO_RENDER_MARKER, &data, &desktop, SETTLE)?;
        let d = launch(&desk, FIRST_RENDER_MARKER, &data, &desktop, SETTLE)?;
        eprintln!(
            "xtask: run {run}: hello-world page {} ms, PSS {:.0} MB ({}); CSBA Desk inbox {} ms, PSS {:.0} MB ({})",
            h.render_ms,
            mb(h.pss_kib),
            parts(&h),
            d.render_ms,
            mb(d.pss_kib),
            parts(&d)
        );
        theirs.push(h);
        ours.push(d);
    }
    let _ = std::fs::remove_dir_all(&data);

    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).map_err(|e| format!("{}: {e}", p.display()));
    let (desk_size, hello_size) = (size(&desk)?, size(&hello)?);
    let render = (median(ours.iter().map(|l| l.render_ms)), median(theirs.iter().map(|l| l.render_ms)));
    let pss = (median(ours.iter().map(|l| l.pss_kib)), median(theirs.iter().map(|l| l.pss_kib)));
    let render_ratio = render.0 as f64 / render.1.max(1) as f64;
    let pss_ratio = pss.0 as f64 / pss.1.max(1) as f64;
    let verdict = |ok: bool| if ok { "meets" } else { "MISSES" };
    eprintln!(
        "\nrelease builds, {runs} launches each, medians:\n\
         | | CSBA Desk | hello-world | ratio | goal |\n\
         |---|---|---|---|---|\n\
         | binary | {:.1} MB | {:.1} MB | {:.2} × | ≤ 15 MB: {} |\n\
         | launch → first render (inbox with cases / page) | {} ms | {} ms | {render_ratio:.2} × | ≤ {MAX_RENDER_RATIO} ×: {} |\n\
         | settled PSS, app + WebKit processes | {:.0} MB | {:.0} MB | {pss_ratio:.2} × | ≤ {MAX_PSS_RATIO} ×: {} |",
        desk_size as f64 / 1_048_576.0,
        hello_size as f64 / 1_048_576.0,
        desk_size as f64 / hello_size.max(1) as f64,
        verdict(desk_size <= MAX_BINARY_BYTES),
        render.0,
        render.1,
        verdict(render_ratio <= MAX_RENDER_RATIO),
        mb(pss.0),
        mb(pss.1),
        verdict(pss_ratio <= MAX_PSS_RATIO),
    );
    Ok(())
}

/// Where cargo puts the builds: `CARGO_TARGET_DIR` when set (a worktree
/// sharing a machine with other builds keeps its own), else the workspace's.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("target"))
}

/// The desktop both apps see: the display (when a private one) and the bus.
fn env(display: &Option<String>, bus: &display::SessionBus) -> Vec<(&'static str, String)> {
    let mut env = vec![("DBUS_SESSION_BUS_ADDRESS", bus.address.clone())];
    if let Some(display) = display {
        env.push(("DISPLAY", display.clone()));
    }
    env
}

/// Starts `app`, waits for `marker` on its stderr, lets it settle, reads
/// its memory and stops it.
fn launch(
    app: &Path,
    marker: &'static str,
    data: &PathBuf,
    env: &[(&str, String)],
    settle: Duration,
) -> Result<Launch> {
    let mut command = Command::new(app);
    command
        .env("CSBA_DATA_DIR", data)
        .env("RUST_LOG", "info")
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command.envs(env.iter().map(|(k, v)| (k, v)));
    let started = Instant::now();
    let mut child = command.spawn().map_err(|e| format!("cannot start {}: {e}", app.display()))?;
    let stderr = child.stderr.take().ok_or("no stderr")?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(std::result::Result::ok) {
            if marked_ms(&line, marker).is_some() {
                let _ = tx.send(());
            }
        }
    });
    // Timed here, from spawn, the same way for both apps.
    let rendered = rx.recv_timeout(Duration::from_secs(60)).map(|()| started.elapsed());
    std::thread::sleep(settle);
    let parts: Vec<(String, u64)> = tree(child.id()).into_iter().map(|p| (comm(p), pss_kib(p))).collect();
    let pss_kib = parts.iter().map(|(_, kib)| kib).sum();
    let _ = child.kill();
    let _ = child.wait();
    let rendered = rendered.map_err(|_| format!("{} did not report `{marker}` within 60 s", app.display()))?;
    Ok(Launch { render_ms: u64::try_from(rendered.as_millis()).unwrap_or(u64::MAX), pss_kib, parts })
}

fn parts(launch: &Launch) -> String {
    launch.parts.iter().map(|(name, kib)| format!("{name} {:.0}", mb(*kib))).collect::<Vec<_>>().join(", ")
}

fn median(values: impl Iterator<Item = u64>) -> u64 {
    let mut v: Vec<u64> = values.collect();
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn mb(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// The milliseconds a log line gives after `marker` (e.g. "first inbox render after 812 ms").
pub fn marked_ms(line: &str, marker: &str) -> Option<u64> {
    let rest = &line[line.find(marker)? + marker.len()..];
    rest.split_whitespace().next()?.parse().ok()
}

/// PSS in KiB of `pid` and all its descendants (WebKit's web and network
/// processes are children of the app).
pub fn pss_of_tree(pid: u32) -> u64 {
    tree(pid).iter().map(|p| pss_kib(*p)).sum()
}

/// `pid` and all its descendants.
pub fn tree(pid: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Some(p) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
            // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces.
            let ppid = std::fs::read_to_string(format!("/proc/{p}/stat"))
                .ok()
                .and_then(|s| s.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse().ok()));
            if let Some(ppid) = ppid {
                parents.push((p, ppid));
            }
        }
    }
    let mut tree = vec![pid];
    let mut i = 0;
    while let Some(&at) = tree.get(i) {
        tree.extend(parents.iter().filter(|(_, ppid)| *ppid == at).map(|(p, _)| *p));
        i += 1;
    }
    tree
}

fn comm(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).map(|c| c.trim().to_owned()).unwrap_or_default()
}

fn pss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Pss:"))?.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_render_lines_with_or_without_colours() {
        let m = FIRST_RENDER_MARKER;
        assert_eq!(marked_ms("INFO csba_desk_lib::startup: first inbox render after 812 ms", m), Some(812));
        assert_eq!(marked_ms("\u{1b}[32m INFO\u{1b}[0m x: first inbox render after 97 ms", m), Some(97));
        assert_eq!(marked_ms("sandbox service on http://127.0.0.1:1", m), None);
        assert_eq!(marked_ms("first render after 301 ms", HELLO_RENDER_MARKER), Some(301));
    }

    #[test]
    fn the_median_of_an_odd_and_an_even_count() {
        assert_eq!(median([5, 1, 3].into_iter()), 3);
        assert_eq!(median([4, 1, 3, 2].into_iter()), 3);
        assert_eq!(median(std::iter::empty()), 0);
    }

    #[test]
    fn the_tree_of_this_process_has_memory() {
        assert!(pss_of_tree(std::process::id()) > 0);
    }
}
