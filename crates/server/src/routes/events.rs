//! `GET /v1/events`: server-sent events telling the seller's clients that
//! the change feed has moved. Each event is `event: changes`, `id: <seq>`,
//! `data: {"seq":<seq>}`; the first one, sent at once, is the current seq,
//! so a client that reconnects knows straight away whether to pull.

use crate::app::AppState;
use crate::auth::Seller;
use crate::error::Result;
use crate::events::SellerNews;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::watch;

/// Proxies commonly drop connections idle for 30–60 s.
pub const KEEP_ALIVE: Duration = Duration::from_secs(15);

struct Listener {
    news: SellerNews,
    closing: watch::Receiver<bool>,
    /// The last seq announced on this stream; nothing older is repeated.
    announced: i64,
    /// The current seq, to be sent first.
    first: Option<i64>,
}

pub async fn stream(
    State(state): State<AppState>,
    seller: Seller,
) -> Result<Sse<impl Stream<Item = std::result::Result<Event, Infallible>>>> {
    // Subscribe before reading the current seq, so a change committed in
    // between is announced rather than lost.
    let news = state.events.subscribe(&seller.id);
    let current = crate::feed::latest_seq(&state.db, &seller.id).await?.unwrap_or(0);
    let listener = Listener { news, closing: state.events.closing(), announced: current, first: Some(current) };
    let events = futures_util::stream::unfold(listener, |mut l| async move {
        let seq = next_seq(&mut l).await?;
        l.announced = seq;
        Some((Ok(news_event(seq)), l))
    });
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)))
}

/// The next seq worth announcing, or None when the stream should end.
async fn next_seq(l: &mut Listener) -> Option<i64> {
    if let Some(first) = l.first.take() {
        return Some(first);
    }
    loop {
        if *l.closing.borrow() {
            return None;
        }
        let seq = tokio::select! {
            seq = l.news.next() => seq,
            _ = l.closing.changed() => return None,
        };
        if seq > l.announced {
            return Some(seq);
        }
    }
}

fn news_event(seq: i64) -> Event {
    Event::default().event("changes").id(seq.to_string()).data(format!("{{\"seq\":{seq}}}"))
}
