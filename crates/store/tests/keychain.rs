//! API tokens in the real OS keychain (Secret Service through gnome-keyring
//! under `cargo xtask test`): save, read, replace, delete; a missing entry
//! is `Missing`; no Secret Service at all is `Unavailable`, and no error
//! text ever holds the token.
//!
//! Tests that need a keychain run when `CSBA_TEST_KEYCHAIN=1` (and fail if
//! it is unusable); elsewhere they say they were skipped. The "no Secret
//! Service" test needs none and always runs: it re-runs this test binary
//! (the ignored `no_service_child` test) with the session bus pointed at
//! nothing.

use csba_store::credentials::{
    delete_token, save_token, store_is_persistent, token_for, token_present, CredentialError,
};
use std::io::Write;
use std::process::Command;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const CHILD_ENV: &str = "CSBA_KEYCHAIN_CHILD";
const CHILD_TOKEN: &str = "csba_child0000000000000000000000000000000000000000000000";

/// Whether this run must exercise the real keychain.
fn keychain_required(test: &str) -> bool {
    let required = std::env::var("CSBA_TEST_KEYCHAIN").is_ok_and(|v| v == "1")
        || std::env::var("CSBA_TEST_REQUIRE").is_ok_and(|r| r.split(',').any(|x| x == "keychain"));
    if !required {
        eprintln!("{test}: skipped (set CSBA_TEST_KEYCHAIN=1 inside a keychain session; `cargo xtask test` does)");
    }
    required
}

/// An entry name no other test (or earlier run) uses.
fn unique_user(what: &str) -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    format!("A1KEYCHAIN{}@http://keychain-test.invalid/{what}/{}/{nanos}", std::process::id(), what.len())
}

/// Runs everywhere, keychain or not: on each OS's own test run it fails if
/// this build would keep tokens in keyring's mock store (`cargo xtask
/// target-deps` checks the other targets' graphs from here).
#[test]
fn this_build_keeps_tokens_in_a_store_that_outlives_the_process() {
    assert!(
        store_is_persistent(),
        "keyring's default store on {} does not persist: its native feature is missing in crates/store/Cargo.toml",
        std::env::consts::OS
    );
}

#[test]
fn a_token_is_saved_read_replaced_and_deleted() -> Result {
    if !keychain_required("a_token_is_saved_read_replaced_and_deleted") {
        return Ok(());
    }
    let user = unique_user("round-trip");
    let first = "csba_first_00000000000000000000000000000000";
    let second = "csba_second_1111111111111111111111111111111";

    assert!(matches!(token_for(&user), Err(CredentialError::Missing { .. })), "nothing stored yet");
    assert!(!token_present(&user)?);
    save_token(&user, first)?;
    assert_eq!(token_for(&user)?, first);
    assert!(token_present(&user)?);
    save_token(&user, second)?;
    assert_eq!(token_for(&user)?, second, "saving again replaces the token");
    delete_token(&user)?;
    match token_for(&user) {
        Err(e @ CredentialError::Missing { .. }) => {
            let text = format!("{e} {e:?}");
            assert!(!text.contains(first) && !text.contains(second), "{text}");
        }
        other => return Err(format!("after delete: {other:?}").into()),
    }
    assert!(!token_present(&user)?);
    delete_token(&user)?; // deleting what is not there is fine
    Ok(())
}

#[test]
fn entries_of_different_accounts_are_separate() -> Result {
    if !keychain_required("entries_of_different_accounts_are_separate") {
        return Ok(());
    }
    let a = unique_user("account-a");
    let b = unique_user("account-b");
    save_token(&a, "csba_token_of_a")?;
    save_token(&b, "csba_token_of_b")?;
    let read = (token_for(&a), token_for(&b));
    delete_token(&a)?;
    assert_eq!(read.0?, "csba_token_of_a");
    assert_eq!(read.1?, "csba_token_of_b");
    assert!(matches!(token_for(&a), Err(CredentialError::Missing { .. })));
    assert_eq!(token_for(&b)?, "csba_token_of_b", "deleting one account's token leaves the other");
    delete_token(&b)?;
    Ok(())
}

#[test]
fn without_a_secret_service_every_call_is_unavailable_and_no_error_holds_the_token() -> Result {
    let exe = std::env::current_exe()?;
    let out = Command::new(exe)
        .args(["--exact", "no_service_child", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, "1")
        // No session bus at this address: libdbus fails to connect at once
        // (and does not autolaunch a bus, as it may when the variable is unset).
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/csba-test-bus")
        .env_remove("DISPLAY")
        .output()?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "child failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("no_service_child: every call was Unavailable"), "the child did not run:\n{stdout}");
    assert!(!stdout.contains(CHILD_TOKEN) && !stderr.contains(CHILD_TOKEN), "the token leaked:\n{stdout}\n{stderr}");
    Ok(())
}

#[test]
#[ignore = "the child side of without_a_secret_service_…"]
fn no_service_child() -> Result {
    if std::env::var_os(CHILD_ENV).is_none() {
        return Ok(());
    }
    let user = unique_user("no-service");
    let errors = [
        save_token(&user, CHILD_TOKEN).err(),
        token_for(&user).err(),
        token_present(&user).err(),
        delete_token(&user).err(),
    ];
    let mut stdout = std::io::stdout().lock();
    for (call, error) in ["save_token", "token_for", "token_present", "delete_token"].iter().zip(errors) {
        match error {
            Some(e @ CredentialError::Unavailable { .. }) => {
                // Printed so the parent can check that neither form holds the token.
                writeln!(stdout, "{call}: {e} / {e:?}")?;
            }
            other => return Err(format!("{call}: expected Unavailable, got {other:?}").into()),
        }
    }
    writeln!(stdout, "no_service_child: every call was Unavailable")?;
    Ok(())
}
