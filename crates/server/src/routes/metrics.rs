use crate::app::AppState;
use crate::auth::Seller;
use crate::error::Result;
use axum::extract::State;
use axum::Json;
use csba_api::{MetricsReport, Problem};

/// Response time, A-to-z claim rate, negative feedback rate, order defect
/// rate, valid tracking rate, contacts per unit and the fee they imply,
/// per marketplace, from the stored data.
#[utoipa::path(get, path = "/v1/metrics", tag = "metrics",
    responses(
        (status = 200, body = MetricsReport),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_metrics(State(state): State<AppState>, seller: Seller) -> Result<Json<MetricsReport>> {
    let account = crate::sellers::account(&state.db, &seller.id).await?;
    Ok(Json(crate::metrics::report(&state.db, &seller.id, &account.marketplaces, state.clock.now()).await?))
}
