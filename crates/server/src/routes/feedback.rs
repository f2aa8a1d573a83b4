use crate::app::AppState;
use crate::auth::Seller;
use crate::error::Result;
use crate::json_body::JsonBody;
use crate::page::{Page, PageQuery};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use csba_api::{FeedbackList, Problem, RemovalRequestCreate, RemovalRequestView};

/// Buyer feedback, newest first, with removal eligibility computed now.
#[utoipa::path(get, path = "/v1/feedback", tag = "feedback", params(PageQuery),
    responses(
        (status = 200, body = FeedbackList),
        (status = 400, description = "`invalid_cursor`, or a `limit` out of range", body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    seller: Seller,
    Query(query): Query<PageQuery>,
) -> Result<Json<FeedbackList>> {
    let page = Page::from_query(&query)?;
    let (feedback, next_cursor) = crate::feedback::list(&state.db, &seller.id, state.clock.now(), &page).await?;
    Ok(Json(FeedbackList { feedback, next_cursor }))
}

/// Request removal of a feedback. The 90-day window and the ground's
/// conditions are enforced; `removal_not_allowed` says which failed.
#[utoipa::path(post, path = "/v1/feedback/{id}/removal-requests", tag = "feedback",
    params(("id" = String, Path, description = "Feedback id"), crate::openapi::IdempotencyKey),
    request_body = RemovalRequestCreate,
    responses(
        (status = 201, body = RemovalRequestView),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`removal_already_requested`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`removal_not_allowed`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn request_removal(
    State(state): State<AppState>,
    seller: Seller,
    Path(id): Path<String>,
    JsonBody(body): JsonBody<RemovalRequestCreate>,
) -> Result<(StatusCode, Json<RemovalRequestView>)> {
    let account = crate::sellers::account(&state.db, &seller.id).await?;
    let view =
        crate::feedback::request_removal(&state.db, &seller.id, &account.display_name, &id, &body, state.clock.now())
            .await?;
    Ok((StatusCode::CREATED, Json(view)))
}
