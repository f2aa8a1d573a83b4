//! Notifications through the freedesktop interface
//! (`org.freedesktop.Notifications` on the session bus), which every Linux
//! notification daemon implements. Written against D-Bus directly rather
//! than through the notification plugin because the plugin cannot tell us
//! that no daemon is listening (it drops the notification silently) and has
//! no click callback on Linux.

use super::notices::{Notice, NoticeError, Notices, OnOpen, ITEM_ACTIONS};
use csba_app::alerts::OpenTarget;
use dbus::arg::{PropMap, RefArg, Variant};
use dbus::blocking::Connection;
use dbus::message::MatchRule;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

const NAME: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";
/// A daemon that has not answered in this long is treated as absent: the
/// scheduler must not hang on a broken desktop.
const CALL_TIMEOUT: Duration = Duration::from_secs(2);
/// The action every daemon runs when the notification itself is clicked.
const DEFAULT_ACTION: &str = "default";

pub struct Freedesktop {
    on_open: OnOpen,
    /// The connection notifications are sent on; reopened after a failure
    /// (the session bus restarted, the daemon came later).
    sender: Mutex<Option<Connection>>,
    /// What each notification on screen opens, by the daemon's id: the
    /// default action's target first, then one per item action.
    shown: Arc<Mutex<HashMap<u32, Vec<OpenTarget>>>>,
    listening: Mutex<bool>,
}

impl Freedesktop {
    pub fn new(on_open: OnOpen) -> Self {
        Freedesktop { on_open, sender: Mutex::new(None), shown: Arc::default(), listening: Mutex::new(false) }
    }

    fn with_connection<T>(&self, f: impl FnOnce(&Connection) -> Result<T, dbus::Error>) -> Result<T, NoticeError> {
        let mut slot = self.sender.lock().map_err(|_| NoticeError::NoDaemon)?;
        if slot.is_none() {
            *slot = Some(Connection::new_session().map_err(|e| absent(&e))?);
        }
        let connection = slot.as_ref().ok_or(NoticeError::NoDaemon)?;
        f(connection).map_err(|e| {
            // A dead connection is dropped so the next call opens a new one.
            *slot = None;
            absent(&e)
        })
    }

    /// Starts, once, the thread that hears clicks (`ActionInvoked`) and
    /// closes (`NotificationClosed`); it sleeps in the bus's poll between
    /// signals, costing nothing while idle.
    fn listen(&self) {
        let Ok(mut listening) = self.listening.lock() else { return };
        if *listening {
            return;
        }
        let connection = match Connection::new_session() {
            Ok(c) => c,
            Err(e) => return tracing::warn!("cannot listen for notification clicks: {e}"),
        };
        let (shown, on_open) = (self.shown.clone(), self.on_open.clone());
        let clicked = MatchRule::new_signal(NAME, "ActionInvoked");
        let opened = move |(id, action): (u32, String), _: &Connection, _: &dbus::Message| {
            let index = if action == DEFAULT_ACTION { Some(0) } else { item_index(&action) };
            let target = index.and_then(|i| shown.lock().ok()?.get(&id)?.get(i).cloned());
            if let Some(target) = target {
                on_open(target);
            }
            true
        };
        let shown = self.shown.clone();
        let closed = MatchRule::new_signal(NAME, "NotificationClosed");
        let forget = move |(id, _reason): (u32, u32), _: &Connection, _: &dbus::Message| {
            if let Ok(mut s) = shown.lock() {
                s.remove(&id);
            }
            true
        };
        if let Err(e) = connection.add_match(clicked, opened).and_then(|_| connection.add_match(closed, forget)) {
            return tracing::warn!("cannot listen for notification clicks: {e}");
        }
        let spawned = std::thread::Builder::new().name("csba-notice-clicks".into()).spawn(move || loop {
            if let Err(e) = connection.process(Duration::from_secs(24 * 3600)) {
                tracing::warn!("stopped listening for notification clicks: {e}");
                return;
            }
        });
        *listening = spawned.is_ok();
    }
}

impl Notices for Freedesktop {
    fn available(&self) -> Result<(), NoticeError> {
        self.with_connection(|c| {
            let bus = c.with_proxy("org.freedesktop.DBus", "/org/freedesktop/DBus", CALL_TIMEOUT);
            let (running,): (bool,) = bus.method_call("org.freedesktop.DBus", "NameHasOwner", (NAME,))?;
            if running {
                return Ok(true);
            }
            // Not running yet, but the bus would start it on the first call.
            let (names,): (Vec<String>,) = bus.method_call("org.freedesktop.DBus", "ListActivatableNames", ())?;
            Ok(names.iter().any(|n| n == NAME))
        })?
        .then_some(())
        .ok_or(NoticeError::NoDaemon)
    }

    fn show(&self, notice: &Notice) -> Result<(), NoticeError> {
        self.available()?;
        self.listen();
        let id = self.with_connection(|c| {
            let daemon = c.with_proxy(NAME, PATH, CALL_TIMEOUT);
            let (capabilities,): (Vec<String>,) = daemon.method_call(NAME, "GetCapabilities", ())?;
            // Where the daemon reads markup, text from buyers and stores must
            // not become markup.
            let markup = capabilities.iter().any(|c| c == "body-markup");
            let body = if markup { escape_markup(&notice.body) } else { notice.body.clone() };
            let actions = actions(notice);
            let mut hints = PropMap::new();
            hints.insert("desktop-entry".into(), Variant(Box::new("csba-desk".to_owned()) as Box<dyn RefArg>));
            // Critical stays on screen until the seller acts, as an overdue deadline should.
            hints.insert("urgency".into(), Variant(Box::new(if notice.urgent { 2u8 } else { 1u8 }) as Box<dyn RefArg>));
            let (id,): (u32,) = daemon.method_call(
                NAME,
                "Notify",
                (
                    notice.app_name.as_str(),
                    0u32,
                    "csba-desk",
                    notice.title.as_str(),
                    body.as_str(),
                    actions,
                    hints,
                    -1i32,
                ),
            )?;
            Ok(id)
        })?;
        if let Ok(mut shown) = self.shown.lock() {
            shown.insert(id, notice.targets.iter().map(|(t, _)| t.clone()).collect());
        }
        Ok(())
    }
}

/// The action list (key, label, key, label…): the default action opens
/// the first target; a grouped notice has `open-<n>` for each of its first
/// items.
fn actions(notice: &Notice) -> Vec<String> {
    let mut actions = Vec::new();
    if notice.targets.is_empty() {
        return actions;
    }
    actions.extend([DEFAULT_ACTION.to_owned(), notice.open_label.clone()]);
    if notice.targets.len() > 1 {
        for (n, (_, label)) in notice.targets.iter().take(ITEM_ACTIONS).enumerate() {
            actions.extend([format!("open-{n}"), label.clone()]);
        }
    }
    actions
}

fn item_index(action: &str) -> Option<usize> {
    action.strip_prefix("open-")?.parse().ok().filter(|n| *n < ITEM_ACTIONS)
}

/// A D-Bus failure means, to the seller, that no notification arrives.
fn absent(e: &dbus::Error) -> NoticeError {
    tracing::debug!("notification daemon: {e}");
    NoticeError::NoDaemon
}

/// The freedesktop body markup is a small subset of XML: `&`, `<` and `>`
/// are all that must be escaped for text to stay text.
fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_offers_each_of_its_first_items_and_clicking_opens_the_first() {
        let target = |id: &str| OpenTarget { screen: "case".into(), account_id: 1, id: id.into() };
        // More items than get an action of their own.
        let notice = Notice {
            app_name: "CSBA Desk".into(),
            title: "4 deadlines".into(),
            body: String::new(),
            open_label: "Open".into(),
            urgent: false,
            targets: ["a", "b", "c", "d", "e", "f"].iter().map(|id| (target(id), format!("Case {id}"))).collect(),
        };
        assert_eq!(
            actions(&notice),
            [
                "default", "Open", "open-0", "Case a", "open-1", "Case b", "open-2", "Case c", "open-3", "Case d",
                "open-4", "Case e"
            ]
            .map(String::from)
        );
        assert_eq!((item_index("open-4"), item_index("open-5"), item_index("close")), (Some(4), None, None));
        let single = Notice { targets: notice.targets[..1].to_vec(), ..notice };
        assert_eq!(actions(&single), ["default", "Open"].map(String::from));
    }

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(escape_markup("<b>A&B</b>"), "&lt;b&gt;A&amp;B&lt;/b&gt;");
    }
}
