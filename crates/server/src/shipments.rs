//! Shipment confirmations: a batch of tracking IDs for the seller's MFN
//! orders, checked row by row against the rules and the seller's real
//! orders, then applied all together or not at all.

use crate::db::{truncate_ms, Db};
use crate::error::{Result, ServerError};
use crate::feed;
use crate::orders::{confirm_shipments, orders_by_id, orders_with_tracking, tracking_of_orders};
use crate::shipped_rows::ShipmentWrites;
use crate::write_tx::WriteTx;
use chrono::{DateTime, NaiveDate, Utc};
use csba_api::{
    FieldError, Order, OrderTracking, Problem, ProblemCode, Resource, ShipmentConfirmation, ShipmentConfirmationResult,
    ShipmentRowResult,
};
use csba_domain::tracking;
use sqlx::AnyConnection;
use std::collections::{BTreeSet, HashMap};

/// Far beyond Amazon's own flat-file batches; the body limit bounds it too.
pub const MAX_ROWS: usize = 10_000;

/// One row that passed every check, ready to apply. Its order stays in the
/// map it was read into until it is written: a batch's 10,000 orders cost
/// more to copy and free than to check.
struct Accepted<'a> {
    order_id: &'a str,
    tracking: OrderTracking,
    ambiguous: bool,
    /// The order is already shipped with exactly this tracking: nothing to
    /// write (the same file uploaded from a second device, say).
    already_confirmed: bool,
}

/// What a batch is checked against: the seller's orders among its rows,
/// the tracking numbers among its rows already in use (number → order), and
/// the seller's feed seq read before them.
struct Stored {
    seq: Option<i64>,
    orders: HashMap<String, Order>,
    in_use: HashMap<String, String>,
}

impl Stored {
    /// The seq first: a write committed after it has a later seq.
    async fn read(conn: &mut AnyConnection, seller_id: &str, ids: &[&str], numbers: &[&str]) -> Result<Stored> {
        let seq = feed::seq_of(&mut *conn, seller_id).await?;
        let orders = orders_by_id(conn, seller_id, ids).await?.into_iter().map(|o| (o.id.clone(), o)).collect();
        let in_use = orders_with_tracking(conn, seller_id, numbers).await?.into_iter().collect();
        Ok(Stored { seq, orders, in_use })
    }
}

/// Whether what was read at `read_at` still holds at `seq`, read in `conn`
/// (which holds the seller's lock): none of the batch's orders changed
/// since, and its tracking numbers are in use by the same orders as then (an
/// order outside the batch may have taken one). Every write to an order is
/// in the feed (see `feed`), so the feed's entries after `read_at` name
/// every order that may have changed, and runs say which number each of
/// theirs got: only the orders changed otherwise have theirs looked up,
/// not the batch's thousands of numbers (see [`feed::OrderChanges`]).
async fn still_holds(
    conn: &mut AnyConnection,
    seller_id: &str,
    (read_at, seq): (Option<i64>, i64),
    ids: &[&str],
    numbers: &[&str],
    in_use: &HashMap<String, String>,
) -> Result<bool> {
    let Some(read_at) = read_at.filter(|&read_at| read_at <= seq) else { return Ok(false) };
    if read_at == seq {
        return Ok(true);
    }
    let changes = feed::order_changes_after(&mut *conn, seller_id, read_at).await?;
    if ids.iter().any(|id| changes.contains(id)) {
        return Ok(false);
    }
    let unknown = changes.unknown();
    let looked_up: HashMap<String, String> = if unknown.is_empty() {
        HashMap::new()
    } else {
        tracking_of_orders(conn, seller_id, &unknown).await?.into_iter().collect()
    };
    Ok(changes.keep(numbers, in_use, &looked_up))
}

/// What a batch comes to: every row's problems, or the answer and the
/// writes.
enum Verdict {
    Refused(Vec<FieldError>),
    Accepted(Confirmed, ShipmentWrites),
}

/// The answer to an applied batch: its [`ShipmentConfirmationResult`] as
/// JSON, serialized with the batch's writes before the seller's lock (a
/// batch of 10,000 rows answers about 1 MB).
pub struct Confirmed {
    pub json: Vec<u8>,
}

/// Why a row's order cannot be confirmed as shipped, as the row error's
/// code (on `/confirmations/{i}/order_id`), or `None` when it can. A
/// shipped order is refused unless the row repeats its confirmed tracking.
fn order_refusal(order: &Order, repeats_confirmed: bool) -> Option<&'static str> {
    match order.status.as_str() {
        "cancelled" => Some("order_cancelled"),
        // Payment not confirmed: Amazon may still cancel it; do not ship.
        "pending" => Some("order_pending"),
        "shipped" | "delivered" if !repeats_confirmed => Some("order_already_shipped"),
        _ => None,
    }
}

/// Checks every row; applies the batch in one transaction if all pass,
/// otherwise answers every row's problems and changes nothing.
///
/// The batch is read, checked and its writes serialized before the seller's
/// lock, while the batch before it of the same upload is written. Under the
/// lock, if what it was checked against still holds ([`still_holds`]), its
/// verdict stands; otherwise it is read and checked again there.
pub async fn confirm(db: &Db, seller_id: &str, rows: &[ShipmentConfirmation], now: DateTime<Utc>) -> Result<Confirmed> {
    if rows.is_empty() || rows.len() > MAX_ROWS {
        return Err(ServerError::InvalidInput {
            field: "/confirmations",
            message: format!("a batch holds 1 to {MAX_ROWS} confirmations"),
        });
    }
    let checks: Vec<tracking::TrackingCheck<'_>> =
        rows.iter().map(|r| tracking::check_with_code(&r.tracking_number, r.carrier.as_deref())).collect();
    let ids: Vec<&str> = rows.iter().map(|r| r.order_id.trim()).collect();
    let numbers: Vec<&str> = checks.iter().filter(|c| c.is_valid()).map(|c| c.normalized.as_ref()).collect();
    let Stored { seq: read_at, orders, in_use } = {
        let mut conn = db.reads().acquire().await?;
        Stored::read(&mut conn, seller_id, &ids, &numbers).await?
    };
    let early = verdict(rows, &checks, orders, &in_use, now)?;

    let mut tx = WriteTx::begin(db).await?;
    let seq = feed::lock_seller(&mut tx, seller_id).await?;
    let verdict = if still_holds(&mut tx, seller_id, (read_at, seq), &ids, &numbers, &in_use).await? {
        early
    } else {
        drop(early);
        let stored = Stored::read(&mut tx, seller_id, &ids, &numbers).await?;
        verdict(rows, &checks, stored.orders, &stored.in_use, now)?
    };
    match verdict {
        Verdict::Refused(errors) => {
            tx.rollback().await?;
            let bad_rows = errors.iter().filter_map(|e| e.field.as_deref()).filter_map(row_of).collect::<BTreeSet<_>>();
            Err(ServerError::rejected(
                Problem::new(ProblemCode::ShipmentRejected, "Shipment confirmations refused")
                    .with_detail(format!(
                        "{} of {} rows have problems; nothing was applied.",
                        bad_rows.len(),
                        rows.len()
                    ))
                    .with_field("/confirmations")
                    .with_errors(errors),
            ))
        }
        Verdict::Accepted(result, writes) => {
            confirm_shipments(&mut tx, seller_id, writes, now).await?;
            tx.commit().await?;
            Ok(result)
        }
    }
}

/// Checks every row against `orders` (the seller's orders among the rows,
/// by id) and `in_use` (see [`Stored`]); reads nothing.
fn verdict(
    rows: &[ShipmentConfirmation],
    checks: &[tracking::TrackingCheck<'_>],
    mut orders: HashMap<String, Order>,
    in_use: &HashMap<String, String>,
    now: DateTime<Utc>,
) -> Result<Verdict> {
    let mut errors = Vec::new();
    let mut accepted = Vec::with_capacity(rows.len());
    let mut seen_orders: HashMap<&str, usize> = HashMap::new();
    let mut seen_numbers: HashMap<&str, usize> = HashMap::new();
    for (index, (row, check)) in rows.iter().zip(checks).enumerate() {
        let at = |field: &str, code: &str, detail: Option<String>| FieldError {
            field: Some(format!("/confirmations/{index}/{field}")),
            code: code.to_owned(),
            rule: None,
            detail,
        };
        let before = errors.len();
        let order_id = row.order_id.trim();
        if let Some(first) = seen_orders.insert(order_id, index) {
            errors.push(at("order_id", "duplicate_order_in_batch", Some(format!("also in row {first}"))));
        }
        let order = orders.get(order_id);
        // The row names exactly the tracking this order was confirmed with.
        let repeats_confirmed = order.and_then(|o| o.tracking.as_ref()).is_some_and(|t| {
            check.is_valid()
                && t.tracking_number == check.normalized.as_ref()
                && check.carrier.is_some_and(|c| c.code() == t.carrier)
        });
        match order {
            None => errors.push(at("order_id", "unknown_order", None)),
            Some(o) => {
                if let Some(code) = order_refusal(o, repeats_confirmed) {
                    let detail = o
                        .tracking
                        .as_ref()
                        .map(|t| format!("shipped on {} with {} ({})", t.ship_date, t.tracking_number, t.carrier));
                    errors.push(at("order_id", code, detail.filter(|_| code == "order_already_shipped")));
                }
            }
        }
        if let Err(rejection) = check.result {
            errors.push(at(
                if rejection == tracking::Rejection::UnknownCarrier { "carrier" } else { "tracking_number" },
                rejection.code(),
                None,
            ));
        } else {
            let number = check.normalized.as_ref();
            if let Some(first) = seen_numbers.insert(number, index) {
                if rows.get(first).map(|r| r.order_id.trim()) != Some(order_id) {
                    errors.push(at(
                        "tracking_number",
                        "duplicate_tracking_in_batch",
                        Some(format!("also in row {first}")),
                    ));
                }
            }
            if let Some(other) = in_use.get(number).filter(|other| other.as_str() != order_id) {
                errors.push(at(
                    "tracking_number",
                    "tracking_reused",
                    Some(format!("already the tracking of order {other}")),
                ));
            }
        }
        if let Some(o) = order {
            let zone = o.marketplace.time_zone().map_err(|e| ServerError::Corrupt(e.to_string()))?;
            let today = now.with_timezone(&zone).date_naive();
            let placed_on = o.placed_at.with_timezone(&zone).date_naive();
            if row.ship_date > today {
                errors.push(at("ship_date", "ship_date_in_future", None));
            } else if row.ship_date < placed_on {
                errors.push(at(
                    "ship_date",
                    "ship_date_before_order",
                    Some(format!("the order was placed on {placed_on}")),
                ));
            }
        }
        if errors.len() == before {
            if let (Some(order), Some(carrier)) = (order, check.carrier) {
                accepted.push(Accepted {
                    order_id,
                    tracking: match (&order.tracking, repeats_confirmed) {
                        (Some(confirmed), true) => confirmed.clone(),
                        _ => tracking_of(check.normalized.as_ref(), carrier.code(), row.ship_date, now),
                    },
                    ambiguous: row.carrier.is_none() && check.is_ambiguous(),
                    already_confirmed: repeats_confirmed,
                });
            }
        }
    }
    if !errors.is_empty() {
        return Ok(Verdict::Refused(errors));
    }
    let results = accepted
        .iter()
        .enumerate()
        .map(|(index, a)| ShipmentRowResult {
            index,
            order_id: a.order_id.to_owned(),
            tracking_number: a.tracking.tracking_number.clone(),
            carrier: a.tracking.carrier.clone(),
            carrier_ambiguous: a.ambiguous,
        })
        .collect();
    // The feed gets each shipped order (status and tracking); a repeated
    // confirmation changes nothing, so it records nothing either.
    // Each accepted row names another order (a repeated one is refused).
    let shipped = accepted
        .into_iter()
        .filter(|a| !a.already_confirmed)
        .map(|a| {
            let order = orders
                .remove(a.order_id)
                .ok_or_else(|| ServerError::Corrupt(format!("order {} taken twice", a.order_id)))?;
            let tracking = OrderTracking { confirmed_at: truncate_ms(a.tracking.confirmed_at), ..a.tracking };
            Ok(Resource::Order(Order { status: "shipped".to_owned(), tracking: Some(tracking), ..order }))
        })
        .collect::<Result<Vec<_>>>()?;
    let answer = Confirmed { json: serde_json::to_vec(&ShipmentConfirmationResult { results })? };
    Ok(Verdict::Accepted(answer, ShipmentWrites::of(&shipped)?))
}

fn tracking_of(number: &str, carrier: &str, ship_date: NaiveDate, now: DateTime<Utc>) -> OrderTracking {
    OrderTracking { tracking_number: number.to_owned(), carrier: carrier.to_owned(), ship_date, confirmed_at: now }
}

/// The row index of a `/confirmations/{i}/…` pointer.
fn row_of(pointer: &str) -> Option<usize> {
    pointer.strip_prefix("/confirmations/")?.split('/').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_indexes_from_pointers() {
        assert_eq!(row_of("/confirmations/12/tracking_number"), Some(12));
        assert_eq!(row_of("/confirmations"), None);
    }
}
