use crate::common::{harness, TestResult, BATCH_SEQS, SEED_SEQ};
use chrono::Duration;
use csba_api::{ClientError, ProblemCode};
use csba_server::{ensure_demo_is_fresh, Clock, Sandbox};
use std::sync::Arc;

crate::common::every_backend! {
#[tokio::test]
async fn fresh_demo_is_left_alone() -> TestResult {
    let h = harness().await?;
    assert!(!ensure_demo_is_fresh(h.sandbox.db(), h.clock.now()).await?);
    assert_eq!(h.client()?.cases().await?.cases.len(), 6);
    assert_eq!(h.client()?.changes(None).await?.changes.len(), SEED_SEQ as usize);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn three_days_later_a_new_batch_of_cases_is_added_once() -> TestResult {
    let h = harness().await?;
    h.clock.advance(Duration::days(3));
    let now = h.clock.now();
    assert!(ensure_demo_is_fresh(h.sandbox.db(), now).await?);
    assert!(!ensure_demo_is_fresh(h.sandbox.db(), now).await?);

    let cases = h.client()?.cases().await?.cases;
    assert_eq!(cases.len(), 12);
    let answerable = cases.iter().filter(|c| c.respond_by > now).count();
    assert_eq!(answerable, 5);
    let due_soon = cases.iter().filter(|c| c.respond_by > now && c.respond_by - now <= Duration::hours(3)).count();
    assert_eq!(due_soon, 2);
    // The new batch arrived through the feed like any other write.
    // (Besides the imported weeks the history is topped up with when the
    // three days crossed a Monday.)
    let feed = h.client()?.changes(Some(&SEED_SEQ.to_string())).await?;
    let batch: Vec<&csba_api::Change> =
        feed.changes.iter().filter(|c| !matches!(c.resource, csba_api::Resource::MetricWeek(_))).collect();
    assert_eq!(batch.len(), BATCH_SEQS as usize);
    assert_eq!(feed.changes.first().map(|c| c.seq), Some(SEED_SEQ + 1));
    assert!(feed.changes.iter().all(|c| !matches!(&c.resource, csba_api::Resource::MetricWeek(w) if !w.complete)));
    h.sandbox.shutdown().await?;
    Ok(())
}

}

/// SQLite only: the desktop app's sandbox is a file that outlives a start.
#[tokio::test]
async fn restarting_the_sandbox_refreshes_the_demo_and_replaces_the_token() -> TestResult {
    let h = harness().await?;
    let path = h.dir.path().join("data").join("sandbox.db");
    let old_token = h.sandbox.token().to_owned();
    h.sandbox.shutdown().await?;

    h.clock.advance(Duration::days(3));
    let again = Sandbox::start(&path, Arc::new(h.clock.clone())).await?;
    let client = csba_api::ApiClient::new(again.base_url(), again.token())?;
    assert_eq!(client.cases().await?.cases.len(), 12);

    let with_old_token = csba_api::ApiClient::new(again.base_url(), old_token)?;
    match with_old_token.account().await {
        Err(ClientError::Problem(p)) => assert_eq!(p.code, ProblemCode::Unauthorized),
        other => return Err(format!("the previous sandbox token still works: {other:?}").into()),
    }

    // Same day, another restart: nothing added.
    again.shutdown().await?;
    let third = Sandbox::start(&path, Arc::new(h.clock.clone())).await?;
    let client = csba_api::ApiClient::new(third.base_url(), third.token())?;
    assert_eq!(client.cases().await?.cases.len(), 12);
    third.shutdown().await?;
    Ok(())
}
