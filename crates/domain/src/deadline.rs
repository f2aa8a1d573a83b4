//! Deadlines the seller owes Amazon.
//!
//! - A CSBA inquiry (escalation case) must be answered within 24 elapsed
//!   hours — weekends, holidays and daylight-saving changes do not stop the
//!   clock — so that deadline is plain UTC arithmetic on the opening instant.
//! - A return must be refunded by the end of the 2nd business day after the
//!   day it arrived, counted in the marketplace's time zone with its
//!   weekends and public holidays (JP seed: "两个工作日内").
//! - CSBA answers a seller's question about its service within 48 hours
//!   (JP seed), which is also elapsed time.

use crate::calendar::{self, CalendarError};
use crate::marketplace::Marketplace;
use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

/// How long the seller has to answer an escalation case.
pub const CASE_RESPONSE_WINDOW: Duration = Duration::hours(24);

/// How long the CSBA team takes to answer a seller's question about its
/// handling of an order (JP seed: "48小时之内给出回复").
pub const SERVICE_QUESTION_WINDOW: Duration = Duration::hours(48);

/// The instant by which the seller must answer a case opened at `opened_at`.
pub fn case_respond_by(opened_at: DateTime<Utc>) -> DateTime<Utc> {
    opened_at + CASE_RESPONSE_WINDOW
}

/// When the CSBA team's answer to a question sent at `sent_at` is due; after
/// that the app suggests a follow-up.
pub fn service_question_answer_by(sent_at: DateTime<Utc>) -> DateTime<Utc> {
    sent_at + SERVICE_QUESTION_WINDOW
}

/// Time remaining before a deadline, or how far past it we are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeLeft {
    Remaining(Duration),
    Overdue(Duration),
}

impl TimeLeft {
    /// `now` is passed in: callers use the server's clock (local clock plus
    /// the measured offset), never the local clock alone.
    pub fn until(deadline: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        if now < deadline {
            TimeLeft::Remaining(deadline - now)
        } else {
            TimeLeft::Overdue(now - deadline)
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, TimeLeft::Overdue(_))
    }
}

/// When a return must be refunded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefundDue {
    /// The last business day, in the marketplace's calendar.
    pub due_date: NaiveDate,
    /// The last whole second of `due_date` in the marketplace's zone
    /// (23:59:59): what we show. A refund is in time when it is made before
    /// the next local midnight — use [`RefundDue::is_met_by`], which also
    /// accepts 23:59:59.5.
    pub due: DateTime<Tz>,
    /// The next local midnight: the first instant that is late.
    pub late_from: DateTime<Tz>,
}

impl RefundDue {
    pub fn is_met_by(&self, refunded_at: DateTime<Utc>) -> bool {
        refunded_at < self.late_from
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// A local time the zone skips or repeats where we need exactly one.
    #[error("no single local time {0} in the marketplace's zone")]
    LocalTime(String),
}

impl DeadlineError {
    /// Codes of its own; calendar and data errors add theirs.
    pub const CODES: &'static [&'static str] = &["ambiguous_local_time"];

    pub fn code(&self) -> &'static str {
        match self {
            DeadlineError::Calendar(e) => e.code(),
            DeadlineError::LocalTime(_) => "ambiguous_local_time",
        }
    }
}

/// The refund deadline for a return that arrived at `received_at`: the end of
/// the `refund_business_days`th (2nd) business day after the local day of
/// arrival. The day of arrival never counts, even when it is a business day.
pub fn refund_due(marketplace: Marketplace, received_at: DateTime<Utc>) -> Result<RefundDue, DeadlineError> {
    let zone = marketplace.time_zone().map_err(CalendarError::from)?;
    let arrived = received_at.with_timezone(&zone).date_naive();
    let rules = marketplace.rules(arrived).map_err(CalendarError::from)?;
    let due_date = calendar::add_business_days(marketplace, arrived, rules.refund_business_days)?;
    let next_day = due_date.succ_opt().ok_or_else(|| DeadlineError::LocalTime(due_date.to_string()))?;
    let late_from = local(zone, next_day, NaiveTime::MIN)?;
    let due = local(zone, due_date, NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN))?;
    Ok(RefundDue { due_date, due, late_from })
}

/// A local wall-clock time as an instant; in a DST overlap the earlier one
/// (the stricter deadline), in a gap the first instant after it.
fn local(zone: Tz, date: NaiveDate, time: NaiveTime) -> Result<DateTime<Tz>, DeadlineError> {
    match zone.from_local_datetime(&date.and_time(time)) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Ok(t),
        LocalResult::None => {
            // Zones that skip midnight (none of ours today): step forward to
            // the first existing minute.
            (1..=180)
                .find_map(|m| zone.from_local_datetime(&(date.and_time(time) + Duration::minutes(m))).earliest())
                .ok_or_else(|| DeadlineError::LocalTime(format!("{date} {time}")))
        }
    }
}

/// Alert points before a case deadline, most urgent last. Why these: 6 hours
/// leaves a working session to find facts (ask the warehouse, the carrier);
/// 2 hours is enough to write and send a reply; 30 minutes is the last call.
/// Past the deadline CSBA decides on its own, which the seller must know.
pub const ALERT_THRESHOLDS: [(AlertLevel, Duration); 3] = [
    (AlertLevel::SixHours, Duration::hours(6)),
    (AlertLevel::TwoHours, Duration::hours(2)),
    (AlertLevel::ThirtyMinutes, Duration::minutes(30)),
];

/// How urgent an alert is; ordered from least to most urgent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertLevel {
    SixHours,
    TwoHours,
    ThirtyMinutes,
    Overdue,
}

impl AlertLevel {
    pub const ALL: [AlertLevel; 4] =
        [AlertLevel::SixHours, AlertLevel::TwoHours, AlertLevel::ThirtyMinutes, AlertLevel::Overdue];

    pub fn code(self) -> &'static str {
        match self {
            AlertLevel::SixHours => "six_hours",
            AlertLevel::TwoHours => "two_hours",
            AlertLevel::ThirtyMinutes => "thirty_minutes",
            AlertLevel::Overdue => "overdue",
        }
    }

    /// The Fluent message id of the alert's text (placeable `$time`).
    pub fn message_id(self) -> &'static str {
        match self {
            AlertLevel::SixHours => "deadline-alert-six-hours",
            AlertLevel::TwoHours => "deadline-alert-two-hours",
            AlertLevel::ThirtyMinutes => "deadline-alert-thirty-minutes",
            AlertLevel::Overdue => "deadline-alert-overdue",
        }
    }
}

/// The most urgent level reached at `now`, if any.
pub fn alert_level(respond_by: DateTime<Utc>, now: DateTime<Utc>) -> Option<AlertLevel> {
    if now >= respond_by {
        return Some(AlertLevel::Overdue);
    }
    let left = respond_by - now;
    ALERT_THRESHOLDS.iter().rev().find(|(_, within)| left <= *within).map(|(level, _)| *level)
}

/// The alert to raise now, if any: the most urgent level reached that is
/// more urgent than the last one raised. Levels skipped while the app was
/// closed are not replayed — only the most urgent one is shown.
pub fn alert_due(
    respond_by: DateTime<Utc>,
    last_alerted: Option<AlertLevel>,
    now: DateTime<Utc>,
) -> Option<AlertLevel> {
    let level = alert_level(respond_by, now)?;
    match last_alerted {
        Some(last) if last >= level => None,
        _ => Some(level),
    }
}

/// When the next alert will be due (for a timer), `None` once overdue was
/// raised.
pub fn next_alert_at(respond_by: DateTime<Utc>, last_alerted: Option<AlertLevel>) -> Option<DateTime<Utc>> {
    ALERT_THRESHOLDS
        .iter()
        .map(|(level, within)| (*level, respond_by - *within))
        .chain(std::iter::once((AlertLevel::Overdue, respond_by)))
        .find(|(level, _)| last_alerted.is_none_or(|last| *level > last))
        .map(|(_, at)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap_or_default()
    }

    #[test]
    fn deadline_is_24_elapsed_hours_even_across_a_weekend() {
        // Friday 18:00 UTC → Saturday 18:00 UTC: weekends do not pause CSBA.
        assert_eq!(case_respond_by(utc(2026, 11, 20, 18, 0)), utc(2026, 11, 21, 18, 0));
    }

    #[test]
    fn time_left_flips_to_overdue_at_the_deadline() {
        let deadline = utc(2026, 3, 8, 12, 0);
        let before = deadline - Duration::minutes(5);
        let after = deadline + Duration::minutes(90);
        assert_eq!(TimeLeft::until(deadline, before), TimeLeft::Remaining(Duration::minutes(5)));
        assert_eq!(TimeLeft::until(deadline, deadline), TimeLeft::Overdue(Duration::zero()));
        assert_eq!(TimeLeft::until(deadline, after), TimeLeft::Overdue(Duration::minutes(90)));
        assert!(TimeLeft::until(deadline, after).is_overdue());
    }

    #[test]
    fn service_question_is_48_hours() {
        assert_eq!(service_question_answer_by(utc(2026, 1, 1, 0, 0)), utc(2026, 1, 3, 0, 0));
    }

    #[test]
    fn alerts_escalate_once_each() {
        let due = utc(2026, 6, 1, 12, 0);
        assert_eq!(alert_due(due, None, due - Duration::hours(7)), None);
        assert_eq!(alert_due(due, None, due - Duration::hours(6)), Some(AlertLevel::SixHours));
        assert_eq!(alert_due(due, Some(AlertLevel::SixHours), due - Duration::hours(3)), None);
        assert_eq!(alert_due(due, Some(AlertLevel::SixHours), due - Duration::hours(2)), Some(AlertLevel::TwoHours));
        // Asleep through two thresholds: only the most urgent one.
        assert_eq!(alert_due(due, None, due - Duration::minutes(10)), Some(AlertLevel::ThirtyMinutes));
        assert_eq!(alert_due(due, Some(AlertLevel::ThirtyMinutes), due), Some(AlertLevel::Overdue));
        assert_eq!(alert_due(due, Some(AlertLevel::Overdue), due + Duration::hours(5)), None);
        assert_eq!(next_alert_at(due, None), Some(due - Duration::hours(6)));
        assert_eq!(next_alert_at(due, Some(AlertLevel::ThirtyMinutes)), Some(due));
        assert_eq!(next_alert_at(due, Some(AlertLevel::Overdue)), None);
    }

    #[test]
    fn refund_is_due_at_the_end_of_the_second_business_day() -> Result<(), DeadlineError> {
        // Arrived Friday 2026-11-20 10:00 JST; Monday 23rd is a holiday.
        let due = refund_due(Marketplace::Jp, utc(2026, 11, 20, 1, 0))?;
        assert_eq!(due.due_date, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default());
        assert_eq!(due.due.to_rfc3339(), "2026-11-25T23:59:59+09:00");
        assert!(due.is_met_by(utc(2026, 11, 25, 14, 59)));
        assert!(!due.is_met_by(utc(2026, 11, 25, 15, 0)));
        Ok(())
    }
}
