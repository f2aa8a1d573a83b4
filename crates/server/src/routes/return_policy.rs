use super::marketplace_path::seller_marketplace;
use crate::app::AppState;
use crate::auth::Seller;
use crate::error::Result;
use crate::json_body::JsonBody;
use axum::extract::{Path, State};
use axum::Json;
use csba_api::{Problem, ReturnPolicyHistory, ReturnPolicyVersion};
use csba_domain::policy::ReturnPolicy;

/// The current return policy and every version submitted, newest first.
#[utoipa::path(get, path = "/v1/marketplaces/{mp}/return-policy", tag = "return policy",
    params(("mp" = String, Path, description = "Marketplace code")),
    responses(
        (status = 200, body = ReturnPolicyHistory),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_policy(
    State(state): State<AppState>,
    seller: Seller,
    Path(mp): Path<String>,
) -> Result<Json<ReturnPolicyHistory>> {
    let marketplace = seller_marketplace(&state, &seller.id, &mp).await?;
    Ok(Json(crate::return_policies::history(&state.db, &seller.id, marketplace).await?))
}

/// Submit a return policy (the `ReturnPolicy` format of `csba policy check`).
/// The server checks it against the marketplace's rules in force; a 422
/// `return_policy_rejected` lists every violation with its rule id.
#[utoipa::path(put, path = "/v1/marketplaces/{mp}/return-policy", tag = "return policy",
    params(("mp" = String, Path, description = "Marketplace code"), crate::openapi::IdempotencyKey),
    request_body(content = Object, description = "A `ReturnPolicy` document"),
    responses(
        (status = 200, body = ReturnPolicyVersion),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`return_policy_rejected`: `errors[]` holds {code, rule}", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_policy(
    State(state): State<AppState>,
    seller: Seller,
    Path(mp): Path<String>,
    JsonBody(policy): JsonBody<ReturnPolicy>,
) -> Result<Json<ReturnPolicyVersion>> {
    let marketplace = seller_marketplace(&state, &seller.id, &mp).await?;
    Ok(Json(crate::return_policies::submit(&state.db, &seller.id, marketplace, policy, state.clock.now()).await?))
}
