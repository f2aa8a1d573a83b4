//! The pure step: given the obligations, the settings and what was told,
//! what to tell now, what to record, and when something new can happen.

use crate::obligation::{Obligation, ObligationKey};
use crate::quiet::quiet_period_at;
use crate::settings::{AlertSettings, QuietHours};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use std::collections::BTreeSet;

/// What the seller was already told: (ledger key, threshold minutes). Kept by
/// ledger key so it is what the store holds and survives restarts as is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Told(BTreeSet<(String, u32)>);

impl Told {
    pub fn new() -> Told {
        Told::default()
    }

    pub fn contains(&self, key: &ObligationKey, minutes: u32) -> bool {
        self.0.contains(&(key.ledger_key(), minutes))
    }

    /// Whether `key` was told at `minutes` or at a more urgent level: then
    /// telling `minutes` would be a step back.
    pub fn contains_at_or_below(&self, key: &ObligationKey, minutes: u32) -> bool {
        let ledger = key.ledger_key();
        self.0.range((ledger.clone(), 0)..=(ledger, minutes)).next().is_some()
    }

    /// Returns whether it was new.
    pub fn insert(&mut self, key: &ObligationKey, minutes: u32) -> bool {
        self.0.insert((key.ledger_key(), minutes))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The ledger rows, ordered.
    pub fn iter(&self) -> impl Iterator<Item = &(String, u32)> {
        self.0.iter()
    }
}

/// From the ledger rows (`Store::alerts_told`).
impl FromIterator<(String, u32)> for Told {
    fn from_iter<I: IntoIterator<Item = (String, u32)>>(rows: I) -> Told {
        Told(rows.into_iter().collect())
    }
}

/// From a step's `record`.
impl<'a> FromIterator<&'a (ObligationKey, u32)> for Told {
    fn from_iter<I: IntoIterator<Item = &'a (ObligationKey, u32)>>(rows: I) -> Told {
        Told(rows.into_iter().map(|(key, m)| (key.ledger_key(), *m)).collect())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    pub obligation: Obligation,
    /// The threshold crossed; 0 = overdue.
    pub minutes: u32,
    /// When it was crossed, on the local clock.
    pub crossed_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Step {
    /// What to tell now, one per obligation (its most urgent crossed threshold), soonest deadline first.
    pub tell: Vec<Alert>,
    /// What to record as told once `tell` reached the seller: every crossed (key, minutes) of
    /// the told obligations, the lesser thresholds skipped over included.
    pub record: Vec<(ObligationKey, u32)>,
    /// Crossed but held back by snooze or quiet hours; told when those end.
    pub held: usize,
    /// The next local instant at which `evaluate` can give something new: the next crossing,
    /// or the end of the quiet period / snooze that holds something. None: nothing ahead.
    pub next: Option<DateTime<Utc>>,
}

/// When `minutes` before `due` is, on the same clock.
fn crossing(due: DateTime<Utc>, minutes: u32) -> DateTime<Utc> {
    due.checked_sub_signed(Duration::minutes(i64::from(minutes))).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// What holds alerts back at a given instant.
struct Holds<'a> {
    quiet: Option<&'a QuietHours>,
    snoozed_until: Option<DateTime<Utc>>,
    zone: Tz,
}

impl Holds<'_> {
    /// The first instant at or after `at` when an alert for an obligation due
    /// (locally) at `due` is not held. A snooze holds everything; quiet hours
    /// hold everything but, with `alert_due_inside`, what falls due inside
    /// that same period.
    fn release(&self, at: DateTime<Utc>, due: DateTime<Utc>) -> DateTime<Utc> {
        let mut t = at;
        // A snooze can end inside a quiet period and a quiet period cannot
        // end inside another, so a few rounds settle it; the bound is there
        // so odd settings can never loop.
        for _ in 0..4 {
            if let Some(until) = self.snoozed_until.filter(|until| t < *until) {
                t = until;
                continue;
            }
            let quiet_holds = self.quiet.and_then(|q| {
                let (start, end) = quiet_period_at(q, t, self.zone)?;
                let breaks_through = q.alert_due_inside && start <= due && due < end;
                (!breaks_through).then_some(end)
            });
            match quiet_holds {
                Some(end) => t = end,
                None => break,
            }
        }
        t
    }
}

pub fn evaluate(
    obligations: &[Obligation],
    settings: &AlertSettings,
    snoozed_until: Option<DateTime<Utc>>,
    told: &Told,
    now: DateTime<Utc>,
    zone: Tz,
) -> Step {
    let holds = Holds { quiet: settings.quiet_hours.as_ref(), snoozed_until, zone };
    let mut step = Step::default();
    let mut next: Option<DateTime<Utc>> = None;
    let mut sooner = |at: DateTime<Utc>| next = Some(next.map_or(at, |n| n.min(at)));

    for o in obligations {
        let due = o.due_local();
        let thresholds = settings.thresholds_for(o.key.kind);
        let crossed = |m: &&u32| now >= crossing(due, **m);
        let most_urgent = thresholds.iter().filter(crossed).min().copied();

        if let Some(m) = most_urgent.filter(|m| !told.contains_at_or_below(&o.key, *m)) {
            let released = holds.release(now, due);
            if released > now {
                step.held += 1;
                sooner(released);
            } else {
                step.tell.push(Alert { obligation: o.clone(), minutes: m, crossed_at: crossing(due, m) });
                let mut all: Vec<u32> = thresholds.iter().filter(crossed).copied().collect();
                all.sort_unstable_by(|a, b| b.cmp(a));
                all.dedup();
                step.record.extend(all.into_iter().map(|m| (o.key.clone(), m)));
            }
        }

        // The next crossing that will tell something: more urgent than what
        // is crossed now, and not already told (a ledger from a clock that
        // ran ahead, or a threshold added after it was told).
        let ahead = thresholds
            .iter()
            .map(|m| (*m, crossing(due, *m)))
            .filter(|(m, at)| *at > now && !told.contains_at_or_below(&o.key, *m))
            .min_by_key(|(_, at)| *at);
        if let Some((_, at)) = ahead {
            sooner(holds.release(at, due));
        }
    }

    step.tell.sort_by(|a, b| {
        (a.obligation.due_local(), &a.obligation.key).cmp(&(b.obligation.due_local(), &b.obligation.key))
    });
    step.next = next;
    step
}
