//! Reading stored values back into types: a value that does not decode is
//! a corrupt replica, reported with the row and column it came from.

use crate::StoreError;
use chrono::{DateTime, Utc};
use csba_domain::Marketplace;

/// Unix milliseconds, as every time is stored.
pub(crate) fn time(ms: i64, what: impl FnOnce() -> String) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp_millis(ms).ok_or_else(|| StoreError::corrupt(what()))
}

pub(crate) fn marketplace(code: &str, what: impl FnOnce() -> String) -> Result<Marketplace, StoreError> {
    code.parse().map_err(|_| StoreError::corrupt(what()))
}

pub(crate) fn json<T: serde::de::DeserializeOwned>(text: &str, what: impl FnOnce() -> String) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|_| StoreError::corrupt(what()))
}
