//! When to try a failed send again: exponential backoff with full jitter
//! (a random delay between 0 and `min(cap, base · 2^attempt)`), so clients
//! that failed together do not come back together.

use chrono::Duration;
use std::sync::atomic::{AtomicU64, Ordering};

pub struct RetryPolicy {
    pub base: std::time::Duration,
    pub cap: std::time::Duration,
    /// State of the jitter generator (splitmix64): seeded, so tests can
    /// predict every delay.
    jitter: AtomicU64,
}

impl std::fmt::Debug for RetryPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RetryPolicy").field("base", &self.base).field("cap", &self.cap).finish_non_exhaustive()
    }
}

impl RetryPolicy {
    pub fn new(base: std::time::Duration, cap: std::time::Duration, seed: u64) -> Self {
        RetryPolicy { base, cap, jitter: AtomicU64::new(seed) }
    }

    /// 1 s doubling up to 5 minutes.
    pub fn standard(seed: u64) -> Self {
        RetryPolicy::new(std::time::Duration::from_secs(1), std::time::Duration::from_secs(300), seed)
    }

    /// The wait before the next attempt, after `attempts` attempts failed
    /// (1 for the first failure).
    pub fn delay(&self, attempts: u32) -> Duration {
        let exponent = attempts.saturating_sub(1).min(30);
        let ceiling = self.base.saturating_mul(1 << exponent).min(self.cap);
        let fraction = (self.next_random() >> 11) as f64 / (1u64 << 53) as f64;
        Duration::from_std(ceiling.mul_f64(fraction)).unwrap_or(Duration::zero())
    }

    fn next_random(&self) -> u64 {
        let state = self.jitter.fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed).wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl Default for RetryPolicy {
    /// The standard policy with a seed that differs per process, so many
    /// clients do not share one jitter sequence.
    fn default() -> Self {
        use std::hash::{BuildHasher, Hasher};
        let seed = std::collections::hash_map::RandomState::new().build_hasher().finish();
        RetryPolicy::standard(seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_exponentially_up_to_the_cap_and_stay_below_the_ceiling() {
        let policy = RetryPolicy::standard(7);
        for attempts in 1..40 {
            let ceiling_ms = (1000u64 << (attempts - 1).min(30)).min(300_000) as i64;
            for _ in 0..50 {
                let d = policy.delay(attempts).num_milliseconds();
                assert!((0..=ceiling_ms).contains(&d), "attempt {attempts}: {d} ms");
            }
        }
        // Full jitter spreads the delays over the whole range.
        let delays: Vec<i64> = (0..200).map(|_| policy.delay(20).num_milliseconds()).collect();
        assert!(delays.iter().any(|&d| d < 100_000) && delays.iter().any(|&d| d > 200_000));
    }

    #[test]
    fn the_same_seed_gives_the_same_delays() {
        let a = RetryPolicy::standard(42);
        let b = RetryPolicy::standard(42);
        let c = RetryPolicy::standard(43);
        let da: Vec<_> = (1..10).map(|n| a.delay(n)).collect();
        let db: Vec<_> = (1..10).map(|n| b.delay(n)).collect();
        let dc: Vec<_> = (1..10).map(|n| c.delay(n)).collect();
        assert_eq!(da, db);
        assert_ne!(da, dc);
    }
}
