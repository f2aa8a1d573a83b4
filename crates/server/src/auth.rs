//! The bearer-token extractor. Handlers that take [`Seller`] only run for a
//! valid token, and get the one seller id every query must be scoped to.

use crate::app::AppState;
use crate::error::ServerError;
use crate::tokens;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

/// The authenticated seller of this request.
#[derive(Debug, Clone)]
pub struct Seller {
    pub id: String,
}

impl FromRequestParts<AppState> for Seller {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        // Already authenticated by the idempotency layer of this request.
        if let Some(seller) = parts.extensions.get::<Seller>() {
            return Ok(seller.clone());
        }
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(bearer_token)
            .ok_or(ServerError::Unauthorized)?;
        match tokens::seller_for_token(&state.db, token).await? {
            Some(id) => Ok(Seller { id }),
            None => Err(ServerError::Unauthorized),
        }
    }
}

/// The token of an `Authorization: Bearer …` header (scheme is
/// case-insensitive per RFC 9110).
fn bearer_token(header: &str) -> Option<&str> {
    let (scheme, token) = header.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_bearer_headers() {
        assert_eq!(bearer_token("Bearer csba_abc"), Some("csba_abc"));
        assert_eq!(bearer_token("bearer   csba_abc "), Some("csba_abc"));
        assert_eq!(bearer_token("Basic dXNlcjpwYXNz"), None);
        assert_eq!(bearer_token("Bearer "), None);
        assert_eq!(bearer_token("csba_abc"), None);
    }
}
