//! Deadline alerts, the app's half: the obligations read from the replica,
//! the desk as the scheduler's source (`csba_alerts` decides what to tell
//! and when), the alert settings and snooze, and every text the tray and
//! notifications show, from the Rust catalog (`locales/*/alerts.ftl`). The
//! shell (src-tauri) only delivers and places it.

mod obligations;
mod preview;
mod settings;
mod source;
mod target;
mod text;

pub use obligations::obligations;
pub use preview::AlertsPreview;
pub use settings::{AlertSettingsScreen, Availability, DesktopSupport, NotificationCheck, SnoozeChoice};
pub use source::{desktop_zone, DeskAlerts, LEDGER_KEPT};
pub use target::{open_target, OpenTarget};
pub use text::{
    desk_alert, duration, notification, paused_label, tray_tooltip, upcoming_label, window_title, DeskAlert,
    NoticeText, MENU_IDS,
};
