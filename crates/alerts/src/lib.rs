//! Deadline alerts for CSBA Desk: which thresholds each obligation has
//! crossed, what to tell the seller (once per threshold, across restarts and
//! sleep), what the tray shows, and when to wake next.
//!
//! Pure and Tauri-free: time is passed in or read from an injected [`Clock`];
//! the obligations and the told-ledger come from an [`AlertSource`] and
//! alerts go to an [`AlertSink`], both provided by the app and the shell.

pub mod clock;
pub mod obligation;
pub mod plan;
pub mod quiet;
pub mod scheduler;
pub mod settings;
pub mod summary;

pub use clock::{Clock, ManualClock, SystemClock, MAX_NAP};
pub use obligation::{Obligation, ObligationKey, ObligationKind};
pub use plan::{evaluate, Alert, Step, Told};
pub use quiet::{quiet_period_at, tomorrow_morning};
pub use scheduler::{
    run, step, AlertSink, AlertSource, Snapshot, SourceError, RETRY_AFTER, SUMMARY_REFRESH, TRAY_UPCOMING,
};
pub use settings::{
    default_minutes, AlertSettings, KindThresholds, QuietHours, SettingsViolation, ViolationCode,
    MAX_THRESHOLDS_PER_KIND, MAX_THRESHOLD_MINUTES, MINUTES_PER_DAY,
};
pub use summary::{summarize, Summary, TrayLevel};
