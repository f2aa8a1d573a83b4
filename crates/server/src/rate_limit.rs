//! Requests per API token: a token bucket each, so one client's loop cannot
//! take the service from everyone else. Beyond it the answer is `429
//! rate_limited` with `Retry-After`, which the app's push honours.
//!
//! Per instance: behind a load balancer each instance counts its own share.

use crate::app::AppState;
use crate::problem_response::problem_response;
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, RETRY_AFTER};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use csba_api::{Problem, ProblemCode};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::time::{Duration, Instant};

/// How many requests a token may send: `burst` at once, `per_second` after.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    pub per_second: f64,
    pub burst: f64,
}

impl Rate {
    /// A first sync pulls a page of the feed every few milliseconds; a
    /// client that keeps this pace for more than a few seconds is looping.
    pub const SERVICE: Rate = Rate { per_second: 100.0, burst: 500.0 };
}

/// Tokens kept before idle, full buckets are dropped.
const PRUNE_ABOVE: usize = 10_000;

/// The buckets, keyed by the token's hash (never the token itself).
#[derive(Debug, Clone)]
pub struct RateLimits {
    rate: Rate,
    buckets: Arc<Mutex<HashMap<String, Bucket>>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl RateLimits {
    pub fn new(rate: Rate) -> Self {
        RateLimits { rate, buckets: Arc::default() }
    }

    /// Takes one request from `key`'s bucket at `now`: `Ok` when allowed,
    /// `Err(wait)` with how long until the next one would be.
    pub fn take(&self, key: &str, now: Instant) -> Result<(), Duration> {
        let Ok(mut buckets) = self.buckets.lock() else { return Ok(()) };
        if buckets.len() > PRUNE_ABOVE {
            let rate = self.rate;
            buckets.retain(|_, b| refilled(rate, *b, now) < rate.burst);
        }
        let bucket = buckets.entry(key.to_owned()).or_insert(Bucket { tokens: self.rate.burst, at: now });
        let tokens = refilled(self.rate, *bucket, now);
        if tokens >= 1.0 {
            *bucket = Bucket { tokens: tokens - 1.0, at: now };
            Ok(())
        } else {
            *bucket = Bucket { tokens, at: now };
            Err(Duration::from_secs_f64((1.0 - tokens) / self.rate.per_second))
        }
    }
}

fn refilled(rate: Rate, bucket: Bucket, now: Instant) -> f64 {
    let elapsed = now.saturating_duration_since(bucket.at).as_secs_f64();
    (bucket.tokens + elapsed * rate.per_second).min(rate.burst)
}

/// Middleware for `/v1`: requests without a token pass (and are refused by
/// authentication).
pub async fn enforce(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let key = request.headers().get(AUTHORIZATION).and_then(|v| v.to_str().ok()).map(crate::tokens::hash_token);
    if let Some(key) = key {
        if let Err(wait) = state.rate_limits.take(&key, Instant::now()) {
            // Whole seconds, rounded up: a client waiting that long finds a request ready.
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            let problem = Problem::new(ProblemCode::RateLimited, "Too many requests")
                .with_detail(format!("This token sent too many requests; retry after {seconds} s."));
            let mut response = problem_response(&problem);
            response.headers_mut().insert(RETRY_AFTER, HeaderValue::from(seconds));
            return response;
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_gets_its_burst_then_its_rate_and_others_are_untouched() {
        let limits = RateLimits::new(Rate { per_second: 2.0, burst: 3.0 });
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(limits.take("a", t0), Ok(()));
        }
        let wait = limits.take("a", t0).err().unwrap_or_default();
        assert!((wait.as_secs_f64() - 0.5).abs() < 1e-6, "{wait:?}");
        assert_eq!(limits.take("b", t0), Ok(()));
        // Half a second later one more request is ready, and only one.
        let later = t0 + Duration::from_millis(500);
        assert_eq!(limits.take("a", later), Ok(()));
        assert!(limits.take("a", later).is_err());
    }
}
