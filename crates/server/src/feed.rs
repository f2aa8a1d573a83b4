//! The per-seller change feed. Every write to an order or a case goes
//! through [`record`], in the same transaction as the write itself, so the
//! feed can never miss a change or show one that was rolled back.

use crate::db::{from_ms, to_ms, Db};
use crate::error::{Result, ServerError};
use chrono::{DateTime, Utc};
use csba_api::{Change, Resource};
use sqlx::AnyConnection;

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
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT seq, at, payload FROM changes WHERE seller_id = $1 AND seq > $2 ORDER BY seq ASC LIMIT $3",
    )
    .bind(seller_id)
    .bind(after)
    // One extra row tells us whether there is more without a COUNT.
    .bind(limit + 1)
    .fetch_all(db.reads())
    .await?;
    let has_more = rows.len() as i64 > limit;
    let changes = rows
        .into_iter()
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .map(|(seq, at, payload)| Ok(Change { seq, at: from_ms(at)?, resource: serde_json::from_str(&payload)? }))
        .collect::<Result<Vec<_>>>()?;
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
        let done = sqlx::query(
            "DELETE FROM changes WHERE seller_id = $1 AND seq <= $2 AND EXISTS (SELECT 1 FROM changes newer \
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

/// The seller's latest seq, which SSE clients are told about.
pub async fn latest_seq(db: &Db, seller_id: &str) -> Result<Option<i64>> {
    seq_of(db.reads(), seller_id).await
}

/// The orders of the seller's feed entries after `after`: every order
/// written since that seq.
pub async fn orders_changed_after(
    conn: &mut AnyConnection,
    seller_id: &str,
    after: i64,
) -> Result<std::collections::HashSet<String>> {
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT entity_id FROM changes WHERE seller_id = $1 AND seq > $2 AND kind = 'order'")
            .bind(seller_id)
            .bind(after)
            .fetch_all(&mut *conn)
            .await?;
    Ok(ids.into_iter().collect())
}

/// The seller's latest seq, read through `conn` (a connection, a
/// transaction or a pool); `None` for no such seller.
pub async fn seq_of<'c, E: sqlx::Executor<'c, Database = sqlx::Any>>(conn: E, seller_id: &str) -> Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT change_seq FROM sellers WHERE id = $1").bind(seller_id).fetch_optional(conn).await?)
}
