//! The rules of Customer Service by Amazon, as pure types and functions.
//!
//! Nothing in this crate performs I/O or reads a clock: every function that
//! depends on time takes `now` as an argument, so the app, the server and the
//! tests can all agree on what "now" means (the server's clock, corrected by
//! the measured offset, in the app). What Amazon may change — fees, trial
//! lengths, activation delays, holidays, return rules — is data with an
//! effective date under `data/`, embedded at build time.

pub mod calendar;
pub mod case;
pub mod deadline;
pub mod enrollment;
pub mod feedback;
pub mod fees;
pub mod import;
pub mod marketplace;
pub mod metrics;
pub mod policy;
pub mod tracking;

pub use case::{CaseKind, CaseStatus};
pub use deadline::{case_respond_by, TimeLeft, CASE_RESPONSE_WINDOW};
pub use marketplace::Marketplace;
