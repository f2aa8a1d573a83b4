//! The tray icon: its look says whether anything is overdue or due soon,
//! its tooltip how many and how long until the next, its menu the next few
//! deadlines and the app's own actions. Every label comes from the Rust
//! catalog in the seller's language; the scheduler rebuilds it on each
//! round, so a language change shows at once.

use csba_alerts::{ObligationKey, Summary, TrayLevel};
use csba_app::alerts as text;
use csba_app::Desk;
use std::sync::Mutex;
use tauri::image::Image;
use tauri::menu::{IsMenuItem, Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::tray::{MouseButton, MouseButtonState, TrayIcon, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Wry};

/// How many deadlines the menu lists itself (the rest: "and N more").
pub const MENU_DEADLINES: usize = 5;

/// Every entry of the tray menu. Ids are stable strings so a click maps
/// back to an item without looking at labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrayItem {
    /// The n-th of the upcoming deadlines listed.
    Deadline(usize),
    SyncNow,
    PauseHour,
    PauseMorning,
    Resume,
    Open,
    Quit,
}

impl TrayItem {
    /// Every entry but the deadlines, in menu order.
    const FIXED: [TrayItem; 6] = [
        TrayItem::SyncNow,
        TrayItem::PauseHour,
        TrayItem::PauseMorning,
        TrayItem::Resume,
        TrayItem::Open,
        TrayItem::Quit,
    ];

    pub fn id(self) -> String {
        match self {
            TrayItem::Deadline(n) => format!("deadline-{n}"),
            other => other.fixed_id().to_owned(),
        }
    }

    fn fixed_id(self) -> &'static str {
        match self {
            TrayItem::Deadline(_) => "deadline",
            TrayItem::SyncNow => "sync-now",
            TrayItem::PauseHour => "pause-hour",
            TrayItem::PauseMorning => "pause-morning",
            TrayItem::Resume => "resume",
            TrayItem::Open => "open",
            TrayItem::Quit => "quit",
        }
    }

    pub fn parse(id: &str) -> Option<TrayItem> {
        if let Some(n) = id.strip_prefix("deadline-") {
            return n.parse().ok().map(TrayItem::Deadline);
        }
        TrayItem::FIXED.into_iter().find(|item| item.fixed_id() == id)
    }

    /// The catalog message of a fixed entry's label (a deadline's label is
    /// the deadline itself).
    pub fn message_id(self) -> Option<&'static str> {
        Some(match self {
            TrayItem::Deadline(_) => return None,
            TrayItem::SyncNow => "tray-sync-now",
            TrayItem::PauseHour => "tray-pause-hour",
            TrayItem::PauseMorning => "tray-pause-morning",
            TrayItem::Resume => "tray-resume",
            TrayItem::Open => "tray-open",
            TrayItem::Quit => "tray-quit",
        })
    }
}

/// What the tray shows; rebuilt only when it changed (a menu rebuilt every
/// minute would close under the seller's pointer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrayView {
    pub level: TrayLevel,
    pub tooltip: String,
    /// Labels of the listed deadlines, in menu order.
    pub deadlines: Vec<String>,
    /// "and 3 more", when there are.
    pub more: Option<String>,
    /// "Alerts paused until 08:00" when paused; the pause entries otherwise.
    pub paused: Option<String>,
    /// The title of the pause submenu.
    pub pause_title: String,
    /// Labels of the fixed items, in the seller's language.
    pub labels: Vec<(TrayItem, String)>,
}

/// The tray icon and what its deadline entries stand for.
pub struct Tray {
    icon: TrayIcon,
    shown: Mutex<Option<TrayView>>,
    /// The obligation behind each `Deadline(n)` entry.
    listed: Mutex<Vec<ObligationKey>>,
}

impl Tray {
    /// Creates the icon (hidden behind nothing: on a desktop without a tray
    /// host it exists and is never seen; `probe::tray_host` tells which).
    pub fn create(
        app: &AppHandle,
        desk: &Desk,
        on_menu: impl Fn(&AppHandle, TrayItem) + Send + Sync + 'static,
    ) -> tauri::Result<Tray> {
        let locale = desk.locale();
        let tooltip = desk.catalog.format(locale, "tray-nothing-due", &[]);
        let icon = TrayIconBuilder::with_id("csba-desk")
            .icon(level_icon(TrayLevel::Calm))
            .tooltip(&tooltip)
            .show_menu_on_left_click(false)
            .on_menu_event(move |app: &AppHandle, event: MenuEvent| {
                if let Some(item) = TrayItem::parse(event.id().as_ref()) {
                    on_menu(app, item);
                }
            })
            .on_tray_icon_event(|tray: &TrayIcon, event: TrayIconEvent| {
                // A left click (where the platform reports one) brings the window.
                if let TrayIconEvent::Click { button: MouseButton::Left, button_state: MouseButtonState::Up, .. } =
                    event
                {
                    crate::window::bring_forward(tray.app_handle());
                }
            })
            .build(app)?;
        Ok(Tray { icon, shown: Mutex::new(None), listed: Mutex::new(Vec::new()) })
    }

    /// The obligation the n-th deadline entry stands for.
    pub fn listed(&self, n: usize) -> Option<ObligationKey> {
        self.listed.lock().ok()?.get(n).cloned()
    }

    /// Rebuilds what changed since the last call.
    pub fn show(&self, app: &AppHandle, view: TrayView, listed: Vec<ObligationKey>) -> tauri::Result<()> {
        let Ok(mut shown) = self.shown.lock() else { return Ok(()) };
        if shown.as_ref() == Some(&view) {
            return Ok(());
        }
        let before = shown.clone();
        if before.as_ref().is_none_or(|b| b.level != view.level) {
            self.icon.set_icon(Some(level_icon(view.level)))?;
        }
        if before.as_ref().is_none_or(|b| b.tooltip != view.tooltip) {
            self.icon.set_tooltip(Some(&view.tooltip))?;
        }
        self.icon.set_menu(Some(menu(app, &view)?))?;
        if let Ok(mut l) = self.listed.lock() {
            *l = listed;
        }
        *shown = Some(view);
        Ok(())
    }
}

/// The view of `summary` in the seller's language.
pub fn view(
    desk: &Desk,
    summary: &Summary,
    paused_until: Option<chrono::DateTime<chrono::Utc>>,
    now: chrono::DateTime<chrono::Utc>,
) -> TrayView {
    let locale = desk.locale();
    let catalog = &desk.catalog;
    let listed = summary.upcoming.iter().take(MENU_DEADLINES);
    let deadlines = listed.map(|o| text::upcoming_label(catalog, locale, o, now)).collect();
    // The summary lists only the first few; what needs the seller beyond
    // them is counted ("and 3 more"). Overdue and due-soon come first in
    // `upcoming`, so the listed ones are the most pressing.
    let pressing = usize::try_from(summary.overdue + summary.due_soon).unwrap_or(usize::MAX);
    let hidden = pressing.saturating_sub(summary.upcoming.len().min(MENU_DEADLINES));
    let more = (hidden > 0).then(|| catalog.format(locale, "tray-more-deadlines", &[("count", hidden.into())]));
    let zone = desk.alert_zone();
    let paused = paused_until.filter(|u| *u > now).map(|u| text::paused_label(catalog, locale, u, zone));
    TrayView {
        level: summary.level,
        tooltip: text::tray_tooltip(catalog, locale, summary, now),
        deadlines,
        more,
        paused,
        pause_title: catalog.format(locale, "tray-pause-menu", &[]),
        labels: TrayItem::FIXED
            .into_iter()
            .filter_map(|item| Some((item, catalog.format(locale, item.message_id()?, &[]))))
            .collect(),
    }
}

fn menu(app: &AppHandle, view: &TrayView) -> tauri::Result<Menu<Wry>> {
    let label =
        |item: TrayItem| view.labels.iter().find(|(i, _)| *i == item).map(|(_, l)| l.clone()).unwrap_or_default();
    let entry = |item: TrayItem| MenuItem::with_id(app, item.id(), label(item), true, None::<&str>);
    let mut items: Vec<Box<dyn IsMenuItem<Wry>>> = Vec::new();
    for (n, text) in view.deadlines.iter().enumerate() {
        items.push(Box::new(MenuItem::with_id(app, TrayItem::Deadline(n).id(), text, true, None::<&str>)?));
    }
    if let Some(more) = &view.more {
        items.push(Box::new(MenuItem::with_id(app, "more", more, false, None::<&str>)?));
    }
    if !items.is_empty() {
        items.push(Box::new(PredefinedMenuItem::separator(app)?));
    }
    items.push(Box::new(entry(TrayItem::SyncNow)?));
    match &view.paused {
        Some(paused) => {
            items.push(Box::new(MenuItem::with_id(app, "paused", paused, false, None::<&str>)?));
            items.push(Box::new(entry(TrayItem::Resume)?));
        }
        None => {
            let pause = [entry(TrayItem::PauseHour)?, entry(TrayItem::PauseMorning)?];
            let refs: Vec<&dyn IsMenuItem<Wry>> = pause.iter().map(|i| i as &dyn IsMenuItem<Wry>).collect();
            items.push(Box::new(Submenu::with_id_and_items(app, "pause", &view.pause_title, true, &refs)?));
        }
    }
    items.push(Box::new(PredefinedMenuItem::separator(app)?));
    items.push(Box::new(entry(TrayItem::Open)?));
    items.push(Box::new(entry(TrayItem::Quit)?));
    let refs: Vec<&dyn IsMenuItem<Wry>> = items.iter().map(|i| i.as_ref()).collect();
    Menu::with_items(app, &refs)
}

/// The icon for each level: the app's clock, with an amber dot when
/// something is due soon and a red one when something is overdue. Decoded
/// at compile time, so the binary carries no PNG decoder.
fn level_icon(level: TrayLevel) -> Image<'static> {
    const CALM: Image<'static> = tauri::include_image!("../icons/tray/calm.png");
    const DUE_SOON: Image<'static> = tauri::include_image!("../icons/tray/due.png");
    const OVERDUE: Image<'static> = tauri::include_image!("../icons/tray/overdue.png");
    match level {
        TrayLevel::Calm => CALM,
        TrayLevel::DueSoon => DUE_SOON,
        TrayLevel::Overdue => OVERDUE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_id_maps_back_to_its_item() {
        for item in TrayItem::FIXED.into_iter().chain([TrayItem::Deadline(0), TrayItem::Deadline(4)]) {
            assert_eq!(TrayItem::parse(&item.id()), Some(item));
        }
        assert_eq!(TrayItem::parse("deadline-x"), None);
        assert_eq!(TrayItem::parse("more"), None);
    }
}
