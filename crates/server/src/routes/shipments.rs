use crate::app::AppState;
use crate::auth::Seller;
use crate::error::Result;
use crate::json_body::JsonBody;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use csba_api::{Problem, ShipmentConfirmationBatch, ShipmentConfirmationResult};

/// Confirm shipment of orders with their tracking IDs. Every row is checked
/// (tracking format and check digit, carrier, the order's state, duplicates
/// in the batch, a tracking ID already used by another order, ship date);
/// if any row fails, nothing is applied and the 422 lists every row's
/// problems as `errors` with JSON pointers `/confirmations/{i}/{field}`.
///
/// Row codes on `/confirmations/{i}/order_id`: `unknown_order` (no such
/// order of this seller), `order_cancelled`, `order_pending` (payment not
/// yet confirmed: it must not be shipped), `order_already_shipped` (shipped
/// or delivered with another tracking ID; `detail` names it; a row
/// repeating exactly the confirmed tracking ID and carrier is accepted and
/// changes nothing), `duplicate_order_in_batch`. On `tracking_number`: the
/// tracking rejections (`check_digit_mismatch`, `unknown_format`, …),
/// `duplicate_tracking_in_batch`, `tracking_reused`; on `carrier`:
/// `unknown_carrier`; on `ship_date`: `ship_date_in_future`,
/// `ship_date_before_order`.
///
/// Each order shipped is recorded in the change feed with status `shipped`
/// and its `tracking`.
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
) -> Result<impl IntoResponse> {
    let confirmed = crate::shipments::confirm(&state.db, &seller.id, &batch.confirmations, state.clock.now()).await?;
    // A `ShipmentConfirmationResult`, serialized already (see `Confirmed`).
    Ok(([(header::CONTENT_TYPE, "application/json")], confirmed.json))
}
