//! The per-seller change feed. Every write to an order or a case goes
//! through [`record`] (or, for a batch of shipped orders, is one run: see
//! [`RUN_KIND`]), in the same transaction as the write itself, so the feed
//! can never miss a change or show one that was rolled back.

use crate::db::{from_ms, to_ms, Db};
use crate::error::{Result, ServerError};
pub use crate::order_changes::OrderChanges;
use chrono::{DateTime, Utc};
use csba_api::{Change, Resource};
use sqlx::AnyConnection;

/// The `kind` of a run: one row holding the changes of many orders at
/// consecutive seqs (migration 0007). Read, it is one change per seq like
/// any other; compaction turns it back into one row per change once it is
/// below the horizon ([`compact`]).
pub const RUN_KIND: &str = "orders";

/// The most orders one run holds: the feed's default page, which clients
/// read (`routes::changes::DEFAULT_LIMIT`). A page reads the runs it
/// touches whole, so a run of a whole batch (10,000 orders, 3.5 MB) was read
/// once for each of the 20 pages inside it; runs of a page cost a batch 20
/// rows instead of one.
pub const RUN_LEN: usize = 500;

/// Takes the seller's next seq and appends `resource` to its feed. Must be
/// the first statement of the caller's transaction: the `UPDATE` takes the
/// write lock (SQLite) or row lock (PostgreSQL) up front, which serializes
/// writers of one seller and keeps seqs gap-free and in commit order.
pub async fn record(conn: &mut AnyConnection, seller_id: &str, at: DateTime<Utc>, resource: &Resource) -> Result<i64> {
    let seq: Option<i64> =
        sqlx::query_scalar("UPDATE sellers SET change_seq = change_seq + 1 WHERE id = $1 RETURNING change_seq")
            .bind(seller_id)
            .fetch_optional(&mut *conn)
            .await?;
    let seq = seq.ok_or_else(|| ServerError::NotFound(format!("seller {seller_id}")))?;
    let (kind, entity_id) = (resource.kind(), resource.entity_id());
    sqlx::query("INSERT INTO changes (seller_id, seq, at, kind, entity_id, payload) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(seller_id)
        .bind(seq)
        .bind(to_ms(at))
        .bind(kind)
        .bind(entity_id.as_ref())
        .bind(serde_json::to_string(resource)?)
        .execute(&mut *conn)
        .await?;
    Ok(seq)
}

/// Takes the same lock as [`record`] without advancing the feed, for
/// transactions that must read before they decide whether to write.
/// Returns the seller's latest seq. Every write to the seller's orders or
/// cases is in the feed and so advances it: a read made before the lock,
/// after the seq was read as this same number, saw what the lock now
/// guards (see `shipments::confirm`).
pub async fn lock_seller(conn: &mut AnyConnection, seller_id: &str) -> Result<i64> {
    let seq: Option<i64> =
        sqlx::query_scalar("UPDATE sellers SET change_seq = change_seq WHERE id = $1 RETURNING change_seq")
            .bind(seller_id)
            .fetch_optional(&mut *conn)
            .await?;
    seq.ok_or_else(|| ServerError::NotFound(format!("seller {seller_id}")))
}

/// A page of the feed: the changes, whether more follow, and the seller's
/// compaction floor (see [`compact`]).
pub struct FeedPage {
    pub changes: Vec<Change>,
    pub has_more: bool,
    pub floor: i64,
}

/// Up to `limit` changes after `after`, ascending, and whether more follow.
/// A cursor below the seller's compaction floor is refused (see
/// [`compact`]) unless `rebuilding`: the client is reading the feed from
/// the start, and the compacted changes below the floor are exactly the
/// ones it is reading. 0, "from the start", is always served.
pub async fn changes_after(db: &Db, seller_id: &str, after: i64, rebuilding: bool, limit: i64) -> Result<FeedPage> {
    let floor: i64 = sqlx::query_scalar("SELECT feed_floor FROM sellers WHERE id = $1")
        .bind(seller_id)
        .fetch_optional(db.reads())
        .await?
        .unwrap_or(0);
    if after > 0 && after < floor && !rebuilding {
        return Err(ServerError::CursorExpired(
            "this cursor is older than the feed keeps; drop the local copy and read the feed from the start".to_owned(),
        ));
    }
    let wanted = usize::try_from(limit).unwrap_or(0);
    // First the rows' seqs alone (a run's payload is up to 10,000 orders):
    // enough rows to hold one change more than the page, which tells
    // whether more follow without a COUNT.
    let spans: Vec<(i64, Option<i64>)> =
        sqlx::query_as("SELECT seq, run_from FROM changes WHERE seller_id = $1 AND seq > $2 ORDER BY seq ASC LIMIT $3")
            .bind(seller_id)
            .bind(after)
            .bind(limit + 1)
            .fetch_all(db.reads())
            .await?;
    let mut held = 0;
    let Some(&(through, _)) = spans
        .iter()
        .find(|(seq, run_from)| {
            held += seq - run_from.unwrap_or(*seq).max(after + 1) + 1;
            held > limit
        })
        .or(spans.last())
    else {
        return Ok(FeedPage { changes: Vec::new(), has_more: false, floor });
    };
    let rows: Vec<(i64, Option<i64>, i64, String)> = sqlx::query_as(
        "SELECT seq, run_from, at, payload FROM changes WHERE seller_id = $1 AND seq > $2 AND seq <= $3 \
         ORDER BY seq ASC",
    )
    .bind(seller_id)
    .bind(after)
    .bind(through)
    .fetch_all(db.reads())
    .await?;
    let mut changes = Vec::with_capacity(wanted + 1);
    for (seq, run_from, at, payload) in rows {
        let at = from_ms(at)?;
        match run_from {
            None => changes.push(Change { seq, at, resource: serde_json::from_str(&payload)? }),
            Some(first) => {
                // Only the changes the page shows are decoded.
                let items: Vec<&serde_json::value::RawValue> = serde_json::from_str(&payload)?;
                for (seq, item) in (first..).zip(items).filter(|(seq, _)| *seq > after) {
                    if changes.len() > wanted {
                        break;
                    }
                    changes.push(Change { seq, at, resource: serde_json::from_str(item.get())? });
                }
            }
        }
        if changes.len() > wanted {
            break;
        }
    }
    // More follow if the page overflowed, or if the first read found more
    // rows than it took (compaction may have dropped some in between).
    let has_more = changes.len() > wanted || spans.len() as i64 > limit;
    changes.truncate(wanted);
    Ok(FeedPage { changes, has_more, floor })
}

/// The sellers whose feed floor compaction before `$1` would raise, with
/// the seq it would raise it to. Public for the fleet benchmark's plans.
pub const COMPACTION_HORIZONS: &str =
    "SELECT id, horizon FROM (SELECT s.id, s.feed_floor, (SELECT c.seq FROM changes c \
     WHERE c.seller_id = s.id AND c.at < $1 ORDER BY c.at DESC, c.seq DESC LIMIT 1) AS horizon \
     FROM sellers s) AS t WHERE horizon > feed_floor";

/// Compacts each seller's feed: of the changes older than `before`, those
/// superseded by a newer change of the same entity are deleted. The newest
/// state of every entity stays, so reading from the start still gives the
/// whole picture; but a client whose cursor is older than `before` may have
/// missed something only the deleted entries said (a state it acted on, a
/// future removal), so such cursors are refused from now on: the seller's
/// `feed_floor` becomes the last seq older than `before`. One transaction
/// per seller. Returns how many changes were deleted.
pub async fn compact(db: &Db, before: DateTime<Utc>) -> Result<u64> {
    // Each seller's last change before the horizon, by one index seek per
    // seller (grouping the whole feed read it all every round), and only
    // the sellers whose floor it would raise. Seqs and times grow together;
    // were a clock ever to step back, the change found is still older than
    // `before`, so the floor is never raised past what may be compacted.
    let sellers: Vec<(String, i64)> =
        sqlx::query_as(COMPACTION_HORIZONS).bind(to_ms(before)).fetch_all(db.reads()).await?;
    let mut deleted = 0;
    for (seller_id, horizon) in sellers {
        let mut tx = db.writes().begin().await?;
        let raised = sqlx::query("UPDATE sellers SET feed_floor = $2 WHERE id = $1 AND feed_floor < $2")
            .bind(&seller_id)
            .bind(horizon)
            .execute(&mut *tx)
            .await?;
        if raised.rows_affected() == 0 {
            // Already compacted up to here by an earlier sweep.
            tx.rollback().await?;
            continue;
        }
        split_runs(&mut tx, &seller_id, horizon).await?;
        // Runs above the horizon are left whole: an older change of one of
        // their orders stays until a later round has split them.
        let done = sqlx::query(
            "DELETE FROM changes WHERE seller_id = $1 AND seq <= $2 AND run_from IS NULL \
             AND EXISTS (SELECT 1 FROM changes newer \
             WHERE newer.seller_id = changes.seller_id AND newer.kind = changes.kind \
             AND newer.entity_id = changes.entity_id AND newer.seq > changes.seq)",
        )
        .bind(&seller_id)
        .bind(horizon)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        deleted += done.rows_affected();
    }
    Ok(deleted)
}

/// Turns the seller's runs up to seq `through` into one row per change, at
/// the same seqs, so compaction can drop the states they hold like any
/// other. Off the request path: a batch of shipments writes one row, the
/// sweeper later pays for the rest.
async fn split_runs(conn: &mut AnyConnection, seller_id: &str, through: i64) -> Result<()> {
    let runs: Vec<(i64, i64, i64, Option<String>, String)> = sqlx::query_as(
        "SELECT seq, run_from, at, run_ids, payload FROM changes \
         WHERE seller_id = $1 AND seq <= $2 AND run_from IS NOT NULL ORDER BY seq",
    )
    .bind(seller_id)
    .bind(through)
    .fetch_all(&mut *conn)
    .await?;
    let backend = crate::db::Backend::of(conn);
    let insert = format!(
        "INSERT INTO changes (seller_id, seq, at, kind, entity_id, payload) \
         SELECT $1, CAST(value ->> 0 AS BIGINT), $2, 'order', value ->> 1, value ->> 2 FROM {}",
        backend.json_rows(3)
    );
    for (seq, run_from, at, ids, payload) in runs {
        let corrupt = || ServerError::Corrupt(format!("feed run {run_from}..{seq} of {seller_id}"));
        let ids: Vec<&str> = serde_json::from_str(ids.as_deref().ok_or_else(corrupt)?)?;
        let items: Vec<&serde_json::value::RawValue> = serde_json::from_str(&payload)?;
        if ids.len() != items.len() || i64::try_from(items.len()).ok() != Some(seq - run_from + 1) {
            return Err(corrupt());
        }
        let rows: Vec<(i64, &str, &str)> =
            (run_from..).zip(ids).zip(items).map(|((seq, id), item)| (seq, id, item.get())).collect();
        sqlx::query("DELETE FROM changes WHERE seller_id = $1 AND seq = $2")
            .bind(seller_id)
            .bind(seq)
            .execute(&mut *conn)
            .await?;
        sqlx::query(&insert).bind(seller_id).bind(at).bind(serde_json::to_string(&rows)?).execute(&mut *conn).await?;
    }
    Ok(())
}

/// The seller's latest seq, which SSE clients are told about.
pub async fn latest_seq(db: &Db, seller_id: &str) -> Result<Option<i64>> {
    seq_of(db.reads(), seller_id).await
}

/// The orders of the seller's feed entries after `after` (every order
/// written since that seq), with the tracking numbers runs confirmed for
/// them.
pub async fn order_changes_after(conn: &mut AnyConnection, seller_id: &str, after: i64) -> Result<OrderChanges> {
    let rows: Vec<(String, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT kind, entity_id, run_ids, run_numbers FROM changes \
         WHERE seller_id = $1 AND seq > $2 AND kind IN ('order', $3) ORDER BY seq",
    )
    .bind(seller_id)
    .bind(after)
    .bind(RUN_KIND)
    .fetch_all(&mut *conn)
    .await?;
    let mut changes = OrderChanges::default();
    for (kind, entity_id, run_ids, run_numbers) in rows {
        if kind != RUN_KIND {
            changes.push(entity_id, None);
            continue;
        }
        let run_ids = run_ids.ok_or_else(|| ServerError::Corrupt(format!("a feed run of {seller_id} without ids")))?;
        let ids: Vec<String> = serde_json::from_str(&run_ids)?;
        match run_numbers {
            Some(numbers) => {
                let numbers: Vec<String> = serde_json::from_str(&numbers)?;
                if numbers.len() != ids.len() {
                    return Err(ServerError::Corrupt(format!("a feed run of {seller_id} with ids and numbers apart")));
                }
                ids.into_iter().zip(numbers).for_each(|(id, number)| changes.push(id, Some(number)));
            }
            // Written before migration 0009.
            None => ids.into_iter().for_each(|id| changes.push(id, None)),
        }
    }
    Ok(changes)
}

/// The seller's latest seq, read through `conn` (a connection, a
/// transaction or a pool); `None` for no such seller.
pub async fn seq_of<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(conn: E, seller_id: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT change_seq FROM sellers WHERE id = $1").bind(seller_id).fetch_optional(conn).await?)
}
