//! What the demo seller shows on the returns, feedback, questions and
//! performance screens, over HTTP, on whatever day the sandbox starts.

use crate::common::{fresh_db, start_time, TestResult};
use chrono::Duration;
use csba_api::ApiClient;
use csba_domain::deadline::refund_due;
use csba_domain::metrics::{rates, week_start, WeekCounts};
use csba_domain::{policy, Marketplace};
use csba_server::sandbox::SandboxClock;
use csba_server::{ManualClock, Sandbox};

async fn check_day(offset: i64) -> TestResult {
    let dir = tempfile::tempdir()?;
    let now = start_time()? + Duration::days(offset) + Duration::hours(offset * 5);
    let (db, _) = fresh_db(&dir).await?;
    let sandbox = Sandbox::start_on(db, SandboxClock::Test(ManualClock::new(now))).await?;
    let client = ApiClient::new(sandbox.base_url(), sandbox.token())?;

    // Feedback: every ground possible somewhere, one negative closing within 3 days.
    let feedback = client.feedback().await?.feedback;
    let grounds: std::collections::BTreeSet<String> =
        feedback.iter().flat_map(|f| f.removal.possible_grounds.iter().map(|g| g.ground.clone())).collect();
    assert_eq!(grounds.len(), 5, "day {offset}: {grounds:?}");
    assert!(feedback.iter().any(|f| f.removal.sentiment == "negative"
        && f.removal.in_time
        && f.removal.deadline - now <= Duration::days(3)
        && f.removal_request.is_none()));
    for sentiment in ["negative", "neutral", "positive"] {
        assert!(feedback.iter().any(|f| f.removal.sentiment == sentiment), "{sentiment}");
    }
    let statuses: Vec<&str> =
        feedback.iter().filter_map(|f| f.removal_request.as_ref().map(|r| r.status.as_str())).collect();
    assert!(statuses.contains(&"removed") && statuses.contains(&"declined"), "{statuses:?}");

    // Questions: one answered, one awaiting.
    let questions = client.service_questions().await?.questions;
    let answered: Vec<_> = questions.iter().filter(|q| q.status == "answered").collect();
    assert_eq!(answered.len(), 1);
    assert!(answered[0].answer.as_deref().is_some_and(|a| !a.is_empty()) && answered[0].answered_at.is_some());
    assert_eq!(questions.iter().filter(|q| q.status == "awaiting_answer").count(), 1);

    // Returns: two JP awaiting their refund (one due tomorrow when tomorrow
    // is a business day, never overdue), one US.
    let orders = client.orders(None).await?.orders;
    let returns: Vec<_> = orders.iter().filter(|o| o.return_received_at.is_some() && o.refunded_at.is_none()).collect();
    assert_eq!(returns.iter().filter(|o| o.marketplace == Marketplace::Jp).count(), 2);
    assert_eq!(returns.iter().filter(|o| o.marketplace == Marketplace::Us).count(), 1);
    let zone = Marketplace::Jp.time_zone()?;
    let tomorrow = now.with_timezone(&zone).date_naive() + Duration::days(1);
    let mut jp_due: Vec<chrono::NaiveDate> = Vec::new();
    for o in returns.iter().filter(|o| o.marketplace == Marketplace::Jp) {
        let due = refund_due(Marketplace::Jp, o.return_received_at.ok_or("received")?)?;
        assert!(due.due > now, "day {offset}: a demo refund is overdue");
        jp_due.push(due.due_date);
    }
    jp_due.sort();
    assert!(jp_due[0] >= tomorrow && jp_due[0] - tomorrow <= Duration::days(3), "day {offset}: {jp_due:?}");

    // Policies: JP compliant in 2 versions, US with exactly one violation.
    let jp = client.return_policy(Marketplace::Jp).await?;
    assert_eq!(jp.versions.len(), 2);
    let today = now.with_timezone(&zone).date_naive();
    let current = jp.current.ok_or("no JP policy")?;
    assert_eq!(policy::check(Marketplace::Jp, today, &current.policy)?, vec![]);
    let us = client.return_policy(Marketplace::Us).await?.current.ok_or("no US policy")?;
    assert_eq!(policy::check(Marketplace::Us, today, &us.policy)?.len(), 1);

    // Performance: JP history up to last week, better after activation.
    let weeks = client.metrics_weekly(Marketplace::Jp, None).await?.weeks;
    let this_week = week_start(Marketplace::Jp, now)?;
    assert!(weeks.iter().any(|w| w.week_start == this_week - Duration::weeks(1) && w.complete));
    let activated = week_start(Marketplace::Jp, now - Duration::days(150))?;
    let before: Vec<WeekCounts> = weeks.iter().filter(|w| w.week_start < activated).map(|w| w.counts()).collect();
    let after: Vec<WeekCounts> =
        weeks.iter().filter(|w| w.week_start >= activated && w.complete).map(|w| w.counts()).collect();
    assert!(before.len() >= 13 && after.len() >= 13);
    let b = rates(&WeekCounts::total(&before[before.len() - 13..]));
    let a = rates(&WeekCounts::total(&after[after.len() - 13..]));
    assert!(a.a_to_z_claim_rate < b.a_to_z_claim_rate && a.order_defect_rate < b.order_defect_rate);
    assert!(a.response_seconds < b.response_seconds);
    sandbox.shutdown().await?;
    Ok(())
}

crate::common::every_backend! {
#[tokio::test]
async fn the_demo_fills_every_new_screen_on_any_day_of_the_week() -> TestResult {
    for offset in 0..7 {
        check_day(offset).await?;
    }
    Ok(())
}
}

crate::common::every_backend! {
#[tokio::test]
async fn a_demo_written_before_the_weekly_figures_gets_them_on_the_next_start() -> TestResult {
    let dir = tempfile::tempdir()?;
    let now = start_time()?;
    let (db, _) = fresh_db(&dir).await?;
    csba_server::migrate::migrate(&db, now).await?;
    csba_server::seed_demo(&db, now).await?;
    // What an older version left: no weeks, no policies, no questions.
    for table in ["metric_weeks", "return_policies", "service_questions"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE seller_id = $1"))
            .bind(csba_server::DEMO_SELLER_ID)
            .execute(db.writes())
            .await?;
    }
    let later = now + Duration::hours(2);
    assert!(csba_server::ensure_demo_is_fresh(&db, later).await?, "the new demo data is added");
    let weeks: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM metric_weeks").fetch_one(db.reads()).await?;
    assert_eq!(weeks, csba_server::demo::HISTORY_WEEKS as i64);
    let policies: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM return_policies").fetch_one(db.reads()).await?;
    assert_eq!(policies, 3);
    let questions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM service_questions").fetch_one(db.reads()).await?;
    assert_eq!(questions, 2);
    // Once is enough: the next start the same day adds nothing.
    assert!(!csba_server::ensure_demo_is_fresh(&db, later).await?);
    let again: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM metric_weeks").fetch_one(db.reads()).await?;
    assert_eq!(again, weeks);
    db.close().await;
    Ok(())
}
}
