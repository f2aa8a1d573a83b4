//! The `{mp}` path segment: a marketplace the seller sells on. Any other
//! marketplace (or a code that is not one) answers 404, like any id that
//! is not the seller's.

use crate::app::AppState;
use crate::error::{Result, ServerError};
use csba_domain::Marketplace;

pub async fn seller_marketplace(state: &AppState, seller_id: &str, raw: &str) -> Result<Marketplace> {
    let not_found = || ServerError::NotFound("marketplace".to_owned());
    let marketplace: Marketplace = raw.parse().map_err(|_| not_found())?;
    let account = crate::sellers::account(&state.db, seller_id).await?;
    account.marketplaces.contains(&marketplace).then_some(marketplace).ok_or_else(not_found)
}
