//! CSBA Desk's use cases, written once: each screen's model built from the
//! local replica, the checks on what the seller typed, and the actions
//! queued in the outbox. The desktop shell (`src-tauri`) and the `csba`
//! command are thin adapters over this crate, so the two can never disagree
//! on a rule. Nothing here depends on Tauri, and time is always passed in.

mod accounts;
pub mod alerts;
mod batch_subject;
mod cases;
mod client;
mod desk;
pub mod enrollment;
mod error;
pub mod feedback;
mod filter;
mod nav;
pub mod orders;
mod outbox;
mod pending;
pub mod performance;
pub mod policy;
pub mod questions;
mod refunds;
mod settings;
pub mod templates;
pub mod updates;
pub mod upload;
pub mod views;

#[cfg(test)]
mod bindings;

pub use accounts::add_account_error;
pub use alerts::DeskAlerts;
pub use cases::queue_reply;
pub use client::{client_for, SandboxEndpoint};
pub use desk::{Desk, Link};
pub use error::{AppError, ErrorCode};
pub use filter::ViewFilter;
pub use nav::Badges;
pub use settings::locale;
