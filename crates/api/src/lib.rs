//! The wire contract between CSBA Desk and a CSBA service (the reference
//! server in `csba-server`, or a remote deployment).
//!
//! Types here are shared verbatim by the server (which serializes them) and
//! the client (which deserializes them), so the two cannot drift apart.

mod batches;
pub mod client;
mod events;
pub mod limits;
pub mod problem;
pub mod types;
mod wire;

pub use client::{path_segment, ApiClient, ClientError, ErrorClass};
pub use events::{EventStream, ServerEvent, SseError, SseEvent, SseParser, MAX_EVENT_BYTES};
pub use problem::{FieldError, Problem, ProblemCode};
pub use types::*;
