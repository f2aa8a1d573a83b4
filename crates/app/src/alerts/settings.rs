//! The alert settings the seller keeps in the replica (thresholds, quiet
//! hours, the tray), the snooze, the one-time "closing keeps the app in the
//! tray" hint, and the Settings screen's model. Every change wakes the
//! alert scheduler (`Desk::alerts_changed`), so it takes effect at once.

use crate::desk::Desk;
use crate::error::{AppError, ErrorCode};
use chrono::{DateTime, Duration, Utc};
use csba_alerts::{
    tomorrow_morning, AlertSettings, SettingsViolation, ViolationCode, MAX_THRESHOLDS_PER_KIND, MAX_THRESHOLD_MINUTES,
};
use csba_store::Store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

const SETTINGS_KEY: &str = "alert_settings";
const SNOOZE_KEY: &str = "alerts_snoozed_until";
const HINT_KEY: &str = "close_to_tray_hint_shown";

/// How long to pause alerts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SnoozeChoice {
    OneHour,
    UntilTomorrowMorning,
    /// Resume now.
    Off,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AlertSettingsScreen {
    pub settings: AlertSettings,
    pub defaults: AlertSettings,
    /// Local instant alerts resume; None when not snoozed.
    pub snoozed_until: Option<DateTime<Utc>>,
    pub desktop: DesktopSupport,
    /// The desktop zone quiet hours are read in (IANA name), shown next to them.
    pub zone: String,
}

/// What the desktop offers; filled in by the shell (src-tauri), which probes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct DesktopSupport {
    pub tray: Availability,
    pub notifications: Availability,
    /// Launch at login: None when the platform offers no way.
    pub autostart: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Availability {
    pub available: bool,
    /// Why not: a catalog message id (`desktop-no-tray-host`,
    /// `desktop-no-notification-daemon`, `desktop-notifications-denied`).
    pub reason: Option<String>,
}

/// What sending a test notification gave.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct NotificationCheck {
    pub delivered: bool,
    /// Why not: a catalog message id, as in [`Availability::reason`].
    pub reason: Option<String>,
}

impl Desk {
    pub fn alert_settings(&self, desktop: DesktopSupport, now: DateTime<Utc>) -> Result<AlertSettingsScreen, AppError> {
        let store = self.store()?;
        Ok(self.screen(&store, desktop, now))
    }

    /// Saves `settings` as the seller edited them, or refuses with the first
    /// violation's code at its field and saves nothing.
    pub fn set_alert_settings(
        &self,
        settings: AlertSettings,
        desktop: DesktopSupport,
        now: DateTime<Utc>,
    ) -> Result<AlertSettingsScreen, AppError> {
        // Checked as given: the fields name positions in the seller's list.
        if let Some(first) = settings.violations().first() {
            return Err(refusal(first));
        }
        let json = serde_json::to_string(&settings.normalized()).map_err(|_| AppError::new(ErrorCode::Internal))?;
        let store = self.store()?;
        store.set_setting(SETTINGS_KEY, &json)?;
        self.alerts_changed.notify_one();
        Ok(self.screen(&store, desktop, now))
    }

    /// Pauses alerts for an hour or until 08:00 tomorrow in the desktop's
    /// zone, or resumes them. A new choice replaces the running pause.
    pub fn snooze_alerts(
        &self,
        choice: SnoozeChoice,
        desktop: DesktopSupport,
        now: DateTime<Utc>,
    ) -> Result<AlertSettingsScreen, AppError> {
        let store = self.store()?;
        let until = match choice {
            SnoozeChoice::OneHour => Some(now + Duration::hours(1)),
            SnoozeChoice::UntilTomorrowMorning => Some(tomorrow_morning(now, self.alert_zone())),
            SnoozeChoice::Off => None,
        };
        match until {
            Some(until) => store.set_setting(SNOOZE_KEY, &until.to_rfc3339())?,
            None => store.remove_setting(SNOOZE_KEY)?,
        }
        self.alerts_changed.notify_one();
        Ok(self.screen(&store, desktop, now))
    }

    /// Whether "closing keeps the app in the tray" is still to be said: true
    /// until [`mark_close_to_tray_hint_shown`](Desk::mark_close_to_tray_hint_shown).
    /// An unreadable replica says it again rather than never.
    pub fn close_to_tray_hint(&self) -> bool {
        self.store().ok().and_then(|s| s.setting(HINT_KEY).ok().flatten()).is_none()
    }

    pub fn mark_close_to_tray_hint_shown(&self) -> Result<(), AppError> {
        Ok(self.store()?.set_setting(HINT_KEY, "true")?)
    }

    fn screen(&self, store: &Store, desktop: DesktopSupport, now: DateTime<Utc>) -> AlertSettingsScreen {
        AlertSettingsScreen {
            settings: saved_settings(store),
            defaults: AlertSettings::default(),
            snoozed_until: snoozed_until(store, now),
            desktop,
            zone: self.alert_zone().name().to_owned(),
        }
    }
}

/// The saved settings, normalized; the defaults until the seller saves.
/// Unreadable ones (a newer version's shape) fall back to the defaults:
/// alerts keep working and the next save writes them anew.
pub(crate) fn saved_settings(store: &Store) -> AlertSettings {
    let saved = store.setting(SETTINGS_KEY).unwrap_or_else(|e| {
        tracing::warn!("alert settings: {e}");
        None
    });
    saved
        .and_then(|json| {
            serde_json::from_str::<AlertSettings>(&json)
                .map_err(|e| tracing::warn!("alert settings unreadable, using the defaults: {e}"))
                .ok()
        })
        .map_or_else(AlertSettings::default, |s| s.normalized())
}

/// When alerts resume, if a pause is still running at `now`.
pub(crate) fn snoozed_until(store: &Store, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let until = store.setting(SNOOZE_KEY).ok().flatten()?;
    let until = DateTime::parse_from_rfc3339(&until).ok()?.with_timezone(&Utc);
    (until > now).then_some(until)
}

/// The error a violation is refused with, at its field, with what the
/// message needs to say the limit.
fn refusal(violation: &SettingsViolation) -> AppError {
    let error = match violation.code {
        ViolationCode::ThresholdOutOfRange => AppError::new(ErrorCode::AlertThresholdOutOfRange)
            .with_arg("max_days", (MAX_THRESHOLD_MINUTES / (24 * 60)).to_string()),
        ViolationCode::ThresholdRepeated => AppError::new(ErrorCode::AlertThresholdRepeated),
        ViolationCode::TooManyThresholds => {
            AppError::new(ErrorCode::AlertTooManyThresholds).with_arg("max", MAX_THRESHOLDS_PER_KIND.to_string())
        }
        ViolationCode::QuietMinuteOutOfRange => AppError::new(ErrorCode::QuietMinuteOutOfRange),
        ViolationCode::QuietHoursEmpty => AppError::new(ErrorCode::QuietHoursEmpty),
    };
    error.at(&violation.field)
}
