//! Shared set-up for the tests against the real server.
#![allow(dead_code)] // each test binary uses a different part of this module

pub mod http_request;
pub mod relay;

use csba_api::ApiClient;
use csba_store::{AccountId, Store};
use std::path::Path;
use std::sync::Mutex;

/// A replica at `path` with the seller behind `client` registered, as
/// `csba account add` would.
pub async fn replica_for(client: &ApiClient, path: &Path) -> Result<(Mutex<Store>, AccountId), csba_sync::SyncError> {
    let store = Mutex::new(Store::open(path)?);
    let account = csba_sync::register_remote(client, &store, chrono::Utc::now()).await?;
    Ok((store, account.id))
}

/// A replica with an account registered without asking the service (for a
/// service that cannot be reached).
pub fn replica_offline(path: &Path, url: &str) -> Result<(Mutex<Store>, AccountId), csba_sync::SyncError> {
    let mut store = Store::open(path)?;
    let seller = csba_store::SellerProfile {
        seller_id: "A1OFFLINE".into(),
        display_name: "Offline store".into(),
        marketplaces: vec![],
    };
    let account = store.add_remote_account(url, &seller, chrono::Utc::now())?;
    Ok((Mutex::new(store), account.id))
}

/// Moves the clock of a server started with a test clock.
pub async fn advance(client: &ApiClient, by: chrono::Duration) -> Result<(), csba_api::ClientError> {
    let body = serde_json::json!({ "advance_ms": by.num_milliseconds() });
    client.send("POST", "/v1/test/clock", Some(&body.to_string()), &uuid_like(by)).await?;
    Ok(())
}

/// A distinct idempotency key per move (the route ignores it; the client
/// always sends one).
fn uuid_like(by: chrono::Duration) -> String {
    format!("test-clock-{}-{}", by.num_milliseconds(), std::process::id())
}
