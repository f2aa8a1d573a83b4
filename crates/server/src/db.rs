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

/// A handle on the service's database. Cheap to clone (the pools are shared).
///
/// Reads and writes go through separate pools. SQLite allows one writer at a
/// time: with several write connections, concurrent transactions waited on
/// each other's locks and failed with `database is locked` (a deferred
/// transaction that read first cannot wait for the lock it then needs). So
/// on SQLite every write goes through one connection, handed to the
/// requests in the order they asked, and reads have their own connections,
/// read-only, which WAL lets run beside the write. On PostgreSQL, with its
/// row locks, both are one pool.
#[derive(Debug, Clone)]
pub struct Db {
    reads: AnyPool,
    writes: AnyPool,
    backend: Backend,
}

/// The few places where SQLite and PostgreSQL must be told apart (pragmas,
/// advisory locks) ask this instead of parsing the URL again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend a connection talks to, for code that is handed a
    /// connection (inside a transaction) rather than the [`Db`].
    pub fn of(conn: &sqlx::AnyConnection) -> Backend {
        if conn.backend_name().eq_ignore_ascii_case("sqlite") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        }
    }

    /// A table with one row per element of the JSON array of strings bound
    /// as `$n`, the string in column `value`. A batch's thousands of values
    /// go in as one parameter: SQLite looks each numbered parameter up in a
    /// list (binding grows with the square of their number), and each
    /// statement is a round trip on PostgreSQL.
    pub fn json_texts(self, n: usize) -> String {
        match self {
            Backend::Sqlite => format!("json_each(${n})"),
            Backend::Postgres => format!("json_array_elements_text(${n}::json)"),
        }
    }

    /// A select-list item that gathers the query's rows into one JSON array
    /// of arrays (`[[c1, c2…], …]`, `[]` for none), `columns` in order, for
    /// reading back as `Vec<(T1, T2…)>` with serde. Thousands of rows
    /// come back as one value: the SQLite driver hands each row of a result
    /// from its worker thread to the caller on its own, and in a batch of
    /// 10,000 that hand-over cost more than the query.
    pub fn json_agg_rows(self, columns: &str) -> String {
        match self {
            Backend::Sqlite => format!("json_group_array(json_array({columns}))"),
            Backend::Postgres => format!("COALESCE(json_agg(json_build_array({columns})), '[]')::text"),
        }
    }

    /// Like [`json_texts`](Backend::json_texts) for an array of arrays: each
    /// row's `value` is JSON, its fields read as `value ->> 0`, `value ->> 1`…
    /// (text on both backends; `CAST(… AS BIGINT)` for numbers).
    ///
    /// On PostgreSQL as `jsonb`: reading three fields from each row of a
    /// shipment batch's 8,500 feed entries took 54 ms from `json` (which
    /// finds each field by parsing the row's text again) and 18 ms from
    /// `jsonb` (parsed once). NUL, which `jsonb` cannot hold, never gets
    /// this far: every request body is refused with it (`json_body.rs`).
    pub fn json_rows(self, n: usize) -> String {
        match self {
            Backend::Sqlite => format!("json_each(${n})"),
            Backend::Postgres => format!("jsonb_array_elements(${n}::jsonb)"),
        }
    }
}

/// How long a request waits for a connection before the service answers
/// `503 unavailable` with `Retry-After`: saturated, not broken.
pub const CONNECTION_WAIT: Duration = Duration::from_secs(10);
/// Read connections on SQLite; the one writer is beside them.
const SQLITE_READERS: u32 = 4;
/// Connections on PostgreSQL, shared by reads and writes.
const POSTGRES_CONNECTIONS: u32 = 16;

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
        if !is_sqlite {
            let pool = AnyPoolOptions::new()
                .max_connections(POSTGRES_CONNECTIONS)
                .acquire_timeout(CONNECTION_WAIT)
                .connect(url)
                .await?;
            return Ok(Db { reads: pool.clone(), writes: pool, backend: Backend::Postgres });
        }
        let writes = sqlite_pool(1, false).connect(url).await?;
        // WAL lets the readers run while a write is in progress. It is a
        // property of the file, so setting it once is enough — before any
        // reader opens it.
        writes.execute("PRAGMA journal_mode = WAL").await?;
        let reads = sqlite_pool(SQLITE_READERS, true).connect(url).await?;
        Ok(Db { reads, writes, backend: Backend::Sqlite })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Opens (creating if missing) the SQLite file at `path`.
    pub async fn open_sqlite(path: &Path) -> Result<Db> {
        Db::connect(&sqlite_url(path)?).await
    }

    /// For statements that only read. On SQLite these connections are
    /// read-only (`query_only`): a write sent here fails loudly instead of
    /// racing the writer.
    pub fn reads(&self) -> &AnyPool {
        &self.reads
    }

    /// For every statement or transaction that writes. On SQLite this is one
    /// connection: while a request holds it, it must not wait for another
    /// write (it would wait for itself), and what it reads inside its
    /// transaction it reads through that transaction.
    pub fn writes(&self) -> &AnyPool {
        &self.writes
    }

    pub async fn close(&self) {
        self.writes.close().await;
        self.reads.close().await;
    }
}

fn sqlite_pool(connections: u32, read_only: bool) -> AnyPoolOptions {
    AnyPoolOptions::new().max_connections(connections).acquire_timeout(CONNECTION_WAIT).after_connect(
        move |conn, _meta| {
            Box::pin(async move {
                // Another process on the same file (the CLI, a second
                // service) is waited for rather than failed at once.
                conn.execute("PRAGMA busy_timeout = 5000").await?;
                conn.execute("PRAGMA foreign_keys = ON").await?;
                if read_only {
                    conn.execute("PRAGMA query_only = ON").await?;
                }
                Ok(())
            })
        },
    )
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
