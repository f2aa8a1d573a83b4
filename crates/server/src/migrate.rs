//! A tiny migration runner. sqlx's own migrator is tied to a concrete
//! database type and does not play well with `Any`; ours is a numbered list
//! of embedded SQL files and a `schema_migrations` table.

use crate::db::{to_ms, Backend, Db};
use crate::error::{Result, ServerError};
use chrono::{DateTime, Utc};
use futures_util::future::BoxFuture;
use sqlx::{AnyConnection, Connection};

struct Migration {
    version: i64,
    name: &'static str,
    sql: &'static str,
    /// Runs after `sql`, in the same transaction: for the data SQL alone
    /// cannot compute (business days need the holiday calendars).
    then: Option<Step>,
}

type Step = for<'c> fn(&'c mut AnyConnection, DateTime<Utc>) -> BoxFuture<'c, Result<()>>;

/// In order. Never edit a released file: add the next number instead.
const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "init", sql: include_str!("../migrations/0001_init.sql"), then: None },
    Migration {
        version: 2,
        name: "rules_and_idempotency",
        sql: include_str!("../migrations/0002_rules_and_idempotency.sql"),
        then: None,
    },
    Migration {
        version: 3,
        name: "resolution_and_retention",
        sql: include_str!("../migrations/0003_resolution_and_retention.sql"),
        then: None,
    },
    Migration {
        version: 4,
        name: "ship_by_and_enrollment_wakes",
        sql: include_str!("../migrations/0004_ship_by_and_enrollment_wakes.sql"),
        then: Some(|conn, now| Box::pin(crate::orders::backfill_ship_by(conn, now))),
    },
    Migration {
        version: 5,
        name: "metrics_and_team",
        sql: include_str!("../migrations/0005_metrics_and_team.sql"),
        then: None,
    },
    Migration {
        version: 6,
        name: "fleet_indexes",
        sql: include_str!("../migrations/0006_fleet_indexes.sql"),
        then: None,
    },
    Migration { version: 7, name: "feed_runs", sql: include_str!("../migrations/0007_feed_runs.sql"), then: None },
    Migration {
        version: 8,
        name: "shipment_confirmations",
        sql: include_str!("../migrations/0008_shipment_confirmations.sql"),
        then: None,
    },
    Migration { version: 9, name: "run_numbers", sql: include_str!("../migrations/0009_run_numbers.sql"), then: None },
];

/// Key of the PostgreSQL advisory lock held while migrating ("CSBA" in
/// ASCII), so two servers starting at once on one database take turns.
const MIGRATION_LOCK_KEY: i64 = 0x4353_4241;

/// Applies every migration not yet recorded, each in its own transaction
/// (both SQLite and PostgreSQL have transactional DDL, so a failed migration
/// leaves nothing half-applied), then on PostgreSQL sets every text
/// column's collation ([`text_in_byte_order`]). Returns how many were applied.
pub async fn migrate(db: &Db, now: DateTime<Utc>) -> Result<usize> {
    // One connection throughout: an advisory lock belongs to its session.
    let mut conn = db.writes().acquire().await?;
    let postgres = db.backend() == Backend::Postgres;
    if postgres {
        sqlx::query("SELECT pg_advisory_lock($1)").bind(MIGRATION_LOCK_KEY).execute(&mut *conn).await?;
    }
    let mut applied = apply_pending(&mut conn, now).await;
    let mut recollated = 0;
    if postgres && applied.is_ok() {
        match text_in_byte_order(&mut conn).await {
            Ok(columns) => recollated = columns,
            Err(e) => applied = Err(e),
        }
    }
    if postgres && applied.is_ok() {
        if let Err(e) = large_values_in_lz4(&mut conn).await {
            applied = Err(e);
        }
    }
    if postgres {
        // Also released when the session ends, should unlocking fail.
        sqlx::query("SELECT pg_advisory_unlock($1)").bind(MIGRATION_LOCK_KEY).execute(&mut *conn).await?;
    }
    if applied.as_ref().map_or(true, |&n| n > 0) || recollated > 0 {
        // This connection prepared statements against the schema as it was
        // before the change (0004's backfill reads orders before their text
        // columns get "C"). PostgreSQL refuses to run a cached statement
        // whose result type has changed ("cached plan must not change result
        // type"), so back in the pool it would fail the request that drew
        // it. Closed, the pool opens a fresh one instead.
        if let Err(e) = conn.close().await {
            tracing::warn!(error = %e, "could not close the migration connection");
        }
    }
    applied
}

async fn apply_pending(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<usize> {
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS schema_migrations (\
            version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
    )
    .execute(&mut *conn)
    .await?;
    let applied: Vec<i64> = sqlx::query_scalar("SELECT version FROM schema_migrations").fetch_all(&mut *conn).await?;
    let mut count = 0;
    for m in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
        let fail = |source| ServerError::Migration { version: m.version, name: m.name, source };
        let mut tx = conn.begin().await.map_err(fail)?;
        sqlx::raw_sql(m.sql).execute(&mut *tx).await.map_err(fail)?;
        if let Some(step) = m.then {
            step(&mut tx, now).await?;
        }
        sqlx::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
            .bind(m.version)
            .bind(m.name)
            .bind(to_ms(now))
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        tracing::info!(version = m.version, name = m.name, "applied migration");
        count += 1;
    }
    Ok(count)
}

/// On PostgreSQL, gives every text column the collation `"C"`, so text
/// compares and sorts byte by byte, as SQLite's `BINARY` does. Otherwise a
/// database created in a linguistic locale (`en_US.UTF-8`, an ICU locale:
/// what many hosted PostgreSQL services default to) would order ids by
/// other rules — `case_c`, `case-a`, `case-B`, `caseA` in `en-US`, against
/// `case-B`, `case-a`, `caseA`, `case_c` on SQLite — and a list's ties
/// would come back in another order on each backend; byte order is also
/// the cheaper comparison. Run after every migration rather than as one of
/// them, so a column a later migration adds is covered too (the shared SQL
/// files cannot say `COLLATE "C"`: SQLite has no such collation). Does
/// nothing once every column has it. Returns how many columns it changed.
async fn text_in_byte_order(conn: &mut AnyConnection) -> Result<usize> {
    let columns: Vec<(String, String)> = sqlx::query_as(
        "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
         WHERE table_schema = current_schema() AND data_type = 'text' \
         AND collation_name IS DISTINCT FROM 'C' ORDER BY table_name, ordinal_position",
    )
    .fetch_all(&mut *conn)
    .await?;
    if columns.is_empty() {
        return Ok(0);
    }
    let mut tables: Vec<(&str, Vec<&str>)> = Vec::new();
    for (table, column) in &columns {
        match tables.last_mut() {
            Some((t, cols)) if t == table => cols.push(column),
            _ => tables.push((table, vec![column])),
        }
    }
    let quoted = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    // One transaction: a column referenced by a foreign key and the column
    // referencing it change together, and a failure changes nothing.
    let mut tx = conn.begin().await?;
    for (table, cols) in &tables {
        let alters: Vec<String> =
            cols.iter().map(|c| format!("ALTER COLUMN {} TYPE TEXT COLLATE \"C\"", quoted(c))).collect();
        sqlx::query(&format!("ALTER TABLE {} {}", quoted(table), alters.join(", "))).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    tracing::info!(columns = columns.len(), "text columns now compare byte by byte (COLLATE \"C\")");
    Ok(columns.len())
}

/// The columns whose values run to megabytes: a feed run (up to 10,000
/// orders' JSON), its ids, a stored response (a batch's per-row results).
const LARGE_VALUES: &[(&str, &str)] = &[
    ("changes", "payload"),
    ("changes", "run_ids"),
    ("changes", "run_numbers"),
    ("idempotency_keys", "response_body"),
];

/// Stores [`LARGE_VALUES`] compressed with lz4 rather than PostgreSQL's
/// default pglz: a batch's 3.5 MB run took 52–56 ms to compress with pglz
/// and 16–20 ms with lz4, at about the same size, inside the seller's lock
/// of every upload batch (bench-sync's 100,000 IDs: median 2.83 s against
/// 3.10 s over seven alternating runs). Applies to values written from now
/// on. A server built without lz4 keeps pglz (and says so in the log).
async fn large_values_in_lz4(conn: &mut AnyConnection) -> Result<()> {
    for (table, column) in LARGE_VALUES {
        let current: Option<String> = sqlx::query_scalar(
            "SELECT CAST(attcompression AS TEXT) FROM pg_attribute \
             WHERE attrelid = CAST(CAST($1 AS TEXT) AS regclass) AND attname = $2",
        )
        .bind(*table)
        .bind(*column)
        .fetch_optional(&mut *conn)
        .await?;
        if current.as_deref() == Some("l") {
            continue;
        }
        let alter = format!("ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION lz4");
        if let Err(e) = sqlx::raw_sql(&alter).execute(&mut *conn).await {
            // 0A000: this server was built without lz4.
            if e.as_database_error().and_then(|d| d.code()).as_deref() == Some("0A000") {
                tracing::warn!(table, column, "PostgreSQL has no lz4: large values stay compressed with pglz");
                return Ok(());
            }
            return Err(e.into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

    /// A new SQLite database in the state the first `count` migrations left
    /// it in, recorded as applied, holding what `rows` inserts; then
    /// migrated, every later migration applied. The directory holds the
    /// file: keep it while the database is used.
    async fn upgraded_from(count: usize, rows: &str) -> TestResult<(tempfile::TempDir, Db)> {
        let dir = tempfile::tempdir()?;
        let db = Db::open_sqlite(&dir.path().join("m.db")).await?;
        let mut conn = db.writes().acquire().await?;
        sqlx::raw_sql(
            "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
        )
        .execute(&mut *conn)
        .await?;
        for m in &MIGRATIONS[..count] {
            sqlx::raw_sql(m.sql).execute(&mut *conn).await?;
            sqlx::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, 0)")
                .bind(m.version)
                .bind(m.name)
                .execute(&mut *conn)
                .await?;
        }
        sqlx::raw_sql(rows).execute(&mut *conn).await?;
        drop(conn);
        assert_eq!(migrate(&db, Utc::now()).await?, MIGRATIONS.len() - count);
        Ok((dir, db))
    }

    #[test]
    fn versions_are_strictly_increasing() {
        assert!(MIGRATIONS.windows(2).all(|w| w[0].version < w[1].version));
    }

    /// A database version 3 wrote (orders, a question, a removal request)
    /// goes through 0004's backfill, which reads orders with version 4's
    /// columns, and through 0005; what was there reads back with the new
    /// fields empty.
    #[tokio::test]
    async fn a_version_3_database_upgrades_through_the_backfill_and_0005() -> TestResult {
        let (_dir, db) = upgraded_from(
            3,
            "INSERT INTO sellers (id, display_name, marketplaces, created_at) VALUES ('S1', 'Shop', 'JP', 0);
             INSERT INTO orders (seller_id, id, marketplace, placed_at, item_title, sku, quantity, status,
                                 tracking_number, carrier, ship_date, confirmed_at)
             VALUES ('S1', '503-1', 'JP', 1767225600000, 'item', 'sku', 1, 'shipped',
                     'EV876297563CN', 'china_post', '2026-01-02', 1767312000000);
             INSERT INTO service_questions VALUES ('S1', 'q-1', '503-1', 's', '<b>q</b>', 1, 2, 'awaiting_answer');
             INSERT INTO removal_requests (seller_id, id, feedback_id, ground, recipient, subject, explanation,
                                           status, requested_at)
             VALUES ('S1', 'r-1', 'f-1', 'obscene_language', 'feedback_manager', NULL, 'e', 'submitted', 1);",
        )
        .await?;
        let orders = crate::orders::list_orders(&db, "S1", None, &crate::page::Page::ALL).await?.0;
        assert_eq!(orders.len(), 1);
        assert!(orders[0].ship_by.is_some(), "backfilled by 0004");
        assert_eq!((orders[0].return_received_at, orders[0].refunded_at), (None, None));
        let number = orders[0].tracking.as_ref().map(|t| t.tracking_number.as_str());
        assert_eq!((orders[0].status.as_str(), number), ("shipped", Some("EV876297563CN")), "moved by 0008");
        // A replica that already holds the order learns its ship-by from the
        // feed, the order otherwise as it was.
        let feed = crate::feed::changes_after(&db, "S1", 0, false, 10).await?.changes;
        let [change] = feed.as_slice() else { return Err(format!("one change expected, got {feed:?}").into()) };
        assert_eq!(change.resource, csba_api::Resource::Order(orders[0].clone()));
        let questions = crate::service_questions::list(&db, "S1", &crate::page::Page::ALL).await?.0;
        assert_eq!((questions[0].question.as_str(), questions[0].answer.as_deref()), ("<b>q</b>", None));
        let weeks: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM metric_weeks").fetch_one(db.reads()).await?;
        assert_eq!(weeks, 0);
        db.close().await;
        Ok(())
    }

    /// Migration 0008 moves each order's confirmation into its own table:
    /// an order confirmed before it reads the same after it, tracking and
    /// status, and its tracking number is still found as in use.
    #[tokio::test]
    async fn a_version_7_database_keeps_its_confirmations() -> TestResult {
        let (_dir, db) = upgraded_from(
            7,
            "INSERT INTO sellers (id, display_name, marketplaces, created_at) VALUES ('S1', 'Shop', 'JP', 0);
             INSERT INTO orders (seller_id, id, marketplace, placed_at, item_title, sku, quantity, status, ship_by,
                                 tracking_number, carrier, ship_date, confirmed_at)
             VALUES ('S1', '503-1', 'JP', 1767225600000, 'item', 'sku', 1, 'shipped', 1767398400000,
                     'EV876297563CN', 'china_post', '2026-01-02', 1767312000000),
                    ('S1', '503-2', 'JP', 1767225600001, 'item', 'sku', 2, 'unshipped', 1767398400000,
                     NULL, NULL, NULL, NULL);",
        )
        .await?;
        let orders = crate::orders::list_orders(&db, "S1", None, &crate::page::Page::ALL).await?.0;
        let shipped = orders.iter().find(|o| o.id == "503-1").ok_or("503-1 lost")?;
        assert_eq!(shipped.status, "shipped");
        let tracking = shipped.tracking.as_ref().ok_or("503-1 lost its tracking")?;
        assert_eq!(
            (tracking.tracking_number.as_str(), tracking.carrier.as_str(), tracking.ship_date.to_string()),
            ("EV876297563CN", "china_post", "2026-01-02".to_owned())
        );
        assert_eq!(tracking.confirmed_at.timestamp_millis(), 1767312000000);
        let unshipped = orders.iter().find(|o| o.id == "503-2").ok_or("503-2 lost")?;
        assert_eq!((unshipped.status.as_str(), unshipped.tracking.is_none()), ("unshipped", true));
        let mut conn = db.reads().acquire().await?;
        let in_use = crate::orders::orders_with_tracking(&mut conn, "S1", &["EV876297563CN", "EV000000000CN"]).await?;
        assert_eq!(in_use, vec![("EV876297563CN".to_owned(), "503-1".to_owned())]);
        drop(conn);
        db.close().await;
        Ok(())
    }

    /// A run written before 0009 has no numbers: its orders read as
    /// changed with their numbers to look up.
    #[tokio::test]
    async fn a_version_8_run_reads_without_numbers() -> TestResult {
        let (_dir, db) = upgraded_from(
            8,
            "INSERT INTO sellers (id, display_name, marketplaces, created_at, change_seq) VALUES ('S1', 'Shop', 'JP', 0, 3);
             INSERT INTO changes (seller_id, seq, at, kind, entity_id, payload, run_from, run_ids)
             VALUES ('S1', 2, 0, 'orders', '', '[{}, {}]', 1, '[\"503-1\", \"503-2\"]');
             INSERT INTO changes (seller_id, seq, at, kind, entity_id, payload)
             VALUES ('S1', 3, 0, 'order', '503-3', '{}');",
        )
        .await?;
        let mut conn = db.reads().acquire().await?;
        let changes = crate::feed::order_changes_after(&mut conn, "S1", 0).await?;
        let mut unknown = changes.unknown();
        unknown.sort_unstable();
        assert_eq!(unknown, vec!["503-1", "503-2", "503-3"]);
        drop(conn);
        db.close().await;
        Ok(())
    }

    #[tokio::test]
    async fn migrating_twice_applies_once() -> std::result::Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let db = Db::open_sqlite(&dir.path().join("m.db")).await?;
        let now = Utc::now();
        assert_eq!(migrate(&db, now).await?, MIGRATIONS.len());
        assert_eq!(migrate(&db, now).await?, 0);
        Ok(())
    }
}
