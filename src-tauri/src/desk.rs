//! The app's state and what the commands ask of it. Nothing here knows
//! about Tauri, so it reads like (and could move into) a core crate.

use crate::error::AppError;
use crate::ipc::{Inbox, ServiceKind, Settings, SyncView};
use csba_i18n::{Catalog, Locale};
use csba_store::Store;
use csba_sync::Connectivity;
use std::sync::{Arc, Mutex};

const LOCALE_KEY: &str = "locale";

/// The link to the service, as last observed by the sync loop.
#[derive(Debug, Clone)]
pub struct Link {
    pub state: Connectivity,
    pub error: Option<AppError>,
}

pub struct Desk {
    pub store: Arc<Mutex<Store>>,
    pub catalog: Catalog,
    pub service: ServiceKind,
    pub link: Mutex<Link>,
}

impl Desk {
    pub fn new(store: Store, catalog: Catalog, service: ServiceKind) -> Self {
        Desk {
            store: Arc::new(Mutex::new(store)),
            catalog,
            service,
            link: Mutex::new(Link { state: Connectivity::Syncing, error: None }),
        }
    }

    fn store(&self) -> Result<std::sync::MutexGuard<'_, Store>, AppError> {
        self.store.lock().map_err(|_| AppError::new("replica-unavailable"))
    }

    pub fn inbox(&self) -> Result<Inbox, AppError> {
        let store = self.store()?;
        let state = store.sync_state()?;
        let link = self.link.lock().map(|l| l.clone()).unwrap_or(Link { state: Connectivity::Offline, error: None });
        Ok(Inbox {
            cases: store.inbox()?,
            server_offset_ms: state.server_offset_ms,
            sync: SyncView {
                state: link.state,
                last_sync_at: state.last_sync_at,
                service: self.service,
                error: link.error,
            },
        })
    }

    /// The chosen language, or the OS's negotiated one until the seller picks.
    pub fn locale(&self) -> Locale {
        self.store()
            .ok()
            .and_then(|s| s.setting(LOCALE_KEY).ok().flatten())
            .and_then(|tag| Locale::from_tag(&tag))
            .unwrap_or_else(csba_i18n::os_locale)
    }

    pub fn settings(&self) -> Result<Settings, AppError> {
        Ok(Settings { locale: self.locale() })
    }

    pub fn set_locale(&self, tag: &str) -> Result<Settings, AppError> {
        let locale = Locale::from_tag(tag).ok_or_else(|| AppError::new("unknown-locale").with_arg("locale", tag))?;
        self.store()?.set_setting(LOCALE_KEY, locale.tag())?;
        Ok(Settings { locale })
    }

    pub fn set_link(&self, state: Connectivity, error: Option<AppError>) {
        if let Ok(mut link) = self.link.lock() {
            *link = Link { state, error };
        }
    }
}
