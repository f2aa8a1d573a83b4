//! The reference CSBA service: it plays Amazon's side of Customer Service by
//! Amazon over HTTP, for tests, demos and the desktop app's offline sandbox.
//!
//! Storage goes through sqlx's `Any` driver so the same SQL runs on SQLite
//! (the default, and the embedded sandbox) and PostgreSQL (for scale).
//! Time always comes from a [`Clock`] handed in from outside, so tests and
//! demos can move it.

pub mod app;
pub mod auth;
pub mod cases;
pub mod clock;
pub mod db;
pub mod demo;
mod demo_history;
mod demo_rules;
mod demo_rules_script;
mod demo_script;
mod demo_tracking;
pub mod enrollment_wakes;
pub mod enrollments;
pub mod error;
pub mod events;
pub mod feed;
pub mod feedback;
pub mod idempotency;
pub mod json_body;
pub mod metric_weeks;
pub mod metrics;
pub mod migrate;
pub mod openapi;
mod order_changes;
pub mod orders;
pub mod page;
pub mod pg_news;
pub mod problem_response;
pub mod rate_limit;
pub mod replies;
pub mod return_policies;
pub mod routes;
pub mod sandbox;
pub mod sellers;
pub mod service_questions;
pub mod ship_by;
pub mod shipments;
mod shipped_rows;
pub mod simulate;
mod simulate_text;
pub mod sweep_lock;
pub mod sweeper;
pub mod team;
pub mod text_limits;
pub mod tokens;
pub mod write_tx;

pub use app::{router, serve, serve_until, AppState};
pub use clock::{Clock, ManualClock, SystemClock};
pub use db::Db;
pub use demo::{ensure_demo_is_fresh, seed_demo, DemoSeller, DEMO_SELLER_ID};
pub use error::ServerError;
pub use sandbox::Sandbox;
pub use team::TeamPace;
pub use tokens::IssuedToken;
