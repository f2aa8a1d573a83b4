//! The orders read model: what to ship, what was shipped with which
//! tracking, and what a tracking upload is checked against.

use crate::codec;
use crate::{AccountId, ReplicaFilter, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use csba_api::{Order, OrderTracking};
use csba_domain::Marketplace;
use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// One seller-fulfilled order of one account.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OrderView {
    pub account_id: AccountId,
    pub id: String,
    pub marketplace: Marketplace,
    pub placed_at: DateTime<Utc>,
    pub item_title: String,
    pub sku: String,
    pub quantity: u32,
    /// `pending`, `unshipped`, `shipped`, `delivered` or `cancelled`.
    pub status: String,
    /// The day-end by which the parcel must leave, when the service says.
    pub ship_by: Option<DateTime<Utc>>,
    /// The tracking the seller confirmed, once shipped.
    pub tracking: Option<OrderTracking>,
    /// A returned item arrived back at the seller.
    pub return_received_at: Option<DateTime<Utc>>,
    /// The buyer was refunded.
    pub refunded_at: Option<DateTime<Utc>>,
}

/// A return that arrived and is not refunded yet: its refund deadline runs
/// (`csba_domain::deadline::refund_due` from `return_received_at`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReturnAwaitingRefund {
    pub account_id: AccountId,
    pub order_id: String,
    pub marketplace: Marketplace,
    pub item_title: String,
    pub return_received_at: DateTime<Utc>,
}

impl OrderView {
    /// The wire shape, without the account.
    pub fn into_order(self) -> Order {
        Order {
            id: self.id,
            marketplace: self.marketplace,
            placed_at: self.placed_at,
            item_title: self.item_title,
            sku: self.sku,
            quantity: self.quantity,
            status: self.status,
            ship_by: self.ship_by,
            tracking: self.tracking,
            return_received_at: self.return_received_at,
            refunded_at: self.refunded_at,
        }
    }
}

/// A confirmed shipment: what the valid-tracking-rate figure counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConfirmedShipment {
    pub account_id: AccountId,
    pub order_id: String,
    pub marketplace: Marketplace,
    pub confirmed_at: DateTime<Utc>,
    pub tracking_number: String,
    pub carrier: String,
}

const COLUMNS: &str = "o.account_id, o.id, o.marketplace, o.placed_at, o.item_title, o.sku, o.quantity, o.status, \
                       o.ship_by, o.tracking_number, o.carrier, o.ship_date, o.confirmed_at, \
                       o.return_received_at, o.refunded_at";

/// Shipped and delivered orders both left with a tracking number.
const SHIPPED: &str = "o.status IN ('shipped', 'delivered')";

impl Store {
    /// Orders waiting for a shipment confirmation, most urgent first: the
    /// earliest ship-by date first, orders without one after every dated
    /// one, then the oldest placed. `pending` orders are not here: their
    /// payment is not confirmed and they must not ship yet.
    pub fn orders_needing_tracking(&self, filter: ReplicaFilter) -> Result<Vec<OrderView>, StoreError> {
        let (conditions, values) = filter.conditions("o.account_id", "o.marketplace");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM orders o WHERE o.status = 'unshipped'{conditions}
             ORDER BY o.ship_by IS NULL, o.ship_by, o.placed_at, o.account_id, o.id"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), raw)?;
        rows.map(|row| row?.into_view()).collect()
    }

    /// Orders in one `status` (e.g. `pending`: not to be shipped yet), the
    /// oldest placed first.
    pub fn orders_with_status(&self, filter: ReplicaFilter, status: &str) -> Result<Vec<OrderView>, StoreError> {
        let (conditions, filter_values) = filter.conditions("o.account_id", "o.marketplace");
        let mut values = vec![rusqlite::types::Value::Text(status.to_owned())];
        values.extend(filter_values);
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM orders o WHERE o.status = ?{conditions} ORDER BY o.placed_at, o.account_id, o.id"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), raw)?;
        rows.map(|row| row?.into_view()).collect()
    }

    /// Seller-fulfilled units shipped (orders placed since `since` that
    /// left) and the contacts CSBA escalated on them (cases opened since
    /// `since`): the two halves of contacts per unit, from the replica.
    pub fn units_and_contacts_since(
        &self,
        filter: ReplicaFilter,
        since: DateTime<Utc>,
    ) -> Result<(u64, u64), StoreError> {
        let (order_conditions, order_values) = filter.conditions("o.account_id", "o.marketplace");
        let mut values = vec![rusqlite::types::Value::Integer(since.timestamp_millis())];
        values.extend(order_values);
        let units: i64 = self.conn.query_row(
            &format!("SELECT COALESCE(SUM(o.quantity), 0) FROM orders o WHERE {SHIPPED} AND o.placed_at >= ?{order_conditions}"),
            params_from_iter(values),
            |row| row.get(0),
        )?;
        let (case_conditions, case_values) = filter.conditions("c.account_id", "c.marketplace");
        let mut values = vec![rusqlite::types::Value::Integer(since.timestamp_millis())];
        values.extend(case_values);
        let contacts: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM cases c WHERE c.opened_at >= ?{case_conditions}"),
            params_from_iter(values),
            |row| row.get(0),
        )?;
        Ok((u64::try_from(units).unwrap_or(0), u64::try_from(contacts).unwrap_or(0)))
    }

    /// How many orders wait for a shipment confirmation.
    pub fn unshipped_order_count(&self, filter: ReplicaFilter) -> Result<u32, StoreError> {
        let (conditions, values) = filter.conditions("o.account_id", "o.marketplace");
        Ok(self.conn.query_row(
            &format!("SELECT COUNT(*) FROM orders o WHERE o.status = 'unshipped'{conditions}"),
            params_from_iter(values),
            |row| row.get(0),
        )?)
    }

    /// The newest `limit` shipped (or delivered) orders with their tracking,
    /// the latest confirmation first; orders the service reported shipped
    /// without a tracking come last.
    pub fn shipped_orders(&self, filter: ReplicaFilter, limit: u32) -> Result<Vec<OrderView>, StoreError> {
        let (conditions, mut values) = filter.conditions("o.account_id", "o.marketplace");
        values.push(rusqlite::types::Value::Integer(limit.into()));
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM orders o WHERE {SHIPPED}{conditions}
             ORDER BY o.confirmed_at IS NULL, o.confirmed_at DESC, o.placed_at DESC, o.account_id, o.id
             LIMIT ?"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), raw)?;
        rows.map(|row| row?.into_view()).collect()
    }

    /// One order, if the replica has it.
    pub fn order(&self, account: AccountId, order_id: &str) -> Result<Option<OrderView>, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM orders o WHERE o.account_id = ?1 AND o.id = ?2"),
                params![account.0, order_id],
                raw,
            )
            .optional()?
            .map(RawOrder::into_view)
            .transpose()
    }

    /// The orders of `account` in the replica, by id, with their tracking
    /// and ship-by dates: what a tracking upload is checked against before
    /// it is queued, so an unknown or cancelled order is caught here instead
    /// of blocking the shipment queue at the service.
    pub fn replica_orders(&self, account: AccountId) -> Result<Vec<Order>, StoreError> {
        let mut stmt =
            self.conn.prepare(&format!("SELECT {COLUMNS} FROM orders o WHERE o.account_id = ?1 ORDER BY o.id"))?;
        let rows = stmt.query_map([account.0], raw)?;
        rows.map(|row| Ok(row?.into_view()?.into_order())).collect()
    }

    /// Every tracking number the orders of `account` carry, each with the
    /// orders (by id) that carry it. A row of an upload reuses a number when
    /// the number is here under an order other than its own: caught locally,
    /// before the batch is queued.
    pub fn tracking_numbers_in_use(&self, account: AccountId) -> Result<BTreeMap<String, Vec<String>>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT tracking_number, id FROM orders WHERE account_id = ?1 AND tracking_number IS NOT NULL
             ORDER BY tracking_number, id",
        )?;
        let rows = stmt.query_map([account.0], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
        let mut in_use: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for row in rows {
            let (number, order) = row?;
            in_use.entry(number).or_default().push(order);
        }
        Ok(in_use)
    }

    /// Returns received and not refunded, the oldest arrival first (its
    /// refund is due soonest).
    pub fn returns_awaiting_refund(&self, filter: ReplicaFilter) -> Result<Vec<ReturnAwaitingRefund>, StoreError> {
        let (conditions, values) = filter.conditions("o.account_id", "o.marketplace");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT o.account_id, o.id, o.marketplace, o.item_title, o.return_received_at FROM orders o
             WHERE o.return_received_at IS NOT NULL AND o.refunded_at IS NULL{conditions}
             ORDER BY o.return_received_at, o.account_id, o.id"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, i64>(4)?,
            ))
        })?;
        rows.map(|row| {
            let (account_id, order_id, marketplace, item_title, received) = row?;
            let what = |field: &str| format!("order {order_id} field {field}");
            Ok(ReturnAwaitingRefund {
                account_id: AccountId(account_id),
                marketplace: codec::marketplace(&marketplace, || what("marketplace"))?,
                return_received_at: codec::time(received, || what("return_received_at"))?,
                order_id,
                item_title,
            })
        })
        .collect()
    }

    /// The shipments confirmed at or after `since` (e.g. 30 days before the
    /// server's `now`), oldest first: the valid-tracking-rate window.
    pub fn confirmed_shipments_since(
        &self,
        filter: ReplicaFilter,
        since: DateTime<Utc>,
    ) -> Result<Vec<ConfirmedShipment>, StoreError> {
        let (conditions, filter_values) = filter.conditions("o.account_id", "o.marketplace");
        let mut values = vec![rusqlite::types::Value::Integer(since.timestamp_millis())];
        values.extend(filter_values);
        let mut stmt = self.conn.prepare(&format!(
            "SELECT o.account_id, o.id, o.marketplace, o.confirmed_at, o.tracking_number, o.carrier FROM orders o
             WHERE {SHIPPED} AND o.confirmed_at >= ? AND o.tracking_number IS NOT NULL{conditions}
             ORDER BY o.confirmed_at, o.account_id, o.id"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, i64>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, String>(5)?,
            ))
        })?;
        rows.map(|row| {
            let (account_id, order_id, marketplace, confirmed_at, tracking_number, carrier) = row?;
            let what = |field: &str| format!("order {order_id} field {field}");
            Ok(ConfirmedShipment {
                account_id: AccountId(account_id),
                marketplace: codec::marketplace(&marketplace, || what("marketplace"))?,
                confirmed_at: codec::time(confirmed_at, || what("confirmed_at"))?,
                order_id,
                tracking_number,
                carrier,
            })
        })
        .collect()
    }
}

struct RawOrder {
    account_id: i64,
    id: String,
    marketplace: String,
    placed_at: i64,
    item_title: String,
    sku: String,
    quantity: u32,
    status: String,
    ship_by: Option<i64>,
    tracking_number: Option<String>,
    carrier: Option<String>,
    ship_date: Option<String>,
    confirmed_at: Option<i64>,
    return_received_at: Option<i64>,
    refunded_at: Option<i64>,
}

fn raw(row: &Row<'_>) -> rusqlite::Result<RawOrder> {
    Ok(RawOrder {
        account_id: row.get(0)?,
        id: row.get(1)?,
        marketplace: row.get(2)?,
        placed_at: row.get(3)?,
        item_title: row.get(4)?,
        sku: row.get(5)?,
        quantity: row.get(6)?,
        status: row.get(7)?,
        ship_by: row.get(8)?,
        tracking_number: row.get(9)?,
        carrier: row.get(10)?,
        ship_date: row.get(11)?,
        confirmed_at: row.get(12)?,
        return_received_at: row.get(13)?,
        refunded_at: row.get(14)?,
    })
}

impl RawOrder {
    fn into_view(self) -> Result<OrderView, StoreError> {
        let id = self.id;
        let what = |field: &str| format!("order {id} field {field}");
        // The four tracking columns are written together (see upsert_order).
        let tracking = match (self.tracking_number, self.carrier, self.ship_date, self.confirmed_at) {
            (None, None, None, None) => None,
            (Some(tracking_number), Some(carrier), Some(ship_date), Some(confirmed_at)) => Some(OrderTracking {
                tracking_number,
                carrier,
                ship_date: ship_date.parse::<NaiveDate>().map_err(|_| StoreError::corrupt(what("ship_date")))?,
                confirmed_at: codec::time(confirmed_at, || what("confirmed_at"))?,
            }),
            _ => return Err(StoreError::corrupt(what("tracking"))),
        };
        Ok(OrderView {
            account_id: AccountId(self.account_id),
            marketplace: codec::marketplace(&self.marketplace, || what("marketplace"))?,
            placed_at: codec::time(self.placed_at, || what("placed_at"))?,
            ship_by: self.ship_by.map(|ms| codec::time(ms, || what("ship_by"))).transpose()?,
            tracking,
            return_received_at: self
                .return_received_at
                .map(|ms| codec::time(ms, || what("return_received_at")))
                .transpose()?,
            refunded_at: self.refunded_at.map(|ms| codec::time(ms, || what("refunded_at"))).transpose()?,
            item_title: self.item_title,
            sku: self.sku,
            quantity: self.quantity,
            status: self.status,
            id,
        })
    }
}
