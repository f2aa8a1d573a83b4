//! Settings of WebKit's web process that it reads from the environment when
//! it starts; it inherits ours, so they are set before the first thread and
//! the first window.

/// JavaScriptCore compiles a function its first tiers find hot once more
/// with its optimizing compiler (DFG, and FTL above it), and keeps both
/// versions and their profiling data. The window's scripts draw what Rust
/// computed — the replica, the deadlines, every model — so none of them runs
/// long enough to gain from it: without it the web process is 6 MB smaller
/// (a seventh of what it holds beyond a blank page), and the first render
/// and an idle inbox of 10,000 counting-down cases cost no more (figures in
/// the README). A value already in the environment wins, to measure both.
pub fn tune() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(OPTIMIZING_JIT).is_none() {
        std::env::set_var(OPTIMIZING_JIT, "false");
    }
}

#[cfg(target_os = "linux")]
const OPTIMIZING_JIT: &str = "JSC_useDFGJIT";
