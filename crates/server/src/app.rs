//! The HTTP application: shared state, the router with its middleware, and
//! the serve loop used by the binary, the sandbox and the tests alike.

use crate::clock::{Clock, ManualClock};
use crate::db::Db;
use crate::error::Result;
use crate::events::{notify_after_writes, Events};
use crate::problem_response::{not_found, problems_for_bare_errors};
use crate::rate_limit::{Rate, RateLimits};
use crate::routes;
use crate::team::TeamPace;
use axum::http::StatusCode;
use axum::routing::{get, post};
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
    /// Announces committed changes to `GET /v1/events` streams.
    pub events: Events,
    /// Set only for test servers: then `POST /v1/test/clock` exists.
    pub test_clock: Option<ManualClock>,
    /// How fast the simulated CSBA team answers and decides.
    pub team: TeamPace,
    /// How long a request may take, its body's arrival included.
    pub request_timeout: Duration,
    /// Requests per API token.
    pub rate_limits: RateLimits,
}

impl AppState {
    pub fn new(db: Db, clock: Arc<dyn Clock>) -> Self {
        AppState {
            db,
            clock,
            events: Events::default(),
            test_clock: None,
            team: TeamPace::default(),
            request_timeout: REQUEST_TIMEOUT,
            rate_limits: RateLimits::new(Rate::SERVICE),
        }
    }

    /// The same with each token allowed `rate`.
    pub fn with_rate(self, rate: Rate) -> Self {
        AppState { rate_limits: RateLimits::new(rate), ..self }
    }

    /// The same with requests cut off after `timeout` (tests of a stalled body).
    pub fn with_request_timeout(self, timeout: Duration) -> Self {
        AppState { request_timeout: timeout, ..self }
    }

    /// The same with the CSBA team at another pace.
    pub fn with_team(self, team: TeamPace) -> Self {
        AppState { team, ..self }
    }

    /// A test server: `clock` is the service's clock and can be moved over HTTP.
    pub fn with_test_clock(db: Db, clock: ManualClock) -> Self {
        AppState { test_clock: Some(clock.clone()), ..AppState::new(db, Arc::new(clock)) }
    }
}

pub fn router(state: AppState) -> Router {
    let timeout = state.request_timeout;
    let mut v1 = routes::v1(state.clone()).route("/v1/events", get(routes::events::stream));
    if state.test_clock.is_some() {
        v1 = v1.route("/v1/test/clock", post(routes::test_clock::move_clock));
    }
    v1.fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), notify_after_writes))
        .layer(axum::middleware::from_fn(no_nul_in_path))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::rate_limit::enforce))
        .with_state(state)
        // Innermost first. Each `layer` call hands the next one a plain
        // `Response<Body>`, so the problem mapper sees what the body limit
        // and the timeout produce.
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
        .layer(axum::middleware::map_response(problems_for_bare_errors))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}

/// No id holds NUL, and PostgreSQL cannot even compare text with one: a
/// path that decodes to it names nothing, on either backend.
async fn no_nul_in_path(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    if request.uri().path().as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"%00")) {
        return not_found().await;
    }
    next.run(request).await
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
    let events = state.events.clone();
    // On PostgreSQL other instances may write to the same database: hear
    // their news for as long as this server runs.
    #[cfg(feature = "postgres")]
    let _news = (state.db.backend() == crate::db::Backend::Postgres)
        .then(|| AbortOnDrop(crate::pg_news::spawn(state.db.clone(), state.events.clone())));
    let shutdown = async move {
        shutdown.await;
        // Event streams never end by themselves; graceful shutdown would
        // wait for them forever.
        events.close();
    };
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown).await?;
    Ok(())
}

/// Ends a background task when the server that started it ends, also when
/// the server's own future is dropped (a test aborting it).
#[cfg(feature = "postgres")]
struct AbortOnDrop(tokio::task::JoinHandle<()>);

#[cfg(feature = "postgres")]
impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}
