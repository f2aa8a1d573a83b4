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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::obligation::ObligationKey;
    use chrono::TimeZone;
    use csba_domain::Marketplace;

    fn at(h: u32, m: u32) -> Result<DateTime<Utc>, String> {
        Utc.with_ymd_and_hms(2026, 6, 1, h, m, 0).single().ok_or_else(|| format!("{h}:{m}"))
    }

    fn due(kind: ObligationKind, id: &str, due: DateTime<Utc>) -> Obligation {
        Obligation {
            key: ObligationKey::new(kind, 1, id),
            marketplace: Marketplace::Us,
            due,
            server_offset: Duration::zero(),
            label: id.into(),
        }
    }

    fn ids(list: &[Obligation]) -> Vec<&str> {
        list.iter().map(|o| o.key.object_id.as_str()).collect()
    }

    #[test]
    fn nothing_is_calm() -> Result<(), String> {
        let s = summarize(&[], &AlertSettings::default(), at(12, 0)?, 5);
        assert_eq!(s, Summary::default());
        assert_eq!(s.level, TrayLevel::Calm);
        Ok(())
    }

    #[test]
    fn counts_levels_kinds_next_and_upcoming() -> Result<(), String> {
        let now = at(12, 0)?;
        let list = [
            due(ObligationKind::CaseReply, "case-far", at(19, 0)?), // 7 h: beyond 6 h
            due(ObligationKind::CaseReply, "case-soon", at(17, 0)?), // 5 h: due soon
            due(ObligationKind::Tracking, "track-late", at(11, 0)?), // 1 h overdue
            due(ObligationKind::Refund, "refund-late", at(9, 0)?),  // 3 h overdue
            due(ObligationKind::Tracking, "track-edge", at(16, 0)?), // exactly 4 h: due soon
            due(ObligationKind::ServiceQuestion, "q-now", now),     // due this instant: overdue
        ];
        let s = summarize(&list, &AlertSettings::default(), now, 4);
        assert_eq!(s.level, TrayLevel::Overdue);
        assert_eq!(s.overdue, 3);
        assert_eq!(s.due_soon, 2);
        assert_eq!(
            s.by_kind,
            vec![
                (ObligationKind::CaseReply, 1),
                (ObligationKind::Refund, 1),
                (ObligationKind::ServiceQuestion, 1),
                (ObligationKind::Tracking, 2)
            ]
        );
        assert_eq!(s.next.as_ref().map(|o| o.key.object_id.as_str()), Some("track-edge"));
        assert_eq!(ids(&s.upcoming), vec!["refund-late", "track-late", "q-now", "track-edge"]);
        Ok(())
    }

    #[test]
    fn due_soon_is_within_the_kinds_most_distant_threshold_on_the_local_clock() -> Result<(), String> {
        let mut o = due(ObligationKind::CaseReply, "c", at(18, 1)?);
        let settings = AlertSettings::default();
        assert_eq!(summarize(std::slice::from_ref(&o), &settings, at(12, 0)?, 5).level, TrayLevel::Calm);
        // Service clock 2 min ahead: locally due at 17:59, within 6 h.
        o.server_offset = Duration::minutes(2);
        let s = summarize(std::slice::from_ref(&o), &settings, at(12, 0)?, 5);
        assert_eq!((s.level, s.due_soon, s.overdue), (TrayLevel::DueSoon, 1, 0));
        // A kind whose alerts are off is never "due soon", but overdue still shows.
        let mut off = settings.clone();
        off.thresholds[0].minutes.clear();
        assert_eq!(summarize(std::slice::from_ref(&o), &off, at(12, 0)?, 5).level, TrayLevel::Calm);
        assert_eq!(summarize(&[o], &off, at(18, 0)?, 5).level, TrayLevel::Overdue);
        Ok(())
    }

    #[test]
    fn tray_level_serializes_snake_case() -> Result<(), serde_json::Error> {
        assert_eq!(serde_json::to_string(&TrayLevel::DueSoon)?, "\"due_soon\"");
        assert_eq!(TrayLevel::DueSoon.code(), "due_soon");
        Ok(())
    }
}
