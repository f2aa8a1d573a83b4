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

    /// The levels told for `key`, most urgent (smallest) first: one look-up
    /// per obligation instead of one per threshold, for replicas with
    /// thousands of them.
    pub fn levels(&self, key: &ObligationKey) -> Vec<u32> {
        let ledger = key.ledger_key();
        self.0.range((ledger.clone(), 0)..=(ledger, u32::MAX)).map(|(_, m)| *m).collect()
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
    /// the told obligations, the lesser thresholds skipped over included (those not told yet).
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
    let mut held = 0;
    // Each alert with the levels it records, so both lists come out in
    // the same order: soonest deadline first.
    let mut telling: Vec<(Alert, Vec<u32>)> = Vec::new();
    let mut next: Option<DateTime<Utc>> = None;
    let mut sooner = |at: DateTime<Utc>| next = Some(next.map_or(at, |n| n.min(at)));

    for o in obligations {
        let due = o.due_local();
        let thresholds = settings.thresholds_for(o.key.kind);
        let crossed = |m: &&u32| now >= crossing(due, **m);
        let most_urgent = thresholds.iter().filter(crossed).min().copied();
        let told_levels = told.levels(&o.key);
        // Told at `m` or more urgently: telling `m` now would be a step back.
        let told_as_urgent = |m: u32| told_levels.first().is_some_and(|least| *least <= m);

        if let Some(m) = most_urgent.filter(|m| !told_as_urgent(*m)) {
            let released = holds.release(now, due);
            if released > now {
                held += 1;
                sooner(released);
            } else {
                // Rows already in the ledger are left out: it keeps when each
                // level was first told.
                let mut levels: Vec<u32> =
                    thresholds.iter().filter(crossed).filter(|m| !told_levels.contains(m)).copied().collect();
                levels.sort_unstable_by(|a, b| b.cmp(a));
                levels.dedup();
                telling.push((Alert { obligation: o.clone(), minutes: m, crossed_at: crossing(due, m) }, levels));
            }
        }

        // The next crossing that will tell something: more urgent than what
        // is crossed now, and not already told (a ledger from a clock that
        // ran ahead, or a threshold added after it was told).
        let ahead = thresholds
            .iter()
            .map(|m| (*m, crossing(due, *m)))
            .filter(|(m, at)| *at > now && !told_as_urgent(*m))
            .min_by_key(|(_, at)| *at);
        if let Some((_, at)) = ahead {
            sooner(holds.release(at, due));
        }
    }

    telling.sort_by(|(a, _), (b, _)| {
        (a.obligation.due_local(), &a.obligation.key).cmp(&(b.obligation.due_local(), &b.obligation.key))
    });
    let record = telling.iter().flat_map(|(a, levels)| levels.iter().map(|m| (a.obligation.key.clone(), *m))).collect();
    let tell = telling.into_iter().map(|(a, _)| a).collect();
    Step { tell, record, held, next }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::obligation::ObligationKind;
    use crate::settings::KindThresholds;
    use chrono::TimeZone;
    use chrono_tz::{Asia::Tokyo, UTC};
    use csba_domain::Marketplace;

    fn at(h: u32, m: u32) -> Result<DateTime<Utc>, String> {
        Utc.with_ymd_and_hms(2026, 6, 1, h, m, 0).single().ok_or_else(|| format!("{h}:{m}"))
    }

    fn case(id: &str, due: DateTime<Utc>) -> Obligation {
        Obligation {
            key: ObligationKey::new(ObligationKind::CaseReply, 1, id),
            marketplace: Marketplace::Jp,
            due,
            server_offset: Duration::zero(),
            label: id.into(),
        }
    }

    fn told_of(o: &Obligation, minutes: &[u32]) -> Told {
        minutes.iter().map(|m| (o.key.ledger_key(), *m)).collect()
    }

    /// (object id, minutes) of what a step tells.
    fn told_now(step: &Step) -> Vec<(&str, u32)> {
        step.tell.iter().map(|a| (a.obligation.key.object_id.as_str(), a.minutes)).collect()
    }

    #[test]
    fn a_threshold_is_crossed_at_its_exact_instant() -> Result<(), String> {
        let o = case("c1", at(12, 0)?);
        let s = AlertSettings::default();
        let before =
            evaluate(std::slice::from_ref(&o), &s, None, &Told::new(), at(5, 59)? + Duration::seconds(59), UTC);
        assert_eq!(before.tell, vec![]);
        assert_eq!(before.next, Some(at(6, 0)?));

        let crossing = evaluate(std::slice::from_ref(&o), &s, None, &Told::new(), at(6, 0)?, UTC);
        assert_eq!(crossing.tell, vec![Alert { obligation: o.clone(), minutes: 360, crossed_at: at(6, 0)? }]);
        assert_eq!(crossing.record, vec![(o.key.clone(), 360)]);
        assert_eq!(crossing.held, 0);
        assert_eq!(crossing.next, Some(at(10, 0)?));

        let after = evaluate(std::slice::from_ref(&o), &s, None, &told_of(&o, &[360]), at(6, 1)?, UTC);
        assert_eq!(after.tell, vec![]);
        assert_eq!(after.record, vec![]);
        assert_eq!(after.next, Some(at(10, 0)?));
        Ok(())
    }

    #[test]
    fn levels_crossed_unseen_are_told_once_at_the_most_urgent_and_all_recorded() -> Result<(), String> {
        let o = case("c1", at(12, 0)?);
        let step = evaluate(std::slice::from_ref(&o), &AlertSettings::default(), None, &Told::new(), at(11, 50)?, UTC);
        assert_eq!(told_now(&step), vec![("c1", 30)]);
        assert_eq!(step.tell[0].crossed_at, at(11, 30)?);
        assert_eq!(step.record, vec![(o.key.clone(), 360), (o.key.clone(), 120), (o.key.clone(), 30)]);
        assert_eq!(step.next, Some(at(12, 0)?));
        // Overdue: the last level, then nothing ahead.
        let overdue = evaluate(
            std::slice::from_ref(&o),
            &AlertSettings::default(),
            None,
            &told_of(&o, &[360, 120, 30]),
            at(13, 0)?,
            UTC,
        );
        assert_eq!(told_now(&overdue), vec![("c1", 0)]);
        assert_eq!(overdue.next, None);
        Ok(())
    }

    #[test]
    fn a_threshold_added_after_a_more_urgent_one_was_told_never_fires() -> Result<(), String> {
        let o = case("c1", at(12, 0)?);
        let mut s = AlertSettings::default();
        s.thresholds[0] = KindThresholds { kind: ObligationKind::CaseReply, minutes: vec![360, 120, 60, 30, 0] };
        // Told at 30 before 60 existed: 60 is crossed but less urgent.
        let told = told_of(&o, &[360, 120, 30]);
        let step = evaluate(std::slice::from_ref(&o), &s, None, &told, at(11, 45)?, UTC);
        assert_eq!(step.tell, vec![]);
        assert_eq!(step.next, Some(at(12, 0)?));
        // Told overdue only (the clock ran ahead, then back): 2 h is never told after it.
        let step = evaluate(std::slice::from_ref(&o), &s, None, &told_of(&o, &[0]), at(10, 30)?, UTC);
        assert_eq!(step.tell, vec![]);
        assert_eq!(step.next, None);
        Ok(())
    }

    #[test]
    fn tell_is_soonest_deadline_first_and_a_kind_with_no_thresholds_is_silent() -> Result<(), String> {
        let late = case("late", at(12, 0)?);
        let soon = case("soon", at(11, 0)?);
        let mut quiet_kind = case("q", at(10, 0)?);
        quiet_kind.key.kind = ObligationKind::FeedbackRemoval;
        let mut s = AlertSettings::default();
        s.thresholds[4].minutes.clear();
        let step = evaluate(&[late, quiet_kind, soon], &s, None, &Told::new(), at(9, 0)?, UTC);
        assert_eq!(told_now(&step), vec![("soon", 120), ("late", 360)]);
        assert_eq!(step.next, Some(at(10, 0)?));
        Ok(())
    }

    #[test]
    fn the_server_offset_moves_the_crossing_on_the_local_clock() -> Result<(), String> {
        let mut o = case("c1", at(12, 0)?);
        // The service clock is 5 min ahead: its 12:00 is our 11:55.
        o.server_offset = Duration::minutes(5);
        let step = evaluate(std::slice::from_ref(&o), &AlertSettings::default(), None, &Told::new(), at(5, 0)?, UTC);
        assert_eq!(step.next, Some(at(5, 55)?));
        let step = evaluate(&[o], &AlertSettings::default(), None, &Told::new(), at(5, 55)?, UTC);
        assert_eq!(told_now(&step), vec![("c1", 360)]);
        assert_eq!(step.tell[0].crossed_at, at(5, 55)?);
        Ok(())
    }

    #[test]
    fn a_snooze_holds_everything_until_it_ends() -> Result<(), String> {
        let o = case("c1", at(12, 0)?);
        let until = Some(at(7, 0)?);
        let step = evaluate(std::slice::from_ref(&o), &AlertSettings::default(), until, &Told::new(), at(6, 30)?, UTC);
        assert_eq!(step.tell, vec![]);
        assert_eq!(step.record, vec![]);
        assert_eq!(step.held, 1);
        assert_eq!(step.next, Some(at(7, 0)?));
        let step = evaluate(&[o], &AlertSettings::default(), until, &Told::new(), at(7, 0)?, UTC);
        assert_eq!(told_now(&step), vec![("c1", 360)]);
        // A crossing during a snooze is not a wake-up: its release is.
        let o = case("c2", at(12, 20)?);
        let step = evaluate(&[o], &AlertSettings::default(), until, &Told::new(), at(5, 0)?, UTC);
        assert_eq!(step.next, Some(at(7, 0)?));
        Ok(())
    }

    #[test]
    fn quiet_hours_hold_all_but_what_falls_due_inside_them() -> Result<(), String> {
        // 22:00–07:00 JST = 13:00Z–22:00Z (the day before); 2026-06-01 00:00 JST = 05-31 15:00Z.
        let night = QuietHours { start: 22 * 60, end: 7 * 60, alert_due_inside: true };
        let s = AlertSettings { quiet_hours: Some(night), ..AlertSettings::default() };
        let inside = case("inside", at(0, 30)?); // 09:30 JST: after the night
        let Some(due_inside) = Utc.with_ymd_and_hms(2026, 5, 31, 20, 0, 0).single() else {
            return Err("instant".into());
        };
        let breaks = case("breaks", due_inside); // 05:00 JST: inside the night
        let Some(now) = Utc.with_ymd_and_hms(2026, 5, 31, 19, 0, 0).single() else {
            return Err("instant".into());
        };
        let step = evaluate(&[inside.clone(), breaks.clone()], &s, None, &Told::new(), now, Tokyo);
        assert_eq!(told_now(&step), vec![("breaks", 120)]);
        assert_eq!(step.held, 1);
        // "inside" is released at 07:00 JST (22:00Z); "breaks" next crosses at 19:30Z.
        let Some(release) = Utc.with_ymd_and_hms(2026, 5, 31, 22, 0, 0).single() else {
            return Err("instant".into());
        };
        assert_eq!(step.next, Some(now + Duration::minutes(30)));
        let no_break = AlertSettings { quiet_hours: Some(QuietHours { alert_due_inside: false, ..night }), ..s };
        let step = evaluate(&[inside, breaks], &no_break, None, &Told::new(), now, Tokyo);
        assert_eq!(step.tell, vec![]);
        assert_eq!(step.held, 2);
        assert_eq!(step.next, Some(release));
        Ok(())
    }

    #[test]
    fn told_reads_the_ledger_and_compares_by_level() {
        let key = ObligationKey::new(ObligationKind::Refund, 3, "r/1");
        let other = ObligationKey::new(ObligationKind::Refund, 3, "r/10");
        let mut told: Told = [("refund/3/r/1".to_string(), 240)].into_iter().collect();
        assert!(told.contains(&key, 240));
        assert!(!told.contains(&key, 0));
        assert!(told.contains_at_or_below(&key, 1440));
        assert!(!told.contains_at_or_below(&key, 239));
        assert!(!told.contains_at_or_below(&other, 1440));
        assert!(told.insert(&key, 0));
        assert!(!told.insert(&key, 0));
        assert_eq!(told.len(), 2);
        assert_eq!(told.levels(&key), vec![0, 240]);
        assert_eq!(told.levels(&other), Vec::<u32>::new());
        let from_record: Told = [(key.clone(), 240), (key, 0)].iter().collect();
        assert_eq!(from_record, told);
    }
}
