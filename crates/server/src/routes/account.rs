use crate::app::AppState;
use crate::auth::Seller;
use crate::error::Result;
use axum::extract::State;
use axum::Json;
use csba_api::Account;

pub async fn get_account(State(state): State<AppState>, seller: Seller) -> Result<Json<Account>> {
    Ok(Json(crate::sellers::account(&state.db, &seller.id).await?))
}
