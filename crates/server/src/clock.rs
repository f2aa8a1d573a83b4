//! Where "now" comes from. Business code never calls `Utc::now()` itself, so
//! tests and demos can move time (a case going overdue, the app restarting
//! days later).

use chrono::{DateTime, Duration, Utc};
use std::sync::{Arc, Mutex, PoisonError};

pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now(&self) -> DateTime<Utc>;
}

/// The real wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to. Clones share the same time, so a
/// test can keep one handle and give another to the server.
#[derive(Debug, Clone)]
pub struct ManualClock {
    now: Arc<Mutex<DateTime<Utc>>>,
}

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        ManualClock { now: Arc::new(Mutex::new(start)) }
    }

    pub fn set(&self, to: DateTime<Utc>) {
        // A panic elsewhere while holding the lock cannot leave a half-written
        // DateTime behind, so a poisoned lock is still safe to use.
        *self.now.lock().unwrap_or_else(PoisonError::into_inner) = to;
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self.now.lock().unwrap_or_else(PoisonError::into_inner);
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_clones_share_time() {
        let start = DateTime::<Utc>::UNIX_EPOCH + Duration::days(20_000);
        let clock = ManualClock::new(start);
        let handle = clock.clone();
        handle.advance(Duration::hours(3));
        assert_eq!(clock.now(), start + Duration::hours(3));
        handle.set(start);
        assert_eq!(clock.now(), start);
    }
}
