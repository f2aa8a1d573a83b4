//! The service under test as its own process: the release `csba-server`
//! built next to this example, so its memory is the service's alone and
//! not the load generator's.

use crate::Error;
use std::net::{Ipv4Addr, TcpListener};
use std::path::PathBuf;
use std::process::Stdio;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

pub struct Server {
    pub base: String,
    child: Child,
    pid: u32,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

/// Resident and proportional set size, from `/proc/PID/smaps_rollup`.
#[derive(Debug, Clone, Copy)]
pub struct Memory {
    pub rss_kib: u64,
    pub pss_kib: u64,
}

impl std::fmt::Display for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RSS {:.1} MiB, PSS {:.1} MiB", self.rss_kib as f64 / 1024.0, self.pss_kib as f64 / 1024.0)
    }
}

impl Server {
    /// Starts `csba-server serve` on a free loopback port and waits until it
    /// answers. `streams`: how many connections it must be able to hold.
    pub async fn start(database_url: &str, streams: usize) -> Result<Server, Error> {
        let binary = binary()?;
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?.local_addr()?.port();
        let dir = tempfile::tempdir()?;
        let log = dir.path().join("server.log");
        let child = Command::new(&binary)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--database-url", database_url])
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&log)?)
            .stderr(std::fs::File::create(dir.path().join("server.err"))?)
            .spawn()?;
        let pid = child.id();
        let server = Server { base: format!("http://127.0.0.1:{port}"), child, pid, log, _dir: dir };
        // Each stream is a socket; the generator holds the other end of each.
        let needed = streams as u64 + 256;
        for (who, pid) in [("the server", pid), ("the load generator", std::process::id())] {
            raise_open_files(pid, needed).map_err(|e| format!("{who}: {e}"))?;
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        while tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_err() {
            if Instant::now() > deadline {
                return Err(format!("the server did not listen within 30 s:\n{}", server.log_tail()).into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        eprintln!("server {} (pid {pid}) on {}", binary.display(), server.base);
        Ok(server)
    }

    pub fn memory(&self) -> Result<Memory, Error> {
        let rollup = std::fs::read_to_string(format!("/proc/{}/smaps_rollup", self.pid))?;
        let field = |name: &str| {
            rollup
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                .ok_or_else(|| format!("no {name} in smaps_rollup"))
        };
        Ok(Memory { rss_kib: field("Rss:")?, pss_kib: field("Pss:")? })
    }

    /// Stops the server gracefully (SIGINT, as Ctrl-C) and returns the end
    /// of its log.
    pub async fn stop(mut self) -> String {
        let _ = Command::new("kill").args(["-INT", &self.pid.to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(15);
        while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.log_tail()
    }

    fn log_tail(&self) -> String {
        let err = self.log.with_file_name("server.err");
        let text =
            std::fs::read_to_string(&err).unwrap_or_default() + &std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(40)..].join("\n")
    }
}

/// `csba-server` in the directory above this example's (target/service).
fn binary() -> Result<PathBuf, Error> {
    let exe = std::env::current_exe()?;
    let profile_dir = exe.parent().and_then(|examples| examples.parent()).ok_or("no directory above the example")?;
    let binary = profile_dir.join("csba-server");
    if !binary.exists() {
        return Err(format!(
            "{} is missing: build it first (cargo build --profile service -p csba-server --bin csba-server)",
            binary.display()
        )
        .into());
    }
    Ok(binary)
}

/// Raises the soft limit on open files of `pid` to `needed` with util-linux's
/// `prlimit` (the workspace forbids the unsafe call setrlimit needs), up to
/// the hard limit; refuses when even the hard limit is too low.
fn raise_open_files(pid: u32, needed: u64) -> Result<(), Error> {
    let limits = std::fs::read_to_string(format!("/proc/{pid}/limits"))?;
    let line = limits.lines().find(|l| l.starts_with("Max open files")).ok_or("no open-files limit")?;
    let numbers: Vec<u64> = line.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    let (soft, hard) = match numbers.as_slice() {
        [soft, hard, ..] => (*soft, *hard),
        _ => (0, u64::MAX),
    };
    if soft >= needed {
        return Ok(());
    }
    if hard < needed {
        return Err(format!("open files: hard limit {hard} is below the {needed} needed; raise it (ulimit -Hn)").into());
    }
    let status =
        Command::new("prlimit").args([format!("--pid={pid}"), format!("--nofile={needed}:{hard}")]).status()?;
    if !status.success() {
        return Err(format!("prlimit could not raise the open-files limit from {soft} to {needed}").into());
    }
    eprintln!("open files of pid {pid}: soft limit raised from {soft} to {needed}");
    Ok(())
}

/// A benchmark that fails half-way must not leave the server running.
impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
