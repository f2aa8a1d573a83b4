//! The sync engine against the real reference server over loopback HTTP.

use chrono::{Duration, Utc};
use csba_api::ApiClient;
use csba_server::{ManualClock, Sandbox};

use std::sync::Arc;

mod common;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::test]
async fn first_pull_fills_the_replica_and_measures_the_clock_offset() -> Result {
    let dir = tempfile::tempdir()?;
    // The server's clock runs 90 s ahead of ours.
    let server_now = Utc::now() + Duration::seconds(90);
    let clock = Arc::new(ManualClock::new(server_now));
    let sandbox = Sandbox::start(&dir.path().join("server.sqlite"), clock.clone()).await?;
    let client = ApiClient::new(sandbox.base_url(), sandbox.token())?;
    let (store, acct) = common::replica_for(&client, &dir.path().join("replica.sqlite")).await?;

    let outcome = csba_sync::pull_all(&client, &store, acct, &Utc::now).await?;
    assert!(outcome.changes >= 6, "{outcome:?}");

    let replica = store.lock().map_err(|_| "poisoned")?;
    let inbox = replica.inbox()?;
    assert_eq!(inbox.len(), 6);
    assert!(inbox.iter().all(|c| c.item_title.is_some()), "orders arrive with their cases");
    // Most urgent first: the overdue case leads.
    assert!(inbox[0].respond_by < server_now);
    let offset = replica.sync_state(acct)?.server_offset_ms;
    assert!((85_000..=95_000).contains(&offset), "offset {offset} ms");
    Ok(())
}

#[tokio::test]
async fn a_second_pull_fetches_only_what_changed() -> Result {
    let dir = tempfile::tempdir()?;
    let clock = Arc::new(ManualClock::new(Utc::now()));
    let sandbox = Sandbox::start(&dir.path().join("server.sqlite"), clock.clone()).await?;
    let client = ApiClient::new(sandbox.base_url(), sandbox.token())?;
    let (store, acct) = common::replica_for(&client, &dir.path().join("replica.sqlite")).await?;

    csba_sync::pull_all(&client, &store, acct, &Utc::now).await?;
    let again = csba_sync::pull_all(&client, &store, acct, &Utc::now).await?;
    assert_eq!(again.changes, 0);

    // Three days on, the demo adds a fresh batch; only that comes down.
    clock.advance(Duration::days(3));
    assert!(csba_server::ensure_demo_is_fresh(sandbox.db(), csba_server::Clock::now(clock.as_ref())).await?);
    let fresh = csba_sync::pull_all(&client, &store, acct, &Utc::now).await?;
    assert!(fresh.changes > 0 && fresh.changes < 100, "{fresh:?}");
    assert_eq!(store.lock().map_err(|_| "poisoned")?.inbox()?.len(), 12);
    Ok(())
}

#[tokio::test]
async fn an_unreachable_service_is_a_transient_error() -> Result {
    let dir = tempfile::tempdir()?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let url = format!("http://127.0.0.1:{port}");
    let client = ApiClient::new(&url, "csba_nothing")?;
    let (store, acct) = common::replica_offline(&dir.path().join("replica.sqlite"), &url)?;
    let error = csba_sync::pull_all(&client, &store, acct, &Utc::now).await.err().ok_or("expected an error")?;
    assert!(error.is_transient(), "{error}");
    Ok(())
}

#[tokio::test]
async fn an_expired_cursor_rebuilds_the_replica_and_keeps_drafts_and_the_outbox() -> Result {
    let dir = tempfile::tempdir()?;
    let clock = ManualClock::new(Utc::now());
    let sandbox = Sandbox::start_with_test_clock(&dir.path().join("server.sqlite"), clock).await?;
    let client = ApiClient::new(sandbox.base_url(), sandbox.token())?;
    let (store, acct) = common::replica_for(&client, &dir.path().join("replica.sqlite")).await?;
    csba_sync::pull_all(&client, &store, acct, &Utc::now).await?;
    let (case_id, queued) = {
        let mut replica = store.lock().map_err(|_| "poisoned")?;
        let case_id = replica.inbox()?.first().ok_or("demo cases")?.id.clone();
        replica.save_draft(acct, &case_id, "書きかけの返信", Utc::now())?;
        let queued = replica.reply_to_case(acct, "other-case", "queued while away", None, Utc::now())?;
        (case_id, queued)
    };

    // Offline for longer than the feed is kept: the next pull gets a 410.
    common::advance(&client, Duration::days(8)).await?;
    common::advance(&client, csba_server::sweeper::FEED_RETENTION + Duration::days(1)).await?;
    let outcome = csba_sync::pull_all(&client, &store, acct, &Utc::now).await?;
    assert!(outcome.resynced, "{outcome:?}");

    let replica = store.lock().map_err(|_| "poisoned")?;
    let inbox = replica.inbox()?;
    assert_eq!(inbox.len(), 6, "every case is back, once");
    assert!(inbox.iter().all(|c| c.status.as_str() == "resolved_by_csba"));
    assert_eq!(replica.draft(acct, &case_id)?.map(|d| d.body).as_deref(), Some("書きかけの返信"));
    assert_eq!(replica.outbox()?, vec![queued]);
    assert!(replica.sync_state(acct)?.cursor.is_some());
    Ok(())
}

/// Bytes the server sends for an incremental pull after one case changed.
async fn incremental_bytes(extra_cases: usize) -> Result<u64> {
    let dir = tempfile::tempdir()?;
    let clock = Arc::new(ManualClock::new(Utc::now()));
    let sandbox = Sandbox::start(&dir.path().join("server.sqlite"), clock.clone()).await?;
    // Settle the demo's overdue case first, so the background sweep adds
    // nothing to the feed while we measure.
    csba_server::sweeper::sweep(sandbox.db(), csba_server::Clock::now(clock.as_ref())).await?;
    let direct = ApiClient::new(sandbox.base_url(), sandbox.token())?;
    let template = direct
        .cases()
        .await?
        .cases
        .into_iter()
        .find(|c| c.status.as_str() == "open" && c.respond_by > Utc::now())
        .ok_or("an open demo case")?;
    let mut tx = sandbox.db().writes().begin().await?;
    for n in 0..extra_cases {
        let case = csba_api::Case { id: format!("bulk-{n:05}"), ..template.clone() };
        csba_server::cases::put_case(&mut tx, sandbox.seller_id(), &case, Utc::now()).await?;
    }
    tx.commit().await?;

    let counted = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let upstream = sandbox.base_url().trim_start_matches("http://").parse()?;
    let relay = common::relay::counting_relay(upstream, counted.clone()).await?;
    let client = ApiClient::new(format!("http://{relay}"), sandbox.token())?;
    let (store, acct) = common::replica_for(&client, &dir.path().join("replica.sqlite")).await?;
    let first = csba_sync::pull_all(&client, &store, acct, &Utc::now).await?;
    assert!(first.changes > extra_cases, "{first:?}");

    let reply =
        csba_api::ReplyRequest { body: "交換品を本日発送しました。".into(), language: Some("ja".into()) };
    direct.reply(&template.id, &reply, "one-change").await?;
    counted.store(0, std::sync::atomic::Ordering::SeqCst);
    let one = csba_sync::pull_all(&client, &store, acct, &Utc::now).await?;
    assert_eq!(one.changes, 1, "{one:?}");
    Ok(counted.load(std::sync::atomic::Ordering::SeqCst))
}

#[tokio::test]
async fn an_incremental_pull_costs_the_same_with_2000_unchanged_cases() -> Result {
    let small = incremental_bytes(0).await?;
    let large = incremental_bytes(2_000).await?;
    // Only the changed case travels; the cursor has a few more digits and
    // compression varies by a few bytes.
    assert!(large.abs_diff(small) <= 64, "6 cases: {small} B, 2,006 cases: {large} B");
    assert!(large < 8 * 1024, "{large} B for one changed case");
    Ok(())
}
