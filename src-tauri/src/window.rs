//! The main window's life: brought forward from the tray, a notification or
//! a second launch; on close, kept in the tray when there is one and the
//! seller wants it (saying so the first time), closed otherwise.

use crate::desktop::{notices::Notice, probe};
use csba_app::Desk;
use std::sync::Arc;
use tauri::{AppHandle, Manager, WebviewWindow, WindowEvent};

const MAIN: &str = "main";

/// The argument the login launch passes: start in the tray, not on screen.
pub const START_HIDDEN: &str = "--hidden";

/// Hides the window at start-up when launched at login — only where there
/// is a tray to bring it back from.
pub fn start_hidden_if_asked(app: &AppHandle) {
    if std::env::args().any(|a| a == START_HIDDEN) && probe::tray_host() {
        if let Some(window) = main_window(app) {
            if let Err(e) = window.hide() {
                tracing::warn!("cannot start in the tray: {e}");
            }
        }
    }
}

/// The UI is one page the app serves itself, never browsed away from:
/// WebKit's browsing caches (pages kept for Back, other sites' resources)
/// would only hold memory. Its document-viewer model keeps none.
pub fn lean_webview(app: &AppHandle) {
    #[cfg(target_os = "linux")]
    if let Some(window) = main_window(app) {
        let set = window.with_webview(|webview| {
            use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
            if let Some(context) = webview.inner().context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
        });
        if let Err(e) = set {
            tracing::warn!("cannot set the webview's cache model: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

pub fn main_window(app: &AppHandle) -> Option<WebviewWindow> {
    app.get_webview_window(MAIN)
}

/// Shows, restores and focuses the window.
pub fn bring_forward(app: &AppHandle) {
    if let Some(window) = main_window(app) {
        let shown = window.show().and_then(|()| window.unminimize()).and_then(|()| window.set_focus());
        if let Err(e) = shown {
            tracing::warn!("cannot bring the window forward: {e}");
        }
    }
}

/// On macOS, clicking the Dock icon of an app whose window is hidden in the
/// tray asks it to "reopen": the window comes back, as every Mac app's
/// does. Windows and Linux have no such event (the tray icon and a second
/// launch bring the window forward there).
pub fn on_run_event(app: &AppHandle, event: &tauri::RunEvent) {
    #[cfg(target_os = "macos")]
    if let tauri::RunEvent::Reopen { has_visible_windows: false, .. } = event {
        bring_forward(app);
    }
    #[cfg(not(target_os = "macos"))]
    let _ = (app, event);
}

/// Closing the window hides it into the tray when there is a tray host and
/// the seller keeps "close to tray" on; the first time, a notification says
/// where the app went. Without a tray the window closes and the app quits:
/// hiding it would leave nothing to bring it back with.
pub fn on_event(app: &AppHandle, desk: &Arc<Desk>, event: &WindowEvent) {
    if matches!(event, WindowEvent::Resized(_) | WindowEvent::Moved(_)) {
        crate::window_state::save_soon(app);
    }
    let WindowEvent::CloseRequested { api, .. } = event else { return };
    tracing::debug!("close requested");
    crate::window_state::save(app);
    let settings = desk.alert_settings(csba_app::alerts::DesktopSupport::default(), chrono::Utc::now());
    let keep = settings.map(|s| s.settings.close_to_tray).unwrap_or(true);
    if !keep || !probe::tray_host() {
        return;
    }
    api.prevent_close();
    if let Some(window) = main_window(app) {
        if let Err(e) = window.hide() {
            tracing::warn!("cannot hide the window: {e}");
        }
    }
    if desk.close_to_tray_hint() {
        let notice = Notice::plain(desk, "tray-close-hint-title", "tray-close-hint-body");
        let shown = crate::alerting::notices(app).is_some_and(|n| n.show(&notice).is_ok());
        if shown {
            if let Err(e) = desk.mark_close_to_tray_hint_shown() {
                tracing::warn!("cannot remember the tray hint: {e}");
            }
        }
    }
}
