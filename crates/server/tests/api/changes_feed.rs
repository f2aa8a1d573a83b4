use crate::common::{expect_problem, harness, raw_client, TestResult, SEED_SEQ};
use csba_api::{ChangesPage, ProblemCode, Resource};
use csba_server::Clock;

async fn page(h: &crate::common::Harness, query: &str) -> TestResult<ChangesPage> {
    let response = reqwest::Client::new()
        .get(h.url(&format!("/v1/changes?{query}")))
        .bearer_auth(h.sandbox.token())
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 200);
    Ok(response.json().await?)
}

crate::common::every_backend! {
#[tokio::test]
async fn feed_paginates_in_order_and_resumes_from_a_cursor() -> TestResult {
    let h = harness().await?;
    let everything = h.client()?.changes(None).await?;
    // The demo seed: its orders, its 6 cases, its 2 enrollments.
    assert_eq!(everything.changes.len(), SEED_SEQ as usize);
    assert!(!everything.has_more);
    assert_eq!(everything.next_cursor, SEED_SEQ.to_string());
    assert_eq!(everything.server_time, h.clock.now());
    let orders = everything.changes.iter().filter(|c| matches!(c.resource, Resource::Order(_))).count();
    assert_eq!(orders, csba_server::demo::BATCH_ORDERS);
    let enrollments = everything.changes.iter().filter(|c| matches!(c.resource, Resource::Enrollment(_))).count();
    assert_eq!(enrollments, 2);

    let mut cursor = String::new();
    let mut seen = Vec::new();
    let mut pages = Vec::new();
    loop {
        let p = page(&h, &format!("cursor={cursor}&limit=5")).await?;
        seen.extend(p.changes.iter().map(|c| c.seq));
        pages.push((p.changes.len(), p.has_more));
        cursor = p.next_cursor.clone();
        if !p.has_more {
            break;
        }
    }
    let full = (SEED_SEQ / 5) as usize;
    let mut expected = vec![(5, true); full];
    match (SEED_SEQ % 5) as usize {
        0 => {
            if let Some(last) = expected.last_mut() {
                last.1 = false;
            }
        }
        rest => expected.push((rest, false)),
    }
    assert_eq!(pages, expected);
    assert_eq!(seen, (1..=SEED_SEQ).collect::<Vec<i64>>());
    assert_eq!(cursor, SEED_SEQ.to_string());

    // Resuming at the end: nothing new, and the cursor stays put.
    let at_end = page(&h, &format!("cursor={SEED_SEQ}")).await?;
    assert!(at_end.changes.is_empty());
    assert!(!at_end.has_more);
    assert_eq!(at_end.next_cursor, SEED_SEQ.to_string());

    // Resuming mid-feed gives exactly the rest, identical to the full read.
    let rest = h.client()?.changes(Some("9")).await?;
    assert_eq!(rest.changes, everything.changes[9..].to_vec());
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn bad_cursor_and_limit_are_400_problems_naming_the_field() -> TestResult {
    let h = harness().await?;
    let http = raw_client()?;
    for bad in ["abc", "-1", "1.5"] {
        let response =
            http.get(h.url("/v1/changes")).query(&[("cursor", bad)]).bearer_auth(h.sandbox.token()).send().await?;
        let problem = expect_problem(response, 400).await?;
        assert_eq!(problem.code, ProblemCode::InvalidCursor);
        assert_eq!(problem.field.as_deref(), Some("cursor"));
    }
    let response = http.get(h.url("/v1/changes?limit=0")).bearer_auth(h.sandbox.token()).send().await?;
    let problem = expect_problem(response, 400).await?;
    assert_eq!(problem.code, ProblemCode::InvalidRequest);
    assert_eq!(problem.field.as_deref(), Some("limit"));
    h.sandbox.shutdown().await?;
    Ok(())
}
}
