//! Running other programs, loudly: every command is echoed before it runs.

use crate::Result;
use std::process::Command;

pub fn cargo(args: &[&str]) -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.args(args).current_dir(crate::root());
    c
}

/// npm is a batch file on Windows (`npm.cmd`), which `Command` does not
/// find by the bare name.
pub fn npm() -> Command {
    Command::new(if cfg!(windows) { "npm.cmd" } else { "npm" })
}

pub fn run(command: &mut Command) -> Result {
    eprintln!("$ {}", describe(command));
    let status = command.status().map_err(|e| format!("cannot start `{}`: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Output of a command that must succeed, as text.
pub fn output(command: &mut Command) -> Result<String> {
    let out = command.output().map_err(|e| format!("cannot start `{}`: {e}", describe(command)))?;
    if !out.status.success() {
        return Err(format!("`{}` failed: {}", describe(command), String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Whether `program` can be started at all.
pub fn exists(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

fn describe(command: &Command) -> String {
    std::iter::once(command.get_program().to_string_lossy().into_owned())
        .chain(command.get_args().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}
