//! Updates: what the Settings screen shows about them and which button it
//! offers. The shell does the network and the install (tauri-plugin-updater,
//! which verifies every download against the public key in the app's
//! config) and reports each step here; what may be pressed now, when the
//! next automatic check is due and whether the test overrides count are
//! decided here, with `now` passed in.

use crate::desk::Desk;
use crate::error::{AppError, ErrorCode};
use chrono::{DateTime, Duration, Utc};
use csba_alerts::Clock;
use serde::Serialize;
use std::future::Future;
use std::sync::Mutex;
use ts_rs::TS;

/// The replica setting holding the last check that got an answer (RFC 3339).
pub const LAST_CHECK_KEY: &str = "updates.last_check";
/// The first automatic check waits this long after the first render, so it
/// never competes with start-up and the first sync.
pub const FIRST_AUTO_CHECK: Duration = Duration::seconds(20);
/// Then one every six hours (a manual check counts).
pub const AUTO_CHECK_EVERY: Duration = Duration::hours(6);

/// Where the updater is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum UpdatePhase {
    /// Not checked since the app started.
    Idle,
    Checking,
    UpToDate,
    /// A newer version is announced; nothing is downloaded yet.
    Available {
        version: String,
        notes: Option<String>,
    },
    /// Downloading it; the signature is checked once all of it is here.
    Downloading {
        version: String,
        #[ts(type = "number")]
        received: u64,
        #[ts(type = "number | null")]
        total: Option<u64>,
    },
    /// Verified and being installed; the app restarts when it is done.
    Installing {
        version: String,
    },
    /// The last check or install failed; `version` is the update it was about.
    Failed {
        error: AppError,
        version: Option<String>,
    },
}

/// The one button the Updates section offers now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum UpdateAction {
    Check,
    InstallAndRestart,
    /// Busy: checking, downloading or installing.
    None,
}

/// The Updates section of Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UpdateState {
    pub current_version: String,
    pub phase: UpdatePhase,
    /// The last check that got an answer, from any run of the app.
    pub last_checked: Option<DateTime<Utc>>,
    pub action: UpdateAction,
}

impl UpdatePhase {
    pub fn action(&self) -> UpdateAction {
        match self {
            UpdatePhase::Idle | UpdatePhase::UpToDate | UpdatePhase::Failed { .. } => UpdateAction::Check,
            UpdatePhase::Available { .. } => UpdateAction::InstallAndRestart,
            UpdatePhase::Checking | UpdatePhase::Downloading { .. } | UpdatePhase::Installing { .. } => {
                UpdateAction::None
            }
        }
    }
}

/// A newer release, as the manifest announced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announced {
    pub version: String,
    pub notes: Option<String>,
}

/// The updater's state for this run of the app.
#[derive(Debug)]
pub struct Updates {
    current_version: String,
    phase: Mutex<UpdatePhase>,
    /// When a check last started (answered or not), for the automatic schedule.
    last_attempt: Mutex<Option<DateTime<Utc>>>,
}

impl Updates {
    pub fn new(current_version: impl Into<String>) -> Self {
        Updates {
            current_version: current_version.into(),
            phase: Mutex::new(UpdatePhase::Idle),
            last_attempt: Mutex::new(None),
        }
    }

    fn phase(&self) -> UpdatePhase {
        self.phase.lock().map(|p| p.clone()).unwrap_or(UpdatePhase::Idle)
    }

    fn set(&self, next: UpdatePhase) {
        if let Ok(mut phase) = self.phase.lock() {
            *phase = next;
        }
    }

    pub fn state(&self, desk: &Desk) -> UpdateState {
        let last_checked = desk
            .store()
            .ok()
            .and_then(|s| s.setting(LAST_CHECK_KEY).ok().flatten())
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc));
        let phase = self.phase();
        UpdateState { current_version: self.current_version.clone(), action: phase.action(), phase, last_checked }
    }

    /// A check may start: `false` while one is already under way or an
    /// update is being installed (the caller then just shows the state).
    pub fn begin_check(&self, now: DateTime<Utc>) -> bool {
        if let Ok(mut attempt) = self.last_attempt.lock() {
            *attempt = Some(now);
        }
        let Ok(mut phase) = self.phase.lock() else { return false };
        if phase.action() == UpdateAction::None {
            return false;
        }
        *phase = UpdatePhase::Checking;
        true
    }

    /// What the check found; an answer (even "nothing new") is the last check.
    pub fn checked(&self, desk: &Desk, found: Result<Option<Announced>, AppError>, now: DateTime<Utc>) {
        let next = match found {
            Ok(found) => {
                if let Ok(store) = desk.store() {
                    if let Err(e) = store.set_setting(LAST_CHECK_KEY, &now.to_rfc3339()) {
                        tracing::warn!("cannot keep the update check time: {e}");
                    }
                }
                match found {
                    Some(a) => UpdatePhase::Available { version: a.version, notes: a.notes },
                    None => UpdatePhase::UpToDate,
                }
            }
            Err(error) => UpdatePhase::Failed { error, version: None },
        };
        self.set(next);
    }

    /// Starts installing the announced update: its version, or
    /// `update-not-available` when there is none to install (a stale screen).
    pub fn begin_install(&self) -> Result<String, AppError> {
        let Ok(mut phase) = self.phase.lock() else { return Err(AppError::new(ErrorCode::UpdateNotAvailable)) };
        match &*phase {
            UpdatePhase::Available { version, .. } => {
                let version = version.clone();
                *phase = UpdatePhase::Downloading { version: version.clone(), received: 0, total: None };
                Ok(version)
            }
            _ => Err(AppError::new(ErrorCode::UpdateNotAvailable)),
        }
    }

    /// Another chunk arrived: `received` is the total so far.
    pub fn progress(&self, received: u64, total: Option<u64>) {
        if let Ok(mut phase) = self.phase.lock() {
            if let UpdatePhase::Downloading { version, .. } = &*phase {
                *phase = UpdatePhase::Downloading { version: version.clone(), received, total };
            }
        }
    }

    /// Downloaded and its signature verified.
    pub fn installing(&self, version: &str) {
        self.set(UpdatePhase::Installing { version: version.to_owned() });
    }

    /// The download, the signature or the install failed; nothing was replaced.
    pub fn install_failed(&self, version: &str, error: AppError) {
        self.set(UpdatePhase::Failed { error, version: Some(version.to_owned()) });
    }

    /// When the next automatic check is due: 20 s after the first render,
    /// then six hours after the last check started (manual ones too).
    pub fn next_auto_check(&self, first_render: DateTime<Utc>) -> DateTime<Utc> {
        match self.last_attempt.lock().ok().and_then(|a| *a) {
            Some(last) => last + AUTO_CHECK_EVERY,
            None => first_render + FIRST_AUTO_CHECK,
        }
    }
}

/// Checks by themselves while the app runs: `check(now)` at each instant
/// [`Updates::next_auto_check`] names, on the clock given. Never returns.
pub async fn auto_check<F, Fut>(updates: &Updates, clock: &dyn Clock, first_render: DateTime<Utc>, mut check: F)
where
    F: FnMut(DateTime<Utc>) -> Fut,
    Fut: Future<Output = ()>,
{
    loop {
        let due = updates.next_auto_check(first_render);
        let now = clock.now();
        if now >= due {
            // `check` starts with `begin_check(now)`; recording the attempt
            // here too keeps the schedule moving if it does not.
            if let Ok(mut attempt) = updates.last_attempt.lock() {
                *attempt = Some(now);
            }
            check(now).await;
        } else {
            clock.sleep_until(due).await;
        }
    }
}

/// Where updates come from, when not from the app's config: test overrides
/// read from the environment, honoured by debug builds only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdateSource {
    /// `CSBA_UPDATE_ENDPOINT`: the manifest's URL.
    pub endpoint: Option<String>,
    /// `CSBA_UPDATE_PUBKEY`: the public key signatures are checked against.
    pub pubkey: Option<String>,
    /// Whether to check by itself: always in a release build; in a debug
    /// build only with `CSBA_UPDATE_AUTO_CHECK=1`, so development and test
    /// runs do not reach GitHub.
    pub auto_check: bool,
}

impl UpdateSource {
    /// `debug_build` is `cfg!(debug_assertions)` of the shell. A release
    /// build ignores every variable: an installed app can only be pointed
    /// at the configured endpoint and key.
    pub fn from_env(debug_build: bool, var: impl Fn(&str) -> Option<String>) -> Self {
        if !debug_build {
            return UpdateSource { endpoint: None, pubkey: None, auto_check: true };
        }
        let set = |name: &str| var(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        UpdateSource {
            endpoint: set("CSBA_UPDATE_ENDPOINT"),
            pubkey: set("CSBA_UPDATE_PUBKEY"),
            auto_check: set("CSBA_UPDATE_AUTO_CHECK").as_deref() == Some("1"),
        }
    }
}

#[cfg(test)]
mod tests;
