//! The one error type that crosses into the UI: a stable code the UI
//! localizes (`error-<code>` in the catalog) plus named arguments.

use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppError {
    pub code: String,
    pub args: BTreeMap<String, String>,
}

impl AppError {
    pub fn new(code: &str) -> Self {
        AppError { code: code.to_owned(), args: BTreeMap::new() }
    }

    pub fn with_arg(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args.insert(name.to_owned(), value.into());
        self
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code)?;
        for (name, value) in &self.args {
            write!(f, " {name}={value}")?;
        }
        Ok(())
    }
}

impl std::error::Error for AppError {}

impl From<csba_store::StoreError> for AppError {
    fn from(e: csba_store::StoreError) -> Self {
        tracing::error!("replica: {e}");
        match e {
            csba_store::StoreError::TooNew { .. } => AppError::new("replica-too-new"),
            _ => AppError::new("replica-unavailable"),
        }
    }
}

impl From<csba_store::credentials::CredentialError> for AppError {
    fn from(e: csba_store::credentials::CredentialError) -> Self {
        tracing::warn!("keychain: {e}");
        match e {
            csba_store::credentials::CredentialError::Missing { account } => {
                AppError::new("token-missing").with_arg("account", account)
            }
            csba_store::credentials::CredentialError::Unavailable { .. } => AppError::new("keychain-unavailable"),
        }
    }
}
