use axum::http::header;
use axum::response::IntoResponse;

/// `GET /openapi.json`: the API description, without authentication.
pub async fn document() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], crate::openapi::json())
}
