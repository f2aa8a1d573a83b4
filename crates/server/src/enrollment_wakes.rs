//! Enrollments that change by themselves: CSBA takes over when the
//! activation delay has passed, and a JP enrollment still waiting for
//! identity verification lapses after 14 days. Reads already show that
//! (`enrollments::view` ticks to `now`), but a client's replica only learns
//! what the feed says, so the sweeper writes each such change when its
//! instant passes and records it in the feed (see `enrollments::wakes_at`).

use crate::db::{to_ms, Db};
use crate::enrollments::{domain_failure, eligibility_of, load, put_enrollment, wakes_at};
use crate::error::{Result, ServerError};
use crate::feed::lock_seller;
use chrono::{DateTime, Utc};
use csba_domain::Marketplace;
use sqlx::AnyConnection;

/// Every (seller, marketplace) whose enrollment was due to change by `now`.
pub async fn due(db: &Db, now: DateTime<Utc>) -> Result<Vec<(String, Marketplace)>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT seller_id, marketplace FROM enrollments WHERE wakes_at <= $1 ORDER BY seller_id, marketplace",
    )
    .bind(to_ms(now))
    .fetch_all(db.reads())
    .await?;
    rows.into_iter()
        .map(|(seller, mp)| {
            let mp = mp.parse().map_err(|_| ServerError::Corrupt(format!("enrollment of {seller}: marketplace")))?;
            Ok((seller, mp))
        })
        .collect()
}

/// Applies what time did to one enrollment by `now`, inside the caller's
/// transaction, and records it in the feed. Returns whether it changed. An
/// enrollment not actually due (changed meanwhile by the seller, or marked
/// for a first look by migration 0004) only gets its next instant stored.
pub async fn wake(
    conn: &mut AnyConnection,
    seller_id: &str,
    marketplace: Marketplace,
    now: DateTime<Utc>,
) -> Result<bool> {
    // The seller's lock first: a pause or enroll committed before it is
    // what we tick; one after it waits and sees our write.
    lock_seller(conn, seller_id).await?;
    let (stored, terms) = load(conn, seller_id, marketplace).await?;
    let ticked = stored.tick(now).map_err(domain_failure)?;
    if ticked == stored {
        sqlx::query("UPDATE enrollments SET wakes_at = $1 WHERE seller_id = $2 AND marketplace = $3")
            .bind(wakes_at(&stored)?.map(to_ms))
            .bind(seller_id)
            .bind(marketplace.code())
            .execute(&mut *conn)
            .await?;
        return Ok(false);
    }
    // The same checklist a read of the enrollment shows.
    let eligibility = eligibility_of(conn, seller_id).await?;
    put_enrollment(conn, seller_id, &ticked, terms, eligibility, now).await?;
    Ok(true)
}
