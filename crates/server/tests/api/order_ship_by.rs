//! Every order the service returns carries its ship-by: computed when the
//! order is stored, listed by `GET /v1/orders`, and in the change feed (the
//! orders stored before migration 0004 get theirs from it: `migrate.rs`).

use crate::common::{harness, TestResult};
use crate::fixtures::{order, put_orders};
use chrono::{DateTime, TimeZone, Utc};
use csba_api::Resource;
use csba_domain::Marketplace;

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
}
