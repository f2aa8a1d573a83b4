//! The simulated CSBA team answering questions and deciding removal
//! requests over time, the length limits, text kept as text, and the
//! weekly figures with their feed entries.

use crate::common::{expect_problem, harness, Harness, TestResult};
use crate::fixtures::{get_json, order, post, put_orders};
use chrono::{Duration, Utc};
use csba_api::ProblemCode;
use csba_domain::feedback::Fulfillment;
use csba_domain::metrics::week_start;
use csba_domain::Marketplace;
use csba_server::feedback::{put_feedback, NewFeedback};
use csba_server::Clock;
use serde_json::json;

const MARKUP: &str = "<script>alert(1)</script> <b>bold</b> &amp; &lt;i&gt; <img src=x onerror=alert(2)> \"q\" 'a'";

async fn negative_feedback(
    h: &Harness,
    id: &str,
    order_id: &str,
    comment: &str,
    fulfillment: Fulfillment,
) -> TestResult {
    let f = NewFeedback {
        id: id.to_owned(),
        order_id: order_id.to_owned(),
        marketplace: Marketplace::Jp,
        left_at: h.clock.now() - Duration::days(2),
        rating: 1,
        comment: comment.to_owned(),
        fulfillment,
        handled_by_csba: true,
    };
    let mut tx = h.sandbox.db().writes().begin().await?;
    put_feedback(&mut tx, h.sandbox.seller_id(), &f, h.clock.now()).await?;
    tx.commit().await?;
    Ok(())
}

fn find<'a>(list: &'a serde_json::Value, key: &str, id: &str) -> Option<&'a serde_json::Value> {
    list[key].as_array().into_iter().flatten().find(|x| x["id"] == id)
}

/// Every feed entry of `kind` for `id`, in feed order.
async fn feed_entries(h: &Harness, kind: &str, id: &str) -> TestResult<Vec<serde_json::Value>> {
    let client = h.client()?;
    let mut cursor: Option<String> = None;
    let mut out = Vec::new();
    loop {
        let page = client.changes(cursor.as_deref()).await?;
        for change in &page.changes {
            let value = serde_json::to_value(change)?;
            if value["kind"] == kind && (value["data"]["id"] == id || id.is_empty()) {
                out.push(value["data"].clone());
            }
        }
        cursor = Some(page.next_cursor.clone());
        if !page.has_more {
            return Ok(out);
        }
    }
}

crate::common::every_backend! {
#[tokio::test]
async fn the_team_answers_after_its_pace_and_keeps_markup_as_text() -> TestResult {
    let h = harness().await?;
    let now = h.clock.now();
    put_orders(&h, h.sandbox.seller_id(), &[order("503-7000000-0000001", Marketplace::Jp, now - Duration::days(3), "delivered")]).await?;

    let asked = post(&h, "/v1/service-questions", &json!({ "order_id": "503-7000000-0000001", "question": MARKUP })).await?;
    assert_eq!(asked.status().as_u16(), 201);
    let asked: serde_json::Value = asked.json().await?;
    assert_eq!(asked["question"].as_str().map(str::as_bytes), Some(MARKUP.as_bytes()));
    assert_eq!(asked["status"], "awaiting_answer");
    assert!(asked.get("answer").is_none(), "no answer field before the answer");
    let id = asked["id"].as_str().ok_or("id")?.to_owned();

    // 19 hours: the team (20 hours at the service's pace) has not answered.
    h.advance(Duration::hours(19)).await?;
    let list = get_json(&h, h.sandbox.token(), "/v1/service-questions").await?;
    assert_eq!(find(&list, "questions", &id).map(|q| q["status"].clone()), Some(json!("awaiting_answer")));

    h.advance(Duration::hours(2)).await?;
    let list = get_json(&h, h.sandbox.token(), "/v1/service-questions").await?;
    let q = find(&list, "questions", &id).ok_or("question")?;
    assert_eq!(q["status"], "answered");
    assert_eq!(q["question"].as_str().map(str::as_bytes), Some(MARKUP.as_bytes()), "stored as sent");
    let answer = q["answer"].as_str().ok_or("answer")?;
    assert!(answer.contains("503-7000000-0000001") && answer.contains("お問い合わせ"), "a Japanese answer: {answer}");
    let answered_at: chrono::DateTime<Utc> = serde_json::from_value(q["answered_at"].clone())?;
    assert_eq!(answered_at, now + Duration::hours(20), "answered when the team got to it");

    // The replica hears of it through the feed: asked, then answered.
    let entries = feed_entries(&h, "service_question", &id).await?;
    let statuses: Vec<&str> = entries.iter().filter_map(|e| e["status"].as_str()).collect();
    assert_eq!(statuses, ["awaiting_answer", "answered"]);
    assert_eq!(entries[1]["question"].as_str().map(str::as_bytes), Some(MARKUP.as_bytes()));

    // Another sweep does not answer again.
    h.advance(Duration::hours(1)).await?;
    assert_eq!(feed_entries(&h, "service_question", &id).await?.len(), 2);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn removal_requests_are_decided_by_ground_and_fulfillment_after_three_days() -> TestResult {
    let h = harness().await?;
    let now = h.clock.now();
    negative_feedback(&h, "fb-csba", "503-7100000-0000001", "カスタマーサービスの対応が最悪でした。", Fulfillment::Seller).await?;
    negative_feedback(&h, "fb-late", "503-7100000-0000002", "The package arrived late and the box was damaged.", Fulfillment::Seller).await?;
    negative_feedback(&h, "fb-fba", "503-7100000-0000003", "The package arrived late and the box was damaged.", Fulfillment::Amazon).await?;

    let file = |feedback: &'static str, ground: &'static str| {
        let h = &h;
        async move {
            let response = post(h, &format!("/v1/feedback/{feedback}/removal-requests"), &json!({ "ground": ground, "explanation": MARKUP })).await?;
            let status = response.status().as_u16();
            let body: serde_json::Value = response.json().await?;
            assert_eq!(status, 201, "{feedback}: {body}");
            TestResult::<serde_json::Value>::Ok(body)
        }
    };
    let csba = file("fb-csba", "caused_by_csba").await?;
    assert_eq!(csba["explanation"].as_str().map(str::as_bytes), Some(MARKUP.as_bytes()));
    // A delivery complaint is a ground only when Amazon fulfilled the order.
    let refused = expect_problem(post(&h, "/v1/feedback/fb-late/removal-requests", &json!({ "ground": "amazon_fulfilled_delivery_complaint", "explanation": "x" })).await?, 422).await?;
    assert_eq!(refused.errors[0].code, "not_fulfilled_by_amazon");
    let fba = file("fb-fba", "amazon_fulfilled_delivery_complaint").await?;

    h.advance(Duration::days(3) - Duration::minutes(1)).await?;
    let list = get_json(&h, h.sandbox.token(), "/v1/feedback").await?;
    assert_eq!(find(&list, "feedback", "fb-csba").map(|f| f["removal_request"]["status"].clone()), Some(json!("submitted")));

    h.advance(Duration::minutes(1)).await?;
    let list = get_json(&h, h.sandbox.token(), "/v1/feedback").await?;
    let request = |id: &str| find(&list, "feedback", id).map(|f| f["removal_request"].clone()).unwrap_or_default();
    assert_eq!(request("fb-csba")["status"], "removed");
    assert_eq!(request("fb-fba")["status"], "removed");
    assert_eq!(request("fb-csba")["explanation"].as_str().map(str::as_bytes), Some(MARKUP.as_bytes()));
    let decided: chrono::DateTime<Utc> = serde_json::from_value(request("fb-csba")["decided_at"].clone())?;
    assert_eq!(decided, now + Duration::days(3));
    let entries = feed_entries(&h, "removal_request", csba["id"].as_str().ok_or("id")?).await?;
    assert_eq!(entries.iter().filter_map(|e| e["status"].as_str()).collect::<Vec<_>>(), ["submitted", "removed"]);
    assert_eq!(fba["status"], "submitted");
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn texts_over_the_limit_are_refused_at_their_field() -> TestResult {
    let h = harness().await?;
    let now = h.clock.now();
    put_orders(&h, h.sandbox.seller_id(), &[order("503-7200000-0000001", Marketplace::Jp, now - Duration::days(1), "delivered")]).await?;
    negative_feedback(&h, "fb-long", "503-7200000-0000001", "カスタマーサービスの対応が最悪でした。", Fulfillment::Seller).await?;
    let long = "あ".repeat(csba_api::limits::MAX_QUESTION_CHARS + 1);
    let refused = expect_problem(post(&h, "/v1/service-questions", &json!({ "order_id": "503-7200000-0000001", "question": long })).await?, 422).await?;
    assert_eq!((refused.code, refused.field.as_deref()), (ProblemCode::TextTooLong, Some("/question")));
    assert_eq!(refused.errors[0].code, "too_long");
    let long = "x".repeat(csba_api::limits::MAX_EXPLANATION_CHARS + 1);
    let refused = expect_problem(post(&h, "/v1/feedback/fb-long/removal-requests", &json!({ "ground": "caused_by_csba", "explanation": long })).await?, 422).await?;
    assert_eq!((refused.code, refused.field.as_deref()), (ProblemCode::TextTooLong, Some("/explanation")));
    // Exactly at the limit is fine.
    let at_limit = "あ".repeat(csba_api::limits::MAX_QUESTION_CHARS);
    let ok = post(&h, "/v1/service-questions", &json!({ "order_id": "503-7200000-0000001", "question": at_limit })).await?;
    assert_eq!(ok.status().as_u16(), 201);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn the_running_week_is_computed_recorded_once_and_served() -> TestResult {
    let h = harness().await?;
    let now = h.clock.now();
    let seller = h.sandbox.seller_id().to_owned();
    let week = week_start(Marketplace::Us, now)?;
    let (start, _) = csba_domain::metrics::week_span(Marketplace::Us, week)?;
    // Orders placed in this US week, with feedback on one.
    let placed = start + Duration::minutes(30);
    put_orders(&h, &seller, &[
        order("114-7300000-0000001", Marketplace::Us, placed, "unshipped"),
        order("114-7300000-0000002", Marketplace::Us, placed, "unshipped"),
    ]).await?;
    h.advance(Duration::seconds(1)).await?;
    let key = format!("US:{week}");
    let entries = feed_entries(&h, "metric_week", "").await?;
    let ours: Vec<&serde_json::Value> = entries.iter().filter(|e| format!("{}:{}", e["marketplace"].as_str().unwrap_or(""), e["week_start"].as_str().unwrap_or("")) == key).collect();
    let last = ours.last().ok_or("no feed entry for the running US week")?;
    let orders_before = last["orders"].as_u64().ok_or("orders")?;
    assert!(orders_before >= 2, "{last}");
    assert_eq!(last["complete"], false);

    // Nothing changed: another sweep records nothing new.
    let count = ours.len();
    h.advance(Duration::seconds(1)).await?;
    let again = feed_entries(&h, "metric_week", "").await?;
    let ours_again = again.iter().filter(|e| format!("{}:{}", e["marketplace"].as_str().unwrap_or(""), e["week_start"].as_str().unwrap_or("")) == key).count();
    assert_eq!(ours_again, count, "unchanged counts write no feed entry");

    // One more order: the week moves, and the route serves it.
    put_orders(&h, &seller, &[order("114-7300000-0000003", Marketplace::Us, placed, "unshipped")]).await?;
    h.advance(Duration::seconds(1)).await?;
    let served = get_json(&h, h.sandbox.token(), &format!("/v1/metrics/weekly?marketplace=US&since={week}")).await?;
    let weeks = served["weeks"].as_array().ok_or("weeks")?;
    let running = weeks.iter().find(|w| w["week_start"] == week.to_string()).ok_or("the running week")?;
    assert_eq!(running["orders"].as_u64(), Some(orders_before + 1));
    assert!(weeks.iter().all(|w| w["week_start"].as_str().is_some_and(|d| d >= week.to_string().as_str())));
    let client = h.client()?;
    let typed = client.metrics_weekly(Marketplace::Us, Some(week)).await?;
    assert_eq!(typed.weeks.len(), weeks.len());

    let bad = expect_problem(crate::common::raw_client()?.get(h.url("/v1/metrics/weekly?marketplace=XX")).bearer_auth(h.sandbox.token()).send().await?, 400).await?;
    assert_eq!(bad.code, ProblemCode::InvalidRequest);
    h.sandbox.shutdown().await?;
    Ok(())
}
}

crate::common::every_backend! {
#[tokio::test]
async fn a_weeks_counts_come_from_its_orders_cases_and_feedback() -> TestResult {
    use csba_api::{Case, CaseMessage, OrderTracking};
    use csba_domain::{CaseKind, CaseStatus};
    let h = harness().await?;
    let (seller, _) = crate::fixtures::second_seller(&h, &[Marketplace::Jp]).await?;
    let now = h.clock.now();
    let week = week_start(Marketplace::Jp, now)? - Duration::weeks(1);
    let (start, end) = csba_domain::metrics::week_span(Marketplace::Jp, week)?;
    let at = start + Duration::hours(30);
    let shipped = |id: &str, number: &str| csba_api::Order {
        quantity: 2,
        tracking: Some(OrderTracking {
            tracking_number: number.to_owned(),
            carrier: "japan-post".to_owned(),
            ship_date: at.date_naive(),
            confirmed_at: at + Duration::hours(2),
        }),
        ..order(id, Marketplace::Jp, at, "shipped")
    };
    put_orders(&h, &seller, &[
        shipped("503-7400000-0000001", &crate::fixtures::s10(1, "JP")),
        shipped("503-7400000-0000002", "NOT-A-NUMBER"),
        order("503-7400000-0000003", Marketplace::Jp, at, "unshipped"),
        // Placed the week before: not this week's order, not its defect.
        order("503-7400000-0000004", Marketplace::Jp, start - Duration::hours(1), "unshipped"),
    ]).await?;
    sqlx::query("UPDATE orders SET a_to_z_claim = 1 WHERE seller_id = $1 AND id IN ($2, $3)")
        .bind(&seller).bind("503-7400000-0000003").bind("503-7400000-0000004")
        .execute(h.sandbox.db().writes()).await?;
    let mut tx = h.sandbox.db().writes().begin().await?;
    for (id, order_id, rating, left) in [("f1", "503-7400000-0000001", 1, at), ("f2", "503-7400000-0000002", 5, at), ("f3", "503-7400000-0000004", 2, end + Duration::hours(1))] {
        let f = NewFeedback { id: id.into(), order_id: order_id.into(), marketplace: Marketplace::Jp, left_at: left, rating, comment: "x".into(), fulfillment: Fulfillment::Seller, handled_by_csba: false };
        put_feedback(&mut tx, &seller, &f, now).await?;
    }
    let message = |author: &str, sent_at| CaseMessage { author: author.into(), body: "b".into(), sent_at, language: None, late: false };
    let case = Case {
        id: "case-w".into(), order_id: "503-7400000-0000001".into(), marketplace: Marketplace::Jp, kind: CaseKind::ProductQuestion,
        status: CaseStatus::Answered, language: "ja".into(), subject: "s".into(),
        messages: vec![message("csba", at), message("seller", at + Duration::minutes(90)), message("seller", at + Duration::hours(5))],
        opened_at: at, respond_by: at + Duration::hours(24), outcome: None, resolved_at: None,
    };
    csba_server::cases::put_case(&mut tx, &seller, &case, now).await?;
    let counts = csba_server::metric_weeks::compute(&mut tx, &seller, Marketplace::Jp, week, now).await?;
    tx.commit().await?;
    assert_eq!(
        (counts.orders, counts.a_to_z_claims, counts.defects),
        (3, 1, 2),
        "claim on -3, negative feedback on -1; -4 is last week's"
    );
    assert_eq!((counts.feedback, counts.negative_feedback), (2, 1), "f3 was left the week after");
    assert_eq!((counts.shipped, counts.valid_tracking, counts.units), (2, 1, 4));
    assert_eq!((counts.contacts, counts.responses, counts.response_seconds), (1, 1, 90 * 60), "the first reply counts");
    assert!(counts.complete, "last week is over");
    h.sandbox.shutdown().await?;
    Ok(())
}
}

/// The app's sandbox on the wall clock, at the pace end-to-end tests set
/// with `CSBA_SANDBOX_TEAM_SECONDS` (read as src-tauri's session.rs does):
/// the sweeper wakes for the answer instead of waiting for its interval.
#[tokio::test]
async fn the_in_app_sandbox_answers_within_seconds_at_the_environment_pace() -> TestResult {
    use csba_server::{Sandbox, SystemClock, TeamPace};
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("sandbox.sqlite");
    let default = Sandbox::start(&path, std::sync::Arc::new(SystemClock)).await?;
    assert_eq!(default.team(), TeamPace::SANDBOX);
    default.shutdown().await?;

    let team = TeamPace::sandbox_from_env(Some("1"));
    let sandbox = Sandbox::start_with_team(&path, std::sync::Arc::new(SystemClock), team).await?;
    assert_eq!(sandbox.team(), TeamPace::uniform(1));
    let client = csba_api::ApiClient::new(sandbox.base_url(), sandbox.token())?;
    let order = client
        .orders(None)
        .await?
        .orders
        .into_iter()
        .find(|o| o.marketplace == Marketplace::Us)
        .ok_or("no US order")?;
    let asked = client
        .ask_service_question(
            &csba_api::ServiceQuestionCreate { order_id: order.id.clone(), question: "Why?".into() },
            "key-e2e",
        )
        .await?;
    let answered = tokio::time::timeout(std::time::Duration::from_secs(10), async {
        loop {
            let questions = client.service_questions().await?.questions;
            if let Some(q) = questions.iter().find(|q| q.id == asked.id && q.status == "answered") {
                return TestResult::<csba_api::ServiceQuestionView>::Ok(q.clone());
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    })
    .await
    .map_err(|_| "not answered within 10 s at a 1 s pace")??;
    assert!(answered.answer.as_deref().is_some_and(|a| a.starts_with("Thank you")), "an English answer for a US order");
    sandbox.shutdown().await?;
    Ok(())
}
