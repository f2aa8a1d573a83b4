//! Every list is paginated by cursor, with a bounded page size: a walk
//! through the pages sees every row once, in the list's order, however
//! many rows share a sort key.

use crate::common::{expect_problem, harness, raw_client, TestResult};
use crate::fixtures::{get_json, open_case, order, put_orders, second_seller};
use chrono::Duration;
use csba_api::ProblemCode;
use csba_domain::Marketplace;
use csba_server::cases::put_case;
use csba_server::Clock;

const CASES: usize = 250;

crate::common::every_backend! {
#[tokio::test]
async fn pages_of_cases_and_orders_hold_every_row_once_in_order() -> TestResult {
    let h = harness().await?;
    let (seller, token) = second_seller(&h, &[Marketplace::Jp]).await?;
    let now = h.clock.now();
    let mut tx = h.sandbox.db().writes().begin().await?;
    for n in 0..CASES {
        // Ten cases share each deadline: the id breaks the tie.
        let respond_by = now + Duration::minutes(i64::try_from(n / 10)?);
        let case = open_case(&format!("case-{n:03}"), n, now, respond_by);
        put_case(&mut tx, &seller, &case, now).await?;
    }
    tx.commit().await?;

    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &cursor {
            Some(c) => format!("/v1/cases?limit=100&cursor={c}"),
            None => "/v1/cases?limit=100".to_owned(),
        };
        let page = get_json(&h, &token, &path).await?;
        pages += 1;
        let ids: Vec<String> =
            page["cases"].as_array().into_iter().flatten().filter_map(|c| c["id"].as_str().map(str::to_owned)).collect();
        assert!(ids.len() <= 100);
        seen.extend(ids);
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    let expected: Vec<String> = (0..CASES).map(|n| format!("case-{n:03}")).collect();
    assert_eq!(seen, expected);
    assert_eq!(pages, 3);
    // The client reads every page; the default page is 100.
    let client = csba_api::ApiClient::new(h.sandbox.base_url(), &token)?;
    assert_eq!(client.cases().await?.cases.len(), CASES);
    assert_eq!(get_json(&h, &token, "/v1/cases").await?["cases"].as_array().map(Vec::len), Some(100));

    // Orders, newest first, filtered by status, across pages.
    let placed = now - Duration::hours(3);
    let orders: Vec<_> = (0..120).map(|n| order(&format!("503-9000000-{n:07}"), Marketplace::Jp, placed, "unshipped")).collect();
    put_orders(&h, &seller, &orders).await?;
    let first = get_json(&h, &token, "/v1/orders?status=unshipped&limit=50").await?;
    assert_eq!(first["orders"].as_array().map(Vec::len), Some(50));
    assert_eq!(client.orders(Some("unshipped")).await?.orders.len(), 120);

    // A page size out of bounds, and a cursor that is not one, say where.
    let http = raw_client()?;
    for limit in ["0", "501", "many"] {
        let response = http.get(h.url(&format!("/v1/feedback?limit={limit}"))).bearer_auth(&token).send().await?;
        assert_eq!(expect_problem(response, 400).await?.field.as_deref(), Some("limit"), "{limit}");
    }
    let response = http.get(h.url("/v1/service-questions?cursor=garbage")).bearer_auth(&token).send().await?;
    assert_eq!(expect_problem(response, 400).await?.code, ProblemCode::InvalidCursor);
    h.sandbox.shutdown().await?;
    Ok(())
}
}
