//! How the `run` loop sleeps and wakes: no polling between crossings, a
//! replica change steps at once, failures are retried.

mod support;

use chrono::Duration;
use chrono_tz::UTC;
use csba_alerts::{step, AlertSettings, ObligationKind, TrayLevel, RETRY_AFTER, SUMMARY_REFRESH};
use support::{hours, minutes, obligation, settle, told, utc, Attempt, Bench};

#[tokio::test]
async fn run_sleeps_between_crossings_without_stepping() -> Result<(), String> {
    let due = utc(2026, 6, 1, 12, 0)?;
    let start = due - hours(12);
    let case = obligation(ObligationKind::CaseReply, "c", due);
    let bench = Bench::new(start, UTC, vec![case], AlertSettings::default());
    bench
        .drive(async {
            settle().await;
            assert_eq!(bench.steps(), 1);
            assert_eq!(bench.last_nap(), Some(due - hours(6)));
            // Five hours pass, an hour at a time: nothing to do, no step.
            for h in 1..=5 {
                bench.clock.manual.set(start + hours(h));
                settle().await;
            }
            assert_eq!(bench.steps(), 1);
            bench.clock.manual.set(due - hours(6));
            settle().await;
            assert_eq!(bench.steps(), 2);
            assert_eq!(bench.delivered(), vec![told(due - hours(6), &["c:360"])]);
            // Now due soon: the tray counts down once a minute, not more.
            assert_eq!(bench.last_nap(), Some(due - hours(6) + SUMMARY_REFRESH));
            bench.clock.manual.set(due - hours(6) + Duration::seconds(59));
            settle().await;
            assert_eq!(bench.steps(), 2);
            bench.clock.manual.set(due - hours(6) + SUMMARY_REFRESH);
            settle().await;
            assert_eq!(bench.steps(), 3);
        })
        .await?;
    let summary = bench.last_summary().ok_or("no summary")?;
    assert_eq!((summary.level, summary.due_soon), (TrayLevel::DueSoon, 1));
    assert_eq!(summary.next.map(|o| o.key.object_id), Some("c".to_string()));
    Ok(())
}

#[tokio::test]
async fn with_nothing_ahead_it_sleeps_until_told_of_a_change() -> Result<(), String> {
    let start = utc(2026, 6, 1, 0, 0)?;
    let bench = Bench::new(start, UTC, vec![], AlertSettings::default());
    bench
        .drive(async {
            settle().await;
            assert_eq!(bench.steps(), 1);
            assert_eq!(bench.last_nap(), None);
            bench.jump_to(start + Duration::days(30)).await;
            assert_eq!(bench.steps(), 1);
            bench.changed.notify_one();
            settle().await;
            assert_eq!(bench.steps(), 2);
        })
        .await?;
    assert_eq!(bench.last_summary().map(|s| s.level), Some(TrayLevel::Calm));
    Ok(())
}

#[tokio::test]
async fn a_replica_change_causes_a_step_at_once() -> Result<(), String> {
    let now = utc(2026, 6, 1, 9, 0)?;
    let far = obligation(ObligationKind::FeedbackRemoval, "f", now + Duration::days(20));
    let bench = Bench::new(now, UTC, vec![far], AlertSettings::default());
    bench
        .drive(async {
            settle().await;
            assert_eq!(bench.steps(), 1);
            // A sync brings a case due in 90 min; the clock has not moved.
            bench.source.world().obligations.push(obligation(ObligationKind::CaseReply, "new", now + minutes(90)));
            bench.changed.notify_one();
            settle().await;
            assert_eq!(bench.steps(), 2);
        })
        .await?;
    assert_eq!(bench.delivered(), vec![told(now, &["new:120"])]);
    Ok(())
}

#[tokio::test]
async fn a_failed_delivery_is_retried_and_recorded_only_once_it_reaches_the_seller() -> Result<(), String> {
    let due = utc(2026, 6, 1, 12, 0)?;
    let case = obligation(ObligationKind::CaseReply, "c", due);
    let key = case.key.ledger_key();
    let crossing = due - hours(2);
    let bench = Bench::new(crossing - minutes(5), UTC, vec![case], AlertSettings::default());
    // The 6 h level was told before; no notification daemon for the next two tries.
    bench.source.world().told = [(key.clone(), 360)].into_iter().collect();
    bench.sink.screen().failing_deliveries = 2;
    bench
        .drive(async {
            bench.run_to(crossing).await;
            assert_eq!(bench.ledger(), vec![]);
            assert_eq!(bench.last_nap(), Some(crossing + RETRY_AFTER));
            bench.run_to(crossing + RETRY_AFTER).await;
            assert_eq!(bench.ledger(), vec![]);
            bench.run_to(crossing + hours(1)).await;
        })
        .await?;
    let attempt = |at, reached| Attempt { at, alerts: vec!["c:120".to_string()], reached };
    assert_eq!(
        bench.attempts(),
        vec![
            attempt(crossing, false),
            attempt(crossing + RETRY_AFTER, false),
            attempt(crossing + RETRY_AFTER * 2, true),
        ]
    );
    assert_eq!(bench.ledger(), vec![(key, 120)]);
    Ok(())
}

#[tokio::test]
async fn an_unreadable_source_is_tried_again_a_minute_later() -> Result<(), String> {
    let now = utc(2026, 6, 1, 9, 0)?;
    let case = obligation(ObligationKind::CaseReply, "c", now + minutes(20));
    let bench = Bench::new(now, UTC, vec![case], AlertSettings::default());
    bench.source.world().failing_snapshots = 1;
    // One round by hand: nothing shown, a retry asked for.
    assert_eq!(step(&bench.source, &bench.sink, now), Some(now + RETRY_AFTER));
    assert_eq!(bench.sink.screen().summaries.len(), 0);
    assert_eq!(step(&bench.source, &bench.sink, now + RETRY_AFTER), Some(now + RETRY_AFTER * 2));
    assert_eq!(bench.delivered(), vec![told(now + RETRY_AFTER, &["c:30"])]);
    Ok(())
}
