//! Adding and removing a seller account: the steps and their order, shared
//! by the app and `csba account`, which only word the outcome differently.
//!
//! Adding: the address and token are checked locally, then the service is
//! asked whose token it is, then the token goes into the OS keychain, and
//! only then is the account registered in the replica. A failure at any
//! step leaves nothing behind: no account without its token, and no token
//! for an account that does not exist.

use crate::SyncError;
use chrono::{DateTime, Utc};
use csba_api::{ApiClient, ClientError};
use csba_store::credentials::{self, CredentialError};
use csba_store::{Account, AccountId, SellerProfile, Store, StoreError};
use std::ops::DerefMut;

#[derive(Debug, thiserror::Error)]
pub enum AddAccountError {
    #[error("not an http:// or https:// address with a host")]
    InvalidUrl,
    #[error("the token is empty")]
    EmptyToken,
    /// Not one printable word: pasted by mistake (and it would not fit in
    /// an HTTP header). The token itself is never part of the message.
    #[error("the token is not one printable word")]
    MalformedToken,
    /// The service refused the token or could not be asked.
    #[error("the service: {0}")]
    Service(ClientError),
    #[error("the keychain: {0}")]
    Keychain(CredentialError),
    #[error("the replica: {0}")]
    Store(StoreError),
    #[error("the replica lock was poisoned by a crashed thread")]
    Poisoned,
}

/// A verified token: who it belongs to, at which (normalized) address.
#[derive(Debug, Clone)]
pub struct VerifiedSeller {
    pub url: String,
    pub profile: SellerProfile,
}

/// The account added, and whether it replaced the demo account.
#[derive(Debug, Clone)]
pub struct Added {
    pub account: Account,
    pub replaced_demo: bool,
}

/// `http://` or `https://` and a host, nothing else.
pub fn is_service_url(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !r.chars().any(char::is_whitespace)
    })
}

/// Checks the address and the token and asks the service whose token it is.
/// Nothing is written.
pub async fn verify_token(url: &str, token: &str) -> Result<VerifiedSeller, AddAccountError> {
    let url = url.trim();
    if !is_service_url(url) {
        return Err(AddAccountError::InvalidUrl);
    }
    if token.is_empty() {
        return Err(AddAccountError::EmptyToken);
    }
    if !token.chars().all(|c| c.is_ascii_graphic()) {
        return Err(AddAccountError::MalformedToken);
    }
    let client = ApiClient::new(url, token).map_err(AddAccountError::Service)?;
    let profile = match crate::seller_profile(&client).await {
        Ok(profile) => profile,
        Err(SyncError::Client(e)) => return Err(AddAccountError::Service(e)),
        Err(SyncError::Store(e)) => return Err(AddAccountError::Store(e)),
        Err(SyncError::Poisoned) => return Err(AddAccountError::Poisoned),
    };
    Ok(VerifiedSeller { url: client.base_url().to_owned(), profile })
}

/// Stores the token in the keychain, then registers the account in the
/// replica that `open` gives (opened only once the keychain took the token,
/// so a refused keychain leaves the disk untouched). If registering fails
/// the token is taken out again.
pub fn save_account<S: DerefMut<Target = Store>>(
    seller: &VerifiedSeller,
    token: &str,
    now: DateTime<Utc>,
    open: impl FnOnce() -> Result<S, AddAccountError>,
) -> Result<Added, AddAccountError> {
    let user = csba_store::keychain_user(&seller.profile.seller_id, &seller.url);
    credentials::save_token(&user, token).map_err(AddAccountError::Keychain)?;
    let registered = open().and_then(|mut store| {
        let replaced_demo = store.accounts().map_err(AddAccountError::Store)?.iter().any(Account::is_sandbox);
        let account = store.add_remote_account(&seller.url, &seller.profile, now).map_err(AddAccountError::Store)?;
        Ok(Added { account, replaced_demo })
    });
    if registered.is_err() {
        // Best effort: a token left behind is harmless but useless; adding
        // the account again puts it back.
        let _ = credentials::delete_token(&user);
    }
    registered
}

#[derive(Debug, thiserror::Error)]
pub enum RemoveAccountError {
    #[error("no account {0}")]
    Unknown(AccountId),
    /// Actions not yet confirmed by the service would be lost.
    #[error("{queued} queued, {sending} sending and {failed} refused actions are not sent")]
    Unsent { queued: u32, sending: u32, failed: u32 },
    #[error("the keychain: {0}")]
    Keychain(CredentialError),
    #[error("the replica: {0}")]
    Store(#[from] StoreError),
}

/// What a removal did.
#[derive(Debug, Clone)]
pub struct Removed {
    pub account: Account,
    /// With `force`, a keychain that could not be reached keeps the token
    /// under this entry name; the seller may delete it by hand.
    pub token_left: Option<String>,
}

/// Removes an account, its replicated data, drafts, outbox and token.
/// Without `force` it refuses while actions are unsent and while the
/// keychain cannot delete the token. The token goes first: once the account
/// is gone from the replica, nothing would point at a secret left behind.
pub fn remove_account(store: &Store, id: AccountId, force: bool) -> Result<Removed, RemoveAccountError> {
    let account = store.account(id)?.ok_or(RemoveAccountError::Unknown(id))?;
    let counts = store.outbox_counts_for(id)?;
    if counts.queued + counts.sending + counts.failed > 0 && !force {
        return Err(RemoveAccountError::Unsent {
            queued: counts.queued,
            sending: counts.sending,
            failed: counts.failed,
        });
    }
    let mut token_left = None;
    if let Some(user) = account.keychain_user() {
        match credentials::delete_token(&user) {
            Ok(()) => {}
            Err(e @ CredentialError::Unavailable { .. }) if !force => return Err(RemoveAccountError::Keychain(e)),
            Err(_) => token_left = Some(user),
        }
    }
    store.remove_account(id)?;
    Ok(Removed { account, token_left })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_addresses_with_a_host_are_services() {
        for good in ["https://csba.example.com", "http://127.0.0.1:8080", "https://x.example/base"] {
            assert!(is_service_url(good), "{good}");
        }
        for bad in ["", "csba.example.com", "ftp://x", "https://", "https:///path", "https://a b", "http://?q"] {
            assert!(!is_service_url(bad), "{bad}");
        }
    }

    #[tokio::test]
    async fn bad_addresses_and_tokens_are_refused_before_any_request() {
        let refused = |r: Result<VerifiedSeller, AddAccountError>| r.err().map(|e| e.to_string());
        assert_eq!(
            refused(verify_token("csba.example", "t").await),
            Some("not an http:// or https:// address with a host".into())
        );
        assert!(matches!(verify_token("https://x.example", "").await, Err(AddAccountError::EmptyToken)));
        let pasted = "csba_first line\ncsba_second";
        match verify_token("https://x.example", pasted).await {
            Err(e @ AddAccountError::MalformedToken) => assert!(!e.to_string().contains("csba_")),
            other => panic!("expected MalformedToken, got {other:?}"),
        }
    }
}
