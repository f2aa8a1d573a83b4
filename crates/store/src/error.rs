use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("cannot create {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("stored data is corrupt ({what})")]
    Corrupt { what: String },
    #[error("the database was written by a newer CSBA Desk (schema {found}, this build knows {known})")]
    TooNew { found: i64, known: i64 },
}

impl StoreError {
    pub(crate) fn corrupt(what: impl Into<String>) -> Self {
        StoreError::Corrupt { what: what.into() }
    }
}
