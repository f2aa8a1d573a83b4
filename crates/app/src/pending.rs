//! What the outbox still holds for one object (a policy, a feedback, an
//! enrollment): the screens show it next to the object until the service
//! confirms it, and its refusal with its code when it refused.

use crate::enrollment::PendingAction;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use csba_store::{AccountId, OutboxEntry, OutboxState, Store};

/// The newest unsent entry of `account` about `object_key`: a correction
/// queued after a refusal shows over the refused one.
pub(crate) fn pending_for(unsent: &[OutboxEntry], account: AccountId, object_key: &str) -> Option<PendingAction> {
    unsent.iter().rfind(|e| e.account_id == account && e.object_key == object_key).map(pending_action)
}

pub(crate) fn pending_action(e: &OutboxEntry) -> PendingAction {
    PendingAction {
        kind: e.kind,
        state: match &e.state {
            OutboxState::Failed { .. } => "failed",
            OutboxState::Sending => "sending",
            OutboxState::Sent => "sent",
            OutboxState::Queued => "queued",
        }
        .to_owned(),
        problem: match &e.state {
            OutboxState::Failed { code, .. } => Some(AppError::from_problem(code)),
            _ => None,
        },
        entry_id: e.id,
    }
}

/// `now` on `account`'s service clock (the local clock plus the measured
/// offset): windows and deadlines are the service's.
pub(crate) fn server_now(store: &Store, account: AccountId, now: DateTime<Utc>) -> Result<DateTime<Utc>, AppError> {
    Ok(now + Duration::milliseconds(store.sync_state(account)?.server_offset_ms))
}
