use chrono::{DateTime, Utc};
use csba_api::{ApiClient, ClientError};
use csba_store::{Store, StoreError};
use std::sync::Mutex;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Client(#[from] ClientError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the replica lock was poisoned by a crashed thread")]
    Poisoned,
}

impl SyncError {
    /// Worth trying again later (the network, a 5xx), as opposed to a
    /// problem a person has to look at.
    pub fn is_transient(&self) -> bool {
        matches!(self, SyncError::Client(e) if e.is_transient())
    }
}

/// What one pull did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PullOutcome {
    pub pages: usize,
    pub changes: usize,
}

/// Pulls every page of the change feed after the stored cursor and applies
/// each page in its own transaction.
///
/// The store lock is taken only to read the cursor and to apply a page,
/// never across an `.await`. `local_now` is the local clock, used to measure
/// the offset of the server's clock.
pub async fn pull_all(
    client: &ApiClient,
    store: &Mutex<Store>,
    local_now: &(dyn Fn() -> DateTime<Utc> + Sync),
) -> Result<PullOutcome, SyncError> {
    let mut cursor = store.lock().map_err(|_| SyncError::Poisoned)?.sync_state()?.cursor;
    let mut outcome = PullOutcome::default();
    loop {
        let sent_at = local_now();
        let page = client.changes(cursor.as_deref()).await?;
        // The server stamped its time somewhere during the round trip;
        // the midpoint halves the error a slow network adds.
        let received_at = local_now();
        let midpoint = sent_at + (received_at - sent_at) / 2;
        store.lock().map_err(|_| SyncError::Poisoned)?.apply_changes(&page, midpoint)?;
        outcome.pages += 1;
        outcome.changes += page.changes.len();
        cursor = Some(page.next_cursor.clone());
        if !page.has_more {
            return Ok(outcome);
        }
    }
}
