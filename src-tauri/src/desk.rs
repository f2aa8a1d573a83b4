//! The app's state and what the commands ask of it. Nothing here knows
//! about Tauri, so it reads like (and could move into) a core crate. Time
//! is passed in by the caller.

use crate::error::AppError;
use crate::ipc::{AccountView, CaseDetail, DraftView, Inbox, QueueCounts, QueueItem, ServiceKind, Settings, SyncView};
use chrono::{DateTime, Utc};
use csba_domain::CaseStatus;
use csba_i18n::{Catalog, Locale};
use csba_store::{Account, AccountId, AccountService, Store};
use csba_sync::{onboarding, Connectivity};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::Notify;

const LOCALE_KEY: &str = "locale";

/// How many outbox entries the queue screen lists.
const QUEUE_LIMIT: u32 = 200;

/// The link to one account's service, as last observed by its sync loop.
#[derive(Debug, Clone)]
pub struct Link {
    pub state: Connectivity,
    pub error: Option<AppError>,
}

impl Link {
    const STARTING: Link = Link { state: Connectivity::Syncing, error: None };
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
        }
    }

    fn store(&self) -> Result<MutexGuard<'_, Store>, AppError> {
        self.store.lock().map_err(|_| AppError::new("replica-unavailable"))
    }

    pub fn accounts(&self) -> Result<Vec<Account>, AppError> {
        Ok(self.store()?.accounts()?)
    }

    pub fn inbox(&self) -> Result<Inbox, AppError> {
        let store = self.store()?;
        let links = self.links.lock().map(|l| l.clone()).unwrap_or_default();
        let accounts = store
            .accounts()?
            .into_iter()
            .map(|account| {
                let link = links.get(&account.id).cloned().unwrap_or(Link::STARTING);
                account_view(&store, account, link)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let counts = store.outbox_counts()?;
        let desk_error = self.desk_error.lock().ok().and_then(|e| e.clone());
        Ok(Inbox {
            cases: store.inbox()?,
            server_offset_ms: accounts.first().map_or(0, |a| a.server_offset_ms),
            sync: overall(&accounts, desk_error),
            accounts,
            queue: QueueCounts { queued: counts.queued, sending: counts.sending, failed: counts.failed },
        })
    }

    pub fn case_detail(&self, account: AccountId, case_id: &str) -> Result<CaseDetail, AppError> {
        let store = self.store()?;
        let record = store.case(account, case_id)?.ok_or_else(|| case_not_found(case_id))?;
        let replies = store.outbox_for(account, &format!("case:{case_id}"))?;
        Ok(CaseDetail {
            case: record.view,
            messages: record.messages.into_iter().map(Into::into).collect(),
            draft: store.draft(account, case_id)?.map(Into::into),
            replies: replies.into_iter().map(Into::into).collect(),
            server_offset_ms: store.sync_state(account)?.server_offset_ms,
        })
    }

    /// Saves what the seller typed; an empty box removes the draft.
    pub fn save_draft(
        &self,
        account: AccountId,
        case_id: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<DraftView>, AppError> {
        let store = self.store()?;
        if body.trim().is_empty() {
            store.discard_draft(account, case_id)?;
            return Ok(None);
        }
        store.save_draft(account, case_id, body, now)?;
        Ok(store.draft(account, case_id)?.map(Into::into))
    }

    pub fn acknowledge_case_change(&self, account: AccountId, case_id: &str) -> Result<(), AppError> {
        Ok(self.store()?.acknowledge_case_change(account, case_id)?)
    }

    /// Queues the reply (and drops its draft, in one transaction) and wakes
    /// the account's link to send it.
    pub fn send_reply(
        &self,
        account: AccountId,
        case_id: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<QueueItem, AppError> {
        let body = body.trim_end();
        if body.trim().is_empty() {
            return Err(AppError::new("reply-empty"));
        }
        let entry = {
            let mut store = self.store()?;
            let case = store.case(account, case_id)?.ok_or_else(|| case_not_found(case_id))?;
            if case.view.status == CaseStatus::ResolvedByCsba {
                return Err(AppError::new("case-resolved"));
            }
            store.reply_to_case(account, case_id, body, Some(&case.view.language), now)?
        };
        self.wake(account);
        Ok(entry.into())
    }

    /// The newest outbox entries, newest first.
    pub fn queue(&self) -> Result<Vec<QueueItem>, AppError> {
        Ok(self.store()?.recent_outbox(QUEUE_LIMIT)?.into_iter().map(Into::into).collect())
    }

    /// Sends a refused action again (with a new idempotency key).
    pub fn retry_action(&self, id: i64, now: DateTime<Utc>) -> Result<QueueItem, AppError> {
        let entry = {
            let store = self.store()?;
            if !store.requeue(id, now)? {
                return Err(AppError::new("action-not-failed"));
            }
            store.outbox_entry(id)?.ok_or_else(|| AppError::new("action-not-failed"))?
        };
        self.wake(entry.account_id);
        Ok(entry.into())
    }

    pub fn discard_action(&self, id: i64) -> Result<(), AppError> {
        if self.store()?.discard(id)? {
            Ok(())
        } else {
            Err(AppError::new("action-not-failed"))
        }
    }

    /// Registers a verified seller: token into the keychain, account into
    /// the replica (see `csba_sync::onboarding`). Its link starts soon.
    pub fn save_account(
        &self,
        seller: &onboarding::VerifiedSeller,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<AccountView, AppError> {
        let open = || self.store.lock().map_err(|_| onboarding::AddAccountError::Poisoned);
        let added = onboarding::save_account(seller, token, now, open).map_err(add_account_error)?;
        self.accounts_changed.notify_one();
        account_view(&*self.store()?, added.account, Link::STARTING)
    }

    /// Forgets an account with its data and token; refuses while actions
    /// are unsent unless `force`.
    pub fn remove_account(&self, id: AccountId, force: bool) -> Result<(), AppError> {
        use onboarding::RemoveAccountError as E;
        let removed = onboarding::remove_account(&*self.store()?, id, force).map_err(|e| match e {
            E::Unknown(_) => AppError::new("account-unknown"),
            E::Unsent { queued, sending, failed } => {
                AppError::new("account-has-unsent").with_arg("count", (queued + sending + failed).to_string())
            }
            E::Keychain(e) => AppError::from(e),
            E::Store(e) => AppError::from(e),
        })?;
        if let Some(entry) = removed.token_left {
            tracing::warn!(%entry, "the keychain could not be reached; the token entry was left in it");
        }
        self.forget_link(id);
        self.accounts_changed.notify_one();
        Ok(())
    }

    /// Every account's link tries now instead of after its wait.
    pub fn sync_now(&self) {
        if let Ok(wakers) = self.wakers.lock() {
            wakers.values().for_each(|w| w.notify_one());
        }
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

    fn wake(&self, account: AccountId) {
        self.waker(account).notify_one();
    }
}

/// Why adding an account failed, as a code the UI words. Never carries the
/// token.
pub fn add_account_error(error: onboarding::AddAccountError) -> AppError {
    use onboarding::AddAccountError as E;
    match error {
        E::InvalidUrl => AppError::new("account-url-invalid"),
        E::EmptyToken => AppError::new("token-empty"),
        E::MalformedToken => AppError::new("token-malformed"),
        E::Service(csba_api::ClientError::Unreachable(_)) => AppError::new("service-unreachable"),
        E::Service(csba_api::ClientError::Problem(p)) if p.status == 401 => AppError::new("token-rejected"),
        E::Service(csba_api::ClientError::Problem(p)) if p.status >= 500 => AppError::new("service-failed"),
        E::Service(csba_api::ClientError::Protocol { status }) if status >= 500 => AppError::new("service-failed"),
        E::Service(_) => AppError::new("not-csba-service"),
        E::Keychain(e) => AppError::from(e),
        E::Store(e) => AppError::from(e),
        E::Poisoned => AppError::new("replica-unavailable"),
    }
}

fn case_not_found(case_id: &str) -> AppError {
    AppError::new("case-not-found").with_arg("case", case_id)
}

/// One account as the UI shows it: what the replica knows of it, and its link.
fn account_view(store: &Store, account: Account, link: Link) -> Result<AccountView, AppError> {
    let state = store.sync_state(account.id)?;
    let unsent = store.outbox_counts_for(account.id)?;
    Ok(AccountView {
        id: account.id,
        service_url: match &account.service {
            AccountService::Sandbox => None,
            AccountService::Remote { url } => Some(url.clone()),
        },
        unsent: unsent.queued + unsent.sending + unsent.failed,
        sync: SyncView {
            state: link.state,
            last_sync_at: state.last_sync_at,
            service: service_of(&account),
            error: link.error,
        },
        seller_id: account.seller_id,
        display_name: account.display_name,
        marketplaces: account.marketplaces,
        server_offset_ms: state.server_offset_ms,
    })
}

fn service_of(account: &Account) -> ServiceKind {
    if account.is_sandbox() {
        ServiceKind::Sandbox
    } else {
        ServiceKind::Remote
    }
}

/// The header's view of all accounts: offline if any account is, its
/// error first; the oldest last sync, since that is what the seller can
/// rely on.
fn overall(accounts: &[AccountView], desk_error: Option<AppError>) -> SyncView {
    let state = if desk_error.is_some() || accounts.iter().any(|a| a.sync.state == Connectivity::Offline) {
        Connectivity::Offline
    } else if accounts.is_empty() || accounts.iter().any(|a| a.sync.state == Connectivity::Syncing) {
        Connectivity::Syncing
    } else {
        Connectivity::Online
    };
    let last_sync_at =
        if accounts.is_empty() { None } else { accounts.iter().map(|a| a.sync.last_sync_at).min().flatten() };
    let service = if accounts.iter().all(|a| a.sync.service == ServiceKind::Sandbox) {
        ServiceKind::Sandbox
    } else {
        ServiceKind::Remote
    };
    let error = desk_error.or_else(|| accounts.iter().find_map(|a| a.sync.error.clone()));
    SyncView { state, last_sync_at, service, error }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(id: i64, state: Connectivity, last: Option<i64>) -> AccountView {
        AccountView {
            id: AccountId(id),
            seller_id: format!("S{id}"),
            display_name: String::new(),
            marketplaces: vec![],
            service_url: None,
            unsent: 0,
            sync: SyncView {
                state,
                last_sync_at: last.and_then(DateTime::from_timestamp_millis),
                service: ServiceKind::Remote,
                error: (state == Connectivity::Offline).then(|| AppError::new("service-unreachable")),
            },
            server_offset_ms: 0,
        }
    }

    #[test]
    fn one_offline_account_makes_the_desk_offline_and_the_oldest_sync_counts() {
        let view = overall(
            &[account(1, Connectivity::Online, Some(2_000)), account(2, Connectivity::Offline, Some(1_000))],
            None,
        );
        assert_eq!(view.state, Connectivity::Offline);
        assert_eq!(view.last_sync_at, DateTime::from_timestamp_millis(1_000));
        assert_eq!(view.error.map(|e| e.code).as_deref(), Some("service-unreachable"));

        let never =
            overall(&[account(1, Connectivity::Online, Some(2_000)), account(2, Connectivity::Syncing, None)], None);
        assert_eq!(never.state, Connectivity::Syncing);
        assert_eq!(never.last_sync_at, None, "one account never synced");

        let starting = overall(&[], Some(AppError::new("sandbox-failed")));
        assert_eq!(starting.state, Connectivity::Offline);
        assert_eq!(starting.service, ServiceKind::Sandbox);
    }
}
