//! Forward-only schema migrations, numbered `.sql` files embedded in the
//! binary. `PRAGMA user_version` records how many have been applied.

use crate::StoreError;
use rusqlite::Connection;

/// In order; the index + 1 is the schema version after applying it.
pub(crate) const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_replica", include_str!("../migrations/0001_replica.sql")),
    ("0002_drafts_and_outbox", include_str!("../migrations/0002_drafts_and_outbox.sql")),
];

pub(crate) fn up(conn: &mut Connection) -> Result<(), StoreError> {
    let known = MIGRATIONS.len() as i64;
    let current: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current > known {
        return Err(StoreError::TooNew { found: current, known });
    }
    for (index, (_name, sql)) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        // Each migration and its version bump commit together, so a crash
        // mid-upgrade leaves the previous version intact.
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upgrades_from_every_earlier_version() -> Result<(), StoreError> {
        for start in 0..=MIGRATIONS.len() {
            let mut conn = Connection::open_in_memory()?;
            for (index, (_, sql)) in MIGRATIONS.iter().enumerate().take(start) {
                conn.execute_batch(sql)?;
                conn.pragma_update(None, "user_version", index as i64 + 1)?;
            }
            up(&mut conn)?;
            let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
            assert_eq!(version, MIGRATIONS.len() as i64, "from version {start}");
            up(&mut conn)?; // running again is a no-op
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
    fn refuses_a_database_from_the_future() -> Result<(), StoreError> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "user_version", 999)?;
        assert!(matches!(up(&mut conn), Err(StoreError::TooNew { found: 999, .. })));
        Ok(())
    }
}
