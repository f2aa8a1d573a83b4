//! The local replica of a seller's CSBA data.
//!
//! Every screen reads from here, never from the network, so the app shows
//! the same thing online and offline. The sync engine is the only writer of
//! remote state; the UI writes settings (and, later, drafts and the outbox).

pub mod credentials;
mod error;
mod inbox;
mod migrate;
pub mod paths;
mod replica;
mod settings;

pub use error::StoreError;
pub use inbox::CaseView;
pub use replica::SyncState;

use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

/// A handle on the replica database file.
pub struct Store {
    conn: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.conn.path()).finish()
    }
}

impl Store {
    /// Opens (creating if needed) the replica at `path` and brings its schema
    /// up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io { path: dir.to_owned(), source })?;
        }
        let mut conn = Connection::open(path)?;
        // WAL lets the app and the `csba` command read while the other writes;
        // the busy timeout makes a concurrent writer wait instead of failing.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(Duration::from_secs(5))?;
        migrate::up(&mut conn)?;
        Ok(Store { conn })
    }
}
