//! RFC 9457 problem details with a stable, machine-readable `code`.

use serde::{Deserialize, Serialize};

/// The stable error codes of the API. The UI localizes by code, never by
/// the English `title`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
        }
    }

    pub fn http_status(self) -> u16 {
        match self {
            ProblemCode::Unauthorized => 401,
            ProblemCode::NotFound => 404,
            ProblemCode::InvalidRequest | ProblemCode::InvalidCursor => 400,
            ProblemCode::CursorExpired => 410,
            ProblemCode::PayloadTooLarge => 413,
            ProblemCode::UnsupportedMediaType => 415,
            ProblemCode::Internal => 500,
        }
    }
}

/// `application/problem+json` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
