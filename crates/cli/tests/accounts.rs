//! `csba account add|list|remove` against the real reference service and
//! the real keychain: the token is checked before anything is saved, then
//! kept in the keychain and nowhere else (not in any output, not in any
//! file of the data directory), and a keychain that is locked or absent
//! leaves the disk untouched.

mod common;

use common::keychain::{self, TokenGuard, NO_KEYCHAIN};
use common::server::{DeadPort, Server};
use common::{csba_in, dir_listing, files_containing, Result};
use csba_store::credentials::{self, CredentialError};
use serde_json::{json, Value};

#[test]
fn an_added_account_keeps_its_token_in_the_keychain_only() -> Result {
    if !keychain::required("an_added_account_keeps_its_token_in_the_keychain_only") {
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let server = Server::start(dir.path())?;
    let (url, token) = (server.url()?, server.token()?);
    let _guard = TokenGuard(server.keychain_user(&url)?);
    let mut outputs = Vec::new();

    // Pasted with a trailing newline and spaces, as a terminal gives it.
    let add = csba_in(&data, &["account", "add", "--url", &format!("{url}/")], Some(&format!("  {token}\n")), &[])?;
    assert_eq!(add.code, 0, "{}", add.all());
    assert!(add.stdout.contains(&server.seller_id()?), "{}", add.stdout);
    assert!(add.stdout.contains("JP") && add.stdout.contains("system keyring"), "{}", add.stdout);
    outputs.push(add.all());
    assert_eq!(credentials::token_for(&server.keychain_user(&url)?)?, token, "stored under seller@url");

    let list = csba_in(&data, &["account", "list", "--json"], None, &[])?;
    assert_eq!(list.code, 0, "{}", list.all());
    outputs.push(list.all());
    let accounts = list.json()?;
    let account = &accounts[0];
    assert_eq!(accounts.as_array().map(Vec::len), Some(1));
    assert_eq!(account["seller_id"], json!(server.seller_id()?));
    assert_eq!(account["service_url"], json!(url), "stored without the trailing slash");
    assert_eq!(account["sandbox"], json!(false));
    assert_eq!(account["token"], json!("present"));
    assert_eq!(account["last_sync_at"], Value::Null);
    assert_eq!(
        (account["queued"].clone(), account["sending"].clone(), account["failed"].clone()),
        (json!(0), json!(0), json!(0))
    );
    let mut keys: Vec<&str> = account.as_object().ok_or("not an object")?.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "failed",
            "id",
            "last_sync_at",
            "marketplaces",
            "name",
            "queued",
            "sandbox",
            "seller_id",
            "sending",
            "service_url",
            "token"
        ]
    );
    let id = account["id"].as_i64().ok_or("no id")?.to_string();

    // Adding again (a rotated token) refreshes the same account.
    let again = csba_in(&data, &["account", "add", "--url", &url], Some(&token), &[])?;
    assert_eq!(again.code, 0, "{}", again.all());
    outputs.push(again.all());
    let text = csba_in(&data, &["account", "list"], None, &[])?;
    assert!(
        text.stdout.contains("token in the system keyring") && text.stdout.contains("never synced"),
        "{}",
        text.stdout
    );
    outputs.push(text.all());
    let sync = csba_in(&data, &["sync"], None, &[])?;
    assert_eq!(sync.code, 0, "{}", sync.all());
    outputs.push(sync.all());
    let list = csba_in(&data, &["account", "list", "--json"], None, &[])?;
    assert_eq!(list.json()?.as_array().map(Vec::len), Some(1));
    assert!(list.json()?[0]["last_sync_at"].is_string());
    outputs.push(list.all());

    for output in &outputs {
        assert!(!output.contains(&token), "the token was printed:\n{output}");
    }
    let leaks = files_containing(&data, token.as_bytes())?;
    assert!(leaks.is_empty(), "the token is in {leaks:?}");
    assert!(!dir_listing(&data)?.is_empty(), "the replica is there");

    let remove = csba_in(&data, &["account", "remove", &id], None, &[])?;
    assert_eq!(remove.code, 0, "{}", remove.all());
    assert!(matches!(credentials::token_for(&server.keychain_user(&url)?), Err(CredentialError::Missing { .. })));
    let list = csba_in(&data, &["account", "list", "--json"], None, &[])?;
    assert_eq!(list.json()?, json!([]));
    Ok(())
}

#[test]
fn a_rejected_token_is_not_saved() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let server = Server::start(dir.path())?;
    let wrong = "csba_0000000000000000000000000000000000000000000";
    let add = csba_in(&data, &["account", "add", "--url", &server.url()?], Some(wrong), &[])?;
    assert_eq!(add.code, 4, "{}", add.all());
    assert!(
        add.stderr.contains("rejected the API token") && add.stderr.contains("Nothing was saved"),
        "{}",
        add.stderr
    );
    assert!(!add.all().contains(wrong));
    assert_eq!(dir_listing(&data)?, Vec::<String>::new(), "nothing on disk");
    Ok(())
}

#[test]
fn an_unreachable_service_saves_nothing() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let dead = DeadPort::new()?;
    let add = csba_in(&data, &["account", "add", "--url", &dead.url()?], Some("csba_whatever"), &[])?;
    assert_eq!(add.code, 3, "{}", add.all());
    assert!(add.stderr.contains("cannot be reached") && add.stderr.contains("Nothing was saved"), "{}", add.stderr);
    assert_eq!(dir_listing(&data)?, Vec::<String>::new());
    Ok(())
}

#[test]
fn bad_tokens_and_addresses_are_refused_before_anything_happens() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    for (args, stdin, expected) in [
        (vec!["account", "add", "--url", "http://127.0.0.1:9"], "  \n", "No token was given"),
        (vec!["account", "add", "--url", "http://127.0.0.1:9"], "csba_a\ncsba_b\n", "not a token"),
        (vec!["account", "add", "--url", "csba.example.com"], "csba_a", "not the address of a service"),
    ] {
        let run = csba_in(&data, &args, Some(stdin), &[])?;
        assert_eq!(run.code, 1, "{args:?}: {}", run.all());
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
    }
    let run = csba_in(&data, &["account", "add"], Some("csba_a"), &[])?;
    assert_eq!(run.code, 2, "a missing --url is a usage error");
    assert_eq!(dir_listing(&data)?, Vec::<String>::new());
    Ok(())
}

#[test]
fn without_a_keychain_the_token_is_refused_and_nothing_is_written() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let server = Server::start(dir.path())?;
    let token = server.token()?;
    let add = csba_in(&data, &["account", "add", "--url", &server.url()?], Some(&token), &NO_KEYCHAIN)?;
    assert_eq!(add.code, 4, "{}", add.all());
    assert!(
        add.stderr.contains("system keyring (Secret Service") && add.stderr.contains("locked or not available"),
        "the message names the keychain: {}",
        add.stderr
    );
    assert!(!add.all().contains(&token));
    assert_eq!(dir_listing(&data)?, Vec::<String>::new(), "no replica, no plaintext fallback");

    let ja = csba_in(&data, &["--lang", "ja", "account", "add", "--url", &server.url()?], Some(&token), &NO_KEYCHAIN)?;
    assert_eq!(ja.code, 4);
    assert!(ja.stderr.contains("ロックされているか"), "localized: {}", ja.stderr);
    Ok(())
}

#[test]
fn a_locked_keychain_refuses_the_token_and_nothing_is_written() -> Result {
    if !keychain::required("a_locked_keychain_refuses_the_token_and_nothing_is_written") {
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let server = Server::start(dir.path())?;
    let token = server.token()?;
    // A keychain of its own, locked, in a session of its own: locking the
    // shared one would disturb the tests running next to this one.
    let keyring_home = dir.path().join("keyring-home");
    std::fs::create_dir_all(&keyring_home)?;
    let script = "echo pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null && \
        dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
          org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null && \
        exec \"$CSBA\" --lang en account add --url \"$URL\"";
    let mut child = std::process::Command::new("dbus-run-session")
        .args(["--", "sh", "-c", script])
        .env("CSBA", env!("CARGO_BIN_EXE_csba"))
        .env("URL", server.url()?)
        .env("CSBA_DATA_DIR", &data)
        .env("XDG_DATA_HOME", &keyring_home)
        .env_remove("DISPLAY")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        std::io::Write::write_all(&mut stdin, token.as_bytes())?;
    }
    let out = child.wait_with_output()?;
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(4), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("csba: The API token was not saved") && stderr.contains("locked or not available"),
        "{stderr}"
    );
    assert!(!stdout.contains(&token) && !stderr.contains(&token));
    assert_eq!(dir_listing(&data)?, Vec::<String>::new(), "nothing on disk");
    Ok(())
}

/// A replica with one remote account (registered without the service) and
/// `queued` actions for it.
fn replica_with_account(data: &std::path::Path, url: &str, queued: usize) -> Result<csba_store::AccountId> {
    let mut store = csba_store::Store::open(&csba_store::paths::replica_file(data))?;
    let seller = csba_store::SellerProfile {
        seller_id: "A1LOCAL".into(),
        display_name: "Local store".into(),
        marketplaces: vec![csba_domain::Marketplace::Us],
    };
    let account = store.add_remote_account(url, &seller, chrono::Utc::now())?;
    for n in 0..queued {
        let action = csba_store::Action::PauseEnrollment {
            marketplace: if n % 2 == 0 { csba_domain::Marketplace::Us } else { csba_domain::Marketplace::Jp },
        };
        store.enqueue(account.id, &action, chrono::Utc::now())?;
    }
    Ok(account.id)
}

#[test]
fn list_and_sync_say_when_the_keychain_cannot_be_reached() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    replica_with_account(&data, "http://127.0.0.1:9", 2)?;
    let list = csba_in(&data, &["account", "list", "--json"], None, &NO_KEYCHAIN)?;
    assert_eq!(list.code, 0, "{}", list.all());
    let account = &list.json()?[0];
    assert_eq!(account["token"], json!("keychain_unavailable"));
    assert_eq!(account["queued"], json!(2));
    assert_eq!(account["marketplaces"], json!(["US"]));

    let sync = csba_in(&data, &["sync", "--json"], None, &NO_KEYCHAIN)?;
    assert_eq!(sync.code, 4, "{}", sync.all());
    assert_eq!(sync.json()?[0]["status"], json!("keychain_unavailable"));
    let text = csba_in(&data, &["sync"], None, &NO_KEYCHAIN)?;
    assert_eq!(text.code, 4);
    assert!(text.stdout.contains("not synced") && text.stdout.contains("locked or not available"), "{}", text.stdout);
    Ok(())
}

#[test]
fn sync_skips_the_demo_account_and_refuses_unknown_ids() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let store = csba_store::Store::open(&csba_store::paths::replica_file(&data))?;
    let demo =
        csba_store::SellerProfile { seller_id: "DEMO".into(), display_name: "Demo".into(), marketplaces: vec![] };
    store.sandbox_account(&demo, chrono::Utc::now())?;
    let sync = csba_in(&data, &["sync", "--json"], None, &NO_KEYCHAIN)?;
    assert_eq!(sync.code, 0, "{}", sync.all());
    assert_eq!(sync.json()?[0]["status"], json!("skipped_sandbox"));
    let text = csba_in(&data, &["sync"], None, &[])?;
    assert!(text.stdout.contains("exists only inside the CSBA Desk app"), "{}", text.stdout);
    let list = csba_in(&data, &["account", "list", "--json"], None, &NO_KEYCHAIN)?;
    assert_eq!(list.json()?[0]["token"], json!("not_needed"));
    assert_eq!(list.json()?[0]["service_url"], Value::Null);
    let unknown = csba_in(&data, &["sync", "--account", "42"], None, &[])?;
    assert_eq!(unknown.code, 1);
    assert!(unknown.stderr.contains("no account #42"), "{}", unknown.stderr);
    Ok(())
}

#[test]
fn remove_refuses_while_actions_are_unsent_unless_forced() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let id = replica_with_account(&data, "http://127.0.0.1:9", 3)?.to_string();

    let refused = csba_in(&data, &["account", "remove", &id], None, &NO_KEYCHAIN)?;
    assert_eq!(refused.code, 1, "{}", refused.all());
    assert!(refused.stderr.contains("3 actions not sent") && refused.stderr.contains("--force"), "{}", refused.stderr);
    // With --force but no keychain: removed, and the seller is told where the token stays.
    let forced = csba_in(&data, &["account", "remove", &id, "--force"], None, &NO_KEYCHAIN)?;
    assert_eq!(forced.code, 0, "{}", forced.all());
    assert!(forced.stderr.contains("A1LOCAL@http://127.0.0.1:9"), "{}", forced.stderr);
    let list = csba_in(&data, &["account", "list", "--json"], None, &[])?;
    assert_eq!(list.json()?, json!([]));
    let outbox = csba_in(&data, &["outbox", "--json"], None, &[])?;
    assert_eq!(outbox.json()?, json!([]), "its queued actions went with it");
    Ok(())
}

#[test]
fn remove_without_a_keychain_removes_nothing_unless_forced() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let id = replica_with_account(&data, "http://127.0.0.1:9", 0)?.to_string();
    let refused = csba_in(&data, &["account", "remove", &id], None, &NO_KEYCHAIN)?;
    assert_eq!(refused.code, 4, "{}", refused.all());
    assert!(refused.stderr.contains("Nothing was removed"), "{}", refused.stderr);
    let list = csba_in(&data, &["account", "list", "--json"], None, &NO_KEYCHAIN)?;
    assert_eq!(list.json()?.as_array().map(Vec::len), Some(1));
    Ok(())
}

#[test]
fn an_offline_service_is_exit_code_3_and_nothing_is_lost() -> Result {
    if !keychain::required("an_offline_service_is_exit_code_3_and_nothing_is_lost") {
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let dead = DeadPort::new()?;
    let url = dead.url()?;
    replica_with_account(&data, &url, 1)?;
    let user = csba_store::keychain_user("A1LOCAL", &url);
    let _guard = TokenGuard(user.clone());
    credentials::save_token(&user, "csba_offline_test_token")?;
    let sync = csba_in(&data, &["sync", "--json"], None, &[])?;
    assert_eq!(sync.code, 3, "{}", sync.all());
    assert_eq!(sync.json()?[0]["status"], json!("offline"));
    let outbox = csba_in(&data, &["outbox", "--json"], None, &[])?;
    assert_eq!(outbox.json()?[0]["state"], json!("queued"), "{}", outbox.stdout);
    Ok(())
}
