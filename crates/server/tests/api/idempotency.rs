use crate::common::{expect_problem, harness, raw_client, TestResult};
use crate::fixtures::{get_json, order, put_orders, second_seller, send};
use chrono::Duration;
use csba_api::ProblemCode;
use csba_domain::Marketplace;
use csba_server::Clock;
use reqwest::Method;
use serde_json::json;

/// Questions the demo seller already has on file.
const DEMO_QUESTIONS: usize = 2;

/// How many of the listed questions are about `order_id`.
fn questions_about(listed: &serde_json::Value, order_id: &str) -> usize {
    listed["questions"].as_array().into_iter().flatten().filter(|q| q["order_id"] == order_id).count()
}

crate::common::every_backend! {
#[tokio::test]
async fn a_replay_returns_the_first_response_byte_for_byte() -> TestResult {
    let h = harness().await?;
    let seller = h.sandbox.seller_id().to_owned();
    put_orders(&h, &seller, &[order("503-3000000-0000001", Marketplace::Jp, h.clock.now() - Duration::hours(5), "shipped")]).await?;
    let body = json!({ "order_id": "503-3000000-0000001", "question": "CSBAはなぜ返金したのですか？" });
    let token = h.sandbox.token().to_owned();
    let first = send(&h, Method::POST, &token, "/v1/service-questions", Some("key-1"), &body).await?;
    assert_eq!(first.status().as_u16(), 201);
    let first_bytes = first.bytes().await?;

    // Later (the clock moved, so a re-run would answer differently): the
    // same bytes, marked as a replay, and still one question on file.
    h.clock.advance(Duration::minutes(7));
    let again = send(&h, Method::POST, &token, "/v1/service-questions", Some("key-1"), &body).await?;
    assert_eq!(again.status().as_u16(), 201);
    assert_eq!(again.headers().get("idempotent-replayed").and_then(|v| v.to_str().ok()), Some("true"));
    assert_eq!(again.bytes().await?, first_bytes);
    let listed = get_json(&h, &token, "/v1/service-questions").await?;
    assert_eq!(questions_about(&listed, "503-3000000-0000001"), 1);

    // The same key with another body is refused, and applies nothing.
    let other = json!({ "order_id": "503-3000000-0000001", "question": "Another question" });
    let reused = send(&h, Method::POST, &token, "/v1/service-questions", Some("key-1"), &other).await?;
    let problem = expect_problem(reused, 422).await?;
    assert_eq!(problem.code, ProblemCode::IdempotencyKeyReused);
    assert_eq!(problem.field.as_deref(), Some("Idempotency-Key"));
    // So is the same key and body on another path.
    let elsewhere = send(&h, Method::POST, &token, "/v1/shipment-confirmations", Some("key-1"), &body).await?;
    assert_eq!(expect_problem(elsewhere, 422).await?.code, ProblemCode::IdempotencyKeyReused);

    // Keys are per seller: another seller's identical key is its own request
    // (and A's order is not B's: 404).
    let (_, token_b) = second_seller(&h, &[Marketplace::Jp]).await?;
    let b = send(&h, Method::POST, &token_b, "/v1/service-questions", Some("key-1"), &body).await?;
    assert_eq!(expect_problem(b, 404).await?.code, ProblemCode::NotFound);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn twenty_concurrent_duplicates_apply_once() -> TestResult {
    let h = harness().await?;
    let seller = h.sandbox.seller_id().to_owned();
    put_orders(&h, &seller, &[order("503-3000000-0000002", Marketplace::Jp, h.clock.now() - Duration::hours(5), "shipped")]).await?;
    let body = json!({ "order_id": "503-3000000-0000002", "question": "配送状況について" });
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let url = h.url("/v1/service-questions");
        let token = h.sandbox.token().to_owned();
        let body = body.clone();
        tasks.spawn(async move {
            let response = reqwest::Client::new()
                .post(url)
                .bearer_auth(token)
                .header("Idempotency-Key", "same-key")
                .json(&body)
                .send()
                .await?;
            let status = response.status().as_u16();
            Ok::<_, reqwest::Error>((status, response.bytes().await?))
        });
    }
    let mut answers = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        answers.push(joined??);
    }
    // Every duplicate waited for the first and got its very response.
    assert_eq!(answers.len(), 20);
    assert!(answers.iter().all(|a| a == &answers[0]), "answers differ");
    assert_eq!(answers[0].0, 201);
    let listed = get_json(&h, h.sandbox.token(), "/v1/service-questions").await?;
    assert_eq!(listed["questions"].as_array().map(Vec::len), Some(1 + DEMO_QUESTIONS), "the demo's and this one");
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn posts_and_puts_without_a_key_are_refused_before_anything_runs() -> TestResult {
    let h = harness().await?;
    let http = raw_client()?;
    for (method, path) in [
        (Method::POST, "/v1/service-questions"),
        (Method::POST, "/v1/marketplaces/JP/enrollment"),
        (Method::PUT, "/v1/marketplaces/JP/return-policy"),
    ] {
        let response = http.request(method, h.url(path)).bearer_auth(h.sandbox.token()).json(&json!({})).send().await?;
        let problem = expect_problem(response, 400).await?;
        assert_eq!(problem.code, ProblemCode::IdempotencyKeyMissing, "{path}");
    }
    // Authentication comes first.
    let anonymous = http.post(h.url("/v1/service-questions")).json(&json!({})).send().await?;
    assert_eq!(expect_problem(anonymous, 401).await?.code, ProblemCode::Unauthorized);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn keys_are_kept_thirty_days_then_purged() -> TestResult {
    let h = harness().await?;
    let body = json!({ "terms_version": "2026-01" });
    // Not the demo seller, who is enrolled already.
    let (_, token) = second_seller(&h, &[Marketplace::Jp]).await?;
    let first = send(&h, Method::POST, &token, "/v1/marketplaces/JP/enrollment", Some("enroll-jp"), &body).await?;
    assert_eq!(first.status().as_u16(), 200);
    let first_bytes = first.bytes().await?;
    let db = h.sandbox.db();
    assert_eq!(csba_server::idempotency::purge(db, h.clock.now() + Duration::days(30)).await?, 0);
    let replay = send(&h, Method::POST, &token, "/v1/marketplaces/JP/enrollment", Some("enroll-jp"), &body).await?;
    assert_eq!(replay.bytes().await?, first_bytes);
    assert_eq!(csba_server::idempotency::purge(db, h.clock.now() + Duration::days(31)).await?, 1);
    h.sandbox.shutdown().await?;
    Ok(())
}
}
