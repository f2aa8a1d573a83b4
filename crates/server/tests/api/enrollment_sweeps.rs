//! Enrollments that change by themselves reach replicas: when the clock
//! passes the end of the activation delay, or the JP 14-day limit for
//! identity verification, the sweep writes the new state, records it in
//! the feed and wakes the seller's event streams.

use crate::common::{harness, raw_client, Harness, TestResult};
use crate::fixtures::{second_seller, send};
use chrono::{DateTime, Duration, Utc};
use csba_api::{ChangesPage, EnrollmentView, Resource};
use csba_domain::enrollment::Eligibility;
use csba_domain::Marketplace;
use csba_server::sweeper::sweep;
use csba_server::Clock;
use reqwest::Method;
use serde_json::json;

async fn changes(h: &Harness, token: &str, after: i64) -> TestResult<ChangesPage> {
    Ok(csba_api::ApiClient::new(h.sandbox.base_url(), token)?.changes(Some(&after.to_string())).await?)
}

fn enrollments(page: &ChangesPage) -> Vec<(i64, DateTime<Utc>, EnrollmentView)> {
    page.changes
        .iter()
        .filter_map(|c| match &c.resource {
            Resource::Enrollment(e) => Some((c.seq, c.at, e.clone())),
            _ => None,
        })
        .collect()
}

async fn enroll(h: &Harness, token: &str, marketplace: &str) -> TestResult<EnrollmentView> {
    let path = format!("/v1/marketplaces/{marketplace}/enrollment");
    let response = send(h, Method::POST, token, &path, None, &json!({ "terms_version": "2026-01" })).await?;
    assert_eq!(response.status().as_u16(), 200);
    Ok(response.json().await?)
}

crate::common::every_backend! {
#[tokio::test]
async fn activation_after_the_delay_is_written_announced_and_in_the_feed() -> TestResult {
    let h = harness().await?;
    let (seller, token) = second_seller(&h, &[Marketplace::Jp, Marketplace::Us]).await?;
    let pending = enroll(&h, &token, "JP").await?;
    assert_eq!(pending.state, "pending_activation");
    let activates_at = pending.activates_at.ok_or("no activates_at")?;
    let seq = changes(&h, &token, 0).await?.next_cursor.parse::<i64>()?;

    let mut stream = raw_client()?.get(h.url("/v1/events")).bearer_auth(&token).send().await?;
    let mut seen = String::new();
    read_until(&mut stream, &mut seen, seq).await?;

    // Before the delay is over nothing is written.
    h.advance(activates_at - h.clock.now() - Duration::seconds(1)).await?;
    assert!(changes(&h, &token, seq).await?.changes.is_empty());
    // Past it, the sweep that follows the clock writes "active".
    h.advance(Duration::minutes(1)).await?;
    let page = changes(&h, &token, seq).await?;
    let written = enrollments(&page);
    assert_eq!(written.len(), 1, "{written:?}");
    let (new_seq, at, view) = &written[0];
    assert_eq!((*new_seq, view.state.as_str(), view.since), (seq + 1, "active", Some(activates_at)));
    assert_eq!(*at, h.clock.now());
    assert!(view.trial.is_some() && view.active_periods.len() == 1);
    // It is what a read shows, and subscribers were told.
    let read = csba_api::ApiClient::new(h.sandbox.base_url(), token.as_str())?.enrollment(Marketplace::Jp).await?;
    assert_eq!(&read, view);
    read_until(&mut stream, &mut seen, seq + 1).await?;

    // Written once: later sweeps find nothing more to do.
    let report = sweep(h.sandbox.db(), h.clock.now() + Duration::days(1)).await?;
    assert_eq!(report.enrollments, 0);
    assert!(!report.moved.iter().any(|(s, _)| s == &seller));
    assert_eq!(changes(&h, &token, seq + 1).await?.changes.len(), 0);
    drop(stream);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn jp_identity_verification_lapses_after_fourteen_days_in_the_feed() -> TestResult {
    let h = harness().await?;
    let (seller, token) = second_seller(&h, &[Marketplace::Jp, Marketplace::Us]).await?;
    let unverified = Eligibility {
        professional_plan: true,
        good_standing: true,
        identity_verified: false,
        responsive_contact: true,
        terms_accepted: false,
        invited: true,
    };
    csba_server::enrollments::set_eligibility(h.sandbox.db(), &seller, &unverified).await?;
    let waiting = enroll(&h, &token, "JP").await?;
    assert_eq!(waiting.state, "pending_identity_verification");
    let enrolled_at = waiting.enrolled_at.ok_or("no enrolled_at")?;
    // The US has no such limit: its wait never ends by itself.
    assert_eq!(enroll(&h, &token, "US").await?.state, "pending_identity_verification");
    let seq = changes(&h, &token, 0).await?.next_cursor.parse::<i64>()?;

    h.advance(Duration::days(13)).await?;
    assert!(changes(&h, &token, seq).await?.changes.is_empty());
    h.advance(Duration::days(2)).await?;
    let written = enrollments(&changes(&h, &token, seq).await?);
    assert_eq!(written.len(), 1, "{written:?}");
    let (_, _, view) = &written[0];
    assert_eq!((view.marketplace, view.state.as_str()), (Marketplace::Jp, "lapsed"));
    assert_eq!(view.lapsed_at, Some(enrolled_at + Duration::days(14)));
    assert_eq!(view.enrolled_at, Some(enrolled_at));

    // A year on, the US enrollment is still waiting, and nothing was written.
    h.advance(Duration::days(365)).await?;
    assert!(enrollments(&changes(&h, &token, seq + 1).await?).is_empty());
    let us = csba_api::ApiClient::new(h.sandbox.base_url(), token.as_str())?.enrollment(Marketplace::Us).await?;
    assert_eq!(us.state, "pending_identity_verification");
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn enrollments_marked_by_the_migration_are_looked_at_once() -> TestResult {
    // Migration 0004 marks every waiting enrollment `wakes_at = 0`; the
    // first sweep applies what is due and stores the real instant.
    let h = harness().await?;
    let (_, token) = second_seller(&h, &[Marketplace::Jp]).await?;
    let pending = enroll(&h, &token, "JP").await?;
    let db = h.sandbox.db();
    sqlx::query("UPDATE enrollments SET wakes_at = 0").execute(db.writes()).await?;
    let seq = changes(&h, &token, 0).await?.next_cursor.parse::<i64>()?;
    let report = sweep(db, h.clock.now()).await?;
    assert_eq!(report.enrollments, 0, "not due yet: nothing written");
    assert!(changes(&h, &token, seq).await?.changes.is_empty());
    let marked: Vec<Option<i64>> = sqlx::query_scalar("SELECT wakes_at FROM enrollments ORDER BY seller_id, marketplace")
        .fetch_all(db.reads())
        .await?;
    // The demo seller's two active enrollments never wake; ours at its activation.
    let activates_at = pending.activates_at.ok_or("no activates_at")?;
    let mut expected = vec![None, None, Some(activates_at.timestamp_millis())];
    expected.sort();
    let mut marked = marked;
    marked.sort();
    assert_eq!(marked, expected);
    h.sandbox.shutdown().await?;
    Ok(())
}
}

/// Reads the event stream until it announces `seq`.
async fn read_until(response: &mut reqwest::Response, seen: &mut String, seq: i64) -> TestResult {
    let wanted = format!("data: {{\"seq\":{seq}}}");
    tokio::time::timeout(std::time::Duration::from_secs(10), async {
        while !seen.contains(&wanted) {
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
