//! Deadline alerts on this desktop: the core scheduler (`csba_alerts::run`,
//! fed by the replica through `csba_app::alerts::DeskAlerts`) delivers here
//! — as a desktop notification, or in the window where the desktop has no
//! notification daemon — and its summary drives the tray and the title.

use crate::desktop::notices::{self, Notice, Notices};
use crate::desktop::probe;
use crate::desktop::tray::{self, Tray, TrayItem};
use crate::window;
use chrono::{DateTime, Utc};
use csba_alerts::{Alert, AlertSink, Summary};
use csba_app::alerts::{self as text, Availability, DeskAlerts, DesktopSupport, OpenTarget, SnoozeChoice};
use csba_app::Desk;
use std::sync::Arc;
use tauri::{AppHandle, Emitter, Manager};

/// Emitted with a `csba_app::alerts::DeskAlert` when there is no notification daemon.
pub const DESK_ALERT: &str = "desk-alert";
/// Emitted with an `OpenTarget` when a notification or tray entry is chosen.
pub const OPEN_TARGET: &str = "open-target";

/// The desktop parts the alerts use, kept as app state.
pub struct Desktop {
    pub notices: Arc<dyn Notices>,
    pub tray: Option<Tray>,
}

pub fn notices(app: &AppHandle) -> Option<Arc<dyn Notices>> {
    app.try_state::<Desktop>().map(|d| d.notices.clone())
}

/// Sets up notifications and the tray; call from `setup`.
pub fn install(app: &AppHandle, desk: &Arc<Desk>) {
    let opener = app.clone();
    let on_open: notices::OnOpen = Arc::new(move |target| open(&opener, &target));
    let notices = notices::for_this_os(app, on_open);
    let menu_desk = desk.clone();
    let tray = match Tray::create(app, desk, move |app, item| on_menu(app, &menu_desk, item)) {
        Ok(tray) => Some(tray),
        Err(e) => {
            tracing::warn!("no tray icon: {e}");
            None
        }
    };
    app.manage(Desktop { notices, tray });
}

/// Runs the scheduler until the app quits (on the link thread's runtime).
pub async fn run(app: AppHandle, desk: Arc<Desk>) {
    let source = DeskAlerts(desk.clone());
    let sink = ShellSink { app, desk: desk.clone() };
    csba_alerts::run(&source, &sink, &csba_alerts::SystemClock, &desk.alerts_changed).await;
}

/// What the desktop offers now, for the Settings screen.
pub fn support(app: &AppHandle) -> DesktopSupport {
    let tray_there = app.try_state::<Desktop>().is_some_and(|d| d.tray.is_some()) && probe::tray_host();
    let tray = Availability { available: tray_there, reason: (!tray_there).then(|| probe::NO_TRAY_HOST.to_owned()) };
    let notifications = match notices(app).map(|n| n.available()) {
        Some(Ok(())) => Availability { available: true, reason: None },
        Some(Err(e)) => Availability { available: false, reason: Some(e.message_id().to_owned()) },
        None => Availability { available: false, reason: Some(notices::NoticeError::NoDaemon.message_id().to_owned()) },
    };
    DesktopSupport { tray, notifications, autostart: crate::autostart::enabled(app) }
}

/// Opens what a notification or tray entry is about.
pub fn open(app: &AppHandle, target: &OpenTarget) {
    window::bring_forward(app);
    if let Err(e) = app.emit(OPEN_TARGET, target) {
        tracing::warn!("cannot open {target:?}: {e}");
    }
}

fn on_menu(app: &AppHandle, desk: &Arc<Desk>, item: TrayItem) {
    let snooze = |choice| {
        if let Err(e) = desk.snooze_alerts(choice, support(app), Utc::now()) {
            tracing::warn!("cannot pause alerts: {e:?}");
        }
    };
    match item {
        TrayItem::Deadline(n) => {
            let key = app.try_state::<Desktop>().and_then(|d| d.tray.as_ref().and_then(|t| t.listed(n)));
            if let Some(key) = key {
                open(app, &text::open_target(&key));
            }
        }
        TrayItem::SyncNow => desk.sync_now(),
        TrayItem::PauseHour => snooze(SnoozeChoice::OneHour),
        TrayItem::PauseMorning => snooze(SnoozeChoice::UntilTomorrowMorning),
        TrayItem::Resume => snooze(SnoozeChoice::Off),
        TrayItem::Open => window::bring_forward(app),
        TrayItem::Quit => app.exit(0),
    }
}

struct ShellSink {
    app: AppHandle,
    desk: Arc<Desk>,
}

impl AlertSink for ShellSink {
    fn deliver(&self, alerts: &[Alert], now: DateTime<Utc>) -> bool {
        let locale = self.desk.locale();
        let catalog = &self.desk.catalog;
        let words = text::notification(catalog, locale, alerts, now);
        // Each item's short line ("Case on order 503-… — in 1 h 10 min") labels its action.
        let targets: Vec<(OpenTarget, String)> = alerts
            .iter()
            .map(|a| (text::open_target(&a.obligation.key), text::upcoming_label(catalog, locale, &a.obligation, now)))
            .collect();
        let notice = Notice {
            app_name: catalog.format(locale, "desk-window-title", &[]),
            title: words.title,
            body: words.body,
            open_label: catalog.format(locale, "notification-open", &[]),
            urgent: alerts.iter().any(|a| a.minutes == 0),
            targets,
        };
        let Some(notices) = notices(&self.app) else { return false };
        match notices.show(&notice) {
            Ok(()) => true,
            // Before the UI listens, an event would be lost: the first
            // render wakes the scheduler to try again.
            Err(_) if !crate::startup::rendered() => false,
            Err(e) => {
                // No daemon: the window shows it — brought forward, since a
                // hidden window would show it to no one.
                tracing::info!("alert shown in the window ({e})");
                window::bring_forward(&self.app);
                self.app.emit(DESK_ALERT, text::desk_alert(catalog, locale, alerts, now)).is_ok()
            }
        }
    }

    fn show_summary(&self, summary: &Summary, now: DateTime<Utc>) {
        let locale = self.desk.locale();
        if let Some(window) = window::main_window(&self.app) {
            // The count in the title is what a desktop without a tray shows in its taskbar.
            if let Err(e) = window.set_title(&text::window_title(&self.desk.catalog, locale, summary)) {
                tracing::warn!("cannot set the window title: {e}");
            }
        }
        let Some(desktop) = self.app.try_state::<Desktop>() else { return };
        let Some(tray) = desktop.tray.as_ref() else { return };
        let paused = self.desk.alert_settings(DesktopSupport::default(), now).ok().and_then(|s| s.snoozed_until);
        let view = tray::view(&self.desk, summary, paused, now);
        let listed = summary.upcoming.iter().take(tray::MENU_DEADLINES).map(|o| o.key.clone()).collect();
        if let Err(e) = tray.show(&self.app, view, listed) {
            tracing::warn!("cannot update the tray: {e}");
        }
    }
}

/// A notification the seller asked for, to see that alerts reach them.
pub fn test_notification(app: &AppHandle, desk: &Desk) -> csba_app::alerts::NotificationCheck {
    let notice = Notice::plain(desk, "alert-test-title", "alert-test-body");
    match notices(app).map(|n| n.show(&notice)) {
        Some(Ok(())) => csba_app::alerts::NotificationCheck { delivered: true, reason: None },
        Some(Err(e)) => {
            csba_app::alerts::NotificationCheck { delivered: false, reason: Some(e.message_id().to_owned()) }
        }
        None => csba_app::alerts::NotificationCheck {
            delivered: false,
            reason: Some(notices::NoticeError::NoDaemon.message_id().to_owned()),
        },
    }
}
