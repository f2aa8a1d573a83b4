use crate::app::AppState;
use crate::auth::Seller;
use crate::error::{Result, ServerError};
use axum::extract::{Query, State};
use axum::Json;
use csba_api::{ChangesPage, Problem};
use serde::Deserialize;

pub const DEFAULT_LIMIT: i64 = 500;
pub const MAX_LIMIT: i64 = 1000;

/// Both fields are read as text so a malformed value gets our own problem
/// (with `field`) rather than a generic deserialization error.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ChangesQuery {
    /// `next_cursor` of the previous page; absent or empty: from the start.
    cursor: Option<String>,
    /// Page size, 1 to 1000 (default 500).
    limit: Option<String>,
}

/// Every change after the cursor, in order, paginated. A cursor older than
/// the feed keeps answers 410 `cursor_expired`: resync from the start.
#[utoipa::path(get, path = "/v1/changes", tag = "sync", params(ChangesQuery),
    responses(
        (status = 200, body = ChangesPage),
        (status = 400, description = "`invalid_cursor` or `invalid_request`", body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "`cursor_expired`", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    seller: Seller,
    Query(query): Query<ChangesQuery>,
) -> Result<Json<ChangesPage>> {
    let cursor = parse_cursor(query.cursor.as_deref())?;
    let limit = parse_limit(query.limit.as_deref())?;
    let server_time = state.clock.now();
    let page = crate::feed::changes_after(&state.db, &seller.id, cursor.seq, cursor.rebuilding, limit).await?;
    let last = page.changes.last().map_or(cursor.seq, |c| c.seq);
    // A client reading from the start walks through the compacted part of
    // the feed, below the floor; its cursors say so, or the next page would
    // be refused as expired and the rebuild could never finish.
    let rebuilding = (cursor.seq == 0 || cursor.rebuilding) && last < page.floor;
    let next_cursor = if rebuilding { format!("{REBUILD_PREFIX}{last}") } else { last.to_string() };
    Ok(Json(ChangesPage { changes: page.changes, next_cursor, has_more: page.has_more, server_time }))
}

/// Marks a cursor handed out while the client reads the compacted part of
/// the feed from the start.
const REBUILD_PREFIX: &str = "r";

#[derive(Debug, PartialEq, Eq)]
struct Cursor {
    seq: i64,
    rebuilding: bool,
}

/// The cursor is the last seq the client has seen, `r`-prefixed while it
/// rebuilds from the start; absent or empty means "from the start".
fn parse_cursor(raw: Option<&str>) -> Result<Cursor> {
    let raw = raw.unwrap_or("").trim();
    if raw.is_empty() {
        return Ok(Cursor { seq: 0, rebuilding: false });
    }
    let (digits, rebuilding) = match raw.strip_prefix(REBUILD_PREFIX) {
        Some(rest) => (rest, true),
        None => (raw, false),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| i64::try_from(n).ok())
        .map(|seq| Cursor { seq, rebuilding })
        .ok_or_else(|| ServerError::InvalidCursor(format!("`{raw}` is not a cursor returned by this service")))
}

/// Above the maximum is clamped rather than refused: asking for "as many as
/// possible" is not an error.
fn parse_limit(raw: Option<&str>) -> Result<i64> {
    let raw = raw.unwrap_or("").trim();
    if raw.is_empty() {
        return Ok(DEFAULT_LIMIT);
    }
    match raw.parse::<u64>() {
        Ok(0) | Err(_) => Err(ServerError::InvalidInput {
            field: "limit",
            message: format!("expected a whole number from 1 to {MAX_LIMIT}"),
        }),
        Ok(n) => Ok(i64::try_from(n).unwrap_or(MAX_LIMIT).min(MAX_LIMIT)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors() {
        let at = |seq, rebuilding| Cursor { seq, rebuilding };
        assert_eq!(parse_cursor(None).ok(), Some(at(0, false)));
        assert_eq!(parse_cursor(Some("")).ok(), Some(at(0, false)));
        assert_eq!(parse_cursor(Some("42")).ok(), Some(at(42, false)));
        assert_eq!(parse_cursor(Some("r42")).ok(), Some(at(42, true)));
        assert!(matches!(parse_cursor(Some("r")), Err(ServerError::InvalidCursor(_))));
        assert!(matches!(parse_cursor(Some("x42")), Err(ServerError::InvalidCursor(_))));
        assert!(matches!(parse_cursor(Some("-1")), Err(ServerError::InvalidCursor(_))));
        assert!(matches!(parse_cursor(Some("abc")), Err(ServerError::InvalidCursor(_))));
        assert!(matches!(parse_cursor(Some("99999999999999999999")), Err(ServerError::InvalidCursor(_))));
    }

    #[test]
    fn limits() {
        assert!(matches!(parse_limit(None), Ok(DEFAULT_LIMIT)));
        assert!(matches!(parse_limit(Some("3")), Ok(3)));
        assert!(matches!(parse_limit(Some("5000")), Ok(MAX_LIMIT)));
        assert!(matches!(parse_limit(Some("0")), Err(ServerError::InvalidInput { field: "limit", .. })));
        assert!(matches!(parse_limit(Some("x")), Err(ServerError::InvalidInput { field: "limit", .. })));
    }
}
