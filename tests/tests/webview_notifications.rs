//! A notification daemon for the end-to-end tests: a real service on the
//! private session bus that implements `org.freedesktop.Notifications` —
//! what the app sees on a seller's desktop — and records every call, so a
//! test can assert exactly what was shown and click it (the daemon emits
//! `ActionInvoked`, as a real one does when the seller clicks).

use dbus::arg::PropMap;
use dbus::blocking::Connection;
use dbus::channel::{MatchingReceiver as _, Sender as _};
use dbus::message::MatchRule;
use dbus::Message;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

const NAME: &str = "org.freedesktop.Notifications";
const PATH: &str = "/org/freedesktop/Notifications";

/// One `Notify` call as the daemon received it.
#[derive(Debug, Clone)]
pub struct Shown {
    pub id: u32,
    pub app_name: String,
    pub summary: String,
    pub body: String,
    pub actions: Vec<String>,
}

pub struct Recorder {
    shown: Arc<Mutex<Vec<Shown>>>,
    commands: mpsc::Sender<Command>,
    thread: Option<JoinHandle<()>>,
}

enum Command {
    Invoke(u32, String),
    Stop,
}

impl Recorder {
    /// Takes the daemon's name on the session bus of `DBUS_SESSION_BUS_ADDRESS`.
    pub fn start() -> Result<Recorder, Box<dyn std::error::Error>> {
        let connection = Connection::new_session()?;
        let reply = connection.request_name(NAME, false, true, true)?;
        if reply != dbus::blocking::stdintf::org_freedesktop_dbus::RequestNameReply::PrimaryOwner {
            return Err(format!("another notification daemon owns {NAME}: {reply:?}").into());
        }
        let shown: Arc<Mutex<Vec<Shown>>> = Arc::default();
        let log = shown.clone();
        connection.start_receive(
            MatchRule::new_method_call(),
            Box::new(move |call: Message, c: &Connection| {
                answer(&call, c, &log);
                true
            }),
        );
        let (commands, inbox) = mpsc::channel();
        let thread = std::thread::spawn(move || loop {
            if connection.process(Duration::from_millis(50)).is_err() {
                return;
            }
            match inbox.try_recv() {
                Ok(Command::Invoke(id, action)) => {
                    let signal = Message::new_signal(PATH, NAME, "ActionInvoked").map(|m| m.append2(id, action));
                    if let Ok(signal) = signal {
                        let _ = connection.send(signal);
                    }
                }
                Ok(Command::Stop) | Err(mpsc::TryRecvError::Disconnected) => {
                    let _ = connection.release_name(NAME);
                    return;
                }
                Err(mpsc::TryRecvError::Empty) => {}
            }
        });
        Ok(Recorder { shown, commands, thread: Some(thread) })
    }

    /// Everything shown so far, oldest first.
    pub fn shown(&self) -> Vec<Shown> {
        self.shown.lock().map(|s| s.clone()).unwrap_or_default()
    }

    pub fn clear(&self) {
        if let Ok(mut s) = self.shown.lock() {
            s.clear();
        }
    }

    /// What the daemon does when the seller clicks notification `id` (the
    /// action "default") or one of its buttons.
    pub fn invoke(&self, id: u32, action: &str) {
        let _ = self.commands.send(Command::Invoke(id, action.to_owned()));
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        let _ = self.commands.send(Command::Stop);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn answer(call: &Message, c: &Connection, log: &Mutex<Vec<Shown>>) {
    let reply = match call.member().as_deref() {
        Some("GetCapabilities") => call.method_return().append1(vec!["actions", "body", "body-markup"]),
        Some("GetServerInformation") => call.method_return().append3("csba-test-daemon", "csba", "1").append1("1.2"),
        Some("Notify") => {
            type Args = (String, u32, String, String, String, Vec<String>, PropMap, i32);
            let Ok((app_name, _replaces, _icon, summary, body, actions, _hints, _timeout)) = call.read_all::<Args>()
            else {
                let name = dbus::strings::ErrorName::from("org.freedesktop.DBus.Error.InvalidArgs");
                let _ = c.send(call.error(&name, c"bad Notify arguments"));
                return;
            };
            let Ok(mut shown) = log.lock() else { return };
            let id = u32::try_from(shown.len()).unwrap_or(u32::MAX - 1) + 1;
            shown.push(Shown { id, app_name, summary, body, actions });
            call.method_return().append1(id)
        }
        Some("CloseNotification") => call.method_return(),
        _ => return,
    };
    let _ = c.send(reply);
}
