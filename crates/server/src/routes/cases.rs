use crate::app::AppState;
use crate::auth::Seller;
use crate::error::Result;
use axum::extract::{Path, State};
use axum::Json;
use csba_api::{Case, CaseList};

pub async fn list(State(state): State<AppState>, seller: Seller) -> Result<Json<CaseList>> {
    Ok(Json(CaseList { cases: crate::cases::list_cases(&state.db, &seller.id).await? }))
}

pub async fn get_one(State(state): State<AppState>, seller: Seller, Path(id): Path<String>) -> Result<Json<Case>> {
    Ok(Json(crate::cases::get_case(&state.db, &seller.id, &id).await?))
}
