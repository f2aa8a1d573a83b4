//! The desk: the replica, the catalog, and what the sync loops last said
//! about each account's link. The use cases (`cases`, `outbox`, `accounts`,
//! `orders`, …) are methods on it for the app, and functions on a bare
//! `Store` where the CLI needs the same rule.

use crate::error::{AppError, ErrorCode};
use csba_i18n::{Catalog, Locale};
use csba_store::{Account, AccountId, Store};
use csba_sync::Connectivity;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::Notify;

/// The link to one account's service, as last observed by its sync loop.
#[derive(Debug, Clone)]
pub struct Link {
    pub state: Connectivity,
    pub error: Option<AppError>,
}

impl Link {
    pub const STARTING: Link = Link { state: Connectivity::Syncing, error: None };
}

pub struct Desk {
    pub store: Arc<Mutex<Store>>,
    pub catalog: Catalog,
    links: Mutex<HashMap<AccountId, Link>>,
    wakers: Mutex<HashMap<AccountId, Arc<Notify>>>,
    /// A problem that is not any one account's (the demo service did not
    /// start, the keychain cannot be reached at all).
    desk_error: Mutex<Option<AppError>>,
    /// Tells the link supervisor that accounts were added or removed here,
    /// so it does not wait for its next look.
    pub accounts_changed: Notify,
    /// Uploads checked and shown to the seller, waiting for "Queue", by
    /// preview id: what was checked is exactly what is queued.
    pub(crate) previews: Mutex<HashMap<String, crate::upload::CheckedUpload>>,
    /// Tells the alert scheduler to look again now: its settings, snooze or
    /// ledger changed here, or (notified by the shell) the replica did.
    pub alerts_changed: Notify,
    /// The zone quiet hours and "tomorrow morning" are read in, when pinned
    /// (tests, `csba alerts --zone`); otherwise the desktop's, read each
    /// time, since a laptop travels.
    alert_zone: Mutex<Option<chrono_tz::Tz>>,
}

impl Desk {
    pub fn new(store: Store, catalog: Catalog) -> Self {
        Desk {
            store: Arc::new(Mutex::new(store)),
            catalog,
            links: Mutex::new(HashMap::new()),
            wakers: Mutex::new(HashMap::new()),
            desk_error: Mutex::new(None),
            accounts_changed: Notify::new(),
            previews: Mutex::new(HashMap::new()),
            alerts_changed: Notify::new(),
            alert_zone: Mutex::new(None),
        }
    }

    pub(crate) fn store(&self) -> Result<MutexGuard<'_, Store>, AppError> {
        self.store.lock().map_err(|_| AppError::new(ErrorCode::ReplicaUnavailable))
    }

    pub fn accounts(&self) -> Result<Vec<Account>, AppError> {
        Ok(self.store()?.accounts()?)
    }

    pub(crate) fn links(&self) -> HashMap<AccountId, Link> {
        self.links.lock().map(|l| l.clone()).unwrap_or_default()
    }

    pub(crate) fn desk_error(&self) -> Option<AppError> {
        self.desk_error.lock().ok().and_then(|e| e.clone())
    }

    // --- for the sync loops

    pub fn set_link(&self, account: AccountId, state: Connectivity, error: Option<AppError>) {
        if let Ok(mut links) = self.links.lock() {
            links.insert(account, Link { state, error });
        }
    }

    pub fn forget_link(&self, account: AccountId) {
        if let Ok(mut links) = self.links.lock() {
            links.remove(&account);
        }
        if let Ok(mut wakers) = self.wakers.lock() {
            wakers.remove(&account);
        }
    }

    pub fn set_desk_error(&self, error: Option<AppError>) {
        if let Ok(mut slot) = self.desk_error.lock() {
            *slot = error;
        }
    }

    /// The notifier that cuts `account`'s wait short (created on first use).
    pub fn waker(&self, account: AccountId) -> Arc<Notify> {
        match self.wakers.lock() {
            Ok(mut wakers) => wakers.entry(account).or_default().clone(),
            Err(_) => Arc::new(Notify::new()),
        }
    }

    /// Wakes `account`'s link to send what was just queued.
    pub(crate) fn wake(&self, account: AccountId) {
        self.waker(account).notify_one();
    }

    /// Every account's link tries now instead of after its wait.
    pub fn sync_now(&self) {
        if let Ok(wakers) = self.wakers.lock() {
            wakers.values().for_each(|w| w.notify_one());
        }
    }

    /// The zone alerts are timed in: the pinned one, else the desktop's.
    pub fn alert_zone(&self) -> chrono_tz::Tz {
        self.alert_zone.lock().ok().and_then(|z| *z).unwrap_or_else(crate::alerts::desktop_zone)
    }

    /// Pins the zone alerts are timed in (`None`: the desktop's again).
    pub fn pin_alert_zone(&self, zone: Option<chrono_tz::Tz>) {
        if let Ok(mut slot) = self.alert_zone.lock() {
            *slot = zone;
        }
        self.alerts_changed.notify_one();
    }

    /// The chosen language, or the OS's negotiated one until the seller picks.
    pub fn locale(&self) -> Locale {
        self.store().ok().map_or_else(csba_i18n::os_locale, |s| crate::settings::locale(&s))
    }
}
