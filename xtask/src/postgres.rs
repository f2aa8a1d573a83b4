//! A private PostgreSQL for the test run and the server benchmark: its own
//! data directory under target/, its own port (the first free one from
//! 55432) and socket directory, trust authentication on loopback only.
//! Stopped, and its data removed, when the guard is dropped, so a failing
//! stage does not leave a server behind.

use crate::{cmd, root, Result};
use std::net::{Ipv4Addr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::Command;

const FIRST_PORT: u16 = 55432;

pub struct PrivatePostgres {
    bin: PathBuf,
    data: PathBuf,
    sockets: PathBuf,
    port: u16,
    /// initdb refuses to run as root: then everything runs as `postgres`.
    as_postgres: bool,
}

impl PrivatePostgres {
    /// `fast`: no fsync (test data is thrown away anyway); the benchmark
    /// keeps the durable defaults.
    pub fn start(fast: bool) -> Result<PrivatePostgres> {
        let bin = bin_dir()?;
        let base = root().join("target");
        let data = base.join("pg-data");
        let sockets = base.join("pg-sock");
        let as_postgres = crate::setup::is_root();
        // A previous run that was killed may have left a server running.
        if data.join("postmaster.pid").exists() {
            let mut stop = Command::new(bin.join("pg_ctl"));
            stop.arg("-D").arg(&data).args(["-m", "immediate", "stop"]);
            let _ = run_as(as_postgres, &mut stop).output();
        }
        for dir in [&data, &sockets] {
            if dir.exists() {
                std::fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
            }
        }
        std::fs::create_dir_all(&sockets).map_err(|e| format!("cannot create {}: {e}", sockets.display()))?;
        std::fs::create_dir_all(&data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;
        if as_postgres {
            cmd::run(Command::new("chown").arg("postgres:postgres").arg(&data).arg(&sockets))?;
        }
        let port = free_port()?;
        let pg = PrivatePostgres { bin, data, sockets, port, as_postgres };
        let mut initdb = Command::new(pg.bin.join("initdb"));
        initdb.arg("-D").arg(&pg.data).args([
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        ]);
        cmd::run(run_as(as_postgres, &mut initdb))?;
        let mut options =
            format!("-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=300", pg.sockets.display());
        if fast {
            options.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        }
        let mut start = Command::new(pg.bin.join("pg_ctl"));
        start
            .arg("-D")
            .arg(&pg.data)
            .arg("-o")
            .arg(options)
            .arg("-l")
            .arg(pg.data.join("server.log"))
            .args(["-w", "start"]);
        cmd::run(run_as(as_postgres, &mut start))?;
        eprintln!("xtask: private PostgreSQL on 127.0.0.1:{port} ({})", pg.data.display());
        Ok(pg)
    }

    /// The superuser, trusted on loopback; tests create their databases on it.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for PrivatePostgres {
    fn drop(&mut self) {
        let mut stop = Command::new(self.bin.join("pg_ctl"));
        stop.arg("-D").arg(&self.data).args(["-m", "fast", "-w", "stop"]);
        if let Err(e) = cmd::run(run_as(self.as_postgres, &mut stop)) {
            eprintln!("xtask: could not stop the private PostgreSQL: {e}");
        }
        for dir in [&self.data, &self.sockets] {
            if let Err(e) = std::fs::remove_dir_all(dir) {
                eprintln!("xtask: could not remove {}: {e}", dir.display());
            }
        }
    }
}

/// Debian installs the server outside PATH, per major version; the newest wins.
fn bin_dir() -> Result<PathBuf> {
    let lib = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(lib)
        .map_err(|e| format!("PostgreSQL is not installed ({}: {e}); run `cargo xtask setup --test`", lib.display()))?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| Some((entry.file_name().to_str()?.parse::<u32>().ok()?, entry.path().join("bin"))))
        .filter(|(_, bin)| bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin).ok_or_else(|| format!("no initdb under {}", lib.display()))
}

fn free_port() -> Result<u16> {
    (FIRST_PORT..FIRST_PORT + 100)
        .find(|p| TcpListener::bind((Ipv4Addr::LOCALHOST, *p)).is_ok())
        .ok_or_else(|| format!("no free port from {FIRST_PORT}"))
}

/// The same command, run as the `postgres` user when we are root.
fn run_as(as_postgres: bool, command: &mut Command) -> &mut Command {
    if as_postgres {
        let mut wrapped = Command::new("runuser");
        wrapped.args(["-u", "postgres", "--"]).arg(command.get_program()).args(command.get_args());
        // The socket and data directories are absolute; cwd must be one
        // postgres may enter.
        wrapped.current_dir("/");
        *command = wrapped;
    }
    command
}
