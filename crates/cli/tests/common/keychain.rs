//! The OS keychain in tests. Under `cargo xtask test` the Rust tests run in
//! a private D-Bus session with gnome-keyring unlocked, and
//! `CSBA_TEST_KEYCHAIN=1` says so: tests that need the keychain then must
//! pass. On a laptop without it they report that they were skipped.

/// The environment that makes a `csba` process find no Secret Service at
/// all (nothing listens there; libdbus does not autolaunch a bus when the
/// address is given).
pub const NO_KEYCHAIN: [(&str, &str); 1] = [("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/csba-test-bus")];

/// Whether this run must exercise the real keychain; prints why not.
pub fn required(test: &str) -> bool {
    let required = std::env::var("CSBA_TEST_KEYCHAIN").is_ok_and(|v| v == "1")
        || std::env::var("CSBA_TEST_REQUIRE").is_ok_and(|r| r.split(',').any(|x| x == "keychain"));
    if !required {
        eprintln!("{test}: skipped (needs CSBA_TEST_KEYCHAIN=1 inside a keychain session; `cargo xtask test` sets it)");
    }
    required
}

/// Deletes a keychain entry when dropped, so a failing test leaves no
/// token behind.
pub struct TokenGuard(pub String);

impl Drop for TokenGuard {
    fn drop(&mut self) {
        let _ = csba_store::credentials::delete_token(&self.0);
    }
}
