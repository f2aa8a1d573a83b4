//! The thresholds of the scheduler's `run` loop on a manual clock: exact
//! instants, restarts, a sleep/wake jump and the server offset.

mod support;

use chrono_tz::UTC;
use csba_alerts::{AlertSettings, ObligationKind, Told, TrayLevel};
use support::{hours, minutes, obligation, told, utc, Bench};

#[tokio::test]
async fn case_thresholds_fire_at_exactly_six_hours_two_hours_thirty_minutes_and_due() -> Result<(), String> {
    let due = utc(2026, 6, 1, 12, 0)?;
    let bench = Bench::new(
        due - hours(8),
        UTC,
        vec![obligation(ObligationKind::CaseReply, "113-0001", due)],
        AlertSettings::default(),
    );
    bench
        .drive(async {
            bench.run_to(due - hours(6) - minutes(1)).await;
            assert_eq!(bench.delivered(), vec![]);
            assert_eq!(bench.last_summary().map(|s| s.level), Some(TrayLevel::Calm));
            bench.run_to(due + hours(2)).await;
        })
        .await?;
    assert_eq!(
        bench.delivered(),
        vec![
            told(due - hours(6), &["113-0001:360"]),
            told(due - hours(2), &["113-0001:120"]),
            told(due - minutes(30), &["113-0001:30"]),
            told(due, &["113-0001:0"]),
        ]
    );
    let key = "case_reply/1/113-0001".to_string();
    assert_eq!(bench.ledger(), vec![(key.clone(), 360), (key.clone(), 120), (key.clone(), 30), (key, 0)]);
    let summary = bench.last_summary().ok_or("no summary")?;
    assert_eq!((summary.level, summary.overdue, summary.due_soon), (TrayLevel::Overdue, 1, 0));
    Ok(())
}

#[tokio::test]
async fn a_restart_with_the_recorded_ledger_does_not_tell_again() -> Result<(), String> {
    let due = utc(2026, 6, 1, 12, 0)?;
    let case = obligation(ObligationKind::CaseReply, "113-0001", due);
    let first = Bench::new(due - hours(7), UTC, vec![case.clone()], AlertSettings::default());
    first.drive(first.run_to(due - hours(2) + minutes(1))).await?;
    assert_eq!(
        first.delivered(),
        vec![told(due - hours(6), &["113-0001:360"]), told(due - hours(2), &["113-0001:120"])]
    );

    // The app quits and starts again four minutes later, reading the ledger
    // the store kept.
    let second = Bench::new(due - hours(2) + minutes(5), UTC, vec![case], AlertSettings::default());
    second.source.world().told = first.ledger().into_iter().collect::<Told>();
    second
        .drive(async {
            second.run_to(due - minutes(31)).await;
            assert_eq!(second.delivered(), vec![]);
            assert!(second.steps() > 1, "it kept stepping: the tray counts down");
            second.run_to(due - minutes(25)).await;
        })
        .await?;
    assert_eq!(second.delivered(), vec![told(due - minutes(30), &["113-0001:30"])]);
    Ok(())
}

#[tokio::test]
async fn a_sleep_wake_jump_is_told_once_grouped_at_the_most_urgent_level_of_each() -> Result<(), String> {
    let due = utc(2026, 6, 1, 12, 0)?;
    let case = obligation(ObligationKind::CaseReply, "case-a", due);
    // Tracking: 4 h, 1 h, ship-by.
    let tracking = obligation(ObligationKind::Tracking, "order-b", due + minutes(30));
    let bench = Bench::new(due - hours(6) - minutes(10), UTC, vec![tracking, case], AlertSettings::default());
    bench
        .drive(async {
            support::settle().await;
            // Before the jump the loop stepped once and sleeps until the first crossing.
            assert_eq!(bench.steps(), 1);
            assert_eq!(bench.last_nap(), Some(due - hours(6)));
            // Asleep from 05:50 to 11:40: the case crossed 6 h, 2 h and 30 min,
            // the order 4 h and 1 h.
            bench.jump_to(due - minutes(20)).await;
            assert_eq!(bench.delivered(), vec![told(due - minutes(20), &["case-a:30", "order-b:60"])]);
            bench.run_to(due + minutes(45)).await;
        })
        .await?;
    assert_eq!(
        bench.delivered(),
        vec![
            told(due - minutes(20), &["case-a:30", "order-b:60"]),
            told(due, &["case-a:0"]),
            told(due + minutes(30), &["order-b:0"]),
        ]
    );
    let rows: Vec<_> = bench.ledger().iter().map(|(k, m)| format!("{k}@{m}")).collect();
    assert_eq!(
        rows,
        vec![
            "case_reply/1/case-a@360",
            "case_reply/1/case-a@120",
            "case_reply/1/case-a@30",
            "tracking/1/order-b@240",
            "tracking/1/order-b@60",
            "case_reply/1/case-a@0",
            "tracking/1/order-b@0",
        ]
    );
    Ok(())
}

#[tokio::test]
async fn the_server_offset_shifts_the_instant_and_a_new_offset_is_taken_at_once() -> Result<(), String> {
    let due = utc(2026, 6, 1, 12, 0)?;
    let mut case = obligation(ObligationKind::CaseReply, "113-0001", due);
    // The service clock runs 3 min ahead: its deadline is 3 min earlier on ours.
    case.server_offset = minutes(3);
    let bench = Bench::new(due - hours(7), UTC, vec![case], AlertSettings::default());
    bench
        .drive(async {
            bench.run_to(due - hours(3)).await;
            assert_eq!(bench.delivered(), vec![told(due - hours(6) - minutes(3), &["113-0001:360"])]);
            // A sync measures the service clock 2 min behind now.
            bench.source.world().obligations[0].server_offset = minutes(-2);
            bench.changed.notify_one();
            support::settle().await;
            assert_eq!(bench.last_nap(), Some(due - hours(3) + chrono::Duration::seconds(60)));
            bench.run_to(due - hours(2) + minutes(1)).await;
            assert_eq!(bench.delivered().len(), 1, "not yet: 2 h before is 10:02 on our clock");
            bench.run_to(due - hours(2) + minutes(3)).await;
        })
        .await?;
    assert_eq!(
        bench.delivered(),
        vec![
            told(due - hours(6) - minutes(3), &["113-0001:360"]),
            told(due - hours(2) + minutes(2), &["113-0001:120"]),
        ]
    );
    Ok(())
}
