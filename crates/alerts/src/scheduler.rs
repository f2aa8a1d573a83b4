//! The loop: evaluate, tell, record, show the summary, sleep until the next
//! instant anything can change.

use crate::clock::Clock;
use crate::obligation::{Obligation, ObligationKey};
use crate::plan::{evaluate, Alert, Told};
use crate::settings::AlertSettings;
use crate::summary::{summarize, Summary};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use std::future::Future;
use std::pin::Pin;
use tokio::sync::Notify;

/// How often the tray is refreshed while something is due, so "next in
/// 1 h 12 min" stays true to the minute.
pub const SUMMARY_REFRESH: Duration = Duration::seconds(60);

/// How soon a failed delivery or an unreadable source is tried again.
pub const RETRY_AFTER: Duration = Duration::seconds(60);

/// How many deadlines the tray menu lists.
pub const TRAY_UPCOMING: usize = 5;

/// Everything one round needs, read at once.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub obligations: Vec<Obligation>,
    pub settings: AlertSettings,
    pub snoozed_until: Option<DateTime<Utc>>,
    pub told: Told,
    pub zone: Tz,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct SourceError(pub String);

pub trait AlertSource: Send + Sync {
    fn snapshot(&self, now: DateTime<Utc>) -> Result<Snapshot, SourceError>;
    fn record(&self, told: &[(ObligationKey, u32)], now: DateTime<Utc>) -> Result<(), SourceError>;
}

pub trait AlertSink: Send + Sync {
    /// Shows `alerts` (several become one grouped notification). Returns whether they reached
    /// the seller; only then are they recorded as told (else retried at the next wake).
    fn deliver(&self, alerts: &[Alert], now: DateTime<Utc>) -> bool;
    /// The tray icon, tooltip, menu and window title are rebuilt from this.
    fn show_summary(&self, summary: &Summary, now: DateTime<Utc>);
}

fn earliest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// One round: snapshot, evaluate, deliver, record, summarize. Returns the next wake instant.
///
/// That instant is the plan's next crossing or release, brought forward to
/// `now + SUMMARY_REFRESH` while something is overdue or due soon (the tray
/// counts down) and to `now + RETRY_AFTER` when the source could not be read
/// or a delivery failed.
pub fn step(source: &dyn AlertSource, sink: &dyn AlertSink, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let snapshot = match source.snapshot(now) {
        Ok(s) => s,
        Err(e) => {
            tracing::warn!(error = %e, "alerts: cannot read the obligations; trying again shortly");
            return Some(now + RETRY_AFTER);
        }
    };
    let plan =
        evaluate(&snapshot.obligations, &snapshot.settings, snapshot.snoozed_until, &snapshot.told, now, snapshot.zone);
    let mut wake = plan.next;
    if !plan.tell.is_empty() {
        if sink.deliver(&plan.tell, now) {
            if let Err(e) = source.record(&plan.record, now) {
                // Told but not remembered: the seller may be told again after
                // a restart, which beats never being told.
                tracing::warn!(error = %e, "alerts: told, but could not record it");
            }
        } else {
            wake = earliest(wake, Some(now + RETRY_AFTER));
        }
    }
    let summary = summarize(&snapshot.obligations, &snapshot.settings, now, TRAY_UPCOMING);
    if summary.overdue + summary.due_soon > 0 {
        wake = earliest(wake, Some(now + SUMMARY_REFRESH));
    }
    sink.show_summary(&summary, now);
    wake
}

/// Forever: step, then sleep until the next instant — or until `changed` is notified (the
/// replica changed, the server offset moved, settings or snooze changed). Also re-steps at
/// least every SUMMARY_REFRESH (60 s) while something is due so "next in 1 h 12 min" stays true.
pub async fn run(source: &dyn AlertSource, sink: &dyn AlertSink, clock: &dyn Clock, changed: &Notify) {
    loop {
        let now = clock.now();
        let wake = step(source, sink, now);
        let sleep: Pin<Box<dyn Future<Output = ()> + Send + '_>> = match wake {
            // A wake instant at or before now would spin; a second is the floor.
            Some(at) => clock.sleep_until(at.max(now + Duration::seconds(1))),
            None => Box::pin(std::future::pending()),
        };
        tokio::select! {
            () = sleep => {}
            () = changed.notified() => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::SystemClock;

    struct Nothing;

    impl AlertSource for Nothing {
        fn snapshot(&self, _now: DateTime<Utc>) -> Result<Snapshot, SourceError> {
            Err(SourceError("empty".into()))
        }
        fn record(&self, _told: &[(ObligationKey, u32)], _now: DateTime<Utc>) -> Result<(), SourceError> {
            Ok(())
        }
    }

    impl AlertSink for Nothing {
        fn deliver(&self, _alerts: &[Alert], _now: DateTime<Utc>) -> bool {
            false
        }
        fn show_summary(&self, _summary: &Summary, _now: DateTime<Utc>) {}
    }

    fn spawnable<F: Future<Output = ()> + Send>(f: F) -> F {
        f
    }

    /// The shell spawns the loop on a multi-threaded runtime, which needs
    /// its future to be Send; this fails to compile if it stops being so.
    #[test]
    fn the_loop_can_be_spawned() {
        let notify = Notify::new();
        let pending = spawnable(run(&Nothing, &Nothing, &SystemClock, &notify));
        drop(pending);
    }

    #[test]
    fn a_source_error_reads_as_its_message() {
        assert_eq!(SourceError("replica locked".into()).to_string(), "replica locked");
    }
}
