use crate::{Store, StoreError};
use rusqlite::OptionalExtension;

impl Store {
    /// A user setting, e.g. the chosen UI language.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| row.get(0)).optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// Removes a setting, so it reads as never set (a snooze turned off).
    pub fn remove_setting(&self, key: &str) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::{Store, StoreError};

    #[test]
    fn settings_persist_across_reopen() -> Result<(), StoreError> {
        let dir = tempfile::tempdir().map_err(|e| StoreError::Io { path: "tmp".into(), source: e })?;
        let path = dir.path().join("replica.sqlite");
        {
            let store = Store::open(&path)?;
            assert_eq!(store.setting("locale")?, None);
            store.set_setting("locale", "ja")?;
            store.set_setting("locale", "ko")?;
        }
        let store = Store::open(&path)?;
        assert_eq!(store.setting("locale")?, Some("ko".to_owned()));
        store.remove_setting("locale")?;
        store.remove_setting("locale")?; // removing what is not there is fine
        assert_eq!(store.setting("locale")?, None);
        Ok(())
    }
}
