//! The change feed across long gaps: a week offline catches up from its
//! cursor; a cursor older than the retention window must resync.

use crate::common::{expect_problem, harness, raw_client, TestResult, SEED_SEQ};
use chrono::Duration;
use csba_api::{ProblemCode, Resource};
use csba_domain::CaseStatus;
use csba_server::sweeper::FEED_RETENTION;

crate::common::every_backend! {
#[tokio::test]
async fn a_week_offline_catches_up_and_an_expired_cursor_gets_410() -> TestResult {
    let h = harness().await?;
    let client = h.client()?;
    let first = client.changes(None).await?;
    assert_eq!(first.next_cursor, SEED_SEQ.to_string());

    // A week offline: every demo case went past its deadline meanwhile.
    h.advance(Duration::days(7)).await?;
    // Besides the 6 resolved cases: the CSBA team's answer to the demo's
    // open question, and the weekly figures as the weeks moved on.
    let caught_up = client.changes(Some(&first.next_cursor)).await?;
    let resolved = caught_up.changes.iter().filter(|c| matches!(&c.resource, Resource::Case(case) if case.status == CaseStatus::ResolvedByCsba)).count();
    assert_eq!(resolved, 6);
    assert!(caught_up.changes.iter().all(|c| matches!(&c.resource, Resource::Case(_) | Resource::ServiceQuestion(_) | Resource::MetricWeek(_))));
    let kept_up = caught_up.next_cursor.clone();

    // Past the retention window the feed is compacted: the old cursor is
    // refused with a code that says "resync"…
    h.advance(FEED_RETENTION + Duration::days(1)).await?;
    let http = raw_client()?;
    let response = http.get(h.url(&format!("/v1/changes?cursor={SEED_SEQ}"))).bearer_auth(h.sandbox.token()).send().await?;
    let problem = expect_problem(response, 410).await?;
    assert_eq!(problem.code, ProblemCode::CursorExpired);
    assert_eq!(problem.field.as_deref(), Some("cursor"));

    // …while a client that kept up is still served…
    let current = client.changes(Some(&kept_up)).await?;
    assert!(current.changes.iter().all(|c| matches!(c.resource, Resource::MetricWeek(_))), "only the weeks moved since");
    // …and reading from the start (the resync) gives each entity once, in
    // its latest state: the orders, the 6 resolved cases, the enrollments.
    let resync = client.changes(None).await?;
    let mut entities: Vec<(String, String)> =
        resync.changes.iter().map(|c| (c.resource.kind().to_owned(), c.resource.entity_id().into_owned())).collect();
    let all = entities.len();
    entities.sort();
    entities.dedup();
    assert_eq!(entities.len(), all, "each entity once");
    assert!(!resync.has_more);
    let cases: Vec<_> = resync
        .changes
        .iter()
        .filter_map(|c| match &c.resource {
            Resource::Case(case) => Some(case),
            _ => None,
        })
        .collect();
    assert_eq!(cases.len(), 6);
    assert!(cases.iter().all(|c| c.status == CaseStatus::ResolvedByCsba));

    // The same rebuild in pages smaller than the compacted part: every
    // page's cursor is accepted, and the pages add up to the same picture.
    let mut cursor = String::new();
    let mut seen = Vec::new();
    loop {
        let response =
            http.get(h.url(&format!("/v1/changes?limit=3&cursor={cursor}"))).bearer_auth(h.sandbox.token()).send().await?;
        assert_eq!(response.status().as_u16(), 200, "cursor `{cursor}`");
        let page: csba_api::ChangesPage = response.json().await?;
        seen.extend(page.changes.iter().map(|c| c.seq));
        cursor = page.next_cursor;
        if !page.has_more {
            break;
        }
    }
    assert_eq!(seen, resync.changes.iter().map(|c| c.seq).collect::<Vec<_>>());
    assert_eq!(cursor, resync.next_cursor, "a finished rebuild ends on an ordinary cursor");
    h.sandbox.shutdown().await?;
    Ok(())
}
}
