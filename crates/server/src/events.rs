//! "There is news": after a change commits, the seller's latest seq goes out
//! on a broadcast channel, and every `GET /v1/events` stream of that seller
//! passes it on. On PostgreSQL the news also goes to the other instances
//! of the database, and theirs comes in here (`pg_news`), so this stays the
//! one place streams listen. Clients then read `/v1/changes` from their
//! cursor; the event itself carries no data, so a missed event costs
//! nothing but delay.

use crate::app::AppState;
use crate::db::{Backend, Db};
use crate::error::Result;
use crate::tokens;
use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use tokio::sync::{broadcast, watch};

/// Enough for bursts (a batch import touching many sellers); a receiver that
/// falls further behind is told the latest seq instead.
const CHANNEL_CAPACITY: usize = 1024;

/// One seller's feed moved on to `seq`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct News {
    pub seller_id: String,
    pub seq: i64,
}

/// The sending side; cheap to clone, shared by the whole service.
#[derive(Debug, Clone)]
pub struct Events {
    tx: broadcast::Sender<News>,
    /// Flips to true when the server shuts down: event streams never end on
    /// their own, and a graceful shutdown waits for every connection.
    closing: watch::Sender<bool>,
}

impl Default for Events {
    fn default() -> Self {
        Events { tx: broadcast::channel(CHANNEL_CAPACITY).0, closing: watch::channel(false).0 }
    }
}

impl Events {
    /// Call after the transaction that wrote the change has committed.
    pub fn publish(&self, seller_id: &str, seq: i64) {
        // No receivers is the normal case when no client is connected.
        let _ = self.tx.send(News { seller_id: seller_id.to_owned(), seq });
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

    pub fn subscribe(&self) -> broadcast::Receiver<News> {
        self.tx.subscribe()
    }

    /// Ends every open event stream.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
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
