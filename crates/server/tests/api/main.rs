//! HTTP tests against a real server on loopback. One test binary (with a
//! module per topic) keeps link time down.

mod account_and_cases;
mod auth;
mod changes_feed;
mod common;
mod demo_freshness;
mod isolation;
mod problems;
