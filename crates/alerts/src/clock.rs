//! Where "now" comes from, and how to wait for a later one.

use chrono::{DateTime, Utc};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration as StdDuration;
use tokio::sync::watch;

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// Returns at `at` or earlier (callers re-evaluate, so waking early is harmless).
    fn sleep_until(&self, at: DateTime<Utc>) -> Pin<Box<dyn Future<Output = ()> + Send + '_>>;
}

/// The longest a [`SystemClock`] sleeps in one go.
pub const MAX_NAP: StdDuration = StdDuration::from_secs(60);

/// Wall clock. Naps at most MAX_NAP (60 s): monotonic timers stop while the machine sleeps,
/// so a long sleep would oversleep a wake-up; a minute's nap notices the jump.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn sleep_until(&self, at: DateTime<Utc>) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        let left = (at - Utc::now()).to_std().unwrap_or(StdDuration::ZERO);
        let nap = left.min(MAX_NAP);
        Box::pin(tokio::time::sleep(nap))
    }
}

/// For tests: `set(t)` / `advance(d)` move time (a jump = sleep/wake); sleepers whose instant
/// is reached wake up.
#[derive(Debug)]
pub struct ManualClock {
    // A watch channel: every sleeper holds a receiver and wakes when the
    // time it waits for is reached, however far the clock jumps.
    now: watch::Sender<DateTime<Utc>>,
}

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> ManualClock {
        ManualClock { now: watch::Sender::new(start) }
    }

    /// Moves the clock to `t` (backwards too, as a wall clock can).
    pub fn set(&self, t: DateTime<Utc>) {
        self.now.send_replace(t);
    }

    pub fn advance(&self, d: chrono::Duration) {
        self.now.send_modify(|t| *t += d);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.borrow()
    }

    fn sleep_until(&self, at: DateTime<Utc>) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        let mut rx = self.now.subscribe();
        Box::pin(async move {
            // The sender lives as long as the clock, which this future borrows,
            // so waiting cannot fail; if it did, waking is the harmless answer.
            let _ = rx.wait_for(|t| *t >= at).await;
        })
    }
}
