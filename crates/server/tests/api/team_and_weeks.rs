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
    let mut tx = h.sandbox.db().pool().begin().await?;
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
