//! Data and requests shared by the rule tests: orders with known ids, valid
//! tracking numbers, a second seller, JSON POSTs with an Idempotency-Key.

use crate::common::{raw_client, Harness, TestResult};
use chrono::{DateTime, Utc};
use csba_api::{Case, Order};
use csba_domain::tracking::check_digit;
use csba_domain::{CaseKind, CaseStatus, Marketplace};
use csba_server::orders::put_order;
use csba_server::sellers::create_seller;
use csba_server::tokens::issue_token;
use csba_server::Clock;

/// A valid UPU S10 number (`EV` + serial + check digit + country).
pub fn s10(serial: u32, country: &str) -> String {
    let digits = format!("{:08}", serial % 100_000_000);
    let check = check_digit::s10(digits.as_bytes()).unwrap_or(0);
    format!("EV{digits}{check}{country}")
}

pub fn order(id: &str, marketplace: Marketplace, placed_at: DateTime<Utc>, status: &str) -> Order {
    Order {
        id: id.to_owned(),
        marketplace,
        placed_at,
        item_title: "白磁の急須 (Hakuji teapot)".to_owned(),
        sku: "TEAPOT-HAKUJI".to_owned(),
        quantity: 1,
        status: status.to_owned(),
        tracking: None,
        ship_by: None,
        return_received_at: None,
        refunded_at: None,
    }
}

/// An open JP delivery case `id` on order `503-0000000-{n}`, opened at
/// `opened_at`, due at `respond_by`, with no messages.
pub fn open_case(id: &str, n: usize, opened_at: DateTime<Utc>, respond_by: DateTime<Utc>) -> Case {
    Case {
        id: id.to_owned(),
        order_id: format!("503-0000000-{n:07}"),
        marketplace: Marketplace::Jp,
        kind: CaseKind::Delivery,
        status: CaseStatus::Open,
        language: "ja".to_owned(),
        subject: format!("件名 {n}"),
        messages: Vec::new(),
        opened_at,
        respond_by,
        outcome: None,
        resolved_at: None,
    }
}

/// Stores `orders` for `seller_id` in one transaction.
pub async fn put_orders(h: &Harness, seller_id: &str, orders: &[Order]) -> TestResult {
    let mut tx = h.sandbox.db().writes().begin().await?;
    for o in orders {
        put_order(&mut tx, seller_id, o, h.clock.now()).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Another seller on the same service, with a token.
pub async fn second_seller(h: &Harness, marketplaces: &[Marketplace]) -> TestResult<(String, String)> {
    let db = h.sandbox.db();
    let id = create_seller(db, "Han River Goods", marketplaces, h.clock.now()).await?;
    let token = issue_token(db, &id, "admin", h.clock.now()).await?;
    Ok((id, token.secret().to_owned()))
}

/// A JSON request with a fresh or given Idempotency-Key.
pub async fn send(
    h: &Harness,
    method: reqwest::Method,
    token: &str,
    path: &str,
    key: Option<&str>,
    body: &serde_json::Value,
) -> TestResult<reqwest::Response> {
    let key = key.map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_owned);
    Ok(raw_client()?
        .request(method, h.url(path))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await?)
}

pub async fn post(h: &Harness, path: &str, body: &serde_json::Value) -> TestResult<reqwest::Response> {
    send(h, reqwest::Method::POST, h.sandbox.token(), path, None, body).await
}

pub async fn get_json(h: &Harness, token: &str, path: &str) -> TestResult<serde_json::Value> {
    let response = raw_client()?.get(h.url(path)).bearer_auth(token).send().await?;
    assert_eq!(response.status().as_u16(), 200, "GET {path}");
    Ok(response.json().await?)
}

/// Every change after `cursor`, in pages of `limit`, and the cursor after them.
pub async fn changes_since(h: &Harness, cursor: &str, limit: usize) -> TestResult<(Vec<serde_json::Value>, String)> {
    let (mut changes, mut cursor) = (Vec::new(), cursor.to_owned());
    loop {
        let page = get_json(h, h.sandbox.token(), &format!("/v1/changes?cursor={cursor}&limit={limit}")).await?;
        changes.extend(page["changes"].as_array().into_iter().flatten().cloned());
        cursor = page["next_cursor"].as_str().ok_or("no next_cursor")?.to_owned();
        if page["has_more"] != true {
            return Ok((changes, cursor));
        }
    }
}
