//! The alert ledger on a real replica file: a file version 5 wrote gains an
//! empty ledger and keeps its rows and settings; a new file is created at
//! version 6; what was told survives closing and reopening the replica.

use chrono::{DateTime, Duration, TimeZone, Utc};
use csba_store::{AccountId, Store, StoreError};
use std::path::{Path, PathBuf};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const UP_TO_5: [&str; 5] = [
    include_str!("../migrations/0001_replica.sql"),
    include_str!("../migrations/0002_drafts_and_outbox.sql"),
    include_str!("../migrations/0003_accounts.sql"),
    include_str!("../migrations/0004_every_feed_kind.sql"),
    include_str!("../migrations/0005_metrics_and_answers.sql"),
];

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, hour, 0, 0).single().unwrap_or_default()
}

fn temp_path() -> std::result::Result<(tempfile::TempDir, PathBuf), StoreError> {
    let dir = tempfile::tempdir().map_err(|e| StoreError::Io { path: "tmp".into(), source: e })?;
    let path = dir.path().join("replica.sqlite");
    Ok((dir, path))
}

fn user_version(path: &Path) -> Result<i64> {
    let conn = rusqlite::Connection::open(path)?;
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// What version 5 left: an account with its cursor, an open case, the
/// chosen language.
fn write_version_5(path: &Path) -> Result {
    let conn = rusqlite::Connection::open(path)?;
    for (index, sql) in UP_TO_5.iter().enumerate() {
        conn.execute_batch(sql)?;
        conn.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    conn.execute_batch(
        "INSERT INTO accounts (id, kind, service_url, seller_id, display_name, marketplaces, added_at)
         VALUES (1, 'remote', 'http://127.0.0.1:9', 'A1TEST', 'Test store', '[\"JP\"]', 0);
         INSERT INTO sync_state (account_id, cursor, server_offset_ms, last_sync_at) VALUES (1, '17', 1500, 7);
         INSERT INTO settings (key, value) VALUES ('locale', 'ja');",
    )?;
    conn.execute(
        "INSERT INTO cases VALUES (1, '113-0001', 'o-1', 'JP', 'product_question', 'open', 'ja', 's', '[]', ?1, ?2)",
        rusqlite::params![at(0).timestamp_millis(), (at(0) + Duration::hours(24)).timestamp_millis()],
    )?;
    Ok(())
}

#[test]
fn a_version_5_replica_gains_an_empty_ledger_and_keeps_its_rows() -> Result {
    let (_dir, path) = temp_path()?;
    write_version_5(&path)?;
    let store = Store::open(&path)?;
    assert_eq!(user_version(&path)?, 6);
    assert_eq!(store.alerts_told()?, vec![]);
    let state = store.sync_state(AccountId(1))?;
    // Nothing to reread for a ledger: the cursor stays.
    assert_eq!((state.cursor.as_deref(), state.server_offset_ms), (Some("17"), 1500));
    assert_eq!(store.setting("locale")?.as_deref(), Some("ja"));
    let cases: Vec<(String, DateTime<Utc>)> = store.inbox()?.into_iter().map(|c| (c.id, c.respond_by)).collect();
    assert_eq!(cases, vec![("113-0001".to_owned(), at(0) + Duration::hours(24))]);
    Ok(())
}

#[test]
fn a_new_replica_starts_at_version_6_with_an_empty_ledger() -> Result {
    let (_dir, path) = temp_path()?;
    let store = Store::open(&path)?;
    assert_eq!(user_version(&path)?, 6);
    assert_eq!(store.alerts_told()?, vec![]);
    Ok(())
}

#[test]
fn what_was_told_survives_reopening_and_old_rows_are_purged() -> Result {
    let (_dir, path) = temp_path()?;
    {
        let mut store = Store::open(&path)?;
        store.record_alerts_told(&[("case_reply/1/113-0001".into(), 360)], at(1))?;
        store.record_alerts_told(
            &[("case_reply/1/113-0001".into(), 120), ("identity_verification/1/JP".into(), 4320)],
            at(5),
        )?;
    }
    let store = Store::open(&path)?;
    assert_eq!(
        store.alerts_told()?,
        vec![
            ("case_reply/1/113-0001".to_owned(), 120),
            ("case_reply/1/113-0001".to_owned(), 360),
            ("identity_verification/1/JP".to_owned(), 4320),
        ]
    );
    assert_eq!(store.purge_alerts_told(at(3))?, 1);
    assert_eq!(store.alerts_told()?.len(), 2);
    Ok(())
}
