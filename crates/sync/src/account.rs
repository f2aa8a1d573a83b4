//! Learning who a token belongs to.

use crate::SyncError;
use chrono::{DateTime, Utc};
use csba_api::ApiClient;
use csba_store::{Account, SellerProfile, Store};
use std::sync::Mutex;

/// Asks the service whose token `client` carries.
pub async fn seller_profile(client: &ApiClient) -> Result<SellerProfile, SyncError> {
    let account = client.account().await?;
    Ok(SellerProfile {
        seller_id: account.seller_id,
        display_name: account.display_name,
        marketplaces: account.marketplaces,
    })
}

/// Registers the seller behind `client`'s token as a remote account of the
/// replica (or refreshes its name and marketplaces).
pub async fn register_remote(
    client: &ApiClient,
    store: &Mutex<Store>,
    now: DateTime<Utc>,
) -> Result<Account, SyncError> {
    let profile = seller_profile(client).await?;
    let account =
        store.lock().map_err(|_| SyncError::Poisoned)?.add_remote_account(client.base_url(), &profile, now)?;
    Ok(account)
}
