use crate::common::{expect_problem, harness, raw_client, TestResult};
use csba_api::ProblemCode;

crate::common::every_backend! {
#[tokio::test]
async fn malformed_json_unknown_fields_and_wrong_types_name_the_place() -> TestResult {
    let h = harness().await?;
    let http = raw_client()?;
    let post = |body: &'static str, content_type: &'static str| {
        http.post(h.url("/v1/shipment-confirmations"))
            .bearer_auth(h.sandbox.token())
            .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let malformed = expect_problem(post("{\"confirmations\": [", "application/json").await?, 400).await?;
    assert_eq!(malformed.code, ProblemCode::InvalidRequest);
    assert!(malformed.detail.as_deref().is_some_and(|d| d.contains("line 1")), "{malformed:?}");

    let unknown = expect_problem(post(r#"{"confirmations": [], "dry_run": true}"#, "application/json").await?, 400).await?;
    assert!(unknown.detail.as_deref().is_some_and(|d| d.contains("unknown field `dry_run`")), "{unknown:?}");

    let nested = r#"{"confirmations": [{"order_id": "1", "tracking_number": "x", "ship_date": "2026-03-06", "shipper": "me"}]}"#;
    let unknown_nested = expect_problem(post(nested, "application/json").await?, 400).await?;
    assert!(unknown_nested.detail.as_deref().is_some_and(|d| d.contains("shipper")), "{unknown_nested:?}");
    assert_eq!(unknown_nested.field.as_deref().map(|f| f.starts_with("/confirmations/0")), Some(true), "{unknown_nested:?}");

    let wrong_type = r#"{"confirmations": [{"order_id": 7, "tracking_number": "x", "ship_date": "2026-03-06"}]}"#;
    let typed = expect_problem(post(wrong_type, "application/json").await?, 400).await?;
    assert_eq!(typed.field.as_deref(), Some("/confirmations/0/order_id"));

    let bad_date = r#"{"confirmations": [{"order_id": "7", "tracking_number": "x", "ship_date": "6 March"}]}"#;
    let dated = expect_problem(post(bad_date, "application/json").await?, 400).await?;
    assert_eq!(dated.field.as_deref(), Some("/confirmations/0/ship_date"));

    let wrong_method = http
        .post(h.url("/v1/cases"))
        .bearer_auth(h.sandbox.token())
        .header("Idempotency-Key", "wrong-method")
        .json(&serde_json::json!({}))
        .send()
        .await?;
    assert_eq!(wrong_method.status().as_u16(), 405);

    let text = expect_problem(post(r#"{"confirmations": []}"#, "text/plain").await?, 415).await?;
    assert_eq!(text.code, ProblemCode::UnsupportedMediaType);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn oversized_posts_are_refused_without_being_applied() -> TestResult {
    let h = harness().await?;
    let mut body = String::from("{\"confirmations\": [");
    while body.len() <= csba_server::app::BODY_LIMIT_BYTES {
        body.push_str(r#"{"order_id": "503-0000000-0000000", "tracking_number": "EV876297563CN", "ship_date": "2026-03-06"},"#);
    }
    body.push_str("{}]}");
    let response = raw_client()?
        .post(h.url("/v1/shipment-confirmations"))
        .bearer_auth(h.sandbox.token())
        .header("Idempotency-Key", "big")
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await?;
    assert_eq!(expect_problem(response, 413).await?.code, ProblemCode::PayloadTooLarge);
    h.sandbox.shutdown().await?;
    Ok(())
}
}

crate::common::every_backend! {
#[tokio::test]
async fn a_stalled_body_answers_408_request_timeout_and_applies_nothing() -> TestResult {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = crate::common::tuned_server(|s| s.with_request_timeout(std::time::Duration::from_millis(800))).await?;
    let (addr, token) = (server.addr, server.token("test").await?);

    // Promises 200 bytes of a question and sends 20, then nothing.
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    let head = format!(
        "POST /v1/service-questions HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Idempotency-Key: stalled-1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(br#"{"order_id": "503-1"#).await?;
    let mut answer = vec![0u8; 4096];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut answer)).await??;
    let answer = String::from_utf8_lossy(&answer[..n]).into_owned();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains(r#""code":"request_timeout""#), "{answer}");

    // The key was never claimed: the same request, sent whole, runs.
    let keys: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM idempotency_keys WHERE idem_key = 'stalled-1'")
        .fetch_one(server.db.reads())
        .await?;
    assert_eq!(keys, 0);
    Ok(())
}
}

crate::common::every_backend! {
#[tokio::test]
async fn nul_and_unpaired_surrogates_are_refused_at_their_field_alike_on_both_backends() -> TestResult {
    let h = harness().await?;
    let http = raw_client()?;
    let cases = crate::fixtures::get_json(&h, h.sandbox.token(), "/v1/cases").await?;
    let case = cases["cases"][0]["id"].as_str().ok_or("the demo seller has no cases")?.to_owned();
    let reply = |body: String| {
        http.post(h.url(&format!("/v1/cases/{case}/replies")))
            .bearer_auth(h.sandbox.token())
            .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    for (text, code) in [
        (r"Hello\u0000there", "nul_character"),
        (r"Hello \ud800 there", "unpaired_surrogate"),
        (r"Hello \udc00 there", "unpaired_surrogate"),
        (r"\ud83d", "unpaired_surrogate"),
    ] {
        let problem = expect_problem(reply(format!(r#"{{"body": "{text}"}}"#)).await?, 422).await?;
        assert_eq!(problem.code, ProblemCode::InvalidText, "{text}");
        assert_eq!(problem.field.as_deref(), Some("/body"), "{text}");
        assert_eq!(problem.errors.first().map(|e| e.code.as_str()), Some(code), "{text}");
    }
    // A proper pair (an emoji written as two escapes) is text like any other.
    assert_eq!(reply(r#"{"body": "Thanks \ud83d\ude00"}"#.to_owned()).await?.status().as_u16(), 201);
    // A NUL in an id of the path: no such thing, on either backend.
    let got = http.get(h.url("/v1/cases/a%00b")).bearer_auth(h.sandbox.token()).send().await?;
    assert_eq!(expect_problem(got, 404).await?.code, ProblemCode::NotFound);
    let nested = r#"{"confirmations": [{"order_id": "503-1\u0000", "tracking_number": "x", "ship_date": "2026-03-06"}]}"#;
    let shipped = http
        .post(h.url("/v1/shipment-confirmations"))
        .bearer_auth(h.sandbox.token())
        .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
        .header("content-type", "application/json")
        .body(nested)
        .send()
        .await?;
    let problem = expect_problem(shipped, 422).await?;
    assert_eq!(problem.field.as_deref(), Some("/confirmations/0/order_id"));
    h.sandbox.shutdown().await?;
    Ok(())
}
}

crate::common::every_backend! {
#[tokio::test]
async fn a_token_over_its_rate_gets_429_with_retry_after_and_others_go_on() -> TestResult {
    let server = crate::common::tuned_server(|s| s.with_rate(csba_server::rate_limit::Rate { per_second: 0.5, burst: 3.0 })).await?;
    let (a, b) = (server.token("a").await?, server.token("b").await?);
    let url = format!("http://{}/v1/account", server.addr);
    let http = raw_client()?;
    for _ in 0..3 {
        assert_eq!(http.get(&url).bearer_auth(&a).send().await?.status().as_u16(), 200);
    }
    let limited = http.get(&url).bearer_auth(&a).send().await?;
    let wait = limited.headers().get("retry-after").and_then(|v| v.to_str().ok()).map(str::to_owned);
    assert_eq!(expect_problem(limited, 429).await?.code, ProblemCode::RateLimited);
    assert_eq!(wait.as_deref(), Some("2"));
    // Another token of the same seller has its own bucket.
    assert_eq!(http.get(&url).bearer_auth(&b).send().await?.status().as_u16(), 200);
    Ok(())
}
}
