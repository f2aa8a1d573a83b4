//! Bearer tokens. A token is `csba_` + 32 random bytes in hex; only its
//! SHA-256 is stored, so a copy of the database does not let anyone in.

use crate::db::{to_ms, Db};
use crate::error::{Result, ServerError};
use chrono::{DateTime, Utc};
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const TOKEN_PREFIX: &str = "csba_";
/// `csba_` plus 8 hex characters: enough to name a token, useless to guess it.
const DISPLAY_PREFIX_LEN: usize = TOKEN_PREFIX.len() + 8;

/// A freshly issued token. The secret exists only in this value; `Debug`
/// shows the display prefix only.
#[derive(Clone)]
pub struct IssuedToken {
    secret: String,
}

impl IssuedToken {
    pub fn secret(&self) -> &str {
        &self.secret
    }

    pub fn display_prefix(&self) -> &str {
        self.secret.get(..DISPLAY_PREFIX_LEN).unwrap_or(TOKEN_PREFIX)
    }

    pub fn hash(&self) -> String {
        hash_token(&self.secret)
    }
}

impl std::fmt::Debug for IssuedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuedToken").field("prefix", &self.display_prefix()).finish_non_exhaustive()
    }
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn generate() -> IssuedToken {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    IssuedToken { secret: format!("{TOKEN_PREFIX}{}", hex::encode(bytes)) }
}

/// Issues a token for `seller_id`. `label` says who asked (`admin`,
/// `sandbox`) so tokens can be retired by issuer.
pub async fn issue_token(db: &Db, seller_id: &str, label: &str, now: DateTime<Utc>) -> Result<IssuedToken> {
    if !crate::sellers::exists(db, seller_id).await? {
        return Err(ServerError::NotFound(format!("seller {seller_id}")));
    }
    let token = generate();
    sqlx::query(
        "INSERT INTO api_tokens (token_hash, token_prefix, seller_id, label, created_at, revoked_at) \
         VALUES ($1, $2, $3, $4, $5, NULL)",
    )
    .bind(token.hash())
    .bind(token.display_prefix())
    .bind(seller_id)
    .bind(label)
    .bind(to_ms(now))
    .execute(db.writes())
    .await?;
    Ok(token)
}

/// The seller a presented token belongs to, if it is known and not revoked.
pub async fn seller_for_token(db: &Db, presented: &str) -> Result<Option<String>> {
    if !presented.starts_with(TOKEN_PREFIX) {
        return Ok(None);
    }
    let seller: Option<String> =
        sqlx::query_scalar("SELECT seller_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL")
            .bind(hash_token(presented))
            .fetch_optional(db.reads())
            .await?;
    Ok(seller)
}

/// Revokes the token with this SHA-256 hex hash. Returns how many were revoked (0 or 1).
pub async fn revoke_by_hash(db: &Db, hash: &str, now: DateTime<Utc>) -> Result<u64> {
    let done = sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL")
        .bind(to_ms(now))
        .bind(hash.trim().to_ascii_lowercase())
        .execute(db.writes())
        .await?;
    Ok(done.rows_affected())
}

/// Revokes the one live token whose display prefix (`csba_` + 8 hex) matches.
/// A whole token is accepted too. Refuses to guess when several match.
pub async fn revoke_by_prefix(db: &Db, prefix: &str, now: DateTime<Utc>) -> Result<u64> {
    let prefix = prefix.trim();
    let prefix = prefix.get(..DISPLAY_PREFIX_LEN).filter(|_| prefix.starts_with(TOKEN_PREFIX)).ok_or_else(|| {
        ServerError::InvalidInput {
            field: "token-prefix",
            message: format!("expected at least {DISPLAY_PREFIX_LEN} characters starting with {TOKEN_PREFIX}"),
        }
    })?;
    let hashes: Vec<String> =
        sqlx::query_scalar("SELECT token_hash FROM api_tokens WHERE token_prefix = $1 AND revoked_at IS NULL")
            .bind(prefix)
            .fetch_all(db.reads())
            .await?;
    match hashes.as_slice() {
        [] => Ok(0),
        [hash] => revoke_by_hash(db, hash, now).await,
        _ => Err(ServerError::InvalidInput {
            field: "token-prefix",
            message: format!("{} live tokens share this prefix; revoke by hash instead", hashes.len()),
        }),
    }
}

/// Revokes every live token of `seller_id` issued under `label`.
pub async fn revoke_label(db: &Db, seller_id: &str, label: &str, now: DateTime<Utc>) -> Result<u64> {
    let done =
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE seller_id = $2 AND label = $3 AND revoked_at IS NULL")
            .bind(to_ms(now))
            .bind(seller_id)
            .bind(label)
            .execute(db.writes())
            .await?;
    Ok(done.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_prefixed_hex_of_32_bytes_and_unique() {
        let a = generate();
        let b = generate();
        assert_ne!(a.secret(), b.secret());
        let hex_part = a.secret().strip_prefix(TOKEN_PREFIX).unwrap_or_default();
        assert_eq!(hex_part.len(), 64);
        assert!(hex_part.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(a.display_prefix().len(), DISPLAY_PREFIX_LEN);
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let t = generate();
        let shown = format!("{t:?}");
        assert!(!shown.contains(t.secret()));
        assert!(shown.contains(t.display_prefix()));
    }

    #[test]
    fn hash_is_sha256_hex() {
        assert_eq!(hash_token("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
