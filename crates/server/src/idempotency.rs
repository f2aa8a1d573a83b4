//! `Idempotency-Key` on every POST and PUT of `/v1`.
//!
//! The app sends from an outbox and retries after every network failure, so
//! the same request can arrive twice, hours apart, or twice at once. A key
//! whose response is stored gets those bytes back without running again.
//! Otherwise the request runs, and its first write claims the key inside
//! the write's own transaction ([`crate::write_tx`]); the response is stored
//! under the key through that transaction, which then commits once. So the
//! effect and its recorded response commit together: a server killed at any
//! point leaves both or neither, and the retry replays or runs afresh.
//!
//! Two requests with one key at the same moment (on one instance or two)
//! meet at the claim: PostgreSQL makes the second's claim wait for the
//! first's transaction, SQLite's one writer orders them; the second then
//! finds the key done and replays the first's response. A first request
//! that failed with a 5xx rolls back and leaves no key, so the retry runs
//! for real. A request that wrote nothing (refused before any write) has its
//! response stored on its own: there is no effect to keep it together with.
//!
//! Keys are per seller, and kept [`RETENTION`] (sellers stay offline for
//! days); [`purge`] deletes older ones.

use crate::app::{AppState, BODY_LIMIT_BYTES};
use crate::auth::Seller;
use crate::db::{to_ms, Db};
use crate::error::Result;
use crate::problem_response::problem_response;
use crate::write_tx::{claim_in, Claim, Outcome, RequestTx, DONE};
use axum::body::{to_bytes, Body};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{header, response::Parts, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use csba_api::{Problem, ProblemCode};
use sha2::{Digest, Sha256};
use sqlx::{Any, Transaction};

pub const HEADER: &str = "Idempotency-Key";
/// Set on a response that is the replay of a stored one.
pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";
/// Keys live at least this long.
pub const RETENTION: Duration = Duration::days(30);
const MAX_KEY_LEN: usize = 255;

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
    let claim = Claim { seller_id: seller.id.clone(), key, request_hash: hash, now: state.clock.now() };

    if let Some(stored) = stored_answer(&state.db, &claim).await.map_err(IntoResponse::into_response)? {
        return Ok(stored);
    }
    parts.extensions.insert(seller);
    let request_tx = RequestTx::new(claim.clone());
    let response = request_tx.scope(next.run(Request::from_parts(parts, Body::from(body)))).await;
    Ok(complete(&state.db, &claim, request_tx.finish(), response).await)
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

type KeyRow = (String, String, Option<i64>, Option<String>, Option<String>);

/// The answer already stored under the claim's key, if any: its response
/// replayed, or a problem when the key was used for another request.
/// `None`: the request must run.
async fn stored_answer(db: &Db, claim: &Claim) -> Result<Option<Response>> {
    let row: Option<KeyRow> = sqlx::query_as(
        "SELECT request_hash, state, response_status, response_content_type, response_body \
         FROM idempotency_keys WHERE seller_id = $1 AND idem_key = $2",
    )
    .bind(&claim.seller_id)
    .bind(&claim.key)
    .fetch_optional(db.reads())
    .await?;
    let Some((stored_hash, row_state, status, content_type, body)) = row else { return Ok(None) };
    if stored_hash != claim.request_hash {
        return Ok(Some(problem_response(
            &Problem::new(ProblemCode::IdempotencyKeyReused, "Idempotency-Key already used for another request")
                .with_detail("This key was first sent with another method, path or body; use a new key.")
                .with_field(HEADER),
        )));
    }
    // Not done: left by an older server version that died mid-request; the
    // request runs and its claim takes the row over.
    Ok((row_state == DONE).then(|| replay(status, content_type, body)))
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

/// Finishes a request that ran: stores its response under the key and
/// commits its writes with it, or rolls them back when the response must
/// not be replayed (a server error: the retry should run).
async fn complete(db: &Db, claim: &Claim, outcome: Outcome, response: Response) -> Response {
    let (parts, body) = response.into_parts();
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => return internal(&format!("could not buffer a response: {e}")),
    };
    if parts.status.is_server_error() {
        // Dropping `outcome` rolls back whatever was written.
        return Response::from_parts(parts, Body::from(bytes));
    }
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return internal("a response to store under an idempotency key is not UTF-8");
    };
    let stored = match outcome {
        Outcome::Written(tx) => store_and_commit(tx, claim, &parts, text).await,
        // A request with the same key committed first.
        Outcome::Taken => Ok(false),
        Outcome::Abandoned if parts.status.is_success() => {
            return internal("a write failed part-way but the handler answered success");
        }
        Outcome::NothingWritten | Outcome::Abandoned => store_alone(db, claim, &parts, text).await,
    };
    match stored {
        Ok(true) => Response::from_parts(parts, Body::from(bytes)),
        // A request with the same key stored its answer first: answer alike.
        Ok(false) => match stored_answer(db, claim).await {
            Ok(Some(stored)) => stored,
            Ok(None) => Response::from_parts(parts, Body::from(bytes)),
            Err(e) => e.into_response(),
        },
        Err(e) => {
            tracing::error!(error = %e, "could not store an idempotent response");
            e.into_response()
        }
    }
}

fn internal(why: &str) -> Response {
    tracing::error!("{why}");
    problem_response(&Problem::new(ProblemCode::Internal, "Internal error"))
}

/// The response under the key claimed in `tx`, then one commit for both.
async fn store_and_commit(mut tx: Transaction<'static, Any>, claim: &Claim, parts: &Parts, text: &str) -> Result<bool> {
    let content_type = parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    sqlx::query(
        "UPDATE idempotency_keys SET state = $1, response_status = $2, response_content_type = $3, \
         response_body = $4 WHERE seller_id = $5 AND idem_key = $6",
    )
    .bind(DONE)
    .bind(i64::from(parts.status.as_u16()))
    .bind(content_type)
    .bind(text)
    .bind(&claim.seller_id)
    .bind(&claim.key)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// The response of a request that wrote nothing: the key claimed and the
/// response stored in a transaction of their own. `false`: a request with
/// the same key stored its answer first.
async fn store_alone(db: &Db, claim: &Claim, parts: &Parts, text: &str) -> Result<bool> {
    let mut tx = db.writes().begin().await?;
    if !claim_in(&mut tx, claim).await? {
        return Ok(false);
    }
    store_and_commit(tx, claim, parts, text).await
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
