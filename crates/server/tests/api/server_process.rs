//! Real `csba-server serve` processes for the tests that need more than an
//! in-process server: several instances on one database, or a process
//! killed mid-request.

use crate::common::TestResult;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A server process, killed when dropped.
pub struct Instance {
    child: Child,
    pub addr: SocketAddr,
}

impl Instance {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `csba-server serve` on a free port; its address comes from the
/// "listening" log line (stderr), which also means it has migrated.
pub fn start(database_url: &str) -> TestResult<(Instance, std::sync::mpsc::Receiver<SocketAddr>)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_csba-server"))
        .args(["serve", "--listen", "127.0.0.1:0", "--database-url", database_url])
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()?;
    let stderr = child.stderr.take().ok_or("no stderr")?;
    let (tx, rx) = std::sync::mpsc::channel();
    // Reads the log for the whole life of the process, so it never blocks on a full pipe.
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(addr) = listening_addr(&line) {
                let _ = tx.send(addr);
            }
            if std::env::var_os("CSBA_TEST_SHOW_SERVER_LOG").is_some() {
                eprintln!("[server] {line}");
            }
        }
    });
    let placeholder = SocketAddr::from(([127, 0, 0, 1], 0));
    Ok((Instance { child, addr: placeholder }, rx))
}

fn listening_addr(line: &str) -> Option<SocketAddr> {
    let plain: String = strip_ansi(line);
    if !plain.contains("listening") {
        return None;
    }
    let rest = &plain[plain.find("addr=")? + 5..];
    rest.split_whitespace().next()?.parse().ok()
}

/// In case the log is coloured after all.
fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Waits (off the runtime's threads) for the instance to listen.
pub async fn listening(mut instance: Instance, rx: std::sync::mpsc::Receiver<SocketAddr>) -> TestResult<Instance> {
    let addr = tokio::task::spawn_blocking(move || rx.recv_timeout(Duration::from_secs(60))).await?;
    instance.addr = addr.map_err(|_| "the server did not start listening within 60 s")?;
    Ok(instance)
}

impl Instance {
    /// SIGKILL: no shutdown, no flush, whatever request is in flight dies
    /// where it stands.
    pub fn kill(&mut self) -> TestResult {
        self.child.kill()?;
        self.child.wait()?;
        Ok(())
    }
}
