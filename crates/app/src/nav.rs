//! The sidebar's badges: how many things on each screen need the seller now.

use crate::desk::Desk;
use crate::error::AppError;
use crate::filter::ViewFilter;
use chrono::{DateTime, Utc};
use csba_store::{OutboxState, ReplicaFilter};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
pub struct Badges {
    /// Open cases waiting for the seller's answer (overdue ones included:
    /// a late answer still counts for something).
    pub cases_due: u32,
    /// Unshipped seller-fulfilled orders without a tracking ID confirmed or
    /// queued.
    pub orders_without_tracking: u32,
    /// Negative feedback that may still be removed and has no request yet.
    pub removable_feedback: u32,
    /// Questions to the CSBA team not answered yet.
    pub questions_awaiting: u32,
    /// Actions the service refused.
    pub failed_actions: u32,
    /// Actions waiting to be sent or on their way.
    pub queued_actions: u32,
}

impl Desk {
    /// `now` is the local clock; each account's figures are on its own
    /// service's clock where time matters (the removal window).
    pub fn badges(&self, filter: ViewFilter, now: DateTime<Utc>) -> Result<Badges, AppError> {
        let store = self.store()?;
        let replica: ReplicaFilter = filter.into();
        let cases_due = store.open_case_count(replica)?;
        let queued_tracking = crate::orders::queued_tracking(&store)?;
        let orders_without_tracking = store
            .orders_needing_tracking(replica)?
            .iter()
            .filter(|o| !queued_tracking.contains_key(&(o.account_id, o.id.clone())))
            .count();
        let mut failed_actions = 0;
        let mut queued_actions = 0;
        for entry in store.unsent_outbox()? {
            if filter.account_id.is_some_and(|a| a != entry.account_id) {
                continue;
            }
            match entry.state {
                OutboxState::Failed { .. } => failed_actions += 1,
                OutboxState::Queued | OutboxState::Sending => queued_actions += 1,
                OutboxState::Sent => {}
            }
        }
        Ok(Badges {
            cases_due,
            orders_without_tracking: count(orders_without_tracking),
            removable_feedback: store.removable_feedback_count(replica, now)?,
            questions_awaiting: store.questions_awaiting_answer_count(replica)?,
            failed_actions,
            queued_actions,
        })
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
