//! How long the app takes to show the seller their cases: measured from
//! process start to the UI's first inbox render, logged once, and read by
//! `cargo xtask measure`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: AtomicBool = AtomicBool::new(false);

/// The log line `cargo xtask measure` waits for.
pub const FIRST_RENDER_MARKER: &str = "first inbox render after";

/// Call first thing in `run()`.
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// Logs the time to first render; later calls (a webview reload) are ignored.
pub fn first_render() {
    if REPORTED.swap(true, Ordering::SeqCst) {
        return;
    }
    if let Some(started) = STARTED.get() {
        tracing::info!("{FIRST_RENDER_MARKER} {} ms", started.elapsed().as_millis());
    }
}

/// Whether the UI has drawn (and so listens for events).
pub fn rendered() -> bool {
    REPORTED.load(Ordering::SeqCst)
}
