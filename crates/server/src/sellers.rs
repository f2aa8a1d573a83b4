//! Seller accounts.

use crate::db::{to_ms, Db};
use crate::error::{Result, ServerError};
use chrono::{DateTime, Utc};
use csba_api::Account;
use csba_domain::Marketplace;
use rand::Rng;
use sqlx::AnyConnection;

/// Creates a seller with a fresh Amazon-style merchant id (`A` + 13
/// characters) and returns the id.
pub async fn create_seller(
    db: &Db,
    display_name: &str,
    marketplaces: &[Marketplace],
    now: DateTime<Utc>,
) -> Result<String> {
    let id = new_seller_id();
    let mut conn = db.writes().acquire().await?;
    insert_seller(&mut conn, &id, display_name, marketplaces, now).await?;
    Ok(id)
}

/// Creates a seller with a chosen id (the demo seller has a fixed one).
pub async fn insert_seller(
    conn: &mut AnyConnection,
    id: &str,
    display_name: &str,
    marketplaces: &[Marketplace],
    now: DateTime<Utc>,
) -> Result<()> {
    let name = display_name.trim();
    if name.is_empty() {
        return Err(ServerError::InvalidInput { field: "name", message: "must not be empty".to_owned() });
    }
    if marketplaces.is_empty() {
        return Err(ServerError::InvalidInput {
            field: "marketplaces",
            message: "at least one marketplace is required".to_owned(),
        });
    }
    sqlx::query(
        "INSERT INTO sellers (id, display_name, marketplaces, change_seq, created_at) VALUES ($1, $2, $3, 0, $4)",
    )
    .bind(id)
    .bind(name)
    .bind(join_marketplaces(marketplaces))
    .bind(to_ms(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn account(db: &Db, seller_id: &str) -> Result<Account> {
    let row: Option<(String, String)> = sqlx::query_as("SELECT display_name, marketplaces FROM sellers WHERE id = $1")
        .bind(seller_id)
        .fetch_optional(db.reads())
        .await?;
    let (display_name, marketplaces) = row.ok_or_else(|| ServerError::NotFound("seller".to_owned()))?;
    Ok(Account { seller_id: seller_id.to_owned(), display_name, marketplaces: parse_marketplaces(&marketplaces)? })
}

pub async fn exists(db: &Db, seller_id: &str) -> Result<bool> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT id FROM sellers WHERE id = $1").bind(seller_id).fetch_optional(db.reads()).await?;
    Ok(found.is_some())
}

fn join_marketplaces(marketplaces: &[Marketplace]) -> String {
    let mut codes: Vec<&str> = marketplaces.iter().map(|m| m.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    codes.join(",")
}

fn parse_marketplaces(stored: &str) -> Result<Vec<Marketplace>> {
    stored
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().map_err(|e| ServerError::Corrupt(format!("seller marketplaces: {e}"))))
        .collect()
}

fn new_seller_id() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut rng = rand::thread_rng();
    let rest: String = (0..13).map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())])).collect();
    format!("A{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marketplaces_round_trip_sorted_and_deduplicated() -> Result<()> {
        let joined = join_marketplaces(&[Marketplace::Us, Marketplace::Jp, Marketplace::Us]);
        assert_eq!(joined, "JP,US");
        assert_eq!(parse_marketplaces(&joined)?, vec![Marketplace::Jp, Marketplace::Us]);
        Ok(())
    }

    #[test]
    fn seller_ids_look_like_merchant_ids() {
        let id = new_seller_id();
        assert_eq!(id.len(), 14);
        assert!(id.starts_with('A'));
        assert!(id.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
    }
}
