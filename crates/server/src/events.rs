//! "There is news": after a change commits, the seller's latest seq goes to
//! every `GET /v1/events` stream of that seller. On PostgreSQL the news also
//! goes to the other instances of the database, and theirs comes in here
//! (`pg_news`), so this stays the one place streams listen. Clients then
//! read `/v1/changes` from their cursor; the event itself carries no data,
//! so a missed event costs nothing but delay.
//!
//! Each seller with open streams has a channel of their own holding only the
//! latest seq: a write wakes that seller's streams and no one else's (with
//! one channel for all, 2,000 open streams all woke for every write and cut
//! the replies' throughput to a third), a stream that was busy sees the
//! latest seq rather than a backlog, and the same seq heard twice (our own
//! NOTIFY coming back) wakes nobody.

use crate::app::AppState;
use crate::db::{Backend, Db};
use crate::error::Result;
use crate::tokens;
use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use tokio::sync::watch;

type Channels = Arc<Mutex<HashMap<String, watch::Sender<i64>>>>;

/// The sending side; cheap to clone, shared by the whole service.
#[derive(Debug, Clone)]
pub struct Events {
    sellers: Channels,
    /// Flips to true when the server shuts down: event streams never end on
    /// their own, and a graceful shutdown waits for every connection.
    closing: watch::Sender<bool>,
}

impl Default for Events {
    fn default() -> Self {
        Events { sellers: Channels::default(), closing: watch::channel(false).0 }
    }
}

/// Every critical section is one map operation, so a panic cannot leave it
/// half-done: poisoning is ignored.
fn lock(channels: &Channels) -> MutexGuard<'_, HashMap<String, watch::Sender<i64>>> {
    channels.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Events {
    /// Call after the transaction that wrote the change has committed.
    pub fn publish(&self, seller_id: &str, seq: i64) {
        // No channel: no stream of this seller is open here.
        if let Some(channel) = lock(&self.sellers).get(seller_id) {
            channel.send_if_modified(|latest| {
                let newer = seq > *latest;
                if newer {
                    *latest = seq;
                }
                newer
            });
        }
    }

    /// [`publish`](Events::publish), and on PostgreSQL the same news to
    /// every other instance of the database (see `pg_news`). A failed
    /// NOTIFY is logged, not returned: the write it announces has committed,
    /// and a missed event costs only delay.
    pub async fn announce(&self, db: &Db, seller_id: &str, seq: i64) {
        self.publish(seller_id, seq);
        if db.backend() == Backend::Postgres {
            if let Err(e) = crate::pg_news::notify(db, seller_id, seq).await {
                tracing::warn!(error = %e, "could not tell the other instances about a change");
            }
        }
    }

    /// Reads the seller's current seq and announces it.
    pub async fn announce_latest(&self, db: &Db, seller_id: &str) -> Result<()> {
        if let Some(seq) = crate::feed::latest_seq(db, seller_id).await? {
            self.announce(db, seller_id, seq).await;
        }
        Ok(())
    }

    /// The seller's news from now on.
    pub fn subscribe(&self, seller_id: &str) -> SellerNews {
        let mut channels = lock(&self.sellers);
        let receiver = match channels.get(seller_id) {
            Some(channel) => channel.subscribe(),
            None => {
                let (channel, receiver) = watch::channel(0);
                channels.insert(seller_id.to_owned(), channel);
                receiver
            }
        };
        SellerNews { receiver, seller_id: seller_id.to_owned(), channels: self.sellers.clone() }
    }

    /// Ends every open event stream.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }
}

/// One stream's view of its seller's latest seq. The seller's channel goes
/// when their last stream does.
#[derive(Debug)]
pub struct SellerNews {
    receiver: watch::Receiver<i64>,
    seller_id: String,
    channels: Channels,
}

impl SellerNews {
    /// Waits until the seller's latest seq moves on, and returns it.
    pub async fn next(&mut self) -> i64 {
        // The sender lives in the map as long as a receiver does (this one),
        // so `changed` cannot fail; if it ever did, the latest is returned.
        let _ = self.receiver.changed().await;
        *self.receiver.borrow_and_update()
    }
}

impl Drop for SellerNews {
    fn drop(&mut self) {
        let mut channels = lock(&self.channels);
        // Ours is still counted until this returns.
        if channels.get(&self.seller_id).is_some_and(|c| c.receiver_count() <= 1) {
            channels.remove(&self.seller_id);
        }
    }
}

/// Middleware: after every successful write request, tell the caller's
/// other connections (the desktop app, a second device) that the feed may
/// have moved. Doing it here rather than in each handler means no write
/// route can forget it, and it runs only once the handler has committed.
pub async fn notify_after_writes(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let is_write = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let token = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().to_owned());
    let response = next.run(request).await;
    if let (true, true, Some(token)) = (is_write, response.status().is_success(), token) {
        match tokens::seller_for_token(&state.db, &token).await {
            Ok(Some(seller_id)) => {
                if let Err(e) = state.events.announce_latest(&state.db, &seller_id).await {
                    tracing::warn!(error = %e, "could not announce a change");
                }
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "could not announce a change"),
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    async fn woken(news: &mut SellerNews) -> Option<i64> {
        tokio::time::timeout(Duration::from_millis(50), news.next()).await.ok()
    }

    #[tokio::test]
    async fn a_write_wakes_only_its_sellers_streams_and_only_when_newer() {
        let events = Events::default();
        let (mut a, mut b) = (events.subscribe("A"), events.subscribe("B"));
        events.publish("A", 7);
        assert_eq!(woken(&mut a).await, Some(7));
        assert_eq!(woken(&mut b).await, None, "another seller's write wakes nobody here");
        // Our own NOTIFY coming back, or an older seq: nobody wakes.
        events.publish("A", 7);
        events.publish("A", 5);
        assert_eq!(woken(&mut a).await, None);
        // Several writes while the stream was busy: it sees the latest.
        events.publish("A", 8);
        events.publish("A", 9);
        assert_eq!(woken(&mut a).await, Some(9));
    }

    #[tokio::test]
    async fn a_sellers_channel_goes_with_their_last_stream() {
        let events = Events::default();
        let (first, second) = (events.subscribe("A"), events.subscribe("A"));
        drop(first);
        assert!(lock(&events.sellers).contains_key("A"), "one stream is still open");
        drop(second);
        assert!(lock(&events.sellers).is_empty());
        // News for a seller with no stream is dropped, and makes no channel.
        events.publish("A", 3);
        assert!(lock(&events.sellers).is_empty());
    }
}
