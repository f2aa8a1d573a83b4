//! Deadlines: refunds after a return, cases, service questions, alerts.

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::America::{Los_Angeles, New_York};
use csba_domain::deadline::{alert_due, refund_due, service_question_answer_by, AlertLevel};
use csba_domain::{case_respond_by, Marketplace};

fn at(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).map_err(|e| format!("{s}: {e}"))
}

fn refund(mp: Marketplace, received: &str) -> Result<String, String> {
    Ok(refund_due(mp, at(received)?).map_err(|e| e.to_string())?.due.to_rfc3339())
}

#[test]
fn refund_deadline_skips_weekends_and_japanese_holidays() -> Result<(), String> {
    // Friday → Mon 23 Nov is 勤労感謝の日 → Tue 24, Wed 25.
    assert_eq!(refund(Marketplace::Jp, "2026-11-20T10:00:00+09:00")?, "2026-11-25T23:59:59+09:00");
    // Arrival day is the local day: 23:30 UTC on Thu 19 Nov is Fri 20 Nov in Tokyo.
    assert_eq!(refund(Marketplace::Jp, "2026-11-19T23:30:00Z")?, "2026-11-25T23:59:59+09:00");
    // Golden Week 2026: Thu 30 Apr → Fri 1 May, then 2–6 off → Thu 7 May.
    assert_eq!(refund(Marketplace::Jp, "2026-04-30T12:00:00+09:00")?, "2026-05-07T23:59:59+09:00");
    // Silver Week 2026: Fri 18 Sep → 19–23 off → Thu 24, Fri 25.
    assert_eq!(refund(Marketplace::Jp, "2026-09-18T09:00:00+09:00")?, "2026-09-25T23:59:59+09:00");
    // Arriving on a holiday: the holiday does not count.
    assert_eq!(refund(Marketplace::Jp, "2027-03-22T09:00:00+09:00")?, "2027-03-24T23:59:59+09:00");
    Ok(())
}

#[test]
fn refund_deadline_skips_us_federal_holidays_in_pacific_time() -> Result<(), String> {
    // Wed before Thanksgiving → Fri 27, Mon 30.
    assert_eq!(refund(Marketplace::Us, "2026-11-25T10:00:00-08:00")?, "2026-11-30T23:59:59-08:00");
    // July 4 2026 is a Saturday, observed Fri 3: Thu 2 → Mon 6, Tue 7.
    assert_eq!(refund(Marketplace::Us, "2026-07-02T10:00:00-07:00")?, "2026-07-07T23:59:59-07:00");
    // Christmas 2027 (Sat) observed Fri 24, New Year 2028 (Sat) observed Fri 31 Dec.
    assert_eq!(refund(Marketplace::Us, "2027-12-23T10:00:00-08:00")?, "2027-12-28T23:59:59-08:00");
    assert_eq!(refund(Marketplace::Us, "2027-12-29T10:00:00-08:00")?, "2028-01-03T23:59:59-08:00");
    // Across the DST change: Fri 6 Mar 2026 (PST) → Mon 9, Tue 10 (PDT).
    assert_eq!(refund(Marketplace::Us, "2026-03-06T10:00:00-08:00")?, "2026-03-10T23:59:59-07:00");
    Ok(())
}

#[test]
fn refund_in_time_until_local_midnight() -> Result<(), String> {
    let due = refund_due(Marketplace::Jp, at("2026-11-20T10:00:00+09:00")?).map_err(|e| e.to_string())?;
    assert!(due.is_met_by(at("2026-11-25T23:59:59.999+09:00")?));
    assert!(!due.is_met_by(at("2026-11-26T00:00:00+09:00")?));
    Ok(())
}

#[test]
fn case_deadline_is_24_elapsed_hours_across_dst() -> Result<(), String> {
    // DST starts Sun 8 Mar 2026 in New York: 24 elapsed hours end at 13:00
    // local, not 12:00 — and the UTC difference is exactly 24 hours.
    let opened = New_York.with_ymd_and_hms(2026, 3, 7, 12, 0, 0).single().ok_or("no time")?.with_timezone(&Utc);
    let due = case_respond_by(opened);
    assert_eq!(due - opened, Duration::hours(24));
    assert_eq!(due.with_timezone(&New_York).to_rfc3339(), "2026-03-08T13:00:00-04:00");
    // DST ends Sun 1 Nov 2026 in Los Angeles: 11:00 local.
    let opened = Los_Angeles.with_ymd_and_hms(2026, 10, 31, 12, 0, 0).single().ok_or("no time")?.with_timezone(&Utc);
    assert_eq!(case_respond_by(opened).with_timezone(&Los_Angeles).to_rfc3339(), "2026-11-01T11:00:00-08:00");
    Ok(())
}

#[test]
fn service_question_answer_within_48_hours() -> Result<(), String> {
    assert_eq!(service_question_answer_by(at("2026-12-31T20:00:00Z")?), at("2027-01-02T20:00:00Z")?);
    Ok(())
}

#[test]
fn alert_schedule() -> Result<(), String> {
    let due = at("2026-06-01T12:00:00Z")?;
    let mut last = None;
    let mut raised = Vec::new();
    // Poll every 10 minutes from 8 hours before to 1 hour after.
    let mut now = due - Duration::hours(8);
    while now <= due + Duration::hours(1) {
        if let Some(level) = alert_due(due, last, now) {
            raised.push((level, due - now));
            last = Some(level);
        }
        now += Duration::minutes(10);
    }
    assert_eq!(
        raised,
        vec![
            (AlertLevel::SixHours, Duration::hours(6)),
            (AlertLevel::TwoHours, Duration::hours(2)),
            (AlertLevel::ThirtyMinutes, Duration::minutes(30)),
            (AlertLevel::Overdue, Duration::zero()),
        ]
    );
    Ok(())
}

mod properties {
    use chrono::{DateTime, Datelike, Utc};
    use csba_domain::calendar;
    use csba_domain::deadline::refund_due;
    use csba_domain::Marketplace;
    use proptest::prelude::*;

    proptest! {
        /// For any arrival 2019–2098: the due date is a business day after
        /// the local arrival day with exactly one business day in between,
        /// and `due` is 23:59:59 local on it.
        #[test]
        fn refund_due_is_the_second_business_day(secs in 1_546_300_800i64..4_070_908_800i64, jp in any::<bool>()) {
            let mp = if jp { Marketplace::Jp } else { Marketplace::Us };
            let received = DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or_default();
            let due = refund_due(mp, received);
            prop_assert!(due.is_ok());
            if let Ok(due) = due {
                let zone = mp.time_zone().map_err(|e| TestCaseError::fail(e.to_string()))?;
                let arrived = received.with_timezone(&zone).date_naive();
                prop_assert!(due.due_date > arrived);
                prop_assert!(calendar::is_business_day(mp, due.due_date).unwrap_or(false));
                let between = arrived.iter_days().skip(1).take_while(|d| *d < due.due_date)
                    .filter(|d| calendar::is_business_day(mp, *d).unwrap_or(false)).count();
                prop_assert_eq!(between, 1);
                prop_assert_eq!(due.due.date_naive(), due.due_date);
                prop_assert_eq!(due.due.format("%H:%M:%S").to_string(), "23:59:59");
                prop_assert!(due.due_date.year() <= 2099);
            }
        }
    }
}
