use super::marketplace_path::seller_marketplace;
use crate::app::AppState;
use crate::auth::Seller;
use crate::enrollments::{act, view, Action};
use crate::error::Result;
use crate::json_body::JsonBody;
use axum::extract::{Path, State};
use axum::Json;
use csba_api::{EnrollRequest, EnrollmentView, Problem};

/// The enrollment in one marketplace: state, timestamps, trial, checklist.
#[utoipa::path(get, path = "/v1/marketplaces/{mp}/enrollment", tag = "enrollment",
    params(("mp" = String, Path, description = "Marketplace code: `JP`, `US`")),
    responses(
        (status = 200, body = EnrollmentView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Not one of the seller's marketplaces", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_enrollment(
    State(state): State<AppState>,
    seller: Seller,
    Path(mp): Path<String>,
) -> Result<Json<EnrollmentView>> {
    let marketplace = seller_marketplace(&state, &seller.id, &mp).await?;
    Ok(Json(view(&state.db, &seller.id, marketplace, state.clock.now()).await?))
}

/// Enroll, accepting a version of the terms. Refused with
/// `enrollment_ineligible` (checklist) or `enrollment_conflict` (already enrolled).
#[utoipa::path(post, path = "/v1/marketplaces/{mp}/enrollment", tag = "enrollment",
    params(("mp" = String, Path, description = "Marketplace code"), crate::openapi::IdempotencyKey),
    request_body = EnrollRequest,
    responses(
        (status = 200, body = EnrollmentView),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`enrollment_conflict`; `errors[0].code` is the rule", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`enrollment_ineligible` or `idempotency_key_reused`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn enroll(
    State(state): State<AppState>,
    seller: Seller,
    Path(mp): Path<String>,
    JsonBody(body): JsonBody<EnrollRequest>,
) -> Result<Json<EnrollmentView>> {
    let marketplace = seller_marketplace(&state, &seller.id, &mp).await?;
    let action = Action::Enroll { terms_version: body.terms_version };
    Ok(Json(act(&state.db, &seller.id, marketplace, action, state.clock.now()).await?))
}

/// Pause CSBA: new MFN orders are the seller's own to answer again.
#[utoipa::path(post, path = "/v1/marketplaces/{mp}/enrollment/pause", tag = "enrollment",
    params(("mp" = String, Path, description = "Marketplace code"), crate::openapi::IdempotencyKey),
    responses(
        (status = 200, body = EnrollmentView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`enrollment_conflict` (`not_active`, `not_enrolled`, …)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn pause(
    State(state): State<AppState>,
    seller: Seller,
    Path(mp): Path<String>,
) -> Result<Json<EnrollmentView>> {
    let marketplace = seller_marketplace(&state, &seller.id, &mp).await?;
    Ok(Json(act(&state.db, &seller.id, marketplace, Action::Pause, state.clock.now()).await?))
}

/// Resume CSBA after a pause; it takes over again after the activation delay.
#[utoipa::path(post, path = "/v1/marketplaces/{mp}/enrollment/resume", tag = "enrollment",
    params(("mp" = String, Path, description = "Marketplace code"), crate::openapi::IdempotencyKey),
    responses(
        (status = 200, body = EnrollmentView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`enrollment_conflict` (`not_paused`, …)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn resume(
    State(state): State<AppState>,
    seller: Seller,
    Path(mp): Path<String>,
) -> Result<Json<EnrollmentView>> {
    let marketplace = seller_marketplace(&state, &seller.id, &mp).await?;
    Ok(Json(act(&state.db, &seller.id, marketplace, Action::Resume, state.clock.now()).await?))
}
