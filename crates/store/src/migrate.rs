//! Forward-only schema migrations, numbered `.sql` files embedded in the
//! binary. `PRAGMA user_version` records how many have been applied.

use crate::StoreError;
use rusqlite::Connection;

/// In order; the index + 1 is the schema version after applying it.
pub(crate) const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_replica", include_str!("../migrations/0001_replica.sql")),
    ("0002_drafts_and_outbox", include_str!("../migrations/0002_drafts_and_outbox.sql")),
    ("0003_accounts", include_str!("../migrations/0003_accounts.sql")),
    ("0004_every_feed_kind", include_str!("../migrations/0004_every_feed_kind.sql")),
    ("0005_metrics_and_answers", include_str!("../migrations/0005_metrics_and_answers.sql")),
    ("0006_alerts", include_str!("../migrations/0006_alerts.sql")),
];

pub(crate) fn up(conn: &mut Connection) -> Result<(), StoreError> {
    let known = MIGRATIONS.len() as i64;
    loop {
        // The version is read inside the (immediate, write-locked)
        // transaction that applies the next migration: the app and `csba`
        // opening a new replica at the same moment must not both apply it.
        // Each migration and its version bump commit together, so a crash
        // mid-upgrade leaves the previous version intact.
        let tx = conn.transaction()?;
        let current: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if current > known {
            return Err(StoreError::TooNew { found: current, known });
        }
        let Some((_name, sql)) = MIGRATIONS.get(current as usize) else { return Ok(()) };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", current + 1)?;
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows in the schema of `version`: a replica that version wrote.
    fn seed(conn: &Connection, version: usize) -> Result<(), StoreError> {
        match version {
            0 => {}
            1 => conn.execute_batch(
                "INSERT INTO sync_state (id, cursor, server_offset_ms, last_sync_at) VALUES (1, 'c9', 250, 5);
                 INSERT INTO cases VALUES ('c-1', 'o-1', 'JP', 'other', 'open', 'ja', 's', '[]', 1, 2);
                 INSERT INTO orders VALUES ('o-1', 'JP', 1, 'item', 'sku', 1, 'unshipped');",
            )?,
            2 => {
                seed(conn, 1)?;
                conn.execute_batch(
                    "INSERT INTO drafts (case_id, body, updated_at) VALUES ('c-1', '下書き', 3);
                     INSERT INTO outbox (kind, object_key, method, path, body, idempotency_key, state,
                                         next_attempt_at, created_at)
                     VALUES ('case_reply', 'case:c-1', 'POST', '/v1/cases/c-1/replies', '{}', 'k-1', 'queued', 4, 4);",
                )?;
            }
            4 => {
                seed_accounts(conn)?;
                conn.execute_batch(
                    "INSERT INTO cases VALUES (1, 'c-1', 'o-1', 'JP', 'other', 'open', 'ja', 's', '[]', 1, 2);
                     INSERT INTO orders (account_id, id, marketplace, placed_at, item_title, sku, quantity, status)
                     VALUES (1, 'o-1', 'JP', 1, 'item', 'sku', 1, 'unshipped');
                     INSERT INTO drafts (account_id, case_id, body, updated_at) VALUES (1, 'c-1', '下書き', 3);
                     INSERT INTO outbox (account_id, kind, object_key, method, path, body, idempotency_key, state,
                                         next_attempt_at, created_at)
                     VALUES (1, 'case_reply', 'case:c-1', 'POST', '/v1/cases/c-1/replies', '{}', 'k-1', 'queued', 4, 4);
                     INSERT INTO service_questions VALUES (1, 'q-1', 'o-1', 's', '<b>why?</b>', 1, 2, 'answered');
                     INSERT INTO removal_requests VALUES (1, 'r-1', 'f-1', 'obscene_language', 'feedback_manager',
                                                          NULL, 'e', 'removed', 1);",
                )?;
            }
            5 => {
                seed_accounts(conn)?;
                conn.execute_batch(
                    "INSERT INTO cases VALUES (1, 'c-1', 'o-1', 'JP', 'other', 'open', 'ja', 's', '[]', 1, 2);
                     INSERT INTO orders (account_id, id, marketplace, placed_at, item_title, sku, quantity, status)
                     VALUES (1, 'o-1', 'JP', 1, 'item', 'sku', 1, 'unshipped');
                     INSERT INTO drafts (account_id, case_id, body, updated_at) VALUES (1, 'c-1', '下書き', 3);
                     INSERT INTO outbox (account_id, kind, object_key, method, path, body, idempotency_key, state,
                                         next_attempt_at, created_at)
                     VALUES (1, 'case_reply', 'case:c-1', 'POST', '/v1/cases/c-1/replies', '{}', 'k-1', 'queued', 4, 4);
                     INSERT INTO settings (key, value) VALUES ('locale', 'ko');",
                )?;
            }
            _ => conn.execute_batch(
                "INSERT INTO accounts (id, kind, service_url, seller_id, display_name, added_at)
                 VALUES (1, 'sandbox', NULL, 'DEMO', 'Demo', 0), (2, 'remote', 'https://a.example', 'A1', 'A', 0);
                 INSERT INTO sync_state (account_id, cursor, server_offset_ms, last_sync_at)
                 VALUES (1, 'c9', 250, 5), (2, 'c42', -10, 6);
                 INSERT INTO cases VALUES (1, 'c-1', 'o-1', 'JP', 'other', 'open', 'ja', 's', '[]', 1, 2);
                 INSERT INTO orders VALUES (1, 'o-1', 'JP', 1, 'item', 'sku', 1, 'unshipped');
                 INSERT INTO drafts (account_id, case_id, body, updated_at) VALUES (1, 'c-1', '下書き', 3);
                 INSERT INTO outbox (account_id, kind, object_key, method, path, body, idempotency_key, state,
                                     next_attempt_at, created_at)
                 VALUES (1, 'case_reply', 'case:c-1', 'POST', '/v1/cases/c-1/replies', '{}', 'k-1', 'queued', 4, 4);",
            )?,
        }
        Ok(())
    }

    fn seed_accounts(conn: &Connection) -> Result<(), StoreError> {
        conn.execute_batch(
            "INSERT INTO accounts (id, kind, service_url, seller_id, display_name, added_at)
             VALUES (1, 'sandbox', NULL, 'DEMO', 'Demo', 0), (2, 'remote', 'https://a.example', 'A1', 'A', 0);
             INSERT INTO sync_state (account_id, cursor, server_offset_ms, last_sync_at)
             VALUES (1, 'c9', 250, 5), (2, 'c42', -10, 6);",
        )?;
        Ok(())
    }

    #[test]
    fn upgrades_from_every_earlier_version() -> Result<(), StoreError> {
        for start in 0..=MIGRATIONS.len() {
            let mut conn = Connection::open_in_memory()?;
            for (index, (_, sql)) in MIGRATIONS.iter().enumerate().take(start) {
                conn.execute_batch(sql)?;
                conn.pragma_update(None, "user_version", index as i64 + 1)?;
            }
            // The current version's rows are what the app writes itself
            // (and migrating them is a no-op); seed only older schemas.
            if start < MIGRATIONS.len() {
                seed(&conn, start)?;
            }
            up(&mut conn)?;
            let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
            assert_eq!(version, MIGRATIONS.len() as i64, "from version {start}");
            up(&mut conn)?; // running again is a no-op
            if start == 0 || start == MIGRATIONS.len() {
                continue;
            }

            // The rows survive, the new columns are empty, and every account
            // reads its feed again from the start (what versions before 4
            // skipped is behind their cursors).
            let cursors: Vec<(Option<String>, i64)> = conn
                .prepare("SELECT cursor, server_offset_ms FROM sync_state ORDER BY account_id")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            // Version 6 adds only the alert ledger: nothing to read again.
            let expected: Vec<(Option<String>, i64)> = match start {
                5 => vec![(Some("c9".into()), 250), (Some("c42".into()), -10)],
                3 | 4 => vec![(None, 250), (None, -10)],
                _ => vec![(None, 250)],
            };
            assert_eq!(cursors, expected, "from version {start}");
            type OrderRow = (String, String, Option<i64>, Option<String>, Option<i64>, Option<i64>, Option<i64>);
            let order: OrderRow = conn.query_row(
                "SELECT id, status, ship_by, tracking_number, confirmed_at, return_received_at, refunded_at
                 FROM orders WHERE account_id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
            )?;
            assert_eq!(order, ("o-1".into(), "unshipped".into(), None, None, None, None, None), "from version {start}");
            let cases: i64 = conn.query_row("SELECT COUNT(*) FROM cases WHERE account_id = 1", [], |r| r.get(0))?;
            assert_eq!(cases, 1, "from version {start}");
            if start >= 2 {
                let kept: (String, String, Option<String>, Option<String>) = conn.query_row(
                    "SELECT d.body, q.idempotency_key, q.response, q.batch_group FROM drafts d
                     JOIN outbox q ON q.account_id = d.account_id WHERE d.account_id = 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )?;
                assert_eq!(kept, ("下書き".into(), "k-1".into(), None, None), "from version {start}");
            }
            let new_rows: i64 = conn.query_row(
                "SELECT (SELECT COUNT(*) FROM enrollments) + (SELECT COUNT(*) FROM return_policies)
                      + (SELECT COUNT(*) FROM feedback) + (SELECT COUNT(*) FROM metric_weeks)",
                [],
                |r| r.get(0),
            )?;
            assert_eq!(new_rows, 0);
            // No alert was told by a version that had no alerts.
            let told: i64 = conn.query_row("SELECT COUNT(*) FROM alerts_told", [], |r| r.get(0))?;
            assert_eq!(told, 0, "from version {start}");
            if start == 5 {
                let locale: String =
                    conn.query_row("SELECT value FROM settings WHERE key = 'locale'", [], |r| r.get(0))?;
                assert_eq!(locale, "ko");
            }
            if start == 4 {
                // Version 4's questions and requests keep their text; the
                // answer and decision time wait for the feed to be reread.
                let question: (String, String, Option<String>, Option<i64>) = conn.query_row(
                    "SELECT question, status, answer, answered_at FROM service_questions WHERE id = 'q-1'",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )?;
                assert_eq!(question, ("<b>why?</b>".into(), "answered".into(), None, None));
                let decided: Option<i64> =
                    conn.query_row("SELECT decided_at FROM removal_requests WHERE id = 'r-1'", [], |r| r.get(0))?;
                assert_eq!(decided, None);
            }
        }
        Ok(())
    }

    #[test]
    fn data_written_at_version_1_survives_the_upgrade_to_drafts_and_outbox() -> Result<(), StoreError> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch(MIGRATIONS[0].1)?;
        conn.pragma_update(None, "user_version", 1)?;
        conn.execute("INSERT INTO settings (key, value) VALUES ('locale', 'ja')", [])?;
        up(&mut conn)?;
        let locale: String = conn.query_row("SELECT value FROM settings WHERE key = 'locale'", [], |r| r.get(0))?;
        assert_eq!(locale, "ja");
        let empty: i64 =
            conn.query_row("SELECT (SELECT COUNT(*) FROM drafts) + (SELECT COUNT(*) FROM outbox)", [], |r| r.get(0))?;
        assert_eq!(empty, 0);
        Ok(())
    }

    #[test]
    fn data_written_at_version_2_moves_to_the_first_account() -> Result<(), StoreError> {
        let mut conn = Connection::open_in_memory()?;
        for (index, (_, sql)) in MIGRATIONS.iter().enumerate().take(2) {
            conn.execute_batch(sql)?;
            conn.pragma_update(None, "user_version", index as i64 + 1)?;
        }
        conn.execute_batch(
            "INSERT INTO sync_state (id, cursor, server_offset_ms, last_sync_at) VALUES (1, 'c9', 250, 5);
             INSERT INTO cases VALUES ('c-1', 'o-1', 'JP', 'other', 'open', 'ja', 's', '[]', 1, 2);
             INSERT INTO orders VALUES ('o-1', 'JP', 1, 'item', 'sku', 1, 'shipped');
             INSERT INTO drafts (case_id, body, updated_at) VALUES ('c-1', '下書き', 3);
             INSERT INTO outbox (kind, object_key, method, path, body, idempotency_key, state, next_attempt_at,
                                 created_at)
             VALUES ('case_reply', 'case:c-1', 'POST', '/v1/cases/c-1/replies', '{}', 'k-1', 'queued', 4, 4);",
        )?;
        up(&mut conn)?;
        // The cursor itself is cleared by version 4 (see
        // upgrades_from_every_earlier_version); the clock offset moves.
        let moved: (i64, String, i64, String, String, String) = conn.query_row(
            "SELECT a.id, a.kind, s.server_offset_ms, c.id, d.body, q.idempotency_key
             FROM accounts a
             JOIN sync_state s ON s.account_id = a.id JOIN cases c ON c.account_id = a.id
             JOIN drafts d ON d.account_id = a.id JOIN outbox q ON q.account_id = a.id
             JOIN orders o ON o.account_id = a.id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )?;
        assert_eq!(moved, (1, "sandbox".into(), 250, "c-1".into(), "下書き".into(), "k-1".into()));
        Ok(())
    }

    #[test]
    fn an_empty_replica_gets_no_account() -> Result<(), StoreError> {
        let mut conn = Connection::open_in_memory()?;
        up(&mut conn)?;
        let accounts: i64 = conn.query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))?;
        assert_eq!(accounts, 0);
        Ok(())
    }

    #[test]
    fn refuses_a_database_from_the_future() -> Result<(), StoreError> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "user_version", 999)?;
        assert!(matches!(up(&mut conn), Err(StoreError::TooNew { found: 999, .. })));
        Ok(())
    }
}
