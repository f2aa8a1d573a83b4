//! The sync engine: brings the local replica up to date with the service.
//!
//! Reads never wait for the network: the UI reads the replica, and this
//! engine writes into it when the service can be reached.

mod account;
mod link;
pub mod onboarding;
mod pull;
mod push;
mod retry;
mod status;

pub use account::{register_remote, seller_profile};
pub use link::{keep_in_sync, sync_once, SyncReport, PULL_INTERVAL};
pub use pull::{pull_all, PullOutcome, SyncError};
pub use push::{push_all, PushOutcome, IN_FLIGHT};
pub use retry::RetryPolicy;
pub use status::Connectivity;
