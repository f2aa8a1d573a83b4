//! Many sellers writing at the same moment: every request is answered as
//! if it had been alone (never a 500, never "database is locked"), one
//! seller's burst never fails another's request, and every action is
//! applied exactly once.

use crate::common::{harness, Harness, TestResult};
use crate::fixtures::{get_json, order, put_orders, s10, send};
use chrono::Duration;
use csba_api::Case;
use csba_domain::{CaseKind, CaseStatus, Marketplace};
use csba_server::cases::put_case;
use csba_server::sellers::create_seller;
use csba_server::tokens::issue_token;
use csba_server::Clock;
use reqwest::Method;
use serde_json::json;

const SELLERS: usize = 8;
/// Concurrent requests per seller, all in flight at once.
const WRITERS: usize = 16;

/// One seller's set-up: its token, the case it replies to, its orders.
struct Seller {
    token: String,
    case_id: String,
    orders: Vec<String>,
}

async fn seller(h: &Harness, n: usize) -> TestResult<Seller> {
    let db = h.sandbox.db();
    let now = h.clock.now();
    let id = create_seller(db, &format!("Seller {n}"), &[Marketplace::Jp], now).await?;
    let token = issue_token(db, &id, "admin", now).await?.secret().to_owned();
    let orders: Vec<String> = (0..WRITERS).map(|w| format!("503-{:07}-{:07}", 7_000_000 + n, w)).collect();
    let placed = now - Duration::hours(20);
    let stored: Vec<_> = orders.iter().map(|o| order(o, Marketplace::Jp, placed, "unshipped")).collect();
    put_orders(h, &id, &stored).await?;
    let case = Case {
        id: format!("case-of-seller-{n}"),
        order_id: orders[0].clone(),
        marketplace: Marketplace::Jp,
        kind: CaseKind::Delivery,
        status: CaseStatus::Open,
        language: "ja".to_owned(),
        subject: "荷物はどこですか".to_owned(),
        messages: Vec::new(),
        opened_at: now,
        respond_by: now + Duration::hours(24),
        outcome: None,
        resolved_at: None,
    };
    let mut tx = db.writes().begin().await?;
    put_case(&mut tx, &id, &case, now).await?;
    tx.commit().await?;
    Ok(Seller { token, case_id: case.id, orders })
}

/// The `w`-th of a seller's concurrent requests: replies, questions,
/// shipment confirmations and reads, interleaved.
fn request(s: &Seller, n: usize, w: usize, today: &str) -> (Method, String, serde_json::Value, u16) {
    match w % 4 {
        0 => (Method::POST, format!("/v1/cases/{}/replies", s.case_id), json!({ "body": format!("返信 {w}") }), 201),
        1 => (
            Method::POST,
            "/v1/service-questions".to_owned(),
            json!({ "order_id": s.orders[w], "question": format!("質問 {w}") }),
            201,
        ),
        2 => (
            Method::POST,
            "/v1/shipment-confirmations".to_owned(),
            json!({ "confirmations": [{
                "order_id": s.orders[w],
                "tracking_number": s10(u32::try_from(n * 100 + w).unwrap_or(0), "JP"),
                "ship_date": today,
            }]}),
            200,
        ),
        _ => (Method::GET, "/v1/changes?limit=1000".to_owned(), json!({}), 200),
    }
}

crate::common::every_backend! {
#[tokio::test]
async fn eight_sellers_with_sixteen_writers_each_all_succeed_once() -> TestResult {
    let h = harness().await?;
    let mut sellers = Vec::new();
    for n in 0..SELLERS {
        sellers.push(seller(&h, n).await?);
    }
    let today = h.clock.now().date_naive().to_string();

    let mut tasks = Vec::new();
    for (n, s) in sellers.iter().enumerate() {
        for w in 0..WRITERS {
            let (method, path, body, expected) = request(s, n, w, &today);
            let token = s.token.clone();
            let h = &h;
            tasks.push(async move {
                let response = if method == Method::GET {
                    crate::common::raw_client()?.get(h.url(&path)).bearer_auth(&token).send().await?
                } else {
                    send(h, method, &token, &path, None, &body).await?
                };
                let status = response.status().as_u16();
                let text = response.text().await?;
                TestResult::Ok((n, w, path, expected, status, text))
            });
        }
    }
    let answers = futures_util::future::join_all(tasks).await;
    let mut wrong = Vec::new();
    for answer in answers {
        let (n, w, path, expected, status, text) = answer?;
        if status != expected {
            wrong.push(format!("seller {n} writer {w} {path}: {status} {text}"));
        }
    }
    assert!(wrong.is_empty(), "{} of {} requests answered wrongly:\n{}", wrong.len(), SELLERS * WRITERS, wrong.join("\n"));

    // Each action applied exactly once, to its own seller.
    for s in &sellers {
        let case = get_json(&h, &s.token, &format!("/v1/cases/{}", s.case_id)).await?;
        let replies = case["messages"].as_array().map_or(0, Vec::len);
        assert_eq!(replies, WRITERS / 4, "replies on {}", s.case_id);
        let questions = get_json(&h, &s.token, "/v1/service-questions").await?;
        assert_eq!(questions["questions"].as_array().map_or(0, Vec::len), WRITERS / 4);
        let orders = get_json(&h, &s.token, "/v1/orders").await?;
        let shipped = orders["orders"].as_array().into_iter().flatten().filter(|o| !o["tracking"].is_null()).count();
        assert_eq!(shipped, WRITERS / 4, "orders with tracking");
    }
    h.sandbox.shutdown().await?;
    Ok(())
}
}
