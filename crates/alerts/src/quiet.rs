//! Quiet hours and "tomorrow morning" in the desktop's zone, as instants.
//!
//! Both are wall-clock times, so a DST change moves their instants: a night
//! of quiet hours is an hour shorter in spring and an hour longer in autumn.

use crate::settings::{QuietHours, MINUTES_PER_DAY};
use chrono::{DateTime, Days, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// "Tomorrow morning" for a snooze: 08:00, when a working day starts.
const MORNING_MINUTE: u16 = 8 * 60;

/// The quiet period containing `now`, as instants `[start, end)`. DST: a wall
/// time that does not exist that day moves forward to the first minute that
/// does; an ambiguous one takes the earlier instant. Quiet hours that are
/// invalid (a bound ≥ 1440, or empty) have no period: `violations` refuses
/// them on save, and failing open is the safe way (alerts still come).
pub fn quiet_period_at(q: &QuietHours, now: DateTime<Utc>, zone: Tz) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    if q.start >= MINUTES_PER_DAY || q.end >= MINUTES_PER_DAY || q.start == q.end {
        return None;
    }
    let today = now.with_timezone(&zone).date_naive();
    // A period that wraps midnight ends the day after it starts. The one
    // containing `now` started today or, wrapping, yesterday.
    let wraps = q.start > q.end;
    let yesterday = today.checked_sub_days(Days::new(1))?;
    [yesterday, today].into_iter().find_map(|day| {
        let start = wall_instant(zone, day, q.start)?;
        let end_day = if wraps { day.checked_add_days(Days::new(1))? } else { day };
        let end = wall_instant(zone, end_day, q.end)?;
        (start <= now && now < end).then_some((start, end))
    })
}

/// The next 08:00 local after `now` (today's if it is not 08:00 yet).
pub fn tomorrow_morning(now: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
    let today = now.with_timezone(&zone).date_naive();
    (0..3)
        .filter_map(|d| today.checked_add_days(Days::new(d)))
        .filter_map(|day| wall_instant(zone, day, MORNING_MINUTE))
        .find(|t| *t > now)
        // Unreachable for real zones (some 08:00 lies within three days);
        // a day is the honest fallback for "tomorrow".
        .unwrap_or(now + Duration::days(1))
}

/// `minute` minutes after midnight of `day` on the wall clock of `zone`.
fn wall_instant(zone: Tz, day: NaiveDate, minute: u16) -> Option<DateTime<Utc>> {
    let wall = day.and_time(NaiveTime::MIN) + Duration::minutes(i64::from(minute));
    // In a gap (spring forward) step to the first minute that exists; gaps
    // are at most a few hours, a day bounds the search.
    (0..=1440)
        .find_map(|m| zone.from_local_datetime(&(wall + Duration::minutes(m))).earliest())
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{America::New_York, Asia::Tokyo};

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Result<DateTime<Utc>, String> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).single().ok_or_else(|| format!("{y}-{mo}-{d} {h}:{mi}"))
    }

    fn night() -> QuietHours {
        QuietHours { start: 22 * 60, end: 7 * 60, alert_due_inside: false }
    }

    #[test]
    fn spring_forward_night_is_eight_hours() -> Result<(), String> {
        // 2026-03-08 02:00 EST → 03:00 EDT. 22:00 EST = 03:00Z, 07:00 EDT = 11:00Z.
        let p = quiet_period_at(&night(), utc(2026, 3, 8, 6, 0)?, New_York);
        assert_eq!(p, Some((utc(2026, 3, 8, 3, 0)?, utc(2026, 3, 8, 11, 0)?)));
        // Before it starts and at its end: not quiet.
        assert_eq!(quiet_period_at(&night(), utc(2026, 3, 8, 2, 59)?, New_York), None);
        assert_eq!(quiet_period_at(&night(), utc(2026, 3, 8, 11, 0)?, New_York), None);
        Ok(())
    }

    #[test]
    fn fall_back_night_is_ten_hours() -> Result<(), String> {
        // 2026-11-01 02:00 EDT → 01:00 EST. 22:00 EDT = 02:00Z, 07:00 EST = 12:00Z.
        let p = quiet_period_at(&night(), utc(2026, 11, 1, 11, 59)?, New_York);
        assert_eq!(p, Some((utc(2026, 11, 1, 2, 0)?, utc(2026, 11, 1, 12, 0)?)));
        Ok(())
    }

    #[test]
    fn a_missing_wall_time_moves_forward_and_an_ambiguous_one_is_the_earlier() -> Result<(), String> {
        // 02:30 does not exist on 2026-03-08 in New York: the period starts at 03:00 EDT (07:00Z).
        let gap = QuietHours { start: 2 * 60 + 30, end: 5 * 60, alert_due_inside: false };
        assert_eq!(
            quiet_period_at(&gap, utc(2026, 3, 8, 7, 30)?, New_York),
            Some((utc(2026, 3, 8, 7, 0)?, utc(2026, 3, 8, 9, 0)?))
        );
        assert_eq!(quiet_period_at(&gap, utc(2026, 3, 8, 6, 59)?, New_York), None);
        // 01:30 happens twice on 2026-11-01: the first, 01:30 EDT (05:30Z).
        let overlap = QuietHours { start: 90, end: 3 * 60, alert_due_inside: false };
        assert_eq!(
            quiet_period_at(&overlap, utc(2026, 11, 1, 5, 30)?, New_York),
            Some((utc(2026, 11, 1, 5, 30)?, utc(2026, 11, 1, 8, 0)?))
        );
        Ok(())
    }

    #[test]
    fn tokyo_has_no_dst_and_a_daytime_window_does_not_wrap() -> Result<(), String> {
        // 22:00 JST = 13:00Z, 07:00 JST = 22:00Z.
        assert_eq!(
            quiet_period_at(&night(), utc(2026, 3, 8, 20, 0)?, Tokyo),
            Some((utc(2026, 3, 8, 13, 0)?, utc(2026, 3, 8, 22, 0)?))
        );
        let lunch = QuietHours { start: 12 * 60, end: 13 * 60, alert_due_inside: false };
        assert_eq!(
            quiet_period_at(&lunch, utc(2026, 3, 9, 3, 30)?, Tokyo),
            Some((utc(2026, 3, 9, 3, 0)?, utc(2026, 3, 9, 4, 0)?))
        );
        assert_eq!(quiet_period_at(&lunch, utc(2026, 3, 9, 4, 0)?, Tokyo), None);
        Ok(())
    }

    #[test]
    fn invalid_quiet_hours_are_never_quiet() -> Result<(), String> {
        let now = utc(2026, 3, 9, 3, 30)?;
        for (start, end) in [(600, 600), (1440, 60), (60, 1500)] {
            let q = QuietHours { start, end, alert_due_inside: false };
            assert_eq!(quiet_period_at(&q, now, Tokyo), None);
        }
        Ok(())
    }

    #[test]
    fn tomorrow_morning_is_the_next_eight_o_clock() -> Result<(), String> {
        // 23:00 JST → 08:00 JST next day (23:00Z).
        assert_eq!(tomorrow_morning(utc(2026, 3, 8, 14, 0)?, Tokyo), utc(2026, 3, 8, 23, 0)?);
        // 02:00 JST is already "tomorrow": this morning's 08:00.
        assert_eq!(tomorrow_morning(utc(2026, 3, 8, 17, 0)?, Tokyo), utc(2026, 3, 8, 23, 0)?);
        // At 08:00 exactly, the next one.
        assert_eq!(tomorrow_morning(utc(2026, 3, 8, 23, 0)?, Tokyo), utc(2026, 3, 9, 23, 0)?);
        // Across spring forward: Sat 2026-03-07 23:00 EST (04:00Z) → Sun 08:00 EDT (12:00Z), 8 h later.
        assert_eq!(tomorrow_morning(utc(2026, 3, 8, 4, 0)?, New_York), utc(2026, 3, 8, 12, 0)?);
        Ok(())
    }
}
