//! A test bench for the scheduler: an in-memory source, a sink that records
//! what reached the seller, and a manual clock that also notes each nap, so
//! a test can move time from one wake-up to the next and see exactly when
//! the loop stepped and what it told.

// Each test file uses a different part of the bench.
#![allow(dead_code)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Tz;
use csba_alerts::{
    run, Alert, AlertSettings, AlertSink, AlertSource, Clock, ManualClock, Obligation, ObligationKey, ObligationKind,
    Snapshot, SourceError, Summary, Told,
};
use csba_domain::Marketplace;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Mutex, MutexGuard, PoisonError};
use tokio::sync::Notify;

pub fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Result<DateTime<Utc>, String> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).single().ok_or_else(|| format!("no instant {y}-{mo}-{d} {h}:{mi}"))
}

pub fn minutes(m: i64) -> Duration {
    Duration::minutes(m)
}

pub fn hours(h: i64) -> Duration {
    Duration::hours(h)
}

pub fn obligation(kind: ObligationKind, id: &str, due: DateTime<Utc>) -> Obligation {
    Obligation {
        key: ObligationKey::new(kind, 1, id),
        marketplace: Marketplace::Us,
        due,
        server_offset: Duration::zero(),
        label: id.to_string(),
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A test that panicked while holding it has failed already.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What the app's replica would hold.
pub struct World {
    pub obligations: Vec<Obligation>,
    pub settings: AlertSettings,
    pub snoozed_until: Option<DateTime<Utc>>,
    pub told: Told,
    pub zone: Tz,
    /// How many snapshots were taken: one per step.
    pub snapshots: usize,
    /// Snapshots still to fail.
    pub failing_snapshots: usize,
    /// Every ledger row recorded, in order, with when.
    pub ledger: Vec<(String, u32, DateTime<Utc>)>,
}

pub struct MemorySource(pub Mutex<World>);

impl MemorySource {
    pub fn world(&self) -> MutexGuard<'_, World> {
        lock(&self.0)
    }
}

impl AlertSource for MemorySource {
    fn snapshot(&self, _now: DateTime<Utc>) -> Result<Snapshot, SourceError> {
        let mut w = self.world();
        w.snapshots += 1;
        if w.failing_snapshots > 0 {
            w.failing_snapshots -= 1;
            return Err(SourceError("replica locked".into()));
        }
        Ok(Snapshot {
            obligations: w.obligations.clone(),
            settings: w.settings.normalized(),
            snoozed_until: w.snoozed_until,
            told: w.told.clone(),
            zone: w.zone,
        })
    }

    fn record(&self, told: &[(ObligationKey, u32)], now: DateTime<Utc>) -> Result<(), SourceError> {
        let mut w = self.world();
        for (key, m) in told {
            w.told.insert(key, *m);
            w.ledger.push((key.ledger_key(), *m, now));
        }
        Ok(())
    }
}

/// One call of `deliver`: when, what ("<object id>:<minutes>"), whether it reached the seller.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub at: DateTime<Utc>,
    pub alerts: Vec<String>,
    pub reached: bool,
}

#[derive(Default)]
pub struct Screen {
    pub attempts: Vec<Attempt>,
    pub summaries: Vec<(DateTime<Utc>, Summary)>,
    /// Deliveries still to fail (no notification daemon, say).
    pub failing_deliveries: usize,
}

#[derive(Default)]
pub struct RecordingSink(pub Mutex<Screen>);

impl RecordingSink {
    pub fn screen(&self) -> MutexGuard<'_, Screen> {
        lock(&self.0)
    }
}

impl AlertSink for RecordingSink {
    fn deliver(&self, alerts: &[Alert], now: DateTime<Utc>) -> bool {
        let mut s = self.screen();
        let reached = s.failing_deliveries == 0;
        s.failing_deliveries = s.failing_deliveries.saturating_sub(1);
        let alerts = alerts.iter().map(|a| format!("{}:{}", a.obligation.key.object_id, a.minutes)).collect();
        s.attempts.push(Attempt { at: now, alerts, reached });
        reached
    }

    fn show_summary(&self, summary: &Summary, now: DateTime<Utc>) {
        self.screen().summaries.push((now, summary.clone()));
    }
}

/// A manual clock that notes every instant the loop asks to sleep until.
pub struct NotingClock {
    pub manual: ManualClock,
    pub naps: Mutex<Vec<DateTime<Utc>>>,
}

impl Clock for NotingClock {
    fn now(&self) -> DateTime<Utc> {
        self.manual.now()
    }

    fn sleep_until(&self, at: DateTime<Utc>) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        lock(&self.naps).push(at);
        self.manual.sleep_until(at)
    }
}

pub struct Bench {
    pub source: MemorySource,
    pub sink: RecordingSink,
    pub clock: NotingClock,
    pub changed: Notify,
}

/// Lets the loop, polled in the same task, run until it sleeps again.
pub async fn settle() {
    for _ in 0..20 {
        tokio::task::yield_now().await;
    }
}

impl Bench {
    pub fn new(start: DateTime<Utc>, zone: Tz, obligations: Vec<Obligation>, settings: AlertSettings) -> Bench {
        Bench {
            source: MemorySource(Mutex::new(World {
                obligations,
                settings,
                snoozed_until: None,
                told: Told::new(),
                zone,
                snapshots: 0,
                failing_snapshots: 0,
                ledger: Vec::new(),
            })),
            sink: RecordingSink::default(),
            clock: NotingClock { manual: ManualClock::new(start), naps: Mutex::new(Vec::new()) },
            changed: Notify::new(),
        }
    }

    /// Runs `script` with the scheduler's `run` loop beside it, in this task.
    pub async fn drive<T>(&self, script: impl Future<Output = T>) -> Result<T, String> {
        tokio::select! {
            biased;
            out = script => Ok(out),
            () = run(&self.source, &self.sink, &self.clock, &self.changed) => Err("run returned".into()),
        }
    }

    /// Moves time to `until` the way a machine that stays awake sees it:
    /// to each instant the loop sleeps until, in turn, then to `until`.
    pub async fn run_to(&self, until: DateTime<Utc>) {
        loop {
            settle().await;
            let now = self.clock.now();
            match self.last_nap() {
                Some(at) if at > now && at <= until => self.clock.manual.set(at),
                _ => break,
            }
        }
        self.clock.manual.set(until);
        settle().await;
    }

    /// A jump: the laptop slept and wakes at `t`.
    pub async fn jump_to(&self, t: DateTime<Utc>) {
        self.clock.manual.set(t);
        settle().await;
    }

    pub fn last_nap(&self) -> Option<DateTime<Utc>> {
        lock(&self.clock.naps).last().copied()
    }

    pub fn steps(&self) -> usize {
        self.source.world().snapshots
    }

    /// What reached the seller: (when, ["<object id>:<minutes>", …]) per grouped notification.
    pub fn delivered(&self) -> Vec<(DateTime<Utc>, Vec<String>)> {
        self.sink.screen().attempts.iter().filter(|a| a.reached).map(|a| (a.at, a.alerts.clone())).collect()
    }

    pub fn attempts(&self) -> Vec<Attempt> {
        self.sink.screen().attempts.clone()
    }

    /// The ledger as the store would hold it.
    pub fn ledger(&self) -> Vec<(String, u32)> {
        self.source.world().ledger.iter().map(|(k, m, _)| (k.clone(), *m)).collect()
    }

    pub fn last_summary(&self) -> Option<Summary> {
        self.sink.screen().summaries.last().map(|(_, s)| s.clone())
    }
}

/// `(instant, ["a:1", …])` for assertions.
pub fn told(at: DateTime<Utc>, alerts: &[&str]) -> (DateTime<Utc>, Vec<String>) {
    (at, alerts.iter().map(|a| a.to_string()).collect())
}
