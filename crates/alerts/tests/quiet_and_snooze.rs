//! Quiet hours and snooze in the `run` loop, across DST changes: what is
//! held, and the exact instant it is told.

mod support;

use chrono_tz::{America::New_York, Asia::Tokyo, UTC};
use csba_alerts::{tomorrow_morning, AlertSettings, ObligationKind, QuietHours};
use support::{hours, minutes, obligation, told, utc, Bench};

fn night(alert_due_inside: bool) -> AlertSettings {
    AlertSettings {
        quiet_hours: Some(QuietHours { start: 22 * 60, end: 7 * 60, alert_due_inside }),
        ..AlertSettings::default()
    }
}

#[tokio::test]
async fn quiet_hours_in_new_york_on_the_spring_forward_night() -> Result<(), String> {
    // 2026-03-07 22:00 EST = 03-08 03:00Z; 03-08 07:00 EDT = 11:00Z (8 hours).
    let case = obligation(ObligationKind::CaseReply, "c", utc(2026, 3, 8, 14, 0)?); // 10:00 EDT
    let order = obligation(ObligationKind::Tracking, "t", utc(2026, 3, 8, 3, 30)?); // 22:30 EST
    let bench = Bench::new(utc(2026, 3, 8, 2, 0)?, New_York, vec![case, order], night(false));
    bench.drive(bench.run_to(utc(2026, 3, 8, 15, 0)?)).await?;
    assert_eq!(
        bench.delivered(),
        vec![
            told(utc(2026, 3, 8, 2, 0)?, &["t:240"]),
            // 21:30 EST, before the quiet hours.
            told(utc(2026, 3, 8, 2, 30)?, &["t:60"]),
            // Ship-by at 22:30 and the case's 6 h at 04:00 wait for 07:00 EDT.
            told(utc(2026, 3, 8, 11, 0)?, &["t:0", "c:360"]),
            told(utc(2026, 3, 8, 12, 0)?, &["c:120"]),
            told(utc(2026, 3, 8, 13, 30)?, &["c:30"]),
            told(utc(2026, 3, 8, 14, 0)?, &["c:0"]),
        ]
    );
    Ok(())
}

#[tokio::test]
async fn quiet_hours_in_new_york_on_the_fall_back_night() -> Result<(), String> {
    // 2026-10-31 22:00 EDT = 11-01 02:00Z; 11-01 07:00 EST = 12:00Z (10 hours).
    let case = obligation(ObligationKind::CaseReply, "c", utc(2026, 11, 1, 14, 0)?); // 09:00 EST
    let order = obligation(ObligationKind::Tracking, "t", utc(2026, 11, 1, 2, 30)?); // 22:30 EDT
    let bench = Bench::new(utc(2026, 11, 1, 1, 0)?, New_York, vec![case, order], night(false));
    bench.drive(bench.run_to(utc(2026, 11, 1, 15, 0)?)).await?;
    assert_eq!(
        bench.delivered(),
        vec![
            told(utc(2026, 11, 1, 1, 0)?, &["t:240"]),
            told(utc(2026, 11, 1, 1, 30)?, &["t:60"]),
            // The case crossed 6 h at 03:00 EST and 2 h at 07:00 EST, as quiet ends: 2 h only.
            told(utc(2026, 11, 1, 12, 0)?, &["t:0", "c:120"]),
            told(utc(2026, 11, 1, 13, 30)?, &["c:30"]),
            told(utc(2026, 11, 1, 14, 0)?, &["c:0"]),
        ]
    );
    let case_rows: Vec<u32> =
        bench.ledger().into_iter().filter(|(k, _)| k == "case_reply/1/c").map(|(_, m)| m).collect();
    assert_eq!(case_rows, vec![360, 120, 30, 0]);
    Ok(())
}

#[tokio::test]
async fn quiet_hours_in_tokyo() -> Result<(), String> {
    // 22:00–07:00 JST = 13:00Z–22:00Z; the case is due 2026-03-09 08:00 JST.
    let case = obligation(ObligationKind::CaseReply, "c", utc(2026, 3, 8, 23, 0)?);
    let bench = Bench::new(utc(2026, 3, 8, 12, 0)?, Tokyo, vec![case], night(false));
    bench.drive(bench.run_to(utc(2026, 3, 9, 0, 0)?)).await?;
    assert_eq!(
        bench.delivered(),
        vec![
            told(utc(2026, 3, 8, 22, 0)?, &["c:120"]),
            told(utc(2026, 3, 8, 22, 30)?, &["c:30"]),
            told(utc(2026, 3, 8, 23, 0)?, &["c:0"]),
        ]
    );
    Ok(())
}

#[tokio::test]
async fn what_falls_due_inside_quiet_hours_breaks_through_when_asked() -> Result<(), String> {
    let inside = obligation(ObligationKind::CaseReply, "inside", utc(2026, 3, 8, 18, 0)?); // 03:00 JST
    let after = obligation(ObligationKind::CaseReply, "after", utc(2026, 3, 9, 0, 0)?); // 09:00 JST
    let bench = Bench::new(utc(2026, 3, 8, 13, 0)?, Tokyo, vec![after, inside], night(true));
    bench.drive(bench.run_to(utc(2026, 3, 9, 0, 30)?)).await?;
    assert_eq!(
        bench.delivered(),
        vec![
            told(utc(2026, 3, 8, 13, 0)?, &["inside:360"]),
            told(utc(2026, 3, 8, 16, 0)?, &["inside:120"]),
            told(utc(2026, 3, 8, 17, 30)?, &["inside:30"]),
            // "after" crossed 6 h here too, but falls due after the night: held.
            told(utc(2026, 3, 8, 18, 0)?, &["inside:0"]),
            told(utc(2026, 3, 8, 22, 0)?, &["after:120"]),
            told(utc(2026, 3, 8, 23, 30)?, &["after:30"]),
            told(utc(2026, 3, 9, 0, 0)?, &["after:0"]),
        ]
    );
    Ok(())
}

#[tokio::test]
async fn a_one_hour_snooze_holds_a_crossing_until_it_ends() -> Result<(), String> {
    let due = utc(2026, 6, 1, 12, 0)?;
    let case = obligation(ObligationKind::CaseReply, "c", due);
    let bench = Bench::new(due - hours(6) - minutes(30), UTC, vec![case], AlertSettings::default());
    bench
        .drive(async {
            bench.run_to(due - hours(6) - minutes(20)).await;
            // "Pause alerts: 1 hour" at 05:40.
            bench.source.world().snoozed_until = Some(due - hours(5) - minutes(20));
            bench.changed.notify_one();
            support::settle().await;
            let steps = bench.steps();
            // It sleeps through the 06:00 crossing to the snooze's end.
            assert_eq!(bench.last_nap(), Some(due - hours(5) - minutes(20)));
            bench.run_to(due - hours(5) - minutes(21)).await;
            assert_eq!(bench.steps(), steps);
            assert_eq!(bench.delivered(), vec![]);
            bench.run_to(due - hours(2)).await;
        })
        .await?;
    assert_eq!(
        bench.delivered(),
        vec![told(due - hours(5) - minutes(20), &["c:360"]), told(due - hours(2), &["c:120"])]
    );
    Ok(())
}

#[tokio::test]
async fn a_snooze_until_tomorrow_morning_across_spring_forward() -> Result<(), String> {
    // Saturday 2026-03-07 23:00 EST; the clocks go forward overnight, so
    // 08:00 is EDT: 12:00Z, not 13:00Z.
    let now = utc(2026, 3, 8, 4, 0)?;
    let morning = tomorrow_morning(now, New_York);
    assert_eq!(morning, utc(2026, 3, 8, 12, 0)?);
    // And in autumn: Saturday 2026-10-31 23:00 EDT → 08:00 EST = 13:00Z.
    assert_eq!(tomorrow_morning(utc(2026, 11, 1, 3, 0)?, New_York), utc(2026, 11, 1, 13, 0)?);

    let case = obligation(ObligationKind::CaseReply, "c", utc(2026, 3, 8, 13, 0)?); // 09:00 EDT
    let bench = Bench::new(now, New_York, vec![case], AlertSettings::default());
    bench.source.world().snoozed_until = Some(morning);
    bench.drive(bench.run_to(utc(2026, 3, 8, 14, 0)?)).await?;
    assert_eq!(
        bench.delivered(),
        vec![
            // 6 h (03:00 EDT) and 2 h (07:00 EDT) passed in the snooze: 2 h once at 08:00.
            told(morning, &["c:120"]),
            told(utc(2026, 3, 8, 12, 30)?, &["c:30"]),
            told(utc(2026, 3, 8, 13, 0)?, &["c:0"]),
        ]
    );
    Ok(())
}
