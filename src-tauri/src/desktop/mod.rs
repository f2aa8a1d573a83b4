//! What the desktop around the app offers — a tray host, a notification
//! daemon, launch at login — and the app's use of each. Every part reports
//! whether it is there, so the app can fall back (keep its window, alert in
//! the window, count in the title) instead of failing silently.

pub mod notices;
pub mod probe;
pub mod tray;

#[cfg(target_os = "linux")]
mod freedesktop;
pub mod single_instance;
