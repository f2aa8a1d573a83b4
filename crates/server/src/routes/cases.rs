use crate::app::AppState;
use crate::auth::Seller;
use crate::error::Result;
use crate::json_body::JsonBody;
use crate::page::{Page, PageQuery};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use csba_api::{Case, CaseList, Problem, ReplyRequest};

/// The seller's escalation cases, most urgent first.
#[utoipa::path(get, path = "/v1/cases", tag = "cases", params(PageQuery),
    responses(
        (status = 200, body = CaseList),
        (status = 400, description = "`invalid_cursor`, or a `limit` out of range", body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    seller: Seller,
    Query(query): Query<PageQuery>,
) -> Result<Json<CaseList>> {
    let page = Page::from_query(&query)?;
    let (cases, next_cursor) = crate::cases::list_cases(&state.db, &seller.id, &page).await?;
    Ok(Json(CaseList { cases, next_cursor }))
}

/// One case with its thread.
#[utoipa::path(get, path = "/v1/cases/{id}", tag = "cases",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, body = Case),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_one(State(state): State<AppState>, seller: Seller, Path(id): Path<String>) -> Result<Json<Case>> {
    Ok(Json(crate::cases::get_case(&state.db, &seller.id, &id).await?))
}

/// Reply to a case. After `respond_by` the reply is accepted but marked
/// `late`; a case CSBA already resolved answers 409 `case_resolved`.
#[utoipa::path(post, path = "/v1/cases/{id}/replies", tag = "cases",
    params(("id" = String, Path, description = "Case id"), crate::openapi::IdempotencyKey),
    request_body = ReplyRequest,
    responses(
        (status = 201, description = "The case with the reply appended", body = Case),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`case_resolved`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn reply(
    State(state): State<AppState>,
    seller: Seller,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<ReplyRequest>,
) -> Result<(StatusCode, Json<Case>)> {
    let case = crate::replies::reply(&state.db, &seller.id, &id, &body, state.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(case)))
}
