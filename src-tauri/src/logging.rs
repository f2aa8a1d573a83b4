//! Logs go to stderr and to a file in the OS log folder
//! (`csba_store::paths::log_dir`), rotated daily with a week kept, so a
//! seller can send the file when something went wrong. The events are the
//! same on both; none ever carries a token or a reply's text.

use tracing_appender::non_blocking::{NonBlockingBuilder, WorkerGuard};
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{fmt, EnvFilter, Layer};

/// Lines waiting for the log file's writer thread. The default (128,000)
/// is a 4 MB queue allocated and touched up front — a sixth of the app's
/// own heap — for a desk that logs a few lines a minute; in a burst beyond
/// this many, lines are dropped rather than the app blocked.
const LOG_QUEUE_LINES: usize = 4096;

/// Starts logging. Keep the guard until the app ends: dropping it flushes
/// the file.
pub fn start() -> Option<WorkerGuard> {
    let filter = || EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn".into());
    let (file, guard, problem) = match csba_store::paths::log_dir().map(|dir| open(&dir)) {
        Some(Ok(appender)) => {
            let (writer, guard) = NonBlockingBuilder::default().buffered_lines_limit(LOG_QUEUE_LINES).finish(appender);
            (Some(fmt::layer().with_ansi(false).with_writer(writer).with_filter(filter())), Some(guard), None)
        }
        Some(Err(e)) => (None, None, Some(e)),
        None => (None, None, Some("the OS names no folder for logs".to_owned())),
    };
    tracing_subscriber::registry()
        .with(fmt::layer().with_writer(std::io::stderr).with_filter(filter()))
        .with(file)
        .init();
    if let Some(problem) = problem {
        tracing::warn!("logging to stderr only: {problem}");
    }
    guard
}

fn open(dir: &std::path::Path) -> Result<RollingFileAppender, String> {
    // The appender looks for old files to prune before it creates the folder.
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("csba-desk")
        .filename_suffix("log")
        .max_log_files(7)
        .build(dir)
        .map_err(|e| format!("cannot write logs in {}: {e}", dir.display()))
}
