//! How long the app takes to show the seller their cases: measured from
//! process start to the UI's first inbox render, logged once, and read by
//! `cargo xtask measure`. The same moment lets the sandbox and the sync
//! start: the first render reads only the replica, and must not share the
//! machine or the replica's lock with them.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: AtomicBool = AtomicBool::new(false);
/// Open once the UI has drawn what the replica holds (or found it empty).
static DRAWN: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

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
    drawn();
    if let Some(started) = STARTED.get() {
        tracing::info!("{FIRST_RENDER_MARKER} {} ms", started.elapsed().as_millis());
    }
}

/// Logs (at debug level) how far into start-up `phase` was reached: where
/// the time before the first render goes, without a profiler.
pub fn phase(phase: &str) {
    if !REPORTED.load(Ordering::Relaxed) {
        if let Some(started) = STARTED.get() {
            tracing::debug!("start-up: {phase} at {} ms", started.elapsed().as_millis());
        }
    }
}

/// Whether the UI has drawn (and so listens for events).
pub fn rendered() -> bool {
    REPORTED.load(Ordering::SeqCst)
}

/// The UI read an inbox with no cases: there is nothing to draw first (a
/// new desk), so the sandbox and the sync can fill it now.
pub fn inbox_read(empty: bool) {
    if empty {
        drawn();
    }
}

fn drawn() {
    let (open, changed) = &DRAWN;
    if let Ok(mut open) = open.lock() {
        *open = true;
        changed.notify_all();
    }
}

/// Blocks until the first render, or `limit` at most (a window that never
/// draws — hidden at login, a broken webview — must not stop the sync).
pub fn wait_for_first_render(limit: Duration) {
    let (open, changed) = &DRAWN;
    let Ok(guard) = open.lock() else { return };
    let _ = changed.wait_timeout_while(guard, limit, |open| !*open);
}
