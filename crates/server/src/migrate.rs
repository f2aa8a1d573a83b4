//! A tiny migration runner. sqlx's own migrator is tied to a concrete
//! database type and does not play well with `Any`; ours is a numbered list
//! of embedded SQL files and a `schema_migrations` table.

use crate::db::{to_ms, Db};
use crate::error::{Result, ServerError};
use chrono::{DateTime, Utc};

struct Migration {
    version: i64,
    name: &'static str,
    sql: &'static str,
}

/// In order. Never edit a released file: add the next number instead.
const MIGRATIONS: &[Migration] =
    &[Migration { version: 1, name: "init", sql: include_str!("../migrations/0001_init.sql") }];

/// Applies every migration not yet recorded, each in its own transaction
/// (both SQLite and PostgreSQL have transactional DDL, so a failed migration
/// leaves nothing half-applied). Returns how many were applied.
pub async fn migrate(db: &Db, now: DateTime<Utc>) -> Result<usize> {
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS schema_migrations (\
            version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
    )
    .execute(db.pool())
    .await?;
    let applied: Vec<i64> = sqlx::query_scalar("SELECT version FROM schema_migrations").fetch_all(db.pool()).await?;
    let mut count = 0;
    for m in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
        let fail = |source| ServerError::Migration { version: m.version, name: m.name, source };
        let mut tx = db.pool().begin().await.map_err(fail)?;
        sqlx::raw_sql(m.sql).execute(&mut *tx).await.map_err(fail)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_strictly_increasing() {
        assert!(MIGRATIONS.windows(2).all(|w| w[0].version < w[1].version));
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
