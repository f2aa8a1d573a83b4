//! What the alert scheduler would do at `now`, without doing it: what it
//! would tell, what the tray would say, every deadline. For `csba alerts`,
//! which must not use up an alert the running app has yet to give, so
//! nothing is recorded.

use crate::alerts::source::snapshot;
use crate::desk::Desk;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use csba_alerts::{evaluate, summarize, Alert, Obligation, Summary};

#[derive(Debug, Clone)]
pub struct AlertsPreview {
    /// What a round at `now` would tell (the most urgent level crossed per
    /// obligation, not told before, not held), soonest deadline first.
    pub would_tell: Vec<Alert>,
    /// Crossed but held back by quiet hours or the snooze.
    pub held: usize,
    /// The tray's summary, `upcoming` listing every deadline.
    pub summary: Summary,
    /// Every deadline, soonest first.
    pub obligations: Vec<Obligation>,
    pub snoozed_until: Option<DateTime<Utc>>,
    pub zone: Tz,
}

impl Desk {
    pub fn alerts_preview(&self, now: DateTime<Utc>) -> Result<AlertsPreview, AppError> {
        let s = snapshot(self, now)?;
        let step = evaluate(&s.obligations, &s.settings, s.snoozed_until, &s.told, now, s.zone);
        Ok(AlertsPreview {
            would_tell: step.tell,
            held: step.held,
            summary: summarize(&s.obligations, &s.settings, now, s.obligations.len()),
            obligations: s.obligations,
            snoozed_until: s.snoozed_until,
            zone: s.zone,
        })
    }
}
