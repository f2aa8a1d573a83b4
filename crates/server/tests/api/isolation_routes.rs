//! A second seller tries every route with the first seller's ids: each
//! answers as if the id did not exist, and no list shows the first seller's data.

use crate::common::{expect_problem, harness, TestResult};
use crate::fixtures::{get_json, order, put_orders, s10, second_seller, send};
use chrono::Duration;
use csba_api::ProblemCode;
use csba_domain::feedback::Fulfillment;
use csba_domain::Marketplace;
use csba_server::feedback::{put_feedback, NewFeedback};
use csba_server::Clock;
use reqwest::Method;
use serde_json::json;

crate::common::every_backend! {
#[tokio::test]
async fn a_second_seller_gets_404_for_every_id_of_the_first() -> TestResult {
    let h = harness().await?;
    let a = h.sandbox.seller_id().to_owned();
    let token_a = h.sandbox.token().to_owned();
    let now = h.clock.now();
    put_orders(&h, &a, &[order("503-6000000-0000001", Marketplace::Jp, now - Duration::hours(10), "unshipped")]).await?;
    let mut tx = h.sandbox.db().writes().begin().await?;
    put_feedback(&mut tx, &a, &NewFeedback {
        id: "fb-of-a".to_owned(),
        order_id: "503-6000000-0000001".to_owned(),
        marketplace: Marketplace::Jp,
        left_at: now - Duration::days(1),
        rating: 1,
        comment: "客服态度很差".to_owned(),
        fulfillment: Fulfillment::Seller,
        handled_by_csba: true,
    }, now).await?;
    tx.commit().await?;
    let a_cases = get_json(&h, &token_a, "/v1/cases").await?;
    let a_case = a_cases["cases"][0]["id"].as_str().ok_or("seller A has no cases")?.to_owned();
    let ask = json!({ "order_id": "503-6000000-0000001", "question": "Why?" });
    let first = send(&h, Method::POST, &token_a, "/v1/service-questions", None, &ask).await?;
    assert_eq!(first.status().as_u16(), 201);

    // B sells on the US marketplace only.
    let (_, b) = second_seller(&h, &[Marketplace::Us]).await?;
    let not_found = |r: reqwest::Response| async move { expect_problem(r, 404).await.map(|p| p.code) };
    let http = crate::common::raw_client()?;
    assert_eq!(not_found(http.get(h.url(&format!("/v1/cases/{a_case}"))).bearer_auth(&b).send().await?).await?, ProblemCode::NotFound);
    let tries = [
        (Method::POST, format!("/v1/cases/{a_case}/replies"), json!({ "body": "hello" })),
        (Method::POST, "/v1/feedback/fb-of-a/removal-requests".to_owned(), json!({ "ground": "caused_by_csba", "explanation": "x" })),
        (Method::POST, "/v1/service-questions".to_owned(), ask.clone()),
        (Method::POST, "/v1/marketplaces/JP/enrollment".to_owned(), json!({ "terms_version": "2026-01" })),
        (Method::POST, "/v1/marketplaces/JP/enrollment/pause".to_owned(), json!({})),
        (Method::POST, "/v1/marketplaces/JP/enrollment/resume".to_owned(), json!({})),
    ];
    for (method, path, body) in tries {
        let response = send(&h, method, &b, &path, None, &body).await?;
        assert_eq!(not_found(response).await?, ProblemCode::NotFound, "{path}");
    }
    let policy: serde_json::Value = serde_json::from_str(include_str!("../../../cli/tests/fixtures/policy-jp-compliant.json"))?;
    let response = send(&h, Method::PUT, &b, "/v1/marketplaces/JP/return-policy", None, &policy).await?;
    assert_eq!(not_found(response).await?, ProblemCode::NotFound);
    for path in ["/v1/marketplaces/JP/enrollment", "/v1/marketplaces/JP/return-policy"] {
        assert_eq!(not_found(http.get(h.url(path)).bearer_auth(&b).send().await?).await?, ProblemCode::NotFound, "{path}");
    }
    // In a batch, A's order is an unknown order, exactly like a made-up id.
    let batch = json!({ "confirmations": [
        { "order_id": "503-6000000-0000001", "tracking_number": s10(1234, "CN"), "ship_date": now.date_naive() },
    ]});
    let rejected = expect_problem(send(&h, Method::POST, &b, "/v1/shipment-confirmations", None, &batch).await?, 422).await?;
    assert_eq!(rejected.errors[0].code, "unknown_order");

    // B's lists hold nothing of A's.
    for (path, key) in [("/v1/orders", "orders"), ("/v1/cases", "cases"), ("/v1/feedback", "feedback"), ("/v1/service-questions", "questions"), ("/v1/changes", "changes")] {
        let list = get_json(&h, &b, path).await?;
        assert_eq!(list[key].as_array().map(Vec::len), Some(0), "{path}: {list}");
    }
    let metrics = get_json(&h, &b, "/v1/metrics").await?;
    assert_eq!(metrics["marketplaces"].as_array().map(Vec::len), Some(1));
    assert_eq!(metrics["marketplaces"][0]["units"], 0);

    // And A's data is untouched.
    let a_orders = get_json(&h, &token_a, "/v1/orders?status=unshipped").await?;
    assert!(a_orders["orders"].as_array().into_iter().flatten().any(|o| o["id"] == "503-6000000-0000001"));
    let a_feedback = get_json(&h, &token_a, "/v1/feedback").await?;
    assert!(a_feedback["feedback"][0]["removal_request"].is_null());
    h.sandbox.shutdown().await?;
    Ok(())
}
}
