//! Weekly figures per seller and marketplace, as counts (`csba_api::MetricWeek`):
//! computed from what the service stores (orders, cases, feedback), kept in
//! `metric_weeks`, and sent through the change feed whenever a week's counts
//! change. Weeks from before the service held the seller's data may be
//! stored as `imported` (the demo's history); they are never recomputed.

use crate::db::{from_ms, to_ms, Db};
use crate::error::{Result, ServerError};
use crate::feed::{self, lock_seller};
use crate::orders::status;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use csba_api::{CaseMessage, MetricWeek, Resource};
use csba_domain::metrics::{week_span, week_start};
use csba_domain::{tracking, Marketplace};
use sqlx::AnyConnection;
use std::collections::HashSet;

/// How far back a case may have been opened and still get its first answer
/// in the week: CSBA settles an unanswered case after 24 hours, so a month
/// is far more than any late reply needs.
const FIRST_ANSWER_LOOKBACK: Duration = Duration::days(30);

fn data_error(e: impl std::fmt::Display) -> ServerError {
    ServerError::Corrupt(e.to_string())
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The counts of one week, from the stored data, as of `now`.
pub async fn compute(
    conn: &mut AnyConnection,
    seller_id: &str,
    marketplace: Marketplace,
    week: NaiveDate,
    now: DateTime<Utc>,
) -> Result<MetricWeek> {
    let (start, end) = week_span(marketplace, week).map_err(data_error)?;
    let (from, until) = (to_ms(start), to_ms(end));
    let mp = marketplace.code();

    let orders: Vec<(String, i64)> = sqlx::query_as(
        "SELECT id, a_to_z_claim FROM orders WHERE seller_id = $1 AND marketplace = $2 \
         AND placed_at >= $3 AND placed_at < $4",
    )
    .bind(seller_id)
    .bind(mp)
    .bind(from)
    .bind(until)
    .fetch_all(&mut *conn)
    .await?;
    let negative: HashSet<String> = sqlx::query_scalar::<_, String>(
        "SELECT order_id FROM feedback WHERE seller_id = $1 AND marketplace = $2 AND rating <= 2",
    )
    .bind(seller_id)
    .bind(mp)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .collect();
    let ratings: Vec<i64> = sqlx::query_scalar(
        "SELECT rating FROM feedback WHERE seller_id = $1 AND marketplace = $2 AND left_at >= $3 AND left_at < $4",
    )
    .bind(seller_id)
    .bind(mp)
    .bind(from)
    .bind(until)
    .fetch_all(&mut *conn)
    .await?;
    let shipped: Vec<(i64, Option<String>, Option<String>)> = sqlx::query_as(concat!(
        "SELECT o.quantity, s.tracking_number, s.carrier FROM shipment_confirmations s \
         JOIN orders o ON o.seller_id = s.seller_id AND o.id = s.order_id \
         WHERE s.seller_id = $1 AND s.marketplace = $2 AND s.confirmed_at >= $3 AND s.confirmed_at < $4 AND ",
        status!(),
        " IN ('shipped', 'delivered')"
    ))
    .bind(seller_id)
    .bind(mp)
    .bind(from)
    .bind(until)
    .fetch_all(&mut *conn)
    .await?;
    let cases: Vec<(i64, String)> = sqlx::query_as(
        "SELECT opened_at, messages FROM cases WHERE seller_id = $1 AND marketplace = $2 \
         AND opened_at >= $3 AND opened_at < $4",
    )
    .bind(seller_id)
    .bind(mp)
    .bind(to_ms(start - FIRST_ANSWER_LOOKBACK))
    .bind(until)
    .fetch_all(&mut *conn)
    .await?;

    let mut contacts = 0usize;
    let mut responses = 0u32;
    let mut response_seconds = 0u64;
    for (opened_at, messages) in &cases {
        let opened = from_ms(*opened_at)?;
        if opened >= start {
            contacts += 1;
        }
        let messages: Vec<CaseMessage> = serde_json::from_str(messages)?;
        if let Some(first) = messages.iter().find(|m| m.author == "seller") {
            if first.sent_at >= start && first.sent_at < end {
                responses += 1;
                let seconds = (first.sent_at - opened).num_seconds();
                response_seconds = response_seconds.saturating_add(u64::try_from(seconds).unwrap_or(0));
            }
        }
    }
    let valid = shipped
        .iter()
        .filter(|(_, number, carrier)| {
            number.as_deref().is_some_and(|n| tracking::check_with_code(n, carrier.as_deref()).is_valid())
        })
        .count();
    let units: i64 = shipped.iter().map(|(q, _, _)| *q).sum();
    Ok(MetricWeek {
        marketplace,
        week_start: week,
        orders: count(orders.len()),
        a_to_z_claims: count(orders.iter().filter(|(_, claim)| *claim != 0).count()),
        defects: count(orders.iter().filter(|(id, claim)| *claim != 0 || negative.contains(id)).count()),
        feedback: count(ratings.len()),
        negative_feedback: count(ratings.iter().filter(|r| **r <= 2).count()),
        shipped: count(shipped.len()),
        valid_tracking: count(valid),
        units: u32::try_from(units).unwrap_or(0),
        contacts: count(contacts),
        responses,
        response_seconds,
        complete: end <= now,
    })
}

/// The stored columns, in this order; see [`from_stored`].
const STORED: &str = "week_start, orders, a_to_z_claims, defects, feedback, negative_feedback, shipped, \
                      valid_tracking, units, contacts, responses, response_seconds, complete, imported";

type StoredRow = (String, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64);

/// A stored row as a week, and whether it was imported.
fn from_stored(marketplace: Marketplace, r: StoredRow) -> Result<(MetricWeek, bool)> {
    let week: NaiveDate = r.0.parse().map_err(|_| ServerError::Corrupt(format!("metric week {}", r.0)))?;
    let n = |v: i64| u32::try_from(v).map_err(|_| ServerError::Corrupt(format!("metric week {week}: count {v}")));
    Ok((
        MetricWeek {
            marketplace,
            week_start: week,
            orders: n(r.1)?,
            a_to_z_claims: n(r.2)?,
            defects: n(r.3)?,
            feedback: n(r.4)?,
            negative_feedback: n(r.5)?,
            shipped: n(r.6)?,
            valid_tracking: n(r.7)?,
            units: n(r.8)?,
            contacts: n(r.9)?,
            responses: n(r.10)?,
            response_seconds: u64::try_from(r.11)
                .map_err(|_| ServerError::Corrupt(format!("metric week {week}: response_seconds")))?,
            complete: r.12 != 0,
        },
        r.13 != 0,
    ))
}

/// The stored week and whether it was imported.
async fn stored(
    conn: &mut AnyConnection,
    seller_id: &str,
    marketplace: Marketplace,
    week: NaiveDate,
) -> Result<Option<(MetricWeek, bool)>> {
    let row: Option<StoredRow> = sqlx::query_as(&format!(
        "SELECT {STORED} FROM metric_weeks WHERE seller_id = $1 AND marketplace = $2 AND week_start = $3"
    ))
    .bind(seller_id)
    .bind(marketplace.code())
    .bind(week.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|r| from_stored(marketplace, r)).transpose()
}

/// Writes `week` and its feed entry. Call inside a transaction holding the
/// seller's lock.
pub async fn put_week(
    conn: &mut AnyConnection,
    seller_id: &str,
    week: &MetricWeek,
    imported: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    feed::record(conn, seller_id, now, &Resource::MetricWeek(week.clone())).await?;
    sqlx::query(
        "INSERT INTO metric_weeks (seller_id, marketplace, week_start, orders, a_to_z_claims, defects, feedback, \
         negative_feedback, shipped, valid_tracking, units, contacts, responses, response_seconds, complete, \
         imported) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
         ON CONFLICT (seller_id, marketplace, week_start) DO UPDATE SET orders = excluded.orders, \
         a_to_z_claims = excluded.a_to_z_claims, defects = excluded.defects, feedback = excluded.feedback, \
         negative_feedback = excluded.negative_feedback, shipped = excluded.shipped, \
         valid_tracking = excluded.valid_tracking, units = excluded.units, contacts = excluded.contacts, \
         responses = excluded.responses, response_seconds = excluded.response_seconds, \
         complete = excluded.complete, imported = excluded.imported",
    )
    .bind(seller_id)
    .bind(week.marketplace.code())
    .bind(week.week_start.to_string())
    .bind(i64::from(week.orders))
    .bind(i64::from(week.a_to_z_claims))
    .bind(i64::from(week.defects))
    .bind(i64::from(week.feedback))
    .bind(i64::from(week.negative_feedback))
    .bind(i64::from(week.shipped))
    .bind(i64::from(week.valid_tracking))
    .bind(i64::from(week.units))
    .bind(i64::from(week.contacts))
    .bind(i64::from(week.responses))
    .bind(i64::try_from(week.response_seconds).unwrap_or(i64::MAX))
    .bind(i64::from(week.complete))
    .bind(i64::from(imported))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Recomputes the current and the previous week of one seller's
/// marketplace (the previous one still changes until its last orders ship
/// and its feedback arrives, and it becomes `complete`) and records those
/// whose counts changed. Returns how many were written.
pub async fn refresh(db: &Db, seller_id: &str, marketplace: Marketplace, now: DateTime<Utc>) -> Result<usize> {
    let current = week_start(marketplace, now).map_err(data_error)?;
    // Most sweeps change nothing: look without the seller's lock first (a
    // read), and take it (a write) only when a week moved.
    let mut conn = db.reads().acquire().await?;
    let mut moved = false;
    for week in [current - Duration::days(7), current] {
        moved |= changed(&mut conn, seller_id, marketplace, week, now).await?.is_some();
    }
    drop(conn);
    if !moved {
        return Ok(0);
    }
    let mut tx = db.writes().begin().await?;
    // Locked before reading, so a concurrent write of the seller's data
    // cannot slip between the computation and the stored row.
    lock_seller(&mut tx, seller_id).await?;
    let mut written = 0;
    for week in [current - Duration::days(7), current] {
        if let Some(new) = changed(&mut tx, seller_id, marketplace, week, now).await? {
            put_week(&mut tx, seller_id, &new, false, now).await?;
            written += 1;
        }
    }
    tx.commit().await?;
    Ok(written)
}

/// The week's new counts, when they differ from the stored ones and are
/// worth writing: never for an imported week, and not for a week in which
/// nothing happened that has no row yet (a seller who has not started
/// selling gets no feed entries).
async fn changed(
    conn: &mut AnyConnection,
    seller_id: &str,
    marketplace: Marketplace,
    week: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Option<MetricWeek>> {
    let old = stored(conn, seller_id, marketplace, week).await?;
    if old.as_ref().is_some_and(|(_, imported)| *imported) {
        return Ok(None);
    }
    let new = compute(conn, seller_id, marketplace, week, now).await?;
    if old.is_none() && new.counts() == csba_domain::metrics::WeekCounts::default() {
        return Ok(None);
    }
    Ok((old.map(|(w, _)| w).as_ref() != Some(&new)).then_some(new))
}

/// [`refresh`] for every seller and marketplace. Returns the sellers whose
/// feed moved.
pub async fn refresh_all(db: &Db, now: DateTime<Utc>) -> Result<Vec<String>> {
    let sellers: Vec<(String, String)> =
        sqlx::query_as("SELECT id, marketplaces FROM sellers ORDER BY id").fetch_all(db.reads()).await?;
    let mut moved = Vec::new();
    for (seller_id, marketplaces) in sellers {
        let mut written = 0;
        for code in marketplaces.split(',').filter(|c| !c.is_empty()) {
            let marketplace: Marketplace = code.parse().map_err(data_error)?;
            written += refresh(db, &seller_id, marketplace, now).await?;
        }
        if written > 0 {
            moved.push(seller_id);
        }
    }
    Ok(moved)
}

/// `GET /v1/metrics/weekly`: one marketplace's weeks from `since` on, oldest first.
pub async fn list(
    db: &Db,
    seller_id: &str,
    marketplace: Marketplace,
    since: Option<NaiveDate>,
) -> Result<Vec<MetricWeek>> {
    let rows: Vec<StoredRow> = sqlx::query_as(&format!(
        "SELECT {STORED} FROM metric_weeks WHERE seller_id = $1 AND marketplace = $2 AND week_start >= $3 \
         ORDER BY week_start"
    ))
    .bind(seller_id)
    .bind(marketplace.code())
    // YYYY-MM-DD sorts as text in date order; "" is before every date.
    .bind(since.map_or_else(String::new, |d| d.to_string()))
    .fetch_all(db.reads())
    .await?;
    rows.into_iter().map(|r| from_stored(marketplace, r).map(|(week, _)| week)).collect()
}
