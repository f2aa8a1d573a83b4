//! MFN orders.

use crate::db::{from_ms, to_ms, truncate_ms, Backend, Db};
use crate::error::{Result, ServerError};
use crate::feed;
use crate::page::Page;
use crate::ship_by::default_ship_by;
use crate::shipped_rows::ShipmentWrites;
use chrono::{DateTime, Utc};
use csba_api::{Order, OrderTracking, Resource};
use csba_domain::Marketplace;
use sqlx::AnyConnection;

/// Inserts or replaces an order (its confirmation included: stored,
/// replaced or removed as `order.tracking` says) and records it in the
/// feed. Call inside a transaction; see [`feed::record`]. An order without
/// a `ship_by` gets the default one (see [`crate::ship_by`]): every order
/// the service stores and returns has one. Returns the feed seq.
pub async fn put_order(conn: &mut AnyConnection, seller_id: &str, order: &Order, now: DateTime<Utc>) -> Result<i64> {
    let placed_at = truncate_ms(order.placed_at);
    let ship_by = match order.ship_by {
        Some(given) => truncate_ms(given),
        None => default_ship_by(order.marketplace, placed_at)?,
    };
    let tracking =
        order.tracking.as_ref().map(|t| OrderTracking { confirmed_at: truncate_ms(t.confirmed_at), ..t.clone() });
    let order = Order {
        placed_at,
        ship_by: Some(ship_by),
        tracking,
        return_received_at: order.return_received_at.map(truncate_ms),
        refunded_at: order.refunded_at.map(truncate_ms),
        ..order.clone()
    };
    let quantity = i64::from(order.quantity);
    if quantity == 0 {
        return Err(ServerError::InvalidInput { field: "quantity", message: "must be at least 1".to_owned() });
    }
    let seq = feed::record(conn, seller_id, truncate_ms(now), &Resource::Order(order.clone())).await?;
    sqlx::query(
        "INSERT INTO orders (seller_id, id, marketplace, placed_at, item_title, sku, quantity, status, ship_by, \
         return_received_at, refunded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (seller_id, id) DO UPDATE SET marketplace = excluded.marketplace, \
         placed_at = excluded.placed_at, item_title = excluded.item_title, sku = excluded.sku, \
         quantity = excluded.quantity, status = excluded.status, ship_by = excluded.ship_by, \
         return_received_at = excluded.return_received_at, refunded_at = excluded.refunded_at",
    )
    .bind(seller_id)
    .bind(&order.id)
    .bind(order.marketplace.code())
    .bind(to_ms(order.placed_at))
    .bind(&order.item_title)
    .bind(&order.sku)
    .bind(quantity)
    .bind(&order.status)
    .bind(to_ms(ship_by))
    .bind(order.return_received_at.map(to_ms))
    .bind(order.refunded_at.map(to_ms))
    .execute(&mut *conn)
    .await?;
    match &order.tracking {
        Some(t) => {
            sqlx::query(
                "INSERT INTO shipment_confirmations \
                 (seller_id, order_id, marketplace, tracking_number, carrier, ship_date, confirmed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (seller_id, order_id) DO UPDATE SET marketplace = excluded.marketplace, \
                 tracking_number = excluded.tracking_number, carrier = excluded.carrier, \
                 ship_date = excluded.ship_date, confirmed_at = excluded.confirmed_at",
            )
            .bind(seller_id)
            .bind(&order.id)
            .bind(order.marketplace.code())
            .bind(&t.tracking_number)
            .bind(&t.carrier)
            .bind(t.ship_date.to_string())
            .bind(to_ms(t.confirmed_at))
            .execute(&mut *conn)
            .await?;
        }
        None => {
            sqlx::query("DELETE FROM shipment_confirmations WHERE seller_id = $1 AND order_id = $2")
                .bind(seller_id)
                .bind(&order.id)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(seq)
}

/// Migration 0004's step: gives every order stored before it the default
/// ship-by, and records each so updated order in its seller's feed, so
/// replicas that already hold the order learn its ship-by on their next
/// pull like any other change. In the migration's transaction.
pub async fn backfill_ship_by(conn: &mut AnyConnection, now: DateTime<Utc>) -> Result<()> {
    let now = truncate_ms(now);
    let sellers: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT seller_id FROM orders WHERE ship_by IS NULL ORDER BY seller_id")
            .fetch_all(&mut *conn)
            .await?;
    for seller_id in sellers {
        // Version 4's columns: this step runs before migration 5 adds the
        // return columns, which are then NULL anyway.
        let rows: Vec<OrderRowV4> = sqlx::query_as(&format!(
            "SELECT {COLUMNS_V4} FROM orders WHERE seller_id = $1 AND ship_by IS NULL ORDER BY placed_at, id"
        ))
        .bind(&seller_id)
        .fetch_all(&mut *conn)
        .await?;
        for row in rows {
            // from_row gives a NULL ship-by its default.
            let order = from_row(extend_v4(row))?;
            feed::record(conn, &seller_id, now, &Resource::Order(order.clone())).await?;
            sqlx::query("UPDATE orders SET ship_by = $1 WHERE seller_id = $2 AND id = $3")
                .bind(order.ship_by.map(to_ms))
                .bind(&seller_id)
                .bind(&order.id)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

const COLUMNS_V4: &str = "id, marketplace, placed_at, item_title, sku, quantity, status, tracking_number, \
                          carrier, ship_date, confirmed_at, ship_by";

/// The status of an order `o` as the API shows it: an unshipped order
/// with a confirmation `s` (see [`WITH_CONFIRMATION`]) is shipped.
/// Confirming writes the confirmation alone (migration 0008).
macro_rules! status {
    () => {
        "CASE WHEN o.status = 'unshipped' AND s.order_id IS NOT NULL THEN 'shipped' ELSE o.status END"
    };
}
pub(crate) use status;

/// Orders `o` each with its confirmation `s`, if it has one.
pub(crate) const WITH_CONFIRMATION: &str =
    "orders o LEFT JOIN shipment_confirmations s ON s.seller_id = o.seller_id AND s.order_id = o.id";

/// An [`OrderRow`], from [`WITH_CONFIRMATION`].
const COLUMNS: &str = concat!(
    "o.id, o.marketplace, o.placed_at, o.item_title, o.sku, o.quantity, ",
    status!(),
    ", s.tracking_number, s.carrier, s.ship_date, s.confirmed_at, o.ship_by, o.return_received_at, o.refunded_at"
);

fn extend_v4(r: OrderRowV4) -> OrderRow {
    (r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8, r.9, r.10, r.11, None, None)
}

type OrderRow = (
    String,
    String,
    i64,
    String,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

type OrderRowV4 = (
    String,
    String,
    i64,
    String,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

/// A page of a seller's orders, newest first, optionally only those in
/// `status`, and the next page's cursor.
pub async fn list_orders(
    db: &Db,
    seller_id: &str,
    status: Option<&str>,
    page: &Page,
) -> Result<(Vec<Order>, Option<String>)> {
    let (status_condition, next) = if status.is_some() { (concat!(" AND ", status!(), " = $2"), 3) } else { ("", 2) };
    let sql = format!(
        "SELECT {COLUMNS} FROM {WITH_CONFIRMATION} WHERE o.seller_id = $1{status_condition}{} \
         ORDER BY o.placed_at DESC, o.id ASC{}",
        page.condition("o.placed_at", "o.id", true, next),
        page.limit_clause()
    );
    let mut query = sqlx::query_as::<_, OrderRow>(&sql).bind(seller_id);
    if let Some(status) = status {
        query = query.bind(status);
    }
    if let Some((at, id)) = &page.after {
        query = query.bind(*at).bind(id.as_str());
    }
    let orders = query.fetch_all(db.reads()).await?.into_iter().map(from_row).collect::<Result<Vec<_>>>()?;
    Ok(page.split(orders, |o| (to_ms(o.placed_at), o.id.as_str())))
}

/// Orders of `seller_id` among `ids`, read inside the caller's transaction.
/// Ids of other sellers are simply not found. One statement however many
/// ids: they go in as one JSON array (see [`Backend::json_texts`]).
pub async fn orders_by_id(conn: &mut AnyConnection, seller_id: &str, ids: &[&str]) -> Result<Vec<Order>> {
    let backend = Backend::of(conn);
    let sql = format!(
        "SELECT {} FROM {WITH_CONFIRMATION} WHERE o.seller_id = $1 AND o.id IN (SELECT value FROM {})",
        backend.json_agg_rows(COLUMNS),
        backend.json_texts(2)
    );
    let rows: String =
        sqlx::query_scalar(&sql).bind(seller_id).bind(serde_json::to_string(ids)?).fetch_one(&mut *conn).await?;
    let rows: Vec<OrderRow> = serde_json::from_str(&rows)?;
    rows.into_iter().map(from_row).collect()
}

/// Which of `numbers` are already the tracking of one of the seller's
/// orders: (tracking number, order id).
pub async fn orders_with_tracking(
    conn: &mut AnyConnection,
    seller_id: &str,
    numbers: &[&str],
) -> Result<Vec<(String, String)>> {
    confirmation_pairs(conn, seller_id, ("tracking_number", "order_id"), numbers).await
}

/// The tracking numbers of those of `ids` (the seller's orders) that have
/// one: (order id, tracking number).
pub async fn tracking_of_orders(
    conn: &mut AnyConnection,
    seller_id: &str,
    ids: &[&str],
) -> Result<Vec<(String, String)>> {
    confirmation_pairs(conn, seller_id, ("order_id", "tracking_number"), ids).await
}

/// (`key`, `other`) of the seller's confirmations whose `key` is one of
/// `values`: one statement however many values, as one JSON array (see
/// [`Backend::json_texts`]).
async fn confirmation_pairs(
    conn: &mut AnyConnection,
    seller_id: &str,
    (key, other): (&str, &str),
    values: &[&str],
) -> Result<Vec<(String, String)>> {
    let backend = Backend::of(conn);
    let sql = format!(
        "SELECT {} FROM shipment_confirmations WHERE seller_id = $1 AND {key} IN (SELECT value FROM {})",
        backend.json_agg_rows(&format!("{key}, {other}")),
        backend.json_texts(2)
    );
    let rows: String =
        sqlx::query_scalar(&sql).bind(seller_id).bind(serde_json::to_string(values)?).fetch_one(&mut *conn).await?;
    Ok(serde_json::from_str(&rows)?)
}

/// Writes a batch of shipment confirmations ([`ShipmentWrites`]) and
/// records them in the feed, set-based: the feed's seq advances by the
/// batch's size once, the confirmations are inserted by one statement whose
/// rows come in as one JSON parameter (see [`Backend::json_rows`]), and the
/// feed gets runs of [`feed::RUN_LEN`] orders (see migration 0007). The
/// orders' own rows are not written (see migration 0008). Call inside a
/// transaction holding the seller's lock, once every order was checked to
/// exist and be free to ship.
pub async fn confirm_shipments(
    conn: &mut AnyConnection,
    seller_id: &str,
    writes: ShipmentWrites,
    now: DateTime<Utc>,
) -> Result<()> {
    let count = writes.count();
    if count == 0 {
        return Ok(());
    }
    let backend = Backend::of(conn);
    let at = to_ms(truncate_ms(now));
    let count = i64::try_from(count).map_err(|_| ServerError::Corrupt("batch too large".to_owned()))?;
    let last: Option<i64> =
        sqlx::query_scalar("UPDATE sellers SET change_seq = change_seq + $2 WHERE id = $1 RETURNING change_seq")
            .bind(seller_id)
            .bind(count)
            .fetch_optional(&mut *conn)
            .await?;
    let last = last.ok_or_else(|| ServerError::NotFound(format!("seller {seller_id}")))?;
    sqlx::query(&format!(
        "INSERT INTO shipment_confirmations \
         (seller_id, order_id, marketplace, tracking_number, carrier, ship_date, confirmed_at) \
         SELECT $1, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, CAST(value ->> 5 AS BIGINT) \
         FROM {}",
        backend.json_rows(2)
    ))
    .bind(seller_id)
    .bind(writes.confirmations)
    .execute(&mut *conn)
    .await?;
    // All runs in one statement: a round trip each cost a batch's 17 runs
    // about as much as writing them.
    let values = (0..writes.runs.len())
        .map(|i| {
            let p = 4 + 5 * i;
            format!("($1, ${}, $2, $3, '', ${}, ${}, ${}, ${})", p, p + 1, p + 2, p + 3, p + 4)
        })
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "INSERT INTO changes (seller_id, seq, at, kind, entity_id, payload, run_from, run_ids, run_numbers) VALUES {values}"
    );
    let mut insert = sqlx::query(&sql).bind(seller_id).bind(at).bind(feed::RUN_KIND);
    let mut run_from = last - count + 1;
    for run in writes.runs {
        let run_to =
            run_from + i64::try_from(run.len).map_err(|_| ServerError::Corrupt("run too long".to_owned()))? - 1;
        insert = insert.bind(run_to).bind(run.payload).bind(run_from).bind(run.ids).bind(run.numbers);
        run_from = run_to + 1;
    }
    insert.execute(&mut *conn).await?;
    Ok(())
}

fn from_row(row: OrderRow) -> Result<Order> {
    let (
        id,
        marketplace,
        placed_at,
        item_title,
        sku,
        quantity,
        status,
        number,
        carrier,
        ship_date,
        confirmed_at,
        ship_by,
        return_received_at,
        refunded_at,
    ) = row;
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
    let marketplace: Marketplace = marketplace.parse().map_err(|_| corrupt("marketplace"))?;
    let placed_at = from_ms(placed_at)?;
    // NULL only between migration 0004's DDL and its backfill step.
    let ship_by = match ship_by {
        Some(ms) => from_ms(ms)?,
        None => default_ship_by(marketplace, placed_at)?,
    };
    Ok(Order {
        marketplace,
        placed_at,
        quantity: u32::try_from(quantity).map_err(|_| corrupt("quantity"))?,
        id,
        item_title,
        sku,
        status,
        tracking,
        ship_by: Some(ship_by),
        return_received_at: return_received_at.map(from_ms).transpose()?,
        refunded_at: refunded_at.map(from_ms).transpose()?,
    })
}
