//! `/v1` routes, one file per resource.

pub mod account;
pub mod cases;
pub mod changes;
pub mod enrollment;
pub mod events;
pub mod feedback;
mod marketplace_path;
pub mod metrics;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod orders;
pub mod return_policy;
pub mod service_questions;
pub mod shipments;
pub mod test_clock;

use crate::app::AppState;
use axum::routing::{get, post};
use axum::Router;

/// The `/v1` API. Every POST and PUT goes through the idempotency layer
/// (which also authenticates), so handlers never see a request twice.
pub fn v1(state: AppState) -> Router<AppState> {
    let router = Router::new()
        .route("/v1/account", get(account::get_account))
        .route("/v1/marketplaces/{mp}/enrollment", get(enrollment::get_enrollment).post(enrollment::enroll))
        .route("/v1/marketplaces/{mp}/enrollment/pause", post(enrollment::pause))
        .route("/v1/marketplaces/{mp}/enrollment/resume", post(enrollment::resume))
        .route("/v1/marketplaces/{mp}/return-policy", get(return_policy::get_policy).put(return_policy::put_policy))
        .route("/v1/orders", get(orders::list))
        .route("/v1/shipment-confirmations", post(shipments::confirm))
        .route("/v1/cases", get(cases::list))
        .route("/v1/cases/{id}", get(cases::get_one))
        .route("/v1/cases/{id}/replies", post(cases::reply))
        .route("/v1/feedback", get(feedback::list))
        .route("/v1/feedback/{id}/removal-requests", post(feedback::request_removal))
        .route("/v1/service-questions", get(service_questions::list).post(service_questions::ask))
        .route("/v1/metrics", get(metrics::get_metrics))
        .route("/v1/metrics/weekly", get(metrics::get_weekly))
        .route("/v1/changes", get(changes::list))
        .route_layer(axum::middleware::from_fn_with_state(state, crate::idempotency::enforce));
    // The API description is for the service's own clients; the app's
    // embedded sandbox leaves it (and the code that builds it) out.
    #[cfg(feature = "openapi")]
    let router = router.route("/openapi.json", get(openapi::document));
    router
}
