//! The OpenAPI 3.1 description of `/v1`, generated from the handlers'
//! annotations and the `csba-api` types, served at `GET /openapi.json` and
//! committed as `api/openapi.json` (a test keeps the two equal).
//!
//! Domain types that travel as-is (`Marketplace`, `CaseKind`, the
//! `ReturnPolicy` document) are described as strings or objects: the domain
//! crate stays free of HTTP concerns.

use crate::routes;
use std::sync::OnceLock;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// The `Idempotency-Key` header every POST and PUT takes.
#[derive(Debug, utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
pub struct IdempotencyKey {
    /// Required on every POST and PUT; scoped to the seller; kept 30 days.
    /// A replay with the same body returns the first response byte for byte
    /// (with `Idempotent-Replayed: true`); the same key with another body is
    /// 422 `idempotency_key_reused`; a duplicate sent while the first is
    /// still running waits for it and answers its response. The response
    /// is stored in the transaction of the request's effect: after a crash
    /// a retry replays it or runs afresh, never twice. Missing: 400
    /// `idempotency_key_missing`.
    #[param(rename = "Idempotency-Key", max_length = 255)]
    #[allow(dead_code)]
    idempotency_key: String,
}

/// Server-sent events: `event: changes`, `data: {"seq": N}` whenever the
/// seller's change feed moves (the first event, at once, is the current seq).
#[utoipa::path(get, path = "/v1/events", tag = "sync",
    responses(
        (status = 200, description = "An event stream", content_type = "text/event-stream", body = String),
        (status = 401, body = csba_api::Problem, content_type = "application/problem+json"),
    ))]
#[allow(dead_code)]
fn events() {}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "CSBA service",
        description = "The reference Customer Service by Amazon service: plays Amazon's side for CSBA Desk. \
            Every route takes `Authorization: Bearer csba_…`; ids of another seller answer 404. Errors are \
            RFC 9457 `application/problem+json` with a stable `code`, the offending `field` (a JSON pointer) \
            and, where there are several, `errors[]`. Request bodies reject unknown fields.",
    ),
    paths(
        routes::account::get_account,
        routes::enrollment::get_enrollment,
        routes::enrollment::enroll,
        routes::enrollment::pause,
        routes::enrollment::resume,
        routes::return_policy::get_policy,
        routes::return_policy::put_policy,
        routes::orders::list,
        routes::shipments::confirm,
        routes::cases::list,
        routes::cases::get_one,
        routes::cases::reply,
        routes::feedback::list,
        routes::feedback::request_removal,
        routes::service_questions::ask,
        routes::service_questions::list,
        routes::metrics::get_metrics,
        routes::metrics::get_weekly,
        routes::changes::list,
        events,
    ),
    components(schemas(csba_api::Problem, csba_api::FieldError, csba_api::ProblemCode, csba_api::Change, csba_api::Resource)),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.bearer_format = Some("csba_ + 64 hex characters".to_owned());
        scheme.description = Some("A seller's API token (`csba-server admin create-token`).".to_owned());
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// The document as pretty JSON with a final newline (as committed).
pub fn json() -> String {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut text = ApiDoc::openapi().to_pretty_json().unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        text.push('\n');
        text
    })
    .clone()
}
