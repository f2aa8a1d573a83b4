//! Runs the built `csba` binary for the CLI tests.

#![allow(dead_code)] // each test file uses the part it needs

pub mod keychain;
pub mod server;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

pub fn csba(args: &[&str]) -> std::result::Result<Output, String> {
    csba_with_env(&[], args)
}

/// Runs `csba` with extra environment, e.g. a private `CSBA_DATA_DIR`.
pub fn csba_with_env(env: &[(&str, &std::path::Path)], args: &[&str]) -> std::result::Result<Output, String> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_csba"));
    command.args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().map_err(|e| e.to_string())
}

/// Exit code (−1 when killed by a signal), standard output, standard error.
pub fn csba_text(args: &[&str]) -> std::result::Result<(i32, String, String), String> {
    text(csba(args)?)
}

/// Exit code, standard output and standard error of a finished run.
pub fn text(out: Output) -> std::result::Result<(i32, String, String), String> {
    Ok((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// What one `csba` run did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Both streams, for "never printed" checks and failure messages.
    pub fn all(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }

    pub fn json(&self) -> Result<serde_json::Value> {
        serde_json::from_str(&self.stdout).map_err(|e| format!("{e}: {}", self.all()).into())
    }
}

/// `csba --lang en ARGS` (unless ARGS name a language) on the data
/// directory `dir`, with `stdin` as its standard input and extra environment.
pub fn csba_in(dir: &Path, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Result<Run> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_csba"));
    if !args.contains(&"--lang") {
        command.args(["--lang", "en"]);
    }
    command
        .args(args)
        .env("CSBA_DATA_DIR", dir)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        command.env(name, value);
    }
    let mut child = command.spawn()?;
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
        // A command that refuses its arguments exits before it reads its
        // input: the pipe is then closed, which is its answer, not an error
        // of the test.
        match pipe.write_all(input.as_bytes()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other?,
        }
    }
    let out = child.wait_with_output()?;
    Ok(Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    })
}

/// Every file under `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Result<Vec<std::path::PathBuf>> {
    let mut found = Vec::new();
    if !dir.exists() {
        return Ok(found);
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            found.extend(files_containing(&path, needle)?);
        } else if std::fs::read(&path)?.windows(needle.len()).any(|w| w == needle) {
            found.push(path);
        }
    }
    Ok(found)
}

/// The names of everything under `dir` (empty when it does not exist).
pub fn dir_listing(dir: &Path) -> Result<Vec<String>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        names.push(entry?.file_name().to_string_lossy().into_owned());
    }
    Ok(names)
}

/// A valid UPU S10 (China Post) tracking ID built around `serial`.
pub fn s10(serial: u32) -> String {
    let digits: Vec<u32> = format!("{:08}", serial % 100_000_000).bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = digits.iter().zip([8, 6, 4, 2, 3, 5, 9, 7]).map(|(d, w)| d * w).sum();
    let check = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    format!("EV{:08}{check}CN", serial % 100_000_000)
}
