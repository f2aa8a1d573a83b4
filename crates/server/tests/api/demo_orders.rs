//! What the embedded sandbox's demo seller shows besides cases: orders with
//! their ship-by (work due today and tomorrow on both marketplaces), a
//! pending and a cancelled order, shipped orders with valid tracking, and
//! CSBA enrollments; all of it in the change feed.

use crate::common::{harness, TestResult};
use chrono::Duration;
use csba_api::{Order, Resource};
use csba_domain::tracking::{self, Carrier};
use csba_domain::Marketplace;
use csba_server::ship_by::end_of_day;
use csba_server::Clock;

/// Unshipped orders of `marketplace` due by the end of the local day
/// `days` after today.
fn due(orders: &[Order], marketplace: Marketplace, days: i64, now: chrono::DateTime<chrono::Utc>) -> TestResult<usize> {
    let zone = marketplace.time_zone()?;
    let day = now.with_timezone(&zone).date_naive() + Duration::days(days);
    let end = end_of_day(marketplace, day)?;
    Ok(orders
        .iter()
        .filter(|o| o.marketplace == marketplace && o.status == "unshipped" && o.ship_by == Some(end))
        .count())
}

crate::common::every_backend! {
#[tokio::test]
async fn demo_orders_have_work_due_today_and_tomorrow() -> TestResult {
    let h = harness().await?;
    let now = h.clock.now();
    let orders = h.client()?.orders(None).await?.orders;
    assert!(orders.iter().all(|o| o.ship_by.is_some_and(|s| s > o.placed_at)), "every order has a ship-by");
    assert!(orders.iter().all(|o| o.placed_at <= now));
    for mp in Marketplace::ALL {
        let (today, tomorrow) = (due(&orders, mp, 0, now)?, due(&orders, mp, 1, now)?);
        assert!(today >= 2 && tomorrow >= 2, "{mp:?}: {today} due today, {tomorrow} tomorrow");
    }
    let count = |status: &str| orders.iter().filter(|o| o.status == status).count();
    assert_eq!((count("pending"), count("cancelled")), (1, 1));
    assert_eq!(h.client()?.orders(Some("pending")).await?.orders.len(), 1);

    // Shipped and delivered orders carry tracking that passes its check.
    let shipped: Vec<&Order> = orders.iter().filter(|o| matches!(o.status.as_str(), "shipped" | "delivered")).collect();
    assert!(shipped.len() >= 5);
    let mut carriers = Vec::new();
    for o in &shipped {
        let t = o.tracking.as_ref().ok_or_else(|| format!("{} shipped without tracking", o.id))?;
        let carrier = Carrier::from_code(&t.carrier).ok_or("unknown carrier code")?;
        assert_eq!(tracking::check(&t.tracking_number, Some(carrier)).result, Ok(()), "{}", t.tracking_number);
        assert!(t.confirmed_at <= now && t.ship_date >= o.placed_at.date_naive() - Duration::days(1));
        carriers.push(t.carrier.as_str());
    }
    for expected in ["yamato", "sagawa", "japan-post-domestic", "china-post", "ups", "usps"] {
        assert!(carriers.contains(&expected), "{expected} in {carriers:?}");
    }
    assert!(orders.iter().filter(|o| o.tracking.is_some()).all(|o| o.status == "shipped" || o.status == "delivered"));

    // The feed holds every order as listed, ship-by and tracking included.
    let feed = h.client()?.changes(None).await?;
    let mut in_feed: Vec<Order> = feed.changes.into_iter().filter_map(|c| match c.resource {
        Resource::Order(o) => Some(o),
        _ => None,
    }).collect();
    let mut listed = orders.clone();
    in_feed.sort_by(|a, b| a.id.cmp(&b.id));
    listed.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(in_feed, listed);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn demo_enrollments_jp_for_months_and_us_in_its_trial() -> TestResult {
    let h = harness().await?;
    let now = h.clock.now();
    let client = h.client()?;
    let jp = client.enrollment(Marketplace::Jp).await?;
    assert_eq!(jp.state, "active");
    let since = jp.since.ok_or("JP active without since")?;
    assert!(now - since >= Duration::days(140) && now - since <= Duration::days(160), "{since}");
    assert!(jp.trial.as_ref().is_some_and(|t| t.end <= now.date_naive()), "the JP trial is over: {:?}", jp.trial);
    assert_eq!(jp.terms_version.as_deref(), Some("2025-06"));
    assert!(jp.enrolled_at.is_none() && jp.active_periods.len() == 1);

    let us = client.enrollment(Marketplace::Us).await?;
    assert_eq!(us.state, "active");
    let since = us.since.ok_or("US active without since")?;
    assert_eq!(now - since, Duration::days(10));
    let trial = us.trial.as_ref().ok_or("no US trial")?;
    assert!(trial.start <= now.date_naive() && trial.end > now.date_naive(), "inside the trial: {trial:?}");
    assert_eq!((trial.end - trial.start).num_days(), 30);
    assert!(us.eligibility.iter().all(|i| i.met), "{:?}", us.eligibility);

    // A replica gets both from the feed, exactly as a read shows them.
    let feed = client.changes(None).await?;
    let views: Vec<_> = feed.changes.into_iter().filter_map(|c| match c.resource {
        Resource::Enrollment(e) => Some(e),
        _ => None,
    }).collect();
    assert_eq!(views, vec![jp, us]);
    h.sandbox.shutdown().await?;
    Ok(())
}
}
