//! The HTTP application: shared state, the router with its middleware, and
//! the serve loop used by the binary, the sandbox and the tests alike.

use crate::clock::Clock;
use crate::db::Db;
use crate::error::Result;
use crate::problem_response::{not_found, problems_for_bare_errors};
use crate::routes;
use axum::http::StatusCode;
use axum::Router;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// Requests carry at most a batch of tracking IDs or a reply; 1 MiB is
/// generous and keeps a misbehaving client from filling memory.
pub const BODY_LIMIT_BYTES: usize = 1024 * 1024;
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
}

impl AppState {
    pub fn new(db: Db, clock: Arc<dyn Clock>) -> Self {
        AppState { db, clock }
    }
}

pub fn router(state: AppState) -> Router {
    routes::v1()
        .fallback(not_found)
        .with_state(state)
        // Innermost first. Each `layer` call hands the next one a plain
        // `Response<Body>`, so the problem mapper sees what the body limit
        // and the timeout produce.
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        .layer(axum::middleware::map_response(problems_for_bare_errors))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}

/// Serves until the process ends.
pub async fn serve(listener: TcpListener, state: AppState) -> Result<()> {
    serve_until(listener, state, std::future::pending()).await
}

/// Serves until `shutdown` completes, then lets in-flight requests finish.
pub async fn serve_until(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<()> {
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown).await?;
    Ok(())
}
