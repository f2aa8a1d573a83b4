//! `/v1` routes, one file per resource.

mod account;
mod cases;
mod changes;

use crate::app::AppState;
use axum::routing::get;
use axum::Router;

pub fn v1() -> Router<AppState> {
    Router::new()
        .route("/v1/account", get(account::get_account))
        .route("/v1/cases", get(cases::list))
        .route("/v1/cases/{id}", get(cases::get_one))
        .route("/v1/changes", get(changes::list))
}
