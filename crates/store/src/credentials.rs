//! API tokens live in the OS keychain (Secret Service, macOS Keychain,
//! Windows Credential Manager) and nowhere else: not in SQLite, not in
//! files, not in logs or error text.

use keyring::Entry;

/// The keychain service name; the entry's user is the service URL.
const SERVICE: &str = "csba-desk";

#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    /// No token was ever stored for this service.
    #[error("no API token is stored for {url}")]
    Missing { url: String },
    /// The keychain is locked, absent, or refused us. The underlying
    /// message is kept for logs; it never contains the secret.
    #[error("the system keychain is not available: {reason}")]
    Unavailable { reason: String },
}

fn entry(url: &str) -> Result<Entry, CredentialError> {
    Entry::new(SERVICE, url).map_err(|e| CredentialError::Unavailable { reason: e.to_string() })
}

/// The token stored for the service at `url`.
pub fn token_for(url: &str) -> Result<String, CredentialError> {
    match entry(url)?.get_password() {
        Ok(token) => Ok(token),
        Err(keyring::Error::NoEntry) => Err(CredentialError::Missing { url: url.to_owned() }),
        Err(e) => Err(CredentialError::Unavailable { reason: e.to_string() }),
    }
}

/// Stores (or replaces) the token for the service at `url`.
pub fn save_token(url: &str, token: &str) -> Result<(), CredentialError> {
    entry(url)?.set_password(token).map_err(|e| CredentialError::Unavailable { reason: e.to_string() })
}
