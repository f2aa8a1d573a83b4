//! Desktop notifications: one `Notices` per app, backed by the OS's own
//! mechanism (the freedesktop D-Bus interface on Linux, the notification
//! plugin elsewhere). Clicking a notification opens what it is about.

use csba_app::alerts::OpenTarget;
use std::sync::Arc;

/// One notification as shown: its text and what clicking it opens.
#[derive(Debug, Clone)]
pub struct Notice {
    /// The app's name as the seller's desktop lists it.
    pub app_name: String,
    pub title: String,
    pub body: String,
    /// The label of the action that opens it ("Open"), in the seller's language.
    pub open_label: String,
    /// Something is overdue: the notification stays until the seller acts.
    pub urgent: bool,
    /// What the notification is about, soonest first, each with its short
    /// label: clicking the notification opens the first; a grouped one also
    /// offers each of the first `ITEM_ACTIONS` as an action of its own.
    pub targets: Vec<(OpenTarget, String)>,
}

impl Notice {
    /// A notice about the app itself (a test, the tray hint): catalog
    /// title and body, nothing to open.
    pub fn plain(desk: &csba_app::Desk, title_id: &str, body_id: &str) -> Notice {
        let locale = desk.locale();
        let text = |id: &str| desk.catalog.format(locale, id, &[]);
        Notice {
            app_name: text("desk-window-title"),
            title: text(title_id),
            body: text(body_id),
            open_label: text("notification-open"),
            urgent: false,
            targets: Vec::new(),
        }
    }
}

/// How many items of a grouped notification get an action of their own
/// (as many as the body lists; daemons that show fewer buttons keep the
/// rest in their menu).
pub const ITEM_ACTIONS: usize = 5;

/// Why a notification could not be shown; each is a catalog message id the
/// Settings screen words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NoticeError {
    #[error("no notification daemon answers on the session bus")]
    NoDaemon,
    /// Only where the OS asks the seller's permission (not Linux).
    #[cfg_attr(target_os = "linux", allow(dead_code))]
    #[error("the seller has not allowed notifications")]
    Denied,
}

impl NoticeError {
    pub fn message_id(self) -> &'static str {
        match self {
            NoticeError::NoDaemon => "desktop-no-notification-daemon",
            NoticeError::Denied => "desktop-notifications-denied",
        }
    }
}

/// Called with the target of a clicked notification (on a thread of the notifier's).
pub type OnOpen = Arc<dyn Fn(OpenTarget) + Send + Sync>;

/// The OS's notifications.
pub trait Notices: Send + Sync {
    /// Whether a notification shown now would reach the seller.
    fn available(&self) -> Result<(), NoticeError>;
    /// Shows `notice` (several alerts at once come as one grouped notice).
    fn show(&self, notice: &Notice) -> Result<(), NoticeError>;
}

/// Adds what this OS's notifier needs to the app: nothing on Linux (D-Bus
/// directly), the notification plugin elsewhere, whose state
/// `notification()` reads (unregistered, the first alert would panic).
#[cfg(target_os = "linux")]
pub fn register(builder: tauri::Builder<tauri::Wry>) -> tauri::Builder<tauri::Wry> {
    builder
}

#[cfg(not(target_os = "linux"))]
pub fn register(builder: tauri::Builder<tauri::Wry>) -> tauri::Builder<tauri::Wry> {
    builder.plugin(tauri_plugin_notification::init())
}

/// The notifier of this OS.
#[cfg(target_os = "linux")]
pub fn for_this_os(app: &tauri::AppHandle, on_open: OnOpen) -> Arc<dyn Notices> {
    let _ = app;
    Arc::new(super::freedesktop::Freedesktop::new(on_open))
}

/// The notifier of this OS: the Tauri plugin's (Windows toasts, macOS
/// notification center), which has no click callback on the desktop.
#[cfg(not(target_os = "linux"))]
pub fn for_this_os(app: &tauri::AppHandle, on_open: OnOpen) -> Arc<dyn Notices> {
    let _ = on_open;
    Arc::new(plugin::Plugin(app.clone()))
}

#[cfg(not(target_os = "linux"))]
mod plugin {
    use super::{Notice, NoticeError, Notices};
    use tauri_plugin_notification::{NotificationExt, PermissionState};

    pub struct Plugin(pub tauri::AppHandle);

    impl Notices for Plugin {
        fn available(&self) -> Result<(), NoticeError> {
            match self.0.notification().permission_state() {
                Ok(PermissionState::Granted) => Ok(()),
                Ok(_) => Err(NoticeError::Denied),
                Err(_) => Err(NoticeError::NoDaemon),
            }
        }

        fn show(&self, notice: &Notice) -> Result<(), NoticeError> {
            self.available()?;
            self.0
                .notification()
                .builder()
                .title(&notice.title)
                .body(&notice.body)
                .show()
                .map_err(|_| NoticeError::NoDaemon)
        }
    }
}
