//! MFN orders.

use crate::db::{to_ms, truncate_ms};
use crate::error::{Result, ServerError};
use crate::feed;
use chrono::{DateTime, Utc};
use csba_api::{Order, Resource};
use sqlx::AnyConnection;

/// Inserts or replaces an order and records it in the feed. Call inside a
/// transaction; see [`feed::record`].
pub async fn put_order(conn: &mut AnyConnection, seller_id: &str, order: &Order, now: DateTime<Utc>) -> Result<i64> {
    let order = Order { placed_at: truncate_ms(order.placed_at), ..order.clone() };
    let quantity = i64::from(order.quantity);
    if quantity == 0 {
        return Err(ServerError::InvalidInput { field: "quantity", message: "must be at least 1".to_owned() });
    }
    let seq = feed::record(conn, seller_id, truncate_ms(now), &Resource::Order(order.clone())).await?;
    sqlx::query(
        "INSERT INTO orders (seller_id, id, marketplace, placed_at, item_title, sku, quantity, status) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (seller_id, id) DO UPDATE SET marketplace = excluded.marketplace, \
         placed_at = excluded.placed_at, item_title = excluded.item_title, sku = excluded.sku, \
         quantity = excluded.quantity, status = excluded.status",
    )
    .bind(seller_id)
    .bind(&order.id)
    .bind(order.marketplace.code())
    .bind(to_ms(order.placed_at))
    .bind(&order.item_title)
    .bind(&order.sku)
    .bind(quantity)
    .bind(&order.status)
    .execute(&mut *conn)
    .await?;
    Ok(seq)
}
