//! The local replica of a seller's CSBA data.
//!
//! Every screen reads from here, never from the network, so the app shows
//! the same thing online and offline. The sync engine is the only writer of
//! remote state; the UI writes settings, drafts and the outbox.

mod accounts;
mod actions;
mod alerts_told;
mod case_deadlines;
mod codec;
pub mod credentials;
mod drafts;
mod enrollments;
mod error;
mod feedback;
mod filter;
mod inbox;
mod json_text;
mod metric_weeks;
mod migrate;
mod orders;
mod outbox;
pub mod paths;
mod policies;
mod questions;
mod replica;
mod settings;

pub use accounts::{keychain_user, Account, AccountId, AccountService, SellerProfile};
pub use actions::{Action, ActionKind};
pub use case_deadlines::CaseDeadline;
pub use drafts::Draft;
pub use enrollments::{ActivePeriod, EligibilityCheck, EnrollmentRecord, TrialPeriod};
pub use error::StoreError;
pub use feedback::{FeedbackRecord, PossibleGround, RemovalRequestRecord};
pub use filter::ReplicaFilter;
pub use inbox::{CaseRecord, CaseView};
pub use json_text::JsonText;
pub use metric_weeks::MetricWeekRecord;
pub use orders::{ConfirmedShipment, OrderView, ReturnAwaitingRefund};
pub use outbox::{NewAction, OutboxCounts, OutboxEntry, OutboxState, UploadProgress, UploadRowResult};
pub use policies::ReturnPolicyRecord;
pub use questions::ServiceQuestionRecord;
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
        // In WAL mode `synchronous=NORMAL` survives a process crash but can
        // lose the last commits on power loss or an OS crash. A draft the UI
        // showed as saved, or an action the seller was told is queued, must
        // survive both, so every commit waits for the WAL fsync (FULL).
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // Every transaction takes the write lock when it begins. A deferred
        // one that reads first and writes second cannot wait for another
        // process's commit: SQLite answers SQLITE_BUSY ("database is locked")
        // at once, whatever the busy timeout, because its snapshot is stale.
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        migrate::up(&mut conn)?;
        // Actions a previous run left `sending` are not touched here: another
        // process may be sending them right now. Their claim runs out and
        // the next push resends them under the same key.
        Ok(Store { conn })
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::{Store, StoreError};

    /// A store in a fresh directory; keep the directory alive as long as the store.
    pub(crate) fn temp_store() -> Result<(tempfile::TempDir, Store), StoreError> {
        let dir = tempfile::tempdir().map_err(|e| StoreError::Io { path: "tmp".into(), source: e })?;
        let store = Store::open(&dir.path().join("replica.sqlite"))?;
        Ok((dir, store))
    }

    /// A fresh store with one remote account to hang rows on.
    pub(crate) fn temp_store_with_account() -> Result<(tempfile::TempDir, Store, crate::AccountId), StoreError> {
        let (dir, mut store) = temp_store()?;
        let seller = crate::SellerProfile {
            seller_id: "A1TEST".into(),
            display_name: "Test store".into(),
            marketplaces: vec![csba_domain::Marketplace::Jp],
        };
        let account = store.add_remote_account("http://127.0.0.1:9", &seller, chrono::DateTime::UNIX_EPOCH)?;
        Ok((dir, store, account.id))
    }
}
