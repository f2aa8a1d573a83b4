//! A batch of shipments is a few rows of the feed (runs of a page each,
//! migration 0007), read as one change per seq like any other, in pages
//! cut anywhere inside them; compaction splits runs below its horizon so the states they hold can
//! be dropped once superseded.

use crate::common::{harness, TestResult};
use crate::fixtures::{changes_since, order, post, put_orders, s10};
use chrono::Duration;
use csba_api::{Order, Resource};
use csba_domain::Marketplace;
use csba_server::db::Backend;
use csba_server::feed;
use csba_server::sweeper::FEED_RETENTION;
use csba_server::Clock;
use serde_json::json;

/// As many rows as fit in one request body (1 MiB): far more ids than one
/// index entry of PostgreSQL could hold.
const ROWS: usize = 9_000;

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("503-{:07}-{:07}", 4_000_000 + i / 1000, i)).collect()
}

async fn runs_of(h: &crate::common::Harness) -> TestResult<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM changes WHERE seller_id = $1 AND run_from IS NOT NULL")
        .bind(h.sandbox.seller_id())
        .fetch_one(h.sandbox.db().reads())
        .await?)
}

crate::common::every_backend! {
#[tokio::test]
async fn a_full_batch_is_a_few_runs_read_as_one_change_per_seq() -> TestResult {
    let h = harness().await?;
    let seller = h.sandbox.seller_id().to_owned();
    let now = h.clock.now();
    let ids = ids(ROWS);
    let orders: Vec<Order> =
        ids.iter().map(|id| order(id, Marketplace::Jp, now - Duration::hours(30), "unshipped")).collect();
    put_orders(&h, &seller, &orders).await?;
    let (_, before) = changes_since(&h, "", 500).await?;
    let today = now.date_naive().to_string();
    let rows: Vec<serde_json::Value> = ids.iter().enumerate()
        .map(|(i, id)| Ok(json!({ "order_id": id, "tracking_number": s10(u32::try_from(i)? + 10_000_000, "CN"), "ship_date": today })))
        .collect::<Result<_, std::num::TryFromIntError>>()?;
    let response = post(&h, "/v1/shipment-confirmations", &json!({ "confirmations": rows })).await?;
    assert_eq!(response.status().as_u16(), 200, "{}", response.text().await?);
    assert_eq!(runs_of(&h).await?, i64::try_from(ROWS.div_ceil(feed::RUN_LEN))?, "runs of a page each");
    if h.sandbox.db().backend() == Backend::Postgres {
        // Compressed with lz4, not pglz: three times faster (migrate.rs).
        let methods: Vec<Option<String>> =
            sqlx::query_scalar("SELECT pg_column_compression(payload) FROM changes WHERE run_from IS NOT NULL")
                .fetch_all(h.sandbox.db().reads())
                .await?;
        assert!(methods.iter().all(|m| m.as_deref() == Some("lz4")), "{methods:?}");
    }

    // Read from before it in pages of 500, and from a cursor inside it in
    // pages of 7 that do not divide it: each seq once, in order, each change
    // the shipped order of that row.
    let (all, end) = changes_since(&h, &before, 500).await?;
    let first: i64 = before.parse()?;
    let seqs: Vec<i64> = all.iter().filter_map(|c| c["seq"].as_i64()).collect();
    assert_eq!(seqs, (first + 1..=first + i64::try_from(ROWS)?).collect::<Vec<_>>());
    assert_eq!(end, (first + i64::try_from(ROWS)?).to_string());
    for (change, id) in all.iter().zip(&ids) {
        assert_eq!((change["kind"].as_str(), change["data"]["id"].as_str()), (Some("order"), Some(id.as_str())));
        assert_eq!(change["data"]["status"], "shipped");
        assert!(change["data"]["tracking"]["tracking_number"].is_string());
    }
    // 240 pages across three runs' ends (more would pass the token's burst).
    let middle = first + 7_321;
    let (rest, _) = changes_since(&h, &middle.to_string(), 7).await?;
    assert_eq!(rest.as_slice(), &all[7_321..], "the same changes, however the pages fall");
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn compaction_splits_a_run_and_drops_the_states_it_superseded() -> TestResult {
    let h = harness().await?;
    let seller = h.sandbox.seller_id().to_owned();
    let now = h.clock.now();
    let ids = ids(3);
    let orders: Vec<Order> =
        ids.iter().map(|id| order(id, Marketplace::Jp, now - Duration::hours(30), "unshipped")).collect();
    put_orders(&h, &seller, &orders).await?;
    let today = now.date_naive().to_string();
    let rows: Vec<serde_json::Value> = ids.iter().enumerate()
        .map(|(i, id)| json!({ "order_id": id, "tracking_number": s10(20_000_000 + 7 * u32::try_from(i).unwrap_or(0), "CN"), "ship_date": today }))
        .collect();
    assert_eq!(post(&h, "/v1/shipment-confirmations", &json!({ "confirmations": rows })).await?.status().as_u16(), 200);
    assert_eq!(runs_of(&h).await?, 1);
    // The first order is delivered later: its shipped state in the run is
    // superseded, the other two are not.
    let (feed, _) = changes_since(&h, "", 500).await?;
    let shipped: Order = feed.iter().rev().find(|c| c["data"]["id"] == ids[0].as_str())
        .map(|c| serde_json::from_value(c["data"].clone())).ok_or("the shipped order is in the feed")??;
    put_orders(&h, &seller, &[Order { status: "delivered".to_owned(), ..shipped }]).await?;

    h.advance(FEED_RETENTION + Duration::days(1)).await?;
    assert_eq!(runs_of(&h).await?, 0, "the run below the horizon is split");
    let resync = h.client()?.changes(None).await?;
    let states: Vec<(String, String)> = resync.changes.iter()
        .filter_map(|c| match &c.resource { Resource::Order(o) if ids.contains(&o.id) => Some((o.id.clone(), o.status.clone())), _ => None })
        .collect();
    assert_eq!(states, vec![
        (ids[1].clone(), "shipped".to_owned()),
        (ids[2].clone(), "shipped".to_owned()),
        (ids[0].clone(), "delivered".to_owned()),
    ], "each order once, in its latest state: the unshipped and the superseded shipped states are gone");
    h.sandbox.shutdown().await?;
    Ok(())
}
}
