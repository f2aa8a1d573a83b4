//! The sync engine against the real reference server over loopback HTTP.

use chrono::{Duration, Utc};
use csba_api::ApiClient;
use csba_server::{ManualClock, Sandbox};
use csba_store::Store;
use std::sync::{Arc, Mutex};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::test]
async fn first_pull_fills_the_replica_and_measures_the_clock_offset() -> Result {
    let dir = tempfile::tempdir()?;
    // The server's clock runs 90 s ahead of ours.
    let server_now = Utc::now() + Duration::seconds(90);
    let clock = Arc::new(ManualClock::new(server_now));
    let sandbox = Sandbox::start(&dir.path().join("server.sqlite"), clock.clone()).await?;
    let client = ApiClient::new(sandbox.base_url(), sandbox.token())?;
    let store = Mutex::new(Store::open(&dir.path().join("replica.sqlite"))?);

    let outcome = csba_sync::pull_all(&client, &store, &Utc::now).await?;
    assert!(outcome.changes >= 6, "{outcome:?}");

    let replica = store.lock().map_err(|_| "poisoned")?;
    let inbox = replica.inbox()?;
    assert_eq!(inbox.len(), 6);
    assert!(inbox.iter().all(|c| c.item_title.is_some()), "orders arrive with their cases");
    // Most urgent first: the overdue case leads.
    assert!(inbox[0].respond_by < server_now);
    let offset = replica.sync_state()?.server_offset_ms;
    assert!((85_000..=95_000).contains(&offset), "offset {offset} ms");
    Ok(())
}

#[tokio::test]
async fn a_second_pull_fetches_only_what_changed() -> Result {
    let dir = tempfile::tempdir()?;
    let clock = Arc::new(ManualClock::new(Utc::now()));
    let sandbox = Sandbox::start(&dir.path().join("server.sqlite"), clock.clone()).await?;
    let client = ApiClient::new(sandbox.base_url(), sandbox.token())?;
    let store = Mutex::new(Store::open(&dir.path().join("replica.sqlite"))?);

    csba_sync::pull_all(&client, &store, &Utc::now).await?;
    let again = csba_sync::pull_all(&client, &store, &Utc::now).await?;
    assert_eq!(again.changes, 0);

    // Three days on, the demo adds a fresh batch; only that comes down.
    clock.advance(Duration::days(3));
    assert!(csba_server::ensure_demo_is_fresh(sandbox.db(), csba_server::Clock::now(clock.as_ref())).await?);
    let fresh = csba_sync::pull_all(&client, &store, &Utc::now).await?;
    assert!(fresh.changes > 0 && fresh.changes < 100, "{fresh:?}");
    assert_eq!(store.lock().map_err(|_| "poisoned")?.inbox()?.len(), 12);
    Ok(())
}

#[tokio::test]
async fn an_unreachable_service_is_a_transient_error() -> Result {
    let dir = tempfile::tempdir()?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let client = ApiClient::new(format!("http://127.0.0.1:{port}"), "csba_nothing")?;
    let store = Mutex::new(Store::open(&dir.path().join("replica.sqlite"))?);
    let error = csba_sync::pull_all(&client, &store, &Utc::now).await.err().ok_or("expected an error")?;
    assert!(error.is_transient(), "{error}");
    Ok(())
}
