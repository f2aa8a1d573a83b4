use chrono::{DateTime, Utc};
use csba_api::{ApiClient, ClientError, ProblemCode};
use csba_store::{AccountId, Store, StoreError};
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
    /// The service no longer had our cursor (`410 cursor_expired`), so the
    /// replica was rebuilt from the start of the feed.
    pub resynced: bool,
}

/// Pulls every page of the change feed after `account`'s stored cursor and
/// applies each page in its own transaction.
///
/// When the service answers that the cursor expired (the account was
/// offline longer than the feed is kept), the replica of that account is
/// emptied and pulled again from the start; drafts and the outbox are kept.
///
/// The store lock is taken only to read the cursor and to apply a page,
/// never across an `.await`. `local_now` is the local clock, used to measure
/// the offset of the server's clock.
pub async fn pull_all(
    client: &ApiClient,
    store: &Mutex<Store>,
    account: AccountId,
    local_now: &(dyn Fn() -> DateTime<Utc> + Sync),
) -> Result<PullOutcome, SyncError> {
    let mut cursor = store.lock().map_err(|_| SyncError::Poisoned)?.sync_state(account)?.cursor;
    let mut outcome = PullOutcome::default();
    loop {
        let sent_at = local_now();
        let page = match client.changes(cursor.as_deref()).await {
            Ok(page) => page,
            // Once per pull: a second "expired" while rebuilding would be the
            // service's fault, and looping on it would never end.
            Err(ClientError::Problem(problem))
                if problem.code == ProblemCode::CursorExpired && cursor.is_some() && !outcome.resynced =>
            {
                tracing::info!(%account, "the change feed no longer has our cursor: rebuilding the replica");
                store.lock().map_err(|_| SyncError::Poisoned)?.reset_replica(account)?;
                outcome.resynced = true;
                cursor = None;
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        // The server stamped its time somewhere during the round trip;
        // the midpoint halves the error a slow network adds.
        let received_at = local_now();
        let midpoint = sent_at + (received_at - sent_at) / 2;
        store.lock().map_err(|_| SyncError::Poisoned)?.apply_changes(account, &page, midpoint)?;
        outcome.pages += 1;
        outcome.changes += page.changes.len();
        cursor = Some(page.next_cursor.clone());
        if !page.has_more {
            return Ok(outcome);
        }
    }
}
