//! Runs the built `csba` binary for the CLI tests.

#![allow(dead_code)] // each test file uses the part it needs

use std::process::{Command, Output};

pub fn csba(args: &[&str]) -> Result<Output, String> {
    Command::new(env!("CARGO_BIN_EXE_csba")).args(args).output().map_err(|e| e.to_string())
}

/// Exit code (−1 when killed by a signal), standard output, standard error.
pub fn csba_text(args: &[&str]) -> Result<(i32, String, String), String> {
    let out = csba(args)?;
    Ok((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}
