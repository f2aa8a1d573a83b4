//! RFC 9457 problem details with a stable, machine-readable `code`.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The stable error codes of the API. The UI localizes by code, never by
/// the English `title`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    Unauthorized,
    NotFound,
    InvalidRequest,
    InvalidCursor,
    /// The cursor is older than the feed keeps: drop the replica and resync.
    CursorExpired,
    PayloadTooLarge,
    UnsupportedMediaType,
    Internal,
    /// A POST or PUT without an `Idempotency-Key` header.
    IdempotencyKeyMissing,
    /// The key was first used with another method, path or body.
    IdempotencyKeyReused,
    /// The first request with this key is still running (and did not finish
    /// while this one waited): retry with the same key later.
    IdempotencyKeyInFlight,
    /// The enrollment cannot make this transition now (`errors[0].code` is
    /// the rule: `already_enrolled`, `not_active`, `not_paused`, …).
    EnrollmentConflict,
    /// A requirement of the eligibility checklist is missing (`errors` lists
    /// each, by requirement code).
    EnrollmentIneligible,
    /// A shipment-confirmation batch was refused as a whole; `errors` holds
    /// every row's problems, and nothing was applied.
    ShipmentRejected,
    /// The return policy breaks marketplace rules; `errors` lists every
    /// violation with its rule id.
    ReturnPolicyRejected,
    /// CSBA already resolved the case; a reply can no longer change it.
    CaseResolved,
    /// The removal request cannot be made (window closed, ground does not
    /// apply…); `errors[0].code` says why.
    RemovalNotAllowed,
    /// A removal request for this feedback is already on file.
    RemovalAlreadyRequested,
    /// A text field is longer than the contract's limit (`crate::limits`);
    /// the field error names the field, with code `too_long`.
    TextTooLong,
    /// A text holds a character no text may hold (NUL, or half of a UTF-16
    /// surrogate pair); the field error says which (`nul_character`,
    /// `unpaired_surrogate`) and where.
    InvalidText,
    /// The service is saturated (every connection busy for too long): retry
    /// after the `Retry-After` seconds. Nothing was applied.
    Unavailable,
    /// This token sent too many requests: retry after the `Retry-After`
    /// seconds. Nothing was applied.
    RateLimited,
    /// The request body did not arrive in time (a stalled upload). Nothing
    /// was applied; send it again.
    RequestTimeout,
}

impl ProblemCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::Unauthorized => "unauthorized",
            ProblemCode::NotFound => "not_found",
            ProblemCode::InvalidRequest => "invalid_request",
            ProblemCode::InvalidCursor => "invalid_cursor",
            ProblemCode::CursorExpired => "cursor_expired",
            ProblemCode::PayloadTooLarge => "payload_too_large",
            ProblemCode::UnsupportedMediaType => "unsupported_media_type",
            ProblemCode::Internal => "internal",
            ProblemCode::IdempotencyKeyMissing => "idempotency_key_missing",
            ProblemCode::IdempotencyKeyReused => "idempotency_key_reused",
            ProblemCode::IdempotencyKeyInFlight => "idempotency_key_in_flight",
            ProblemCode::EnrollmentConflict => "enrollment_conflict",
            ProblemCode::EnrollmentIneligible => "enrollment_ineligible",
            ProblemCode::ShipmentRejected => "shipment_rejected",
            ProblemCode::ReturnPolicyRejected => "return_policy_rejected",
            ProblemCode::CaseResolved => "case_resolved",
            ProblemCode::RemovalNotAllowed => "removal_not_allowed",
            ProblemCode::RemovalAlreadyRequested => "removal_already_requested",
            ProblemCode::TextTooLong => "text_too_long",
            ProblemCode::InvalidText => "invalid_text",
            ProblemCode::Unavailable => "unavailable",
            ProblemCode::RequestTimeout => "request_timeout",
            ProblemCode::RateLimited => "rate_limited",
        }
    }

    /// What a client should do about a problem with this code, whatever
    /// HTTP status carried it.
    pub fn class(self) -> crate::client::ErrorClass {
        use crate::client::ErrorClass;
        match self {
            ProblemCode::Internal
            | ProblemCode::IdempotencyKeyInFlight
            | ProblemCode::Unavailable
            | ProblemCode::RequestTimeout
            | ProblemCode::RateLimited => ErrorClass::RetryLater,
            ProblemCode::Unauthorized => ErrorClass::NeedsPerson,
            ProblemCode::NotFound
            | ProblemCode::InvalidRequest
            | ProblemCode::InvalidCursor
            | ProblemCode::CursorExpired
            | ProblemCode::PayloadTooLarge
            | ProblemCode::UnsupportedMediaType
            | ProblemCode::IdempotencyKeyMissing
            | ProblemCode::IdempotencyKeyReused
            | ProblemCode::EnrollmentConflict
            | ProblemCode::EnrollmentIneligible
            | ProblemCode::ShipmentRejected
            | ProblemCode::ReturnPolicyRejected
            | ProblemCode::CaseResolved
            | ProblemCode::RemovalNotAllowed
            | ProblemCode::RemovalAlreadyRequested
            | ProblemCode::TextTooLong
            | ProblemCode::InvalidText => ErrorClass::Refused,
        }
    }

    pub fn http_status(self) -> u16 {
        match self {
            ProblemCode::Unauthorized => 401,
            ProblemCode::NotFound => 404,
            ProblemCode::InvalidRequest | ProblemCode::InvalidCursor | ProblemCode::IdempotencyKeyMissing => 400,
            ProblemCode::CursorExpired => 410,
            ProblemCode::IdempotencyKeyInFlight
            | ProblemCode::EnrollmentConflict
            | ProblemCode::CaseResolved
            | ProblemCode::RemovalAlreadyRequested => 409,
            ProblemCode::IdempotencyKeyReused
            | ProblemCode::EnrollmentIneligible
            | ProblemCode::ShipmentRejected
            | ProblemCode::ReturnPolicyRejected
            | ProblemCode::RemovalNotAllowed
            | ProblemCode::TextTooLong
            | ProblemCode::InvalidText => 422,
            ProblemCode::PayloadTooLarge => 413,
            ProblemCode::UnsupportedMediaType => 415,
            ProblemCode::Internal => 500,
            ProblemCode::Unavailable => 503,
            ProblemCode::RequestTimeout => 408,
            ProblemCode::RateLimited => 429,
        }
    }
}

/// One of several problems in a request: a row of a batch, a broken rule of
/// a policy, a missing requirement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FieldError {
    /// JSON pointer into the request body (`/confirmations/3/tracking_number`),
    /// or the name of a header or path parameter; absent when the problem is
    /// about the request as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Stable code of this problem (a domain rule code, e.g.
    /// `check_digit_mismatch`, `return_address_missing`, `already_enrolled`).
    pub code: String,
    /// The stable id of the marketplace rule broken, where there is one
    /// (`jp.return_address_domestic`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl FieldError {
    pub fn new(field: Option<String>, code: impl Into<String>) -> Self {
        FieldError { field, code: code.into(), rule: None, detail: None }
    }
}

/// `application/problem+json` body (RFC 9457), extended with `code`,
/// `field` and `errors`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    pub code: ProblemCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The request field the problem is about, as a JSON pointer or name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every individual problem, when there are several (all rows of a
    /// batch, all violations of a policy). Empty lists are left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// The `Retry-After` seconds of the response that carried it (a busy or
    /// rate-limited service): a header, not part of the document; the client
    /// sets it.
    #[serde(skip)]
    pub retry_after: Option<u64>,
}

impl Problem {
    pub const CONTENT_TYPE: &'static str = "application/problem+json";

    pub fn new(code: ProblemCode, title: impl Into<String>) -> Self {
        Problem {
            type_uri: format!("https://csba-desk.invalid/problems/{}", code.as_str()),
            title: title.into(),
            status: code.http_status(),
            code,
            detail: None,
            field: None,
            errors: Vec::new(),
            retry_after: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_rfc9457_with_code() -> Result<(), serde_json::Error> {
        let p = Problem::new(ProblemCode::NotFound, "Not found").with_field("id");
        let v = serde_json::to_value(&p)?;
        assert_eq!(v["type"], "https://csba-desk.invalid/problems/not_found");
        assert_eq!(v["status"], 404);
        assert_eq!(v["code"], "not_found");
        assert_eq!(v["field"], "id");
        assert!(v.get("detail").is_none());
        Ok(())
    }
}
