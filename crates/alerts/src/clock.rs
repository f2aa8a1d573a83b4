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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use std::sync::Arc;

    fn start() -> Result<DateTime<Utc>, String> {
        Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).single().ok_or_else(|| "instant".to_string())
    }

    async fn settle() {
        for _ in 0..10 {
            tokio::task::yield_now().await;
        }
    }

    #[tokio::test]
    async fn manual_sleepers_wake_when_their_instant_is_reached_and_not_before() -> Result<(), String> {
        let t0 = start()?;
        let clock = Arc::new(ManualClock::new(t0));
        let sleeper = {
            let clock = Arc::clone(&clock);
            tokio::spawn(async move { clock.sleep_until(t0 + chrono::Duration::minutes(10)).await })
        };
        settle().await;
        assert!(!sleeper.is_finished());
        clock.advance(chrono::Duration::minutes(9));
        settle().await;
        assert!(!sleeper.is_finished());
        assert_eq!(clock.now(), t0 + chrono::Duration::minutes(9));
        // A jump far past the instant (sleep/wake) wakes it too.
        clock.set(t0 + chrono::Duration::days(2));
        settle().await;
        assert!(sleeper.is_finished());
        // An instant already reached does not wait at all.
        clock.sleep_until(t0).await;
        Ok(())
    }

    #[tokio::test(start_paused = true)]
    async fn system_naps_at_most_a_minute() {
        let started = tokio::time::Instant::now();
        SystemClock.sleep_until(Utc::now() + chrono::Duration::hours(3)).await;
        assert_eq!(started.elapsed(), MAX_NAP);
        let started = tokio::time::Instant::now();
        SystemClock.sleep_until(Utc::now() - chrono::Duration::hours(1)).await;
        assert_eq!(started.elapsed(), StdDuration::ZERO);
    }
}
