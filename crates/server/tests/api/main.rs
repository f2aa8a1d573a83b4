//! HTTP tests against a real server on loopback. One test binary (with a
//! module per topic) keeps link time down.

mod account_and_cases;
mod auth;
mod changes_feed;
mod client_writes;
mod collation;
mod common;
mod concurrency;
mod crash_replay;
mod demo_freshness;
mod demo_orders;
mod demo_screens;
mod enrollment_sweeps;
mod events;
mod feed_retention;
mod feed_runs;
mod fixtures;
mod idempotency;
mod instances_news;
mod instances_sweep;
mod isolation;
mod isolation_routes;
mod migrations;
mod openapi;
mod order_ship_by;
mod pagination;
mod problems;
mod request_errors;
mod resolution;
mod rules;
mod server_process;
mod shipments;
mod simulator;
mod team_and_weeks;
