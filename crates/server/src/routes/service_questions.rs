use crate::app::AppState;
use crate::auth::Seller;
use crate::error::Result;
use crate::json_body::JsonBody;
use crate::page::{Page, PageQuery};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::Json;
use csba_api::{Problem, ServiceQuestionCreate, ServiceQuestionList, ServiceQuestionView};

/// Ask the CSBA team about its handling of an order; the answer is due
/// within 48 hours (`answer_by`).
#[utoipa::path(post, path = "/v1/service-questions", tag = "feedback",
    params(crate::openapi::IdempotencyKey),
    request_body = ServiceQuestionCreate,
    responses(
        (status = 201, body = ServiceQuestionView),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such order", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn ask(
    State(state): State<AppState>,
    seller: Seller,
    JsonBody(body): JsonBody<ServiceQuestionCreate>,
) -> Result<(StatusCode, Json<ServiceQuestionView>)> {
    let account = crate::sellers::account(&state.db, &seller.id).await?;
    let view =
        crate::service_questions::ask(&state.db, &seller.id, &account.display_name, &body, state.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// The seller's questions, newest first.
#[utoipa::path(get, path = "/v1/service-questions", tag = "feedback", params(PageQuery),
    responses(
        (status = 200, body = ServiceQuestionList),
        (status = 400, description = "`invalid_cursor`, or a `limit` out of range", body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    seller: Seller,
    Query(query): Query<PageQuery>,
) -> Result<Json<ServiceQuestionList>> {
    let page = Page::from_query(&query)?;
    let (questions, next_cursor) = crate::service_questions::list(&state.db, &seller.id, &page).await?;
    Ok(Json(ServiceQuestionList { questions, next_cursor }))
}
