//! The sync engine: brings the local replica up to date with the service.
//!
//! Reads never wait for the network: the UI reads the replica, and this
//! engine writes into it when the service can be reached.

mod pull;
mod push;
mod retry;
mod status;

pub use pull::{pull_all, PullOutcome, SyncError};
pub use push::{push_all, PushOutcome};
pub use retry::RetryPolicy;
pub use status::Connectivity;
