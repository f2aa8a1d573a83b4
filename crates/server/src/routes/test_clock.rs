//! `POST /v1/test/clock`: moves the server's clock. Mounted only when the
//! server runs with `--test-clock` (or a sandbox is given a test clock);
//! otherwise the path does not exist at all (404).
//!
//! Body: `{"advance_ms": N}` or `{"set": "2026-03-07T00:30:00Z"}`. Time only
//! moves forward: deadlines, feed order and resolution times all assume it.
//! After moving, CSBA's sweep runs at once, so a test that crosses a 24-hour
//! deadline sees the case resolved in the response's wake, not a minute later.

use crate::app::AppState;
use crate::auth::Seller;
use crate::error::{Result, ServerError};
use crate::sweep_lock::WhenBusy;
use axum::extract::State;
use axum::Json;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoveClock {
    advance_ms: Option<i64>,
    set: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ClockNow {
    pub now: DateTime<Utc>,
    /// Cases CSBA resolved in the sweep that followed.
    pub resolved: usize,
}

/// Any valid token may move the clock: the flag is for test servers, but a
/// test server reachable by mistake should not be moved by anyone.
pub async fn move_clock(
    State(state): State<AppState>,
    _seller: Seller,
    Json(body): Json<MoveClock>,
) -> Result<Json<ClockNow>> {
    let Some(clock) = state.test_clock.as_ref() else {
        return Err(ServerError::NotFound("resource at this path".to_owned()));
    };
    let now = state.clock.now();
    let to = match (body.advance_ms, body.set) {
        (Some(ms), None) if ms >= 0 => now + Duration::milliseconds(ms),
        (Some(_), None) => {
            return Err(ServerError::InvalidInput { field: "advance_ms", message: "must not be negative".to_owned() })
        }
        (None, Some(set)) if set >= now => set,
        (None, Some(_)) => {
            return Err(ServerError::InvalidInput { field: "set", message: "the clock only moves forward".to_owned() })
        }
        _ => {
            return Err(ServerError::InvalidInput {
                field: "advance_ms",
                message: "give exactly one of `advance_ms` and `set`".to_owned(),
            })
        }
    };
    clock.set(to);
    // Waits for another instance's round rather than skipping: the
    // response promises this sweep's effects.
    let report = crate::sweeper::sweep_and_announce(&state.db, &state.events, &state.team, to, WhenBusy::Wait).await;
    Ok(Json(ClockNow { now: to, resolved: report.map_or(0, |r| r.resolved) }))
}
