//! `GET /v1/events`: server-sent events announcing the seller's latest seq.

use crate::common::{harness, raw_client, TestResult, SEED_SEQ};
use chrono::Duration;
use csba_domain::Marketplace;
use csba_server::sellers::create_seller;
use csba_server::tokens::issue_token;
use csba_server::Clock;

/// Reads the stream until an event announcing `seq` arrives (or times out).
pub(crate) async fn wait_for_seq(response: &mut reqwest::Response, seen: &mut String, seq: i64) -> TestResult {
    // An event names the latest seq: one write of several feed entries
    // (a sweep's cases and weeks) is announced once, at its last.
    let reached = |seen: &str| {
        seen.split("data: {\"seq\":")
            .skip(1)
            .filter_map(|rest| rest.split('}').next()?.parse::<i64>().ok())
            .any(|s| s >= seq)
    };
    tokio::time::timeout(std::time::Duration::from_secs(10), async {
        while !reached(seen) {
            match response.chunk().await? {
                Some(bytes) => seen.push_str(&String::from_utf8_lossy(&bytes)),
                None => return Err::<(), Box<dyn std::error::Error + Send + Sync>>("stream ended".into()),
            }
        }
        Ok(())
    })
    .await
    .map_err(|_| format!("no event for seq {seq}; got {seen:?}"))??;
    Ok(())
}

crate::common::every_backend! {
#[tokio::test]
async fn connected_clients_hear_about_their_own_changes_only() -> TestResult {
    let h = harness().await?;
    let http = raw_client()?;
    let mut demo = http.get(h.url("/v1/events")).bearer_auth(h.sandbox.token()).send().await?;
    assert_eq!(demo.status().as_u16(), 200);
    let content_type = demo.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(content_type, "text/event-stream");
    let mut demo_seen = String::new();
    // The current seq comes first, at once.
    wait_for_seq(&mut demo, &mut demo_seen, SEED_SEQ).await?;
    assert!(demo_seen.contains("event: changes"));
    assert!(demo_seen.contains(&format!("id: {SEED_SEQ}")));

    let db = h.sandbox.db();
    let other = create_seller(db, "Han River Goods", &[Marketplace::Us], h.clock.now()).await?;
    let other_token = issue_token(db, &other, "admin", h.clock.now()).await?;
    let mut theirs = http.get(h.url("/v1/events")).bearer_auth(other_token.secret()).send().await?;
    let mut their_seen = String::new();
    wait_for_seq(&mut theirs, &mut their_seen, 0).await?;

    // Three demo cases go past their deadline and are resolved.
    h.advance(Duration::hours(3)).await?;
    wait_for_seq(&mut demo, &mut demo_seen, SEED_SEQ + 3).await?;
    // The other seller hears nothing of it.
    let quiet = tokio::time::timeout(std::time::Duration::from_millis(300), theirs.chunk()).await;
    assert!(quiet.is_err(), "another seller's stream got {quiet:?}");

    // Unauthenticated streams are refused like any other route.
    let response = http.get(h.url("/v1/events")).send().await?;
    assert_eq!(response.status().as_u16(), 401);
    drop(demo);
    drop(theirs);
    h.sandbox.shutdown().await?;
    Ok(())
}
}

/// Shutting down does not wait forever for a connected event stream.
#[tokio::test]
async fn shutdown_ends_open_streams() -> TestResult {
    let h = harness().await?;
    let mut stream = raw_client()?.get(h.url("/v1/events")).bearer_auth(h.sandbox.token()).send().await?;
    let mut seen = String::new();
    wait_for_seq(&mut stream, &mut seen, SEED_SEQ).await?;
    tokio::time::timeout(std::time::Duration::from_secs(10), h.sandbox.shutdown())
        .await
        .map_err(|_| "shutdown hung")??;
    Ok(())
}
