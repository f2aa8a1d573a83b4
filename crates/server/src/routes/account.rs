use crate::app::AppState;
use crate::auth::Seller;
use crate::error::Result;
use axum::extract::State;
use axum::Json;
use csba_api::{Account, Problem};

/// The seller the bearer token belongs to.
#[utoipa::path(get, path = "/v1/account", tag = "account",
    responses(
        (status = 200, body = Account),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_account(State(state): State<AppState>, seller: Seller) -> Result<Json<Account>> {
    Ok(Json(crate::sellers::account(&state.db, &seller.id).await?))
}
