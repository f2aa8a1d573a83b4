//! Every error leaves the service as RFC 9457 `application/problem+json`
//! with a stable `code`, including the ones produced by middleware (body
//! limit, timeout, unknown route, wrong method) that know nothing about us.

use crate::error::ServerError;
use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use csba_api::{Problem, ProblemCode};

impl ServerError {
    /// The problem document a client sees. Internal details stay in the
    /// log: database messages are not part of the contract.
    pub fn to_problem(&self) -> Problem {
        match self {
            ServerError::Unauthorized => Problem::new(ProblemCode::Unauthorized, "Authentication required")
                .with_detail("Send a valid, unrevoked token as `Authorization: Bearer csba_…`."),
            ServerError::NotFound(what) => {
                Problem::new(ProblemCode::NotFound, "Not found").with_detail(format!("No such {what}."))
            }
            ServerError::InvalidCursor(detail) => Problem::new(ProblemCode::InvalidCursor, "Invalid cursor")
                .with_detail(detail.clone())
                .with_field("cursor"),
            ServerError::CursorExpired(detail) => Problem::new(ProblemCode::CursorExpired, "Cursor expired")
                .with_detail(detail.clone())
                .with_field("cursor"),
            ServerError::Rejected(rejection) => (*rejection.0).clone(),
            ServerError::InvalidInput { field, message } => {
                Problem::new(ProblemCode::InvalidRequest, "Invalid request")
                    .with_detail(message.clone())
                    .with_field(*field)
            }
            // Every connection stayed busy for the whole wait: saturated.
            ServerError::Database(sqlx::Error::PoolTimedOut) => Problem::new(ProblemCode::Unavailable, "Service busy")
                .with_detail(format!(
                    "Every database connection stayed busy; retry after {RETRY_AFTER_SECONDS} s. Nothing was applied."
                )),
            ServerError::Database(_)
            | ServerError::Migration { .. }
            | ServerError::Io(_)
            | ServerError::Json(_)
            | ServerError::InvalidDatabaseUrl(_)
            | ServerError::Corrupt(_) => Problem::new(ProblemCode::Internal, "Internal error"),
        }
    }
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        let problem = self.to_problem();
        if problem.code == ProblemCode::Internal {
            tracing::error!(error = %self, "request failed");
        }
        let mut response = problem_response(&problem);
        if problem.code == ProblemCode::Unauthorized {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if problem.code == ProblemCode::Unavailable {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
        }
        response
    }
}

/// What a saturated service asks clients to wait before retrying.
pub const RETRY_AFTER_SECONDS: u64 = 1;

pub fn problem_response(problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_default();
    let mut response = (status, body).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(Problem::CONTENT_TYPE));
    response
}

/// Router fallback: unknown paths.
pub async fn not_found() -> Response {
    ServerError::NotFound("resource at this path".to_owned()).into_response()
}

/// Middleware: turn any bare error response (from tower-http layers or
/// axum's extractors) into a problem document, keeping status and headers
/// such as `Allow`.
pub async fn problems_for_bare_errors(response: Response) -> Response {
    let status = response.status();
    let is_problem = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(Problem::CONTENT_TYPE.as_bytes()));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return response;
    }
    let (code, title) = match status {
        StatusCode::NOT_FOUND => (ProblemCode::NotFound, "Not found"),
        StatusCode::UNAUTHORIZED => (ProblemCode::Unauthorized, "Authentication required"),
        StatusCode::PAYLOAD_TOO_LARGE => (ProblemCode::PayloadTooLarge, "Request body too large"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => (ProblemCode::UnsupportedMediaType, "Unsupported media type"),
        StatusCode::METHOD_NOT_ALLOWED => (ProblemCode::InvalidRequest, "Method not allowed"),
        StatusCode::REQUEST_TIMEOUT => (ProblemCode::RequestTimeout, "The request took too long"),
        s if s.is_client_error() => (ProblemCode::InvalidRequest, "Invalid request"),
        _ => (ProblemCode::Internal, "Internal error"),
    };
    let mut problem = Problem::new(code, title);
    // The HTTP status stays what the layer chose (405, 408…), even where
    // our code's default status differs.
    problem.status = status.as_u16();
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(Problem::CONTENT_TYPE));
    Response::from_parts(parts, Body::from(serde_json::to_vec(&problem).unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saturated_pool_is_503_unavailable_with_retry_after_not_internal() {
        let response = ServerError::Database(sqlx::Error::PoolTimedOut).into_response();
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers().get(header::RETRY_AFTER).and_then(|v| v.to_str().ok()), Some("1"));
        let other = ServerError::Database(sqlx::Error::RowNotFound).into_response();
        assert_eq!(other.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(other.headers().get(header::RETRY_AFTER).is_none());
    }
}
