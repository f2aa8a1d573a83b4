//! News across instances on PostgreSQL. Several `csba-server serve`
//! processes on one database each have their own [`Events`]; a write through
//! one must reach the `GET /v1/events` streams of all. So every announcement
//! is also sent as `NOTIFY csba_news, '<seller_id>:<seq>'`, and every
//! instance LISTENs on a connection of its own and hands what it hears to
//! its local broadcast, which stays the one place streams subscribe to.
//!
//! The NOTIFY is sent after the write committed, from the same two places
//! that publish locally (the write middleware and the sweeper), not inside
//! each writing transaction: one notification per request with the latest
//! seq instead of one per feed entry (a batch of 30,000 tracking IDs), no
//! extra round trip while the seller's lock is held, and no write use case
//! that could forget it. The price is a crash between commit and NOTIFY,
//! which costs what a missed event costs anywhere: delay until the next
//! news, since an event carries no data and streams start with the current
//! seq. A listener that lost its connection re-announces every seller's
//! latest seq once it is back, so what was sent meanwhile is not lost.
//!
//! An instance hears its own notifications too; streams drop a seq they
//! already announced, so the echo is harmless.

use crate::db::Db;
use crate::error::Result;

/// The channel every instance of one database shares.
pub const CHANNEL: &str = "csba_news";

/// Tells every instance listening on the database that `seller_id`'s feed
/// moved to `seq`. PostgreSQL only; on SQLite there is one process per file.
pub async fn notify(db: &Db, seller_id: &str, seq: i64) -> Result<()> {
    sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(payload(seller_id, seq)).execute(db.writes()).await?;
    Ok(())
}

/// `seller_id:seq`: small (NOTIFY payloads stay well under 8000 bytes) and
/// readable in a `psql` session that LISTENs.
fn payload(seller_id: &str, seq: i64) -> String {
    format!("{seller_id}:{seq}")
}

/// The seq is after the last colon, so a seller id holding one still reads back.
#[cfg(any(feature = "postgres", test))]
fn parse(payload: &str) -> Option<(&str, i64)> {
    let (seller_id, seq) = payload.rsplit_once(':')?;
    Some((seller_id, seq.parse().ok()?)).filter(|(s, _)| !s.is_empty())
}

#[cfg(feature = "postgres")]
pub use listen::spawn;

#[cfg(feature = "postgres")]
mod listen {
    use super::{parse, CHANNEL};
    use crate::db::Db;
    use crate::error::Result;
    use crate::events::Events;
    use sqlx::postgres::PgListener;
    use std::time::Duration;

    /// Waits between attempts to reach the database again, doubling up to
    /// [`RETRY_MAX`]: a database restart should not be met with a storm.
    const RETRY_FIRST: Duration = Duration::from_millis(200);
    const RETRY_MAX: Duration = Duration::from_secs(10);

    /// The listening task, until it is aborted (when the server stops).
    pub fn spawn(db: Db, events: Events) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let mut retry = RETRY_FIRST;
            loop {
                let mut listened = false;
                if let Err(e) = listen_until_lost(&db, &events, &mut listened).await {
                    tracing::warn!(error = %e, "listening for other instances' news failed; retrying");
                }
                // Lost after listening: the database was there a moment
                // ago, so try again soon; failing to connect, back off.
                retry = if listened { RETRY_FIRST } else { (retry * 2).min(RETRY_MAX) };
                tokio::time::sleep(retry).await;
            }
        })
    }

    /// Connects, LISTENs, re-announces the latest seqs and passes
    /// notifications on; returns only with the error that ended it.
    async fn listen_until_lost(db: &Db, events: &Events, listened: &mut bool) -> Result<()> {
        // A connection of its own, outside the pool: it sits in LISTEN for
        // the life of the process and must not be handed to a request.
        let url = db.writes().connect_options().database_url.to_string();
        let mut listener = PgListener::connect(&url).await?;
        listener.listen(CHANNEL).await?;
        *listened = true;
        tracing::debug!("listening for other instances' news");
        announce_all_latest(db, events).await?;
        loop {
            match listener.try_recv().await? {
                Some(notification) => match parse(notification.payload()) {
                    Some((seller_id, seq)) => events.publish(seller_id, seq),
                    None => tracing::warn!(payload = notification.payload(), "unreadable news from another instance"),
                },
                // The connection dropped and sqlx has already reconnected
                // and listens again; what was sent in between is lost.
                None => {
                    tracing::info!("news connection re-established");
                    announce_all_latest(db, events).await?;
                }
            }
        }
    }

    /// Publishes every seller's current seq locally: after the listener
    /// (re)connected, for whatever was announced while it was away. With
    /// more sellers than the broadcast holds, streams fall behind and read
    /// their own seller's latest seq instead, which comes to the same.
    async fn announce_all_latest(db: &Db, events: &Events) -> Result<()> {
        let latest: Vec<(String, i64)> =
            sqlx::query_as("SELECT id, change_seq FROM sellers").fetch_all(db.reads()).await?;
        for (seller_id, seq) in latest {
            events.publish(&seller_id, seq);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payloads_read_back_even_with_a_colon_in_the_seller_id() {
        assert_eq!(parse(&payload("S-1", 42)), Some(("S-1", 42)));
        assert_eq!(parse(&payload("a:b", 7)), Some(("a:b", 7)));
        assert_eq!(parse("nocolon"), None);
        assert_eq!(parse(":5"), None);
        assert_eq!(parse("S:x"), None);
    }
}
