use crate::common::{harness, TestResult};
use chrono::Duration;
use csba_domain::{CaseStatus, Marketplace};
use csba_server::{Clock, DEMO_SELLER_ID};

crate::common::every_backend! {
#[tokio::test]
async fn account_is_the_demo_seller_in_jp_and_us() -> TestResult {
    let h = harness().await?;
    let account = h.client()?.account().await?;
    assert_eq!(account.seller_id, DEMO_SELLER_ID);
    assert_eq!(account.display_name, "Sakura Trading Co.");
    assert_eq!(account.marketplaces, vec![Marketplace::Jp, Marketplace::Us]);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn demo_cases_are_sorted_by_urgency_with_realistic_deadlines() -> TestResult {
    let h = harness().await?;
    let now = h.clock.now();
    let cases = h.client()?.cases().await?.cases;
    assert_eq!(cases.len(), 6);
    assert!(cases.windows(2).all(|w| w[0].respond_by <= w[1].respond_by));
    assert!(cases.iter().all(|c| c.status == CaseStatus::Open));

    let left: Vec<Duration> = cases.iter().map(|c| c.respond_by - now).collect();
    let overdue = left.iter().filter(|d| **d < Duration::zero()).count();
    let due_soon = left.iter().filter(|d| **d > Duration::zero() && **d <= Duration::hours(3)).count();
    let later = left.iter().filter(|d| **d >= Duration::hours(8) && **d <= Duration::hours(22)).count();
    assert_eq!((overdue, due_soon, later), (1, 2, 3));
    assert_eq!(left[0], -Duration::hours(2));

    for case in &cases {
        assert_eq!(case.respond_by - case.opened_at, Duration::hours(24));
        assert!(case.marketplace.seller_languages().contains(&case.language.as_str()));
        assert!(!case.messages.is_empty());
        assert!(case.messages.iter().all(|m| m.author == "csba" && m.sent_at <= now));
        assert!(case.subject.contains(&case.order_id));
        let prefix_ok = match case.marketplace {
            Marketplace::Jp => case.order_id.starts_with("503-"),
            Marketplace::Us => case.order_id.starts_with("11"),
        };
        assert!(prefix_ok, "{}", case.order_id);
    }
    // The delivery case quotes the tracking ID its order was confirmed with.
    let orders = h.client()?.orders(None).await?.orders;
    let delivery = cases.iter().find(|c| c.kind == csba_domain::CaseKind::Delivery).ok_or("no delivery case")?;
    let tracking = orders.iter().find(|o| o.id == delivery.order_id).and_then(|o| o.tracking.clone()).ok_or("untracked")?;
    assert_eq!(tracking.carrier, "china-post");
    assert!(delivery.subject.contains(&tracking.tracking_number));
    assert!(delivery.messages[0].body.contains(&tracking.tracking_number));
    assert!(cases.iter().any(|c| c.messages.iter().any(|m| m.body.contains("LED"))));
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn one_case_by_id() -> TestResult {
    let h = harness().await?;
    let client = h.client()?;
    let first = client.cases().await?.cases.into_iter().next().ok_or("no cases")?;
    let response = reqwest::Client::new()
        .get(h.url(&format!("/v1/cases/{}", first.id)))
        .bearer_auth(h.sandbox.token())
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 200);
    let fetched: csba_api::Case = response.json().await?;
    assert_eq!(fetched, first);
    h.sandbox.shutdown().await?;
    Ok(())
}
}
