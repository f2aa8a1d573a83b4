//! The crate's one error type. HTTP handlers return it too; how each variant
//! becomes a problem document lives in `problem_response.rs`.

/// Everything that can go wrong in the service.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration {version} ({name}) failed: {source}")]
    Migration { version: i64, name: &'static str, source: sqlx::Error },
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),
    #[error("invalid database location: {0}")]
    InvalidDatabaseUrl(String),
    /// Stored data we cannot read back (a hand-edited database, or a bug).
    #[error("corrupt stored data: {0}")]
    Corrupt(String),
    /// No credentials, unknown credentials, or revoked credentials: one
    /// variant on purpose, so a caller cannot tell which.
    #[error("missing, unknown or revoked bearer token")]
    Unauthorized,
    #[error("{0} not found")]
    NotFound(String),
    #[error("invalid {field}: {message}")]
    InvalidInput { field: &'static str, message: String },
    #[error("invalid cursor: {0}")]
    InvalidCursor(String),
    /// The cursor points before the compacted part of the feed: the client
    /// must drop its replica and read the feed from the start.
    #[error("cursor expired: {0}")]
    CursorExpired(String),
    /// Refused by the rules; carries the whole problem document.
    #[error("request refused: {0}")]
    Rejected(Rejection),
}

impl ServerError {
    /// Refused with `problem` as the answer.
    pub fn rejected(problem: csba_api::Problem) -> Self {
        ServerError::Rejected(Rejection(Box::new(problem)))
    }
}

/// A request the rules refuse, as the exact problem document to answer
/// (a 409/422 with its own code and the list of what is wrong).
#[derive(Debug)]
pub struct Rejection(pub Box<csba_api::Problem>);

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.0.title, self.0.code.as_str())
    }
}

pub type Result<T, E = ServerError> = std::result::Result<T, E>;
