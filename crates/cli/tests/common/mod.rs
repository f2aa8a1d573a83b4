//! Runs the built `csba` binary for the CLI tests.

#![allow(dead_code)] // each test file uses the part it needs

use std::process::{Command, Output};

pub fn csba(args: &[&str]) -> Result<Output, String> {
    csba_with_env(&[], args)
}

/// Runs `csba` with extra environment, e.g. a private `CSBA_DATA_DIR`.
pub fn csba_with_env(env: &[(&str, &std::path::Path)], args: &[&str]) -> Result<Output, String> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_csba"));
    command.args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().map_err(|e| e.to_string())
}

/// Exit code (−1 when killed by a signal), standard output, standard error.
pub fn csba_text(args: &[&str]) -> Result<(i32, String, String), String> {
    text(csba(args)?)
}

/// Exit code, standard output and standard error of a finished run.
pub fn text(out: Output) -> Result<(i32, String, String), String> {
    Ok((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}
