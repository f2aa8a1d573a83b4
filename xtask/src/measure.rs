//! `cargo xtask measure`: what a seller feels at start-up, measured on the
//! release build — binary size, time from launch to the first inbox render
//! (logged by the app itself), and memory (PSS summed over the app and its
//! WebKit processes) once the inbox is up.

use crate::display::{self, Xvfb};
use crate::{cmd, root, setup, Result};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Must match `FIRST_RENDER_MARKER` in src-tauri/src/startup.rs.
const FIRST_RENDER_MARKER: &str = "first inbox render after";

pub fn app(runs: usize) -> Result {
    setup::all(false)?;
    cmd::run(&mut cmd::cargo(&["build", "--locked", "--release", "--package", "csba-desk"]))?;
    let app = root().join("target").join("release").join("csba-desk");
    let size = std::fs::metadata(&app).map_err(|e| format!("{}: {e}", app.display()))?.len();
    let xvfb = if display::available() { None } else { Some(Xvfb::start()?) };

    let mut renders = Vec::new();
    let mut pss = Vec::new();
    for run in 0..runs {
        let data = std::env::temp_dir().join(format!("csba-measure-{}-{run}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data);
        let mut command = Command::new(&app);
        command
            .env("CSBA_DATA_DIR", &data)
            .env("RUST_LOG", "info")
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        if let Some(x) = &xvfb {
            command.env("DISPLAY", &x.display);
        }
        let mut child = command.spawn().map_err(|e| format!("cannot start {}: {e}", app.display()))?;
        let stderr = child.stderr.take().ok_or("no stderr")?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(std::result::Result::ok) {
                if let Some(ms) = first_render_ms(&line) {
                    let _ = tx.send(ms);
                }
            }
        });
        let render = rx.recv_timeout(Duration::from_secs(60));
        // Let the webview settle before reading memory.
        std::thread::sleep(Duration::from_secs(2));
        let memory = pss_of_tree(child.id());
        let _ = child.kill();
        let _ = child.wait();
        let _ = std::fs::remove_dir_all(&data);
        let render = render.map_err(|_| "the app did not report its first render within 60 s")?;
        eprintln!("xtask: run {}: first inbox render {render} ms, PSS {:.0} MB", run + 1, memory as f64 / 1024.0);
        renders.push(render);
        pss.push(memory);
    }
    renders.sort_unstable();
    pss.sort_unstable();
    let median = |v: &[u64]| v.get(v.len() / 2).copied().unwrap_or_default();
    eprintln!(
        "\nCSBA Desk (release, {runs} runs): binary {:.1} MB; first inbox render median {} ms (min {}, max {}); \
         PSS median {:.0} MB over the app and its WebKit processes",
        size as f64 / 1_048_576.0,
        median(&renders),
        renders.first().copied().unwrap_or_default(),
        renders.last().copied().unwrap_or_default(),
        median(&pss) as f64 / 1024.0,
    );
    Ok(())
}

fn first_render_ms(line: &str) -> Option<u64> {
    let rest = &line[line.find(FIRST_RENDER_MARKER)? + FIRST_RENDER_MARKER.len()..];
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
    fn reads_the_first_render_line_with_or_without_colours() {
        assert_eq!(first_render_ms("INFO csba_desk_lib::startup: first inbox render after 812 ms"), Some(812));
        assert_eq!(first_render_ms("\u{1b}[32m INFO\u{1b}[0m x: first inbox render after 97 ms"), Some(97));
        assert_eq!(first_render_ms("sandbox service on http://127.0.0.1:1"), None);
    }

    #[test]
    fn the_tree_of_this_process_has_memory() {
        assert!(pss_of_tree(std::process::id()) > 0);
    }
}
