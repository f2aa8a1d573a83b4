//! The exit codes of `csba`, which scripts rely on (listed in `csba --help`).
//! One code per thing a script would do differently: fix its input, try
//! again later, or get a person to look.

use std::process::ExitCode;

/// Bad input or a local problem (unreadable file, unknown id, the replica).
pub const FAILURE: u8 = 1;
/// Bad arguments (clap's own code).
pub const USAGE: u8 = 2;
/// The service could not be reached, or failed on its side (5xx): nothing
/// is lost, try again later.
pub const OFFLINE: u8 = 3;
/// A person has to act: the token was rejected or is not in the keychain,
/// the keychain is locked or unavailable, or the service refused the request.
pub const REFUSED: u8 = 4;
/// `csba sync` reached every account, but the service refused some queued
/// actions; `csba outbox` lists them with their problem codes.
pub const ACTIONS_REFUSED: u8 = 5;

/// For `csba --help`.
pub const HELP: &str = "\
Exit codes:
  0  done
  1  bad input or a local problem (file, id, local data)
  2  bad arguments
  3  the service could not be reached or failed (5xx); try again later
  4  needs a person: token rejected or missing, keychain locked or unavailable, request refused
  5  csba sync: every account synced, but the service refused queued actions (see csba outbox)
  When accounts end differently, csba sync exits with the first that applies of 1, 4, 3, 5.";

/// Prints `message` on standard error and ends with `code`.
pub fn fail(code: u8, message: &str) -> Result<ExitCode, String> {
    eprintln!("csba: {message}");
    Ok(ExitCode::from(code))
}
