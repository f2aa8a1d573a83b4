//! Seller accounts (stores): adding one (token verified, into the keychain
//! only), removing one, and how each looks on the Accounts screen and in
//! the header.

use crate::desk::{Desk, Link};
use crate::error::{AppError, ErrorCode};
use crate::views::{AccountView, ServiceKind, SyncView};
use chrono::{DateTime, Utc};
use csba_store::{Account, AccountId, AccountService, Store};
use csba_sync::{onboarding, Connectivity};

impl Desk {
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
            E::Unknown(_) => AppError::new(ErrorCode::AccountUnknown),
            E::Unsent { queued, sending, failed } => {
                AppError::new(ErrorCode::AccountHasUnsent).with_arg("count", (queued + sending + failed).to_string())
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
}

/// Why adding an account failed, as a code the UI words. Never carries the
/// token.
pub fn add_account_error(error: onboarding::AddAccountError) -> AppError {
    use onboarding::AddAccountError as E;
    match error {
        E::InvalidUrl => AppError::new(ErrorCode::AccountUrlInvalid).at("url"),
        E::EmptyToken => AppError::new(ErrorCode::TokenEmpty).at("token"),
        E::MalformedToken => AppError::new(ErrorCode::TokenMalformed).at("token"),
        E::Service(e) => match AppError::from(&e) {
            // Any other refusal of `GET /v1/account` means the address is
            // not a CSBA service (or not this API version).
            refused
                if refused.code != ErrorCode::ServiceUnreachable
                    && refused.code != ErrorCode::TokenRejected
                    && refused.code != ErrorCode::ServiceFailed =>
            {
                AppError::new(ErrorCode::NotCsbaService).at("url")
            }
            other => other,
        },
        E::Keychain(e) => AppError::from(e),
        E::Store(e) => AppError::from(e),
        E::Poisoned => AppError::new(ErrorCode::ReplicaUnavailable),
    }
}

/// One account as the UI shows it: what the replica knows of it, and its link.
pub(crate) fn account_view(store: &Store, account: Account, link: Link) -> Result<AccountView, AppError> {
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
pub(crate) fn overall(accounts: &[AccountView], desk_error: Option<AppError>) -> SyncView {
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
                error: (state == Connectivity::Offline).then(|| AppError::new(ErrorCode::ServiceUnreachable)),
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
        assert_eq!(view.error.map(|e| e.code), Some(ErrorCode::ServiceUnreachable));

        let never =
            overall(&[account(1, Connectivity::Online, Some(2_000)), account(2, Connectivity::Syncing, None)], None);
        assert_eq!(never.state, Connectivity::Syncing);
        assert_eq!(never.last_sync_at, None, "one account never synced");

        let starting = overall(&[], Some(AppError::new(ErrorCode::SandboxFailed)));
        assert_eq!(starting.state, Connectivity::Offline);
        assert_eq!(starting.service, ServiceKind::Sandbox);
    }
}
