//! MFN orders.

use crate::db::{from_ms, to_ms, truncate_ms, Db};
use crate::error::{Result, ServerError};
use crate::feed;
use chrono::{DateTime, Utc};
use csba_api::{Order, OrderTracking, Resource};
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

const COLUMNS: &str = "id, marketplace, placed_at, item_title, sku, quantity, status, tracking_number, carrier, \
                       ship_date, confirmed_at";

type OrderRow =
    (String, String, i64, String, String, i64, String, Option<String>, Option<String>, Option<String>, Option<i64>);

/// A seller's orders, newest first, optionally only those in `status`.
pub async fn list_orders(db: &Db, seller_id: &str, status: Option<&str>) -> Result<Vec<Order>> {
    let rows: Vec<OrderRow> = match status {
        Some(status) => {
            sqlx::query_as(&format!(
                "SELECT {COLUMNS} FROM orders WHERE seller_id = $1 AND status = $2 ORDER BY placed_at DESC, id ASC"
            ))
            .bind(seller_id)
            .bind(status)
            .fetch_all(db.pool())
            .await?
        }
        None => {
            sqlx::query_as(&format!(
                "SELECT {COLUMNS} FROM orders WHERE seller_id = $1 ORDER BY placed_at DESC, id ASC"
            ))
            .bind(seller_id)
            .fetch_all(db.pool())
            .await?
        }
    };
    rows.into_iter().map(from_row).collect()
}

/// Orders of `seller_id` among `ids`, read inside the caller's transaction.
/// Ids of other sellers are simply not found.
pub async fn orders_by_id(conn: &mut AnyConnection, seller_id: &str, ids: &[&str]) -> Result<Vec<Order>> {
    let mut found = Vec::with_capacity(ids.len());
    // Bounded IN lists: both SQLite and PostgreSQL cap bind parameters.
    for chunk in ids.chunks(500) {
        let placeholders: Vec<String> = (2..chunk.len() + 2).map(|i| format!("${i}")).collect();
        let sql = format!("SELECT {COLUMNS} FROM orders WHERE seller_id = $1 AND id IN ({})", placeholders.join(", "));
        let mut query = sqlx::query_as::<_, OrderRow>(&sql).bind(seller_id);
        for id in chunk {
            query = query.bind(*id);
        }
        for row in query.fetch_all(&mut *conn).await? {
            found.push(from_row(row)?);
        }
    }
    Ok(found)
}

/// Which of `numbers` are already the tracking of one of the seller's
/// orders: (tracking number, order id).
pub async fn orders_with_tracking(
    conn: &mut AnyConnection,
    seller_id: &str,
    numbers: &[&str],
) -> Result<Vec<(String, String)>> {
    let mut found = Vec::new();
    for chunk in numbers.chunks(500) {
        let placeholders: Vec<String> = (2..chunk.len() + 2).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT tracking_number, id FROM orders WHERE seller_id = $1 AND tracking_number IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query_as::<_, (String, String)>(&sql).bind(seller_id);
        for n in chunk {
            query = query.bind(*n);
        }
        found.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(found)
}

/// Marks an order shipped with `tracking` and records it in the feed. Call
/// inside a transaction holding the seller's lock.
pub async fn confirm_shipment(
    conn: &mut AnyConnection,
    seller_id: &str,
    order: &Order,
    tracking: &OrderTracking,
    now: DateTime<Utc>,
) -> Result<Order> {
    let tracking = OrderTracking { confirmed_at: truncate_ms(tracking.confirmed_at), ..tracking.clone() };
    let shipped = Order { status: "shipped".to_owned(), tracking: Some(tracking.clone()), ..order.clone() };
    feed::record(conn, seller_id, truncate_ms(now), &Resource::Order(shipped.clone())).await?;
    sqlx::query(
        "UPDATE orders SET status = $1, tracking_number = $2, carrier = $3, ship_date = $4, confirmed_at = $5 \
         WHERE seller_id = $6 AND id = $7",
    )
    .bind(&shipped.status)
    .bind(&tracking.tracking_number)
    .bind(&tracking.carrier)
    .bind(tracking.ship_date.to_string())
    .bind(to_ms(tracking.confirmed_at))
    .bind(seller_id)
    .bind(&shipped.id)
    .execute(&mut *conn)
    .await?;
    Ok(shipped)
}

fn from_row(row: OrderRow) -> Result<Order> {
    let (id, marketplace, placed_at, item_title, sku, quantity, status, number, carrier, ship_date, confirmed_at) = row;
    let corrupt = |what: &str| ServerError::Corrupt(format!("order {id}: {what}"));
    let tracking = match (number, carrier, ship_date, confirmed_at) {
        (Some(tracking_number), Some(carrier), Some(ship_date), Some(confirmed_at)) => Some(OrderTracking {
            tracking_number,
            carrier,
            ship_date: ship_date.parse().map_err(|_| corrupt("ship date"))?,
            confirmed_at: from_ms(confirmed_at)?,
        }),
        _ => None,
    };
    Ok(Order {
        marketplace: marketplace.parse().map_err(|_| corrupt("marketplace"))?,
        placed_at: from_ms(placed_at)?,
        quantity: u32::try_from(quantity).map_err(|_| corrupt("quantity"))?,
        id,
        item_title,
        sku,
        status,
        tracking,
    })
}
