//! What the tray says: how many deadlines need the seller and which come next.

use crate::obligation::{Obligation, ObligationKind};
use crate::settings::AlertSettings;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The tray icon's look.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TrayLevel {
    /// Nothing overdue or due soon.
    #[default]
    Calm,
    /// Something is due within its kind's most distant threshold.
    DueSoon,
    /// Some deadline has passed.
    Overdue,
}

impl TrayLevel {
    pub fn code(self) -> &'static str {
        match self {
            TrayLevel::Calm => "calm",
            TrayLevel::DueSoon => "due_soon",
            TrayLevel::Overdue => "overdue",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub level: TrayLevel,
    pub overdue: u32,
    /// Not overdue, due within the kind's most distant threshold.
    pub due_soon: u32,
    /// Count per kind of overdue + due_soon, in ALL order, kinds with 0 left out.
    pub by_kind: Vec<(ObligationKind, u32)>,
    /// The soonest deadline not yet passed.
    pub next: Option<Obligation>,
    /// Up to `limit` deadlines for the tray menu: overdue first (most overdue first), then soonest.
    pub upcoming: Vec<Obligation>,
}

/// Deadlines are compared on the local clock (`due_local`), as `now` is. An
/// obligation is overdue from its deadline on, whatever its thresholds: the
/// tray must not look calm while something is late. A kind with no
/// thresholds is never "due soon" (the seller turned it off).
pub fn summarize(obligations: &[Obligation], settings: &AlertSettings, now: DateTime<Utc>, limit: usize) -> Summary {
    let mut overdue = 0u32;
    let mut due_soon = 0u32;
    let mut per_kind = [0u32; ObligationKind::ALL.len()];
    for o in obligations {
        let due = o.due_local();
        let counted = if now >= due {
            overdue += 1;
            true
        } else {
            let horizon = settings.thresholds_for(o.key.kind).iter().max().copied();
            let soon = horizon.is_some_and(|m| due - now <= Duration::minutes(i64::from(m)));
            due_soon += u32::from(soon);
            soon
        };
        if counted {
            if let Some(i) = ObligationKind::ALL.iter().position(|k| *k == o.key.kind) {
                per_kind[i] += 1;
            }
        }
    }
    let by_kind = ObligationKind::ALL.into_iter().zip(per_kind).filter(|(_, n)| *n > 0).collect();

    // Soonest deadline first is also "most overdue first" for the passed
    // ones, which sort before the rest; the key makes ties stable.
    let mut by_due: Vec<&Obligation> = obligations.iter().collect();
    by_due.sort_by(|a, b| (a.due_local(), &a.key).cmp(&(b.due_local(), &b.key)));
    let next = by_due.iter().find(|o| o.due_local() > now).map(|o| (*o).clone());
    let upcoming = by_due.into_iter().take(limit).cloned().collect();

    let level = if overdue > 0 {
        TrayLevel::Overdue
    } else if due_soon > 0 {
        TrayLevel::DueSoon
    } else {
        TrayLevel::Calm
    };
    Summary { level, overdue, due_soon, by_kind, next, upcoming }
}
