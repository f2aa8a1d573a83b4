//! Every order the service returns carries its ship-by: computed when the
//! order is stored, listed by `GET /v1/orders`, in the change feed, and
//! filled in for orders stored before migration 0004.

use crate::common::{harness, TestResult};
use crate::fixtures::{order, put_orders};
use chrono::{DateTime, Duration, TimeZone, Utc};
use csba_api::Resource;
use csba_domain::Marketplace;
use csba_server::orders::backfill_ship_by;
use csba_server::Clock;

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> TestResult<DateTime<Utc>> {
    Ok(Utc.with_ymd_and_hms(y, m, d, h, min, s).single().ok_or("bad instant")?)
}

crate::common::every_backend! {
#[tokio::test]
async fn ship_by_is_two_business_days_to_the_end_of_the_local_day() -> TestResult {
    let h = harness().await?;
    let seller = h.sandbox.seller_id().to_owned();
    put_orders(&h, &seller, &[
        // Thursday 2026-03-05 03:30 in Tokyo: Friday, (weekend,) Monday.
        order("503-7000000-0000001", Marketplace::Jp, utc(2026, 3, 4, 18, 30, 0)?, "unshipped"),
        // Wednesday 2026-03-04 09:00 in Los Angeles: Thursday, Friday.
        order("111-7000000-0000002", Marketplace::Us, utc(2026, 3, 4, 17, 0, 0)?, "unshipped"),
    ]).await?;
    let orders = h.client()?.orders(Some("unshipped")).await?.orders;
    let ship_by = |id: &str| orders.iter().find(|o| o.id == id).and_then(|o| o.ship_by);
    // Monday 23:59:59 JST; Friday 23:59:59 PST.
    assert_eq!(ship_by("503-7000000-0000001"), Some(utc(2026, 3, 9, 14, 59, 59)?));
    assert_eq!(ship_by("111-7000000-0000002"), Some(utc(2026, 3, 7, 7, 59, 59)?));

    // The feed says the same.
    let feed = h.client()?.changes(None).await?;
    for change in feed.changes {
        if let Resource::Order(o) = change.resource {
            assert!(o.ship_by.is_some(), "{} without ship_by in the feed", o.id);
            if o.id.contains("-7000000-") {
                assert_eq!(o.ship_by, ship_by(&o.id));
            }
        }
    }
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn orders_stored_before_the_migration_get_a_ship_by_through_the_feed() -> TestResult {
    let h = harness().await?;
    let seller = h.sandbox.seller_id().to_owned();
    let placed = utc(2026, 3, 4, 18, 30, 0)?;
    put_orders(&h, &seller, &[order("503-7000000-0000003", Marketplace::Jp, placed, "unshipped")]).await?;
    // As migration 0004 finds an order: no ship_by yet.
    let db = h.sandbox.db();
    sqlx::query("UPDATE orders SET ship_by = NULL WHERE id = $1").bind("503-7000000-0000003").execute(db.writes()).await?;
    let cursor = h.client()?.changes(None).await?.next_cursor;

    let mut tx = db.writes().begin().await?;
    backfill_ship_by(&mut tx, h.clock.now()).await?;
    tx.commit().await?;

    let expected = Some(utc(2026, 3, 9, 14, 59, 59)?);
    let stored: Option<i64> = sqlx::query_scalar("SELECT ship_by FROM orders WHERE id = $1")
        .bind("503-7000000-0000003")
        .fetch_one(db.reads())
        .await?;
    assert_eq!(stored, expected.map(|t| t.timestamp_millis()));
    // Replicas that already have the order learn its ship-by on their next pull.
    let news = h.client()?.changes(Some(&cursor)).await?;
    assert_eq!(news.changes.len(), 1);
    match &news.changes[0].resource {
        Resource::Order(o) => assert_eq!((o.id.as_str(), o.ship_by), ("503-7000000-0000003", expected)),
        other => return Err(format!("expected the order, got {other:?}").into()),
    }
    // Nothing left to fill: a second run records nothing.
    let mut tx = db.writes().begin().await?;
    backfill_ship_by(&mut tx, h.clock.now() + Duration::minutes(1)).await?;
    tx.commit().await?;
    assert_eq!(h.client()?.changes(Some(&news.next_cursor)).await?.changes.len(), 0);
    h.sandbox.shutdown().await?;
    Ok(())
}
}
