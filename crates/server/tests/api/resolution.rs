//! Time from outside: the test clock endpoint, and CSBA resolving the cases
//! nobody answered within 24 hours.

use crate::common::{expect_problem, harness, start_time, TestResult, SEED_SEQ};
use chrono::Duration;
use csba_api::{CaseOutcome, ProblemCode};
use csba_domain::{CaseKind, CaseStatus};
use csba_server::sweeper::{csba_refunds, REFUND_REASON};
use csba_server::{Clock, ManualClock, Sandbox};
use std::sync::Arc;

crate::common::every_backend! {
#[tokio::test]
async fn crossing_the_deadline_resolves_unanswered_cases() -> TestResult {
    let h = harness().await?;
    let start = h.clock.now();
    let before = h.client()?.cases().await?.cases;
    assert!(before.iter().all(|c| c.status == CaseStatus::Open));

    // Three hours on: the overdue return and the two cases due soon are past
    // their deadline; the sweep runs before the response.
    let moved = h.advance(Duration::hours(3)).await?;
    assert_eq!(moved["resolved"], 3);
    assert_eq!(moved["now"].as_str().map(str::to_owned), Some((start + Duration::hours(3)).to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)));
    assert_eq!(h.clock.now(), start + Duration::hours(3));

    let cases = h.client()?.cases().await?.cases;
    let now = h.clock.now();
    for case in &cases {
        if case.respond_by <= now {
            assert_eq!(case.status, CaseStatus::ResolvedByCsba, "{}", case.subject);
            assert_eq!(case.resolved_at, Some(case.respond_by));
            let expected = match case.kind {
                CaseKind::ProductQuestion => CaseOutcome::AnsweredFromDetailPage,
                CaseKind::Delivery | CaseKind::Refund => CaseOutcome::Refund,
                CaseKind::Return => CaseOutcome::Replacement,
                CaseKind::OrderChange => CaseOutcome::Denial,
            };
            assert_eq!(case.outcome, Some(expected));
        } else {
            assert_eq!(case.status, CaseStatus::Open);
            assert_eq!((case.outcome, case.resolved_at), (None, None));
        }
    }
    assert_eq!(cases.iter().filter(|c| c.status == CaseStatus::ResolvedByCsba).count(), 3);

    // The undelivered parcel's refund is charged to the seller: 2 × ¥1,980.
    let delivery = cases.iter().find(|c| c.kind == CaseKind::Delivery).ok_or("no delivery case")?;
    let refunds = csba_refunds(h.sandbox.db(), h.sandbox.seller_id(), start).await?;
    assert_eq!(refunds.len(), 1);
    assert_eq!(refunds[0].case_id, delivery.id);
    assert_eq!(refunds[0].order_id, delivery.order_id);
    assert_eq!((refunds[0].amount_minor, refunds[0].currency.as_str()), (3_960, "JPY"));
    assert_eq!(refunds[0].reason, REFUND_REASON);
    assert_eq!(Some(refunds[0].at), delivery.resolved_at);

    // The resolutions reach clients through the feed, after the seed.
    // (With them, the week's figures the same sweep recomputed.)
    let feed = h.client()?.changes(Some(&SEED_SEQ.to_string())).await?;
    let resolutions: Vec<i64> =
        feed.changes.iter().filter(|c| matches!(c.resource, csba_api::Resource::Case(_))).map(|c| c.seq).collect();
    assert_eq!(resolutions.len(), 3);
    assert_eq!(resolutions.first(), Some(&(SEED_SEQ + 1)));
    assert!(feed.changes.iter().all(|c| matches!(c.resource, csba_api::Resource::Case(_) | csba_api::Resource::MetricWeek(_))));

    // A day later everything is resolved, and only one refund was charged.
    let moved = h.advance(Duration::hours(24)).await?;
    assert_eq!(moved["resolved"], 3);
    let cases = h.client()?.cases().await?.cases;
    assert!(cases.iter().all(|c| c.status == CaseStatus::ResolvedByCsba));
    assert_eq!(csba_refunds(h.sandbox.db(), h.sandbox.seller_id(), start).await?.len(), 1);
    // Nothing left to do: moving again resolves nothing.
    assert_eq!(h.advance(Duration::minutes(1)).await?["resolved"], 0);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn the_test_clock_only_moves_forward_and_wants_one_instruction() -> TestResult {
    let h = harness().await?;
    let http = reqwest::Client::new();
    let post = |body: serde_json::Value| {
        http.post(h.url("/v1/test/clock")).bearer_auth(h.sandbox.token()).json(&body).send()
    };
    let problem = expect_problem(post(serde_json::json!({"advance_ms": -1})).await?, 400).await?;
    assert_eq!(problem.field.as_deref(), Some("advance_ms"));
    let past = (start_time()? - Duration::days(1)).to_rfc3339();
    let problem = expect_problem(post(serde_json::json!({"set": past})).await?, 400).await?;
    assert_eq!(problem.field.as_deref(), Some("set"));
    expect_problem(post(serde_json::json!({})).await?, 400).await?;
    let later = start_time()? + Duration::days(2);
    let response = post(serde_json::json!({"set": later.to_rfc3339()})).await?;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(h.clock.now(), later);
    // Without a token the clock does not move.
    let response = http.post(h.url("/v1/test/clock")).json(&serde_json::json!({"advance_ms": 1})).send().await?;
    assert_eq!(expect_problem(response, 401).await?.code, ProblemCode::Unauthorized);
    h.sandbox.shutdown().await?;
    Ok(())
}
}

/// Without the flag (a sandbox given an ordinary clock) the route does not exist.
#[tokio::test]
async fn without_the_flag_the_clock_endpoint_does_not_exist() -> TestResult {
    let dir = tempfile::tempdir()?;
    let clock = ManualClock::new(start_time()?);
    let sandbox = Sandbox::start(&dir.path().join("s.db"), Arc::new(clock.clone())).await?;
    let response = reqwest::Client::new()
        .post(format!("{}/v1/test/clock", sandbox.base_url()))
        .bearer_auth(sandbox.token())
        .json(&serde_json::json!({"advance_ms": 86_400_000}))
        .send()
        .await?;
    assert_eq!(expect_problem(response, 404).await?.code, ProblemCode::NotFound);
    assert_eq!(clock.now(), start_time()?);
    sandbox.shutdown().await?;
    Ok(())
}
