//! Shared set-up for the replica tests.

use csba_store::{AccountId, SellerProfile, Store, StoreError};
use std::path::Path;

/// Opens the replica at `path` with the test seller's account registered
/// (the same account, with the same id, every time).
pub fn open(path: &Path) -> Result<(Store, AccountId), StoreError> {
    let mut store = Store::open(path)?;
    let seller = SellerProfile {
        seller_id: "A1TEST".into(),
        display_name: "Test store".into(),
        marketplaces: vec![csba_domain::Marketplace::Jp],
    };
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, chrono::DateTime::UNIX_EPOCH)?;
    Ok((store, account.id))
}
