//! `cargo xtask bench-load`: the fleet benchmark (issue 13) —
//! `crates/server/examples/fleet_load`, 1,000 sellers × 1,000 cases on a
//! private PostgreSQL with durable settings, against the
//! `csba-server` binary of the service's profile, run as its own process.

use crate::{cmd, postgres, Result};

pub fn run(extra: &[String]) -> Result {
    // The example starts the binary from its own target directory, so both
    // are built first, by the same profile.
    cmd::run(&mut cmd::cargo(&[
        "build",
        "--locked",
        "--profile",
        "service",
        "-p",
        "csba-server",
        "--bin",
        "csba-server",
        "--example",
        "fleet_load",
    ]))?;
    let postgres = postgres::PrivatePostgres::start(false)?;
    let url = postgres.url();
    let mut bench =
        cmd::cargo(&["run", "--locked", "--profile", "service", "-p", "csba-server", "--example", "fleet_load", "--"]);
    bench.args(["--database-url", &url]).args(extra);
    cmd::run(&mut bench)
}
