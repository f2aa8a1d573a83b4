//! The connection pool, and the conventions every query follows: ids are
//! TEXT, instants are BIGINT unix milliseconds, JSON is TEXT, placeholders
//! are `$1, $2…` in order. That subset means the same SQL runs on SQLite and
//! PostgreSQL through sqlx's `Any` driver.

use crate::error::{Result, ServerError};
use chrono::{DateTime, Utc};
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};
use std::path::Path;
use std::time::Duration;

/// A handle on the service's database. Cheap to clone (the pool is shared).
#[derive(Debug, Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

/// The few places where SQLite and PostgreSQL must be told apart (pragmas,
/// advisory locks) ask this instead of parsing the URL again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Db {
    /// Connects to `sqlite:…` or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Db> {
        sqlx::any::install_default_drivers();
        let is_sqlite = url.starts_with("sqlite:");
        if !is_sqlite && !url.starts_with("postgres://") && !url.starts_with("postgresql://") {
            return Err(ServerError::InvalidDatabaseUrl(
                "expected a URL starting with sqlite: or postgres://".to_owned(),
            ));
        }
        if !is_sqlite && !cfg!(feature = "postgres") {
            // The app's embedded sandbox is built without the driver.
            return Err(ServerError::InvalidDatabaseUrl(
                "this build has no PostgreSQL driver (the csba-server feature `postgres`)".to_owned(),
            ));
        }
        let pool = AnyPoolOptions::new()
            // SQLite has one writer anyway; a few readers are plenty for the
            // sandbox. PostgreSQL deployments get more.
            .max_connections(if is_sqlite { 4 } else { 16 })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(|conn, _meta| {
                Box::pin(async move {
                    if conn.backend_name() == "SQLite" {
                        // Writers wait for each other instead of failing at once.
                        conn.execute("PRAGMA busy_timeout = 5000").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        if is_sqlite {
            // WAL lets the app's readers run while a write is in progress. It
            // is a property of the file, so setting it once is enough.
            pool.execute("PRAGMA journal_mode = WAL").await?;
        }
        Ok(Db { pool, backend: if is_sqlite { Backend::Sqlite } else { Backend::Postgres } })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Opens (creating if missing) the SQLite file at `path`.
    pub async fn open_sqlite(path: &Path) -> Result<Db> {
        Db::connect(&sqlite_url(path)?).await
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The `Any` driver only takes URLs. sqlx percent-decodes the path part, so
/// the characters that would end the path (or start an escape) are encoded.
pub fn sqlite_url(path: &Path) -> Result<String> {
    let text = path
        .to_str()
        .ok_or_else(|| ServerError::InvalidDatabaseUrl(format!("{} is not valid UTF-8", path.display())))?;
    let mut encoded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => encoded.push_str("%25"),
            '?' => encoded.push_str("%3F"),
            '#' => encoded.push_str("%23"),
            ' ' => encoded.push_str("%20"),
            // Windows separators: the URL parser would treat them as path
            // separators anyway; forward slashes are what SQLite accepts too.
            '\\' => encoded.push('/'),
            c => encoded.push(c),
        }
    }
    Ok(format!("sqlite:{encoded}?mode=rwc"))
}

pub fn to_ms(t: DateTime<Utc>) -> i64 {
    t.timestamp_millis()
}

pub fn from_ms(ms: i64) -> Result<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms).ok_or_else(|| ServerError::Corrupt(format!("timestamp {ms} out of range")))
}

/// Storage keeps milliseconds; truncating up front makes what we return
/// right after a write identical to what we read back later.
pub fn truncate_ms(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(t.timestamp_millis()).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_url_escapes_characters_that_end_the_path() -> Result<()> {
        assert_eq!(sqlite_url(Path::new("/tmp/a b?#%.db"))?, "sqlite:/tmp/a%20b%3F%23%25.db?mode=rwc");
        Ok(())
    }

    #[test]
    fn millisecond_round_trip() -> Result<()> {
        let t = truncate_ms(Utc::now());
        assert_eq!(from_ms(to_ms(t))?, t);
        Ok(())
    }
}
