//! The rules the server enforces through csba-domain: late replies, cases
//! CSBA resolved, the feedback-removal window and grounds, return-policy
//! violations, enrollment transitions and eligibility.

use crate::common::{expect_problem, harness, Harness, TestResult};
use crate::fixtures::{get_json, post, second_seller, send};
use chrono::{DateTime, Duration, Utc};
use csba_api::{Case, CaseMessage, ProblemCode};
use csba_domain::enrollment::Eligibility;
use csba_domain::feedback::Fulfillment;
use csba_domain::{CaseKind, CaseStatus, Marketplace};
use csba_server::cases::put_case;
use csba_server::feedback::{put_feedback, NewFeedback};
use csba_server::Clock;
use reqwest::Method;
use serde_json::json;

async fn open_case(h: &Harness, id: &str, respond_by: DateTime<Utc>) -> TestResult<Case> {
    let opened_at = respond_by - Duration::hours(24);
    let case = Case {
        id: id.to_owned(),
        order_id: "503-4000000-0000001".to_owned(),
        marketplace: Marketplace::Jp,
        kind: CaseKind::ProductQuestion,
        status: CaseStatus::Open,
        language: "zh-CN".to_owned(),
        subject: "买家询问商品尺寸".to_owned(),
        messages: vec![CaseMessage {
            author: "csba".to_owned(),
            body: "买家想知道这个茶壶的容量。".to_owned(),
            sent_at: opened_at,
            language: None,
            late: false,
        }],
        opened_at,
        respond_by,
        outcome: None,
        resolved_at: None,
    };
    let mut tx = h.sandbox.db().writes().begin().await?;
    put_case(&mut tx, h.sandbox.seller_id(), &case, h.clock.now()).await?;
    tx.commit().await?;
    Ok(case)
}

async fn feedback(h: &Harness, id: &str, left_at: DateTime<Utc>, rating: u8, comment: &str) -> TestResult {
    let f = NewFeedback {
        id: id.to_owned(),
        order_id: format!("503-5000000-{:07}", id.len()),
        marketplace: Marketplace::Jp,
        left_at,
        rating,
        comment: comment.to_owned(),
        fulfillment: Fulfillment::Seller,
        handled_by_csba: true,
    };
    let mut tx = h.sandbox.db().writes().begin().await?;
    put_feedback(&mut tx, h.sandbox.seller_id(), &f, h.clock.now()).await?;
    tx.commit().await?;
    Ok(())
}

crate::common::every_backend! {
#[tokio::test]
async fn replies_in_time_late_and_after_csba_resolved() -> TestResult {
    let h = harness().await?;
    let now = h.clock.now();
    open_case(&h, "case-in-time", now + Duration::hours(1)).await?;
    open_case(&h, "case-late", now + Duration::hours(1)).await?;
    open_case(&h, "case-resolved", now + Duration::hours(3)).await?;

    let reply = json!({ "body": "容量は450mlです。" , "language": "ja" });
    let response = post(&h, "/v1/cases/case-in-time/replies", &reply).await?;
    assert_eq!(response.status().as_u16(), 201);
    let case: Case = response.json().await?;
    assert_eq!(case.status, CaseStatus::Answered);
    let last = case.messages.last().ok_or("no reply")?;
    assert_eq!((last.author.as_str(), last.late, last.language.as_deref()), ("seller", false, Some("ja")));

    // Past respond_by but not yet resolved: accepted, marked late.
    h.clock.advance(Duration::hours(2));
    let response = post(&h, "/v1/cases/case-late/replies", &json!({ "body": "容量是450毫升。" })).await?;
    assert_eq!(response.status().as_u16(), 201);
    let case: Case = response.json().await?;
    let last = case.messages.last().ok_or("no reply")?;
    assert!(last.late);
    assert_eq!(last.language.as_deref(), Some("zh-CN"), "defaults to the case's language");
    let stored = get_json(&h, h.sandbox.token(), "/v1/cases/case-late").await?;
    assert_eq!(stored["messages"][1]["late"], true);

    // A language CSBA does not read on this marketplace.
    let korean = expect_problem(post(&h, "/v1/cases/case-resolved/replies", &json!({ "body": "네", "language": "ko" })).await?, 400).await?;
    assert_eq!(korean.field.as_deref(), Some("/language"));

    // Once CSBA resolved the case, a reply is refused.
    h.advance(Duration::hours(30)).await?;
    let resolved = get_json(&h, h.sandbox.token(), "/v1/cases/case-resolved").await?;
    assert_eq!(resolved["status"], "resolved_by_csba");
    let refused = expect_problem(post(&h, "/v1/cases/case-resolved/replies", &json!({ "body": "遅れてすみません" })).await?, 409).await?;
    assert_eq!(refused.code, ProblemCode::CaseResolved);
    let missing = expect_problem(post(&h, "/v1/cases/no-such-case/replies", &json!({ "body": "?" })).await?, 404).await?;
    assert_eq!(missing.code, ProblemCode::NotFound);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn feedback_removal_follows_the_window_and_the_grounds() -> TestResult {
    let h = harness().await?;
    let now = h.clock.now();
    feedback(&h, "fb-recent", now - Duration::days(3), 1, "The customer service agent was rude and unhelpful.").await?;
    feedback(&h, "fb-old", now - Duration::days(91), 1, "Customer service was rude.").await?;
    feedback(&h, "fb-happy", now - Duration::days(1), 5, "Lovely teapot, fast shipping.").await?;

    let list = get_json(&h, h.sandbox.token(), "/v1/feedback").await?;
    let by_id = |id: &str| list["feedback"].as_array().into_iter().flatten().find(|f| f["id"] == id).cloned().unwrap_or_default();
    let recent = by_id("fb-recent");
    assert_eq!(recent["removal"]["sentiment"], "negative");
    assert_eq!(recent["removal"]["in_time"], true);
    assert!(recent["removal"]["possible_grounds"].as_array().into_iter().flatten().any(|g| g["ground"] == "caused_by_csba"));
    assert_eq!(by_id("fb-old")["removal"]["in_time"], false);
    assert_eq!(by_id("fb-happy")["removal"]["sentiment"], "positive");

    let request = json!({ "ground": "caused_by_csba", "explanation": "The comment is about CSBA's agent, not our product." });
    let too_late = expect_problem(post(&h, "/v1/feedback/fb-old/removal-requests", &request).await?, 422).await?;
    assert_eq!(too_late.code, ProblemCode::RemovalNotAllowed);
    assert_eq!(too_late.errors[0].code, "out_of_time");
    let not_negative = expect_problem(post(&h, "/v1/feedback/fb-happy/removal-requests", &request).await?, 422).await?;
    assert_eq!(not_negative.errors[0].code, "not_negative");
    let bad_ground = expect_problem(post(&h, "/v1/feedback/fb-recent/removal-requests", &json!({ "ground": "dislike", "explanation": "x" })).await?, 400).await?;
    assert_eq!(bad_ground.field.as_deref(), Some("/ground"));

    let created = post(&h, "/v1/feedback/fb-recent/removal-requests", &request).await?;
    assert_eq!(created.status().as_u16(), 201);
    let created: serde_json::Value = created.json().await?;
    assert_eq!(created["recipient"], "csba_team");
    assert_eq!(created["status"], "submitted");
    assert!(created["subject"].as_str().is_some_and(|s| s.contains("客服负面评论请求删除")));
    let again = expect_problem(post(&h, "/v1/feedback/fb-recent/removal-requests", &request).await?, 409).await?;
    assert_eq!(again.code, ProblemCode::RemovalAlreadyRequested);
    let list = get_json(&h, h.sandbox.token(), "/v1/feedback").await?;
    let recent = list["feedback"].as_array().into_iter().flatten().find(|f| f["id"] == "fb-recent").cloned().unwrap_or_default();
    assert_eq!(recent["removal_request"]["id"], created["id"]);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn return_policies_are_checked_and_versioned() -> TestResult {
    let h = harness().await?;
    let token = h.sandbox.token().to_owned();
    let broken: serde_json::Value = serde_json::from_str(include_str!("../../../cli/tests/fixtures/policy-jp-broken.json"))?;
    let response = send(&h, Method::PUT, &token, "/v1/marketplaces/JP/return-policy", None, &broken).await?;
    let problem = expect_problem(response, 422).await?;
    assert_eq!(problem.code, ProblemCode::ReturnPolicyRejected);
    let codes: Vec<&str> = problem.errors.iter().map(|e| e.code.as_str()).collect();
    for expected in ["return_window_too_short", "return_address_outside_marketplace", "refund_too_slow"] {
        assert!(codes.contains(&expected), "{expected} in {codes:?}");
    }
    assert!(problem.errors.iter().all(|e| e.rule.as_deref().is_some_and(|r| !r.is_empty())));
    // The demo seller has two compliant JP versions on file.
    let history = get_json(&h, &token, "/v1/marketplaces/JP/return-policy").await?;
    assert_eq!(history["versions"].as_array().map(Vec::len), Some(2));

    let good: serde_json::Value = serde_json::from_str(include_str!("../../../cli/tests/fixtures/policy-jp-compliant.json"))?;
    for expected_version in [3, 4] {
        let response = send(&h, Method::PUT, &token, "/v1/marketplaces/jp/return-policy", None, &good).await?;
        assert_eq!(response.status().as_u16(), 200);
        let version: serde_json::Value = response.json().await?;
        assert_eq!(version["version"], expected_version);
    }
    let history = get_json(&h, &token, "/v1/marketplaces/JP/return-policy").await?;
    assert_eq!(history["current"]["version"], 4);
    assert_eq!(history["versions"].as_array().map(Vec::len), Some(4));
    // Defaults are spelled out on the way back; the policy is the same.
    let stored: csba_domain::policy::ReturnPolicy = serde_json::from_value(history["current"]["policy"].clone())?;
    assert_eq!(stored, serde_json::from_value::<csba_domain::policy::ReturnPolicy>(good.clone())?);

    let mut unknown = good.clone();
    unknown["return_window_days_typo"] = json!(30);
    let response = send(&h, Method::PUT, &token, "/v1/marketplaces/JP/return-policy", None, &unknown).await?;
    assert_eq!(expect_problem(response, 400).await?.code, ProblemCode::InvalidRequest);
    // Not a marketplace of this service (or of this seller): 404.
    let response = send(&h, Method::PUT, &token, "/v1/marketplaces/DE/return-policy", None, &good).await?;
    assert_eq!(expect_problem(response, 404).await?.code, ProblemCode::NotFound);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn enrollment_follows_the_state_machine() -> TestResult {
    let h = harness().await?;
    // The demo seller is enrolled already: a seller who is not.
    let (seller, token) = second_seller(&h, &[Marketplace::Jp, Marketplace::Us]).await?;
    let post = |path: &'static str, body: serde_json::Value| {
        let (h, token) = (&h, token.clone());
        async move { send(h, Method::POST, &token, path, None, &body).await }
    };
    let before = get_json(&h, &token, "/v1/marketplaces/JP/enrollment").await?;
    assert_eq!(before["state"], "not_enrolled");
    assert!(before["eligibility"].as_array().is_some_and(|items| !items.is_empty()));

    let pause_early = expect_problem(post("/v1/marketplaces/JP/enrollment/pause", json!({})).await?, 409).await?;
    assert_eq!((pause_early.code, pause_early.errors[0].code.as_str()), (ProblemCode::EnrollmentConflict, "not_enrolled"));

    let enrolled = post("/v1/marketplaces/JP/enrollment", json!({ "terms_version": "2026-01" })).await?;
    assert_eq!(enrolled.status().as_u16(), 200);
    let enrolled: serde_json::Value = enrolled.json().await?;
    assert_eq!(enrolled["state"], "pending_activation");
    assert!(enrolled["activates_at"].is_string());
    let twice = expect_problem(post("/v1/marketplaces/JP/enrollment", json!({ "terms_version": "2026-01" })).await?, 409).await?;
    assert_eq!(twice.errors[0].code, "already_enrolled");

    // After the activation delay CSBA is active, with a trial.
    h.advance(Duration::hours(12)).await?;
    let active = get_json(&h, &token, "/v1/marketplaces/JP/enrollment").await?;
    assert_eq!(active["state"], "active");
    assert!(active["trial"]["end"].is_string());
    let paused = post("/v1/marketplaces/JP/enrollment/pause", json!({})).await?;
    assert_eq!(paused.status().as_u16(), 200);
    let paused: serde_json::Value = paused.json().await?;
    assert_eq!(paused["state"], "paused");
    assert_eq!(paused["active_periods"].as_array().map(Vec::len), Some(1));
    assert!(paused["active_periods"][0]["until"].is_string());
    let resumed: serde_json::Value = post("/v1/marketplaces/JP/enrollment/resume", json!({})).await?.json().await?;
    assert_eq!(resumed["state"], "pending_activation");
    let feed = get_json(&h, &token, "/v1/changes?limit=1000").await?;
    let states: Vec<&str> = feed["changes"].as_array().into_iter().flatten()
        .filter(|c| c["kind"] == "enrollment").filter_map(|c| c["data"]["state"].as_str()).collect();
    // The activation was written by the sweep when the test clock moved.
    assert_eq!(states, vec!["pending_activation", "active", "paused", "pending_activation"]);

    // A missing requirement of the checklist refuses enrolling elsewhere.
    let missing = Eligibility { professional_plan: false, good_standing: true, identity_verified: true, responsive_contact: true, terms_accepted: false, invited: true };
    csba_server::enrollments::set_eligibility(h.sandbox.db(), &seller, &missing).await?;
    let refused = expect_problem(post("/v1/marketplaces/US/enrollment", json!({ "terms_version": "2026-01" })).await?, 422).await?;
    assert_eq!(refused.code, ProblemCode::EnrollmentIneligible);
    assert_eq!(refused.errors.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(), vec!["professional_plan"]);
    let blank_terms = expect_problem(post("/v1/marketplaces/US/enrollment", json!({ "terms_version": " " })).await?, 422).await?;
    assert!(blank_terms.errors.iter().any(|e| e.code == "terms_accepted"));
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn metrics_are_computed_from_stored_data() -> TestResult {
    let h = harness().await?;
    let metrics = get_json(&h, h.sandbox.token(), "/v1/metrics").await?;
    let markets = metrics["marketplaces"].as_array().ok_or("no marketplaces")?;
    assert_eq!(markets.len(), 2);
    for m in markets {
        assert!(m["units"].is_i64());
        assert!(m["fee"]["currency"].is_string(), "{m}");
        if let Some(rate) = m["valid_tracking_rate"].as_str() {
            assert!(rate.split_once('.').is_some_and(|(_, frac)| frac.len() == 2), "{rate}");
        }
    }
    h.sandbox.shutdown().await?;
    Ok(())
}
}
