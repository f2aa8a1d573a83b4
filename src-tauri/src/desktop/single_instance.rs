//! One running app per desktop session on Linux: the first launch owns a
//! well-known name on the session bus; a later launch asks its owner to
//! come forward and exits, before any window or webview of its own exists.
//!
//! On Linux written against the `dbus` crate the notifications already use,
//! instead of tauri-plugin-single-instance, whose Linux side brings in a
//! second D-Bus stack (zbus and its async runtime, ~1 MB of the release
//! binary) for this one call. Windows and macOS keep the plugin.

/// This launch is the app: what answers later launches comes with
/// [`Instance::plugin`].
pub struct Instance {
    #[cfg(target_os = "linux")]
    primary: Option<linux::Primary>,
}

/// Claims the session's one instance for the app `identifier`; `None` when
/// a running app was asked to come forward instead, and this one must exit.
pub fn claim(identifier: &str) -> Option<Instance> {
    #[cfg(target_os = "linux")]
    return match linux::claim_name(identifier) {
        linux::Claim::HandedOver => None,
        linux::Claim::Primary(primary) => Some(Instance { primary: Some(primary) }),
        linux::Claim::NoBus => Some(Instance { primary: None }),
    };
    #[cfg(not(target_os = "linux"))]
    {
        // The plugin claims and hands over itself, in its setup.
        let _ = identifier;
        Some(Instance {})
    }
}

impl Instance {
    /// Brings the window forward whenever the app is launched again.
    pub fn plugin(self) -> tauri::plugin::TauriPlugin<tauri::Wry> {
        #[cfg(target_os = "linux")]
        return tauri::plugin::Builder::new("csba-single-instance")
            .setup(move |app, _| {
                if let Some(primary) = self.primary {
                    let app = app.clone();
                    primary.serve(move || crate::window::bring_forward(&app));
                }
                Ok(())
            })
            .build();
        #[cfg(not(target_os = "linux"))]
        tauri_plugin_single_instance::init(|app, _args, _cwd| crate::window::bring_forward(app))
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use dbus::blocking::Connection;
    use dbus::channel::MatchingReceiver;
    use dbus::message::MatchRule;
    use dbus::Message;
    use std::time::Duration;

    const INTERFACE_SUFFIX: &str = ".SingleInstance";
    const RAISE: &str = "Raise";
    /// A running app that does not answer in this long is hung; this launch
    /// then exits anyway rather than open a second desk on the same replica.
    const CALL_TIMEOUT: Duration = Duration::from_secs(5);

    /// The outcome of claiming the session's one instance.
    pub enum Claim {
        /// This process is the app; serve the name with [`Primary::serve`].
        Primary(Primary),
        /// Another instance was asked to come forward: exit now.
        HandedOver,
        /// No session bus (a bare X server, a service account): nothing can
        /// find another instance, so this one runs on its own.
        NoBus,
    }

    pub struct Primary {
        connection: Connection,
        name: String,
    }

    /// Claims `<identifier>.SingleInstance`; when another process holds it,
    /// asks that one to raise its window.
    pub fn claim_name(identifier: &str) -> Claim {
        let name = format!("{identifier}{INTERFACE_SUFFIX}");
        let connection = match Connection::new_session() {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!("no session bus, not checking for another running instance: {e}");
                return Claim::NoBus;
            }
        };
        // Not queued and not replaceable: the first launch keeps the name until it exits.
        match connection.request_name(name.as_str(), false, false, true) {
            Ok(dbus::blocking::stdintf::org_freedesktop_dbus::RequestNameReply::PrimaryOwner) => {
                Claim::Primary(Primary { connection, name })
            }
            Ok(_) => {
                let proxy = connection.with_proxy(name.as_str(), object_path(&name), CALL_TIMEOUT);
                if let Err(e) = proxy.method_call::<(), _, _, _>(name.as_str(), RAISE, ()) {
                    tracing::warn!("another CSBA Desk is running but did not answer: {e}");
                }
                Claim::HandedOver
            }
            Err(e) => {
                tracing::warn!("cannot claim the session's instance name, running on its own: {e}");
                Claim::NoBus
            }
        }
    }

    impl Primary {
        /// Answers `Raise` calls from later launches with `raise`, on a thread
        /// of its own that sleeps in the bus's poll while nothing comes.
        pub fn serve(self, raise: impl Fn() + Send + 'static) {
            let Primary { connection, name } = self;
            let path = object_path(&name);
            let rule = MatchRule::new_method_call();
            connection.start_receive(
                rule,
                Box::new(move |call: Message, connection: &Connection| {
                    let ours = call.path().is_some_and(|p| *p == *path)
                        && call.interface().is_some_and(|i| *i == *name)
                        && call.member().is_some_and(|m| &*m == RAISE);
                    if ours {
                        raise();
                    }
                    if !call.get_no_reply() {
                        let reply = if ours {
                            call.method_return()
                        } else {
                            Message::error(&call, &"org.freedesktop.DBus.Error.UnknownMethod".into(), c"unknown method")
                        };
                        // The caller times out on its own if this fails.
                        let _ = dbus::channel::Sender::send(connection, reply);
                    }
                    true
                }),
            );
            let spawned = std::thread::Builder::new().name("csba-single-instance".into()).spawn(move || loop {
                if let Err(e) = connection.process(Duration::from_secs(24 * 3600)) {
                    tracing::warn!("stopped answering later launches: {e}");
                    return;
                }
            });
            if let Err(e) = spawned {
                tracing::warn!("cannot answer later launches: {e}");
            }
        }
    }

    /// `/app/csbadesk/desktop/SingleInstance` for `app.csbadesk.desktop.SingleInstance`.
    pub(super) fn object_path(name: &str) -> dbus::Path<'static> {
        let path = format!("/{}", name.replace('.', "/").replace('-', "_"));
        dbus::Path::new(path).unwrap_or_else(|_| dbus::Path::from("/"))
    }
}

#[cfg(test)]
#[cfg(target_os = "linux")]
mod tests {
    use super::linux::*;

    #[test]
    fn the_object_path_follows_the_name() {
        assert_eq!(&*object_path("app.csbadesk.desktop.SingleInstance"), "/app/csbadesk/desktop/SingleInstance");
        assert_eq!(&*object_path("app.csba-desk.SingleInstance"), "/app/csba_desk/SingleInstance");
    }
}
