//! `Idempotency-Key` on every POST and PUT of `/v1`.
//!
//! The app sends from an outbox and retries after every network failure, so
//! the same request can arrive twice, hours apart, or twice at once. The
//! first request with a key claims it (an `INSERT` that only one of several
//! concurrent requests can win), runs, and stores its exact response; every
//! later request with that key gets those bytes back without running again.
//!
//! A request that finds the key claimed but not yet completed *waits* for
//! the first one's response (polling, up to [`WAIT_FOR_FIRST`]) and then
//! replays it; only if the first is still running after that does it get
//! `409 idempotency_key_in_flight`. A first request that failed with a 5xx
//! releases its claim, so the retry runs for real. A claim left behind by a
//! server that died mid-request is taken over after [`STALE_CLAIM`] (longer
//! than the request timeout): the one window in which a request could apply
//! twice is a crash after its transaction committed and before its response
//! was stored.
//!
//! Keys are per seller, and kept [`RETENTION`] (sellers stay offline for
//! days); [`purge`] deletes older ones.

use crate::app::{AppState, BODY_LIMIT_BYTES, REQUEST_TIMEOUT};
use crate::auth::Seller;
use crate::db::{to_ms, Db};
use crate::error::Result;
use crate::problem_response::problem_response;
use axum::body::{to_bytes, Body};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use csba_api::{Problem, ProblemCode};
use sha2::{Digest, Sha256};

pub const HEADER: &str = "Idempotency-Key";
/// Set on a response that is the replay of a stored one.
pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";
/// Keys live at least this long.
pub const RETENTION: Duration = Duration::days(30);
/// How long a duplicate waits for the first request's response.
pub const WAIT_FOR_FIRST: std::time::Duration = std::time::Duration::from_secs(10);
const POLL: std::time::Duration = std::time::Duration::from_millis(20);
/// An in-flight claim older than this belongs to a request that can no
/// longer be running (twice the request timeout).
pub const STALE_CLAIM: Duration = Duration::seconds(2 * REQUEST_TIMEOUT.as_secs() as i64);
const MAX_KEY_LEN: usize = 255;

const IN_FLIGHT: &str = "in_flight";
const DONE: &str = "done";

/// Middleware for the `/v1` routes; GET and friends pass straight through.
pub async fn enforce(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST && request.method() != Method::PUT {
        return next.run(request).await;
    }
    match run_once(&state, request, next).await {
        Ok(response) | Err(response) => response,
    }
}

async fn run_once(state: &AppState, request: Request, next: Next) -> Result<Response, Response> {
    let (mut parts, body) = request.into_parts();
    // Authentication comes first: without a seller there is no key scope,
    // and a stranger must not learn whether a key exists.
    let seller = Seller::from_request_parts(&mut parts, state).await.map_err(IntoResponse::into_response)?;
    let key = key_of(parts.headers.get(HEADER)).map_err(|p| problem_response(&p))?;
    let body = to_bytes(body, BODY_LIMIT_BYTES)
        .await
        .map_err(|_| problem_response(&Problem::new(ProblemCode::PayloadTooLarge, "Request body too large")))?;
    let path = parts.uri.path_and_query().map_or_else(|| parts.uri.path().to_owned(), |p| p.as_str().to_owned());
    let hash = request_hash(parts.method.as_str(), &path, &body);

    if let Some(stored) = claim_or_wait(state, &seller.id, &key, &hash).await.map_err(IntoResponse::into_response)? {
        return Ok(stored);
    }
    parts.extensions.insert(seller.clone());
    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    Ok(complete(&state.db, &seller.id, &key, response).await)
}

fn key_of(value: Option<&HeaderValue>) -> Result<String, Box<Problem>> {
    let key = value.and_then(|v| v.to_str().ok()).map(str::trim).unwrap_or_default();
    if key.is_empty() {
        return Err(Box::new(
            Problem::new(ProblemCode::IdempotencyKeyMissing, "Idempotency-Key header required")
                .with_detail("Every POST and PUT takes an `Idempotency-Key` (a UUID is a good choice).")
                .with_field(HEADER),
        ));
    }
    if key.len() > MAX_KEY_LEN || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Box::new(
            Problem::new(ProblemCode::InvalidRequest, "Invalid Idempotency-Key")
                .with_detail(format!("At most {MAX_KEY_LEN} visible ASCII characters."))
                .with_field(HEADER),
        ));
    }
    Ok(key.to_owned())
}

/// SHA-256 over method, path (with query) and body, with separators so no
/// two different requests concatenate alike.
pub fn request_hash(method: &str, path: &str, body: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(method.as_bytes());
    h.update([0]);
    h.update(path.as_bytes());
    h.update([0]);
    h.update(body);
    hex::encode(h.finalize())
}

type KeyRow = (String, String, Option<i64>, Option<String>, Option<String>, i64);

/// `Ok(None)`: this request owns the key and must run. `Ok(Some(r))`: the
/// answer is `r` (a replay, or a problem) and the request must not run.
async fn claim_or_wait(state: &AppState, seller_id: &str, key: &str, hash: &str) -> Result<Option<Response>> {
    let waited_since = tokio::time::Instant::now();
    loop {
        let now = state.clock.now();
        let claimed = sqlx::query(
            "INSERT INTO idempotency_keys (seller_id, idem_key, request_hash, state, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (seller_id, idem_key) DO NOTHING",
        )
        .bind(seller_id)
        .bind(key)
        .bind(hash)
        .bind(IN_FLIGHT)
        .bind(to_ms(now))
        .execute(state.db.writes())
        .await?;
        if claimed.rows_affected() == 1 {
            return Ok(None);
        }
        let row: Option<KeyRow> = sqlx::query_as(
            "SELECT request_hash, state, response_status, response_content_type, response_body, created_at \
             FROM idempotency_keys WHERE seller_id = $1 AND idem_key = $2",
        )
        .bind(seller_id)
        .bind(key)
        .fetch_optional(state.db.reads())
        .await?;
        // Purged or released between the two statements: claim again.
        let Some((stored_hash, row_state, status, content_type, body, created_at)) = row else { continue };
        if stored_hash != hash {
            return Ok(Some(problem_response(
                &Problem::new(ProblemCode::IdempotencyKeyReused, "Idempotency-Key already used for another request")
                    .with_detail("This key was first sent with another method, path or body; use a new key.")
                    .with_field(HEADER),
            )));
        }
        if row_state == DONE {
            return Ok(Some(replay(status, content_type, body)));
        }
        if created_at < to_ms(now - STALE_CLAIM) && take_over(&state.db, seller_id, key, created_at, now).await? {
            return Ok(None);
        }
        if waited_since.elapsed() >= WAIT_FOR_FIRST {
            return Ok(Some(problem_response(
                &Problem::new(ProblemCode::IdempotencyKeyInFlight, "A request with this Idempotency-Key is running")
                    .with_detail("Retry later with the same key to get its response.")
                    .with_field(HEADER),
            )));
        }
        tokio::time::sleep(POLL).await;
    }
}

async fn take_over(db: &Db, seller_id: &str, key: &str, created_at: i64, now: DateTime<Utc>) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE idempotency_keys SET created_at = $1 \
         WHERE seller_id = $2 AND idem_key = $3 AND state = $4 AND created_at = $5",
    )
    .bind(to_ms(now))
    .bind(seller_id)
    .bind(key)
    .bind(IN_FLIGHT)
    .bind(created_at)
    .execute(db.writes())
    .await?;
    Ok(done.rows_affected() == 1)
}

fn replay(status: Option<i64>, content_type: Option<String>, body: Option<String>) -> Response {
    let status = status
        .and_then(|s| u16::try_from(s).ok())
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, body.unwrap_or_default()).into_response();
    let headers = response.headers_mut();
    match content_type.and_then(|c| HeaderValue::from_str(&c).ok()) {
        Some(c) => headers.insert(header::CONTENT_TYPE, c),
        None => headers.remove(header::CONTENT_TYPE),
    };
    headers.insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
    response
}

/// Stores the first response under the key, or releases the key when the
/// response must not be replayed (a server error: the retry should run).
async fn complete(db: &Db, seller_id: &str, key: &str, response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "could not buffer a response");
            release(db, seller_id, key).await;
            return problem_response(&Problem::new(ProblemCode::Internal, "Internal error"));
        }
    };
    let text = std::str::from_utf8(&bytes).ok();
    match text.filter(|_| !parts.status.is_server_error()) {
        Some(text) => {
            let content_type = parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
            let stored = sqlx::query(
                "UPDATE idempotency_keys SET state = $1, response_status = $2, response_content_type = $3, \
                 response_body = $4 WHERE seller_id = $5 AND idem_key = $6",
            )
            .bind(DONE)
            .bind(i64::from(parts.status.as_u16()))
            .bind(content_type)
            .bind(text)
            .bind(seller_id)
            .bind(key)
            .execute(db.writes())
            .await;
            if let Err(e) = stored {
                tracing::error!(error = %e, "could not store an idempotent response");
            }
        }
        None => release(db, seller_id, key).await,
    }
    Response::from_parts(parts, Body::from(bytes))
}

async fn release(db: &Db, seller_id: &str, key: &str) {
    let released = sqlx::query("DELETE FROM idempotency_keys WHERE seller_id = $1 AND idem_key = $2 AND state = $3")
        .bind(seller_id)
        .bind(key)
        .bind(IN_FLIGHT)
        .execute(db.writes())
        .await;
    if let Err(e) = released {
        tracing::error!(error = %e, "could not release an idempotency key");
    }
}

/// Deletes keys created more than [`RETENTION`] before `now`; returns how
/// many. For the sweeper.
pub async fn purge(db: &Db, now: DateTime<Utc>) -> Result<u64> {
    let done = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
        .bind(to_ms(now - RETENTION))
        .execute(db.writes())
        .await?;
    Ok(done.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_separates_method_path_and_body() {
        assert_ne!(request_hash("POST", "/a", b"b"), request_hash("POST", "/ab", b""));
        assert_ne!(request_hash("POST", "/a", b"{}"), request_hash("PUT", "/a", b"{}"));
        assert_eq!(request_hash("POST", "/a", b"{}"), request_hash("POST", "/a", b"{}"));
    }

    #[test]
    fn keys_are_required_and_bounded() {
        assert!(key_of(None).is_err());
        assert!(key_of(Some(&HeaderValue::from_static("  "))).is_err());
        assert!(key_of(Some(&HeaderValue::from_static("a b"))).is_err());
        assert_eq!(key_of(Some(&HeaderValue::from_static(" 6f1c-2 "))).ok().as_deref(), Some("6f1c-2"));
    }
}
