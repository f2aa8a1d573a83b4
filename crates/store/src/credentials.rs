//! API tokens live in the OS keychain (Secret Service, macOS Keychain,
//! Windows Credential Manager) and nowhere else: not in SQLite, not in
//! files, not in logs or error text.

use keyring::Entry;

/// The keychain service name; the entry's user is `seller@url`
/// ([`crate::keychain_user`]), one entry per seller account.
const SERVICE: &str = "csba-desk";

#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    /// No token is stored for this account (never added, or removed).
    #[error("no API token is stored for {account}")]
    Missing { account: String },
    /// The keychain is locked, absent, or refused us. The underlying
    /// message is kept for logs; it never contains the secret.
    #[error("the system keychain is not available: {reason}")]
    Unavailable { reason: String },
}

fn entry(account: &str) -> Result<Entry, CredentialError> {
    Entry::new(SERVICE, account).map_err(|e| CredentialError::Unavailable { reason: e.to_string() })
}

/// Whether the keychain store this build uses keeps a token until it is
/// deleted. keyring 3 picks the store by target and feature and, when the
/// feature for this OS is missing (crates/store/Cargo.toml), silently uses
/// a mock that keeps nothing past the entry: every token the seller adds
/// would be gone at the next start. Only the builder is asked, so this
/// needs no running keychain.
pub fn store_is_persistent() -> bool {
    matches!(
        keyring::default::default_credential_builder().persistence(),
        keyring::credential::CredentialPersistence::UntilDelete
    )
}

/// The token stored for `account` (`seller@url`).
pub fn token_for(account: &str) -> Result<String, CredentialError> {
    match entry(account)?.get_password() {
        Ok(token) => Ok(token),
        Err(keyring::Error::NoEntry) => Err(CredentialError::Missing { account: account.to_owned() }),
        Err(e) => Err(CredentialError::Unavailable { reason: e.to_string() }),
    }
}

/// Whether a token is stored for `account`, without reading it: only the
/// entry's attributes are fetched, so the secret is never decrypted or held
/// in this process (`csba account list` asks this for every account).
pub fn token_present(account: &str) -> Result<bool, CredentialError> {
    match entry(account)?.get_attributes() {
        Ok(_) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(e) => Err(CredentialError::Unavailable { reason: e.to_string() }),
    }
}

/// Stores (or replaces) the token for `account`.
pub fn save_token(account: &str, token: &str) -> Result<(), CredentialError> {
    entry(account)?.set_password(token).map_err(|e| CredentialError::Unavailable { reason: e.to_string() })
}

/// Removes the token for `account`; removing a token that is not there is
/// not an error.
pub fn delete_token(account: &str) -> Result<(), CredentialError> {
    match entry(account)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(CredentialError::Unavailable { reason: e.to_string() }),
    }
}
