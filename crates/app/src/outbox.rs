//! The outbox screen: what waits, what went, what was refused.

use crate::desk::Desk;
use crate::error::{AppError, ErrorCode};
use crate::views::QueueItem;
use chrono::{DateTime, Utc};

/// How many outbox entries the queue screen lists.
const QUEUE_LIMIT: u32 = 200;

impl Desk {
    /// The newest outbox entries, newest first.
    pub fn queue(&self) -> Result<Vec<QueueItem>, AppError> {
        Ok(self.store()?.recent_outbox(QUEUE_LIMIT)?.into_iter().map(Into::into).collect())
    }

    /// Sends a refused action again (with a new idempotency key).
    pub fn retry_action(&self, id: i64, now: DateTime<Utc>) -> Result<QueueItem, AppError> {
        let entry = {
            let store = self.store()?;
            if !store.requeue(id, now)? {
                return Err(AppError::new(ErrorCode::ActionNotFailed));
            }
            store.outbox_entry(id)?.ok_or_else(|| AppError::new(ErrorCode::ActionNotFailed))?
        };
        self.wake(entry.account_id);
        Ok(entry.into())
    }

    pub fn discard_action(&self, id: i64) -> Result<(), AppError> {
        if self.store()?.discard(id)? {
            Ok(())
        } else {
            Err(AppError::new(ErrorCode::ActionNotFailed))
        }
    }
}
