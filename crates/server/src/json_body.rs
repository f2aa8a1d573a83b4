//! The JSON body extractor of every POST and PUT. Unlike axum's `Json`, its
//! rejections are problem documents that say where: the JSON pointer of the
//! offending field, and the line and column serde stopped at.

use crate::error::ServerError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::CONTENT_TYPE;
use csba_api::{FieldError, Problem, ProblemCode};
use serde::de::DeserializeOwned;

/// A request body parsed as `T` (whose type should deny unknown fields).
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ServerError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(request.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok())) {
            return Err(ServerError::rejected(
                Problem::new(ProblemCode::UnsupportedMediaType, "Unsupported media type")
                    .with_detail("Send the body as `Content-Type: application/json`.")
                    .with_field("Content-Type"),
            ));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|_| ServerError::rejected(Problem::new(ProblemCode::PayloadTooLarge, "Request body too large")))?;
        parse(&bytes).map(JsonBody)
    }
}

/// `application/json`, or any `application/…+json`, with or without parameters.
fn is_json(content_type: Option<&str>) -> bool {
    let Some(mime) = content_type.and_then(|v| v.split(';').next()) else { return false };
    let mime = mime.trim().to_ascii_lowercase();
    mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

/// Parses `bytes`, naming the field and position of the first problem.
///
/// Text that no store can hold alike is refused here, at its field, the
/// same on SQLite and PostgreSQL: NUL (PostgreSQL's text cannot hold it)
/// and half of a UTF-16 surrogate pair (no Unicode text can).
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ServerError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: Result<T, (String, serde_json::Error)> =
        serde_path_to_error::deserialize(&mut de).map_err(|e| (json_pointer(e.path()), e.into_inner()));
    // Trailing characters after the document are an error too.
    let value = value.and_then(|v| de.end().map(|()| v).map_err(|e| (String::new(), e)));
    match value {
        Ok(value) => match nul_in(bytes) {
            Some(pointer) => Err(invalid_text(pointer, "nul_character")),
            None => Ok(value),
        },
        Err((pointer, inner)) if is_unpaired_surrogate(&inner) => Err(invalid_text(pointer, "unpaired_surrogate")),
        Err((pointer, inner)) => {
            let what = match inner.classify() {
                serde_json::error::Category::Syntax | serde_json::error::Category::Eof => "The body is not valid JSON",
                serde_json::error::Category::Data | serde_json::error::Category::Io => {
                    "The body does not fit the schema"
                }
            };
            let mut problem = Problem::new(ProblemCode::InvalidRequest, "Invalid request body")
                .with_detail(format!("{what}: {inner}."));
            if !pointer.is_empty() {
                problem = problem.with_field(pointer);
            }
            Err(ServerError::rejected(problem))
        }
    }
}

/// serde_json refuses `\ud800` without its low half (and a low half alone)
/// with one of these; no other input produces them.
fn is_unpaired_surrogate(e: &serde_json::Error) -> bool {
    let text = e.to_string();
    text.contains("surrogate") || text.contains("unexpected end of hex escape")
}

/// Where the first string (or key) holding U+0000 is, as a JSON pointer.
/// Only a body that spells `\u0000` can hold one (raw control characters
/// are not JSON), so most bodies are not walked at all.
fn nul_in(bytes: &[u8]) -> Option<String> {
    if !bytes.windows(6).any(|w| w == br"\u0000") {
        return None;
    }
    fn walk(value: &serde_json::Value, at: &mut String) -> bool {
        use serde_json::Value;
        match value {
            Value::String(s) => s.contains('\0'),
            Value::Array(items) => items.iter().enumerate().any(|(i, v)| {
                let len = at.len();
                at.push_str(&format!("/{i}"));
                let found = walk(v, at);
                if !found {
                    at.truncate(len);
                }
                found
            }),
            Value::Object(fields) => fields.iter().any(|(k, v)| {
                let len = at.len();
                at.push_str(&format!("/{}", k.replace('~', "~0").replace('/', "~1")));
                let found = k.contains('\0') || walk(v, at);
                if !found {
                    at.truncate(len);
                }
                found
            }),
            Value::Null | Value::Bool(_) | Value::Number(_) => false,
        }
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let mut at = String::new();
    walk(&value, &mut at).then_some(at)
}

fn invalid_text(pointer: String, code: &str) -> ServerError {
    let detail = match code {
        "nul_character" => "The text holds a NUL character (U+0000), which no text may hold.",
        _ => "The text holds half of a UTF-16 surrogate pair, which is not a character.",
    };
    let field = (!pointer.is_empty()).then_some(pointer);
    let mut problem = Problem::new(ProblemCode::InvalidText, "Invalid text")
        .with_detail(detail)
        .with_errors(vec![FieldError::new(field.clone(), code)]);
    if let Some(field) = field {
        problem = problem.with_field(field);
    }
    ServerError::rejected(problem)
}

/// `confirmations[2].carrier` as `/confirmations/2/carrier` (RFC 6901). An
/// unknown field is reported at the object holding it.
fn json_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => out.push_str(&format!("/{}", key.replace('~', "~0").replace('/', "~1"))),
            Segment::Enum { variant } => out.push_str(&format!("/{variant}")),
            Segment::Unknown => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Row {
        order_id: String,
        n: u32,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Batch {
        rows: Vec<Row>,
    }

    fn problem_of(body: &str) -> Problem {
        match parse::<Batch>(body.as_bytes()) {
            Err(ServerError::Rejected(r)) => *r.0,
            other => panic!("expected a rejection, got {other:?}"),
        }
    }

    #[test]
    fn names_the_field_and_position() {
        let p = problem_of(r#"{"rows": [{"order_id": "a", "n": 1}, {"order_id": "b", "n": "x"}]}"#);
        assert_eq!(p.field.as_deref(), Some("/rows/1/n"));
        assert!(p.detail.as_deref().is_some_and(|d| d.contains("line 1")));
        let unknown = problem_of(r#"{"rows": [], "extra": 1}"#);
        assert!(unknown.detail.as_deref().is_some_and(|d| d.contains("unknown field `extra`")));
        let syntax = problem_of("{\"rows\": [\n");
        assert!(syntax.detail.as_deref().is_some_and(|d| d.contains("not valid JSON")));
        assert!(matches!(parse::<Batch>(br#"{"rows": []} trailing"#), Err(ServerError::Rejected(_))));
    }

    #[test]
    fn json_content_types() {
        assert!(is_json(Some("application/json")));
        assert!(is_json(Some("Application/JSON; charset=utf-8")));
        assert!(is_json(Some("application/merge-patch+json")));
        assert!(!is_json(Some("text/plain")));
        assert!(!is_json(None));
    }
}
