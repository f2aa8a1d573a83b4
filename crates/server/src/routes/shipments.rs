use crate::app::AppState;
use crate::auth::Seller;
use crate::error::Result;
use crate::json_body::JsonBody;
use axum::extract::State;
use axum::Json;
use csba_api::{Problem, ShipmentConfirmationBatch, ShipmentConfirmationResult};

/// Confirm shipment of orders with their tracking IDs. Every row is checked
/// (tracking format and check digit, carrier, unknown or cancelled orders,
/// duplicates in the batch, a tracking ID already used by another order,
/// ship date); if any row fails, nothing is applied and the 422 lists every
/// row's problems as `errors` with JSON pointers `/confirmations/{i}/{field}`.
#[utoipa::path(post, path = "/v1/shipment-confirmations", tag = "orders",
    params(crate::openapi::IdempotencyKey),
    request_body = ShipmentConfirmationBatch,
    responses(
        (status = 200, body = ShipmentConfirmationResult),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`shipment_rejected` with every row's problems", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn confirm(
    State(state): State<AppState>,
    seller: Seller,
    JsonBody(batch): JsonBody<ShipmentConfirmationBatch>,
) -> Result<Json<ShipmentConfirmationResult>> {
    Ok(Json(crate::shipments::confirm(&state.db, &seller.id, &batch.confirmations, state.clock.now()).await?))
}
