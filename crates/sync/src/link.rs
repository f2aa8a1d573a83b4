//! The link to one account's service: push the outbox, pull the feed, and
//! wait for a reason to do it again (news from the service, a new action,
//! a retry falling due, the periodic check), backing off while offline.

use crate::pull::{pull_all, PullOutcome};
use crate::push::{push_all, PushOutcome};
use crate::retry::RetryPolicy;
use crate::SyncError;
use chrono::{DateTime, Utc};
use csba_api::{ApiClient, ClientError, ServerEvent};
use csba_store::{AccountId, Store};
use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::Notify;

/// How often to pull when nothing tells us there is news. Server-sent
/// events make this a safety net rather than the way news arrives.
pub const PULL_INTERVAL: Duration = Duration::from_secs(20);

/// After a refusal that needs a person (a revoked token), try again this
/// rarely: the seller may fix it meanwhile.
const REFUSED_INTERVAL: Duration = Duration::from_secs(60);

/// What one round did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SyncReport {
    pub pushed: PushOutcome,
    pub pulled: PullOutcome,
}

/// One round: the outbox first, so the pull brings back what it caused.
pub async fn sync_once(
    client: &ApiClient,
    store: &Mutex<Store>,
    account: AccountId,
    now: &(dyn Fn() -> DateTime<Utc> + Sync),
    retry: &RetryPolicy,
) -> Result<SyncReport, SyncError> {
    let pushed = push_all(client, store, account, now, retry).await?;
    let pulled = pull_all(client, store, account, now).await?;
    Ok(SyncReport { pushed, pulled })
}

/// Keeps `account` in sync for as long as the future is polled: a round
/// whenever the service announces news (server-sent events), `wake` is
/// notified (the UI queued an action), a retry falls due, or
/// `pull_interval` passed. `on_round` hears the outcome of every round, for
/// the online/offline indicator.
pub async fn keep_in_sync(
    client: &ApiClient,
    store: &Mutex<Store>,
    account: AccountId,
    now: &(dyn Fn() -> DateTime<Utc> + Sync),
    wake: &Notify,
    pull_interval: Duration,
    on_round: &(dyn Fn(Result<&SyncReport, &SyncError>) + Sync),
) {
    tokio::join!(rounds(client, store, account, now, wake, pull_interval, on_round), watch_events(client, wake));
}

async fn rounds(
    client: &ApiClient,
    store: &Mutex<Store>,
    account: AccountId,
    now: &(dyn Fn() -> DateTime<Utc> + Sync),
    wake: &Notify,
    pull_interval: Duration,
    on_round: &(dyn Fn(Result<&SyncReport, &SyncError>) + Sync),
) {
    let retry = RetryPolicy::default();
    // Reconnecting while offline: 2 s doubling to a minute, jittered so a
    // room of desks coming back together does not arrive together.
    let reconnect = RetryPolicy::new(Duration::from_secs(2), Duration::from_secs(60), 0x5EED ^ account.0 as u64);
    let mut failures = 0u32;
    loop {
        let result = sync_once(client, store, account, now, &retry).await;
        on_round(result.as_ref());
        let wait = match &result {
            Ok(_) => {
                failures = 0;
                until_next_attempt(store, account, now).map_or(pull_interval, |due| due.min(pull_interval))
            }
            Err(e) if e.is_transient() => {
                failures += 1;
                reconnect.delay(failures).to_std().unwrap_or(pull_interval).max(Duration::from_secs(1))
            }
            Err(_) => REFUSED_INTERVAL,
        };
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = wake.notified() => {}
        }
    }
}

/// How long until a queued action falls due, if one waits.
fn until_next_attempt(
    store: &Mutex<Store>,
    account: AccountId,
    now: &(dyn Fn() -> DateTime<Utc> + Sync),
) -> Option<Duration> {
    let next = store.lock().ok()?.next_attempt_at(account).ok()??;
    Some((next - now()).to_std().unwrap_or(Duration::ZERO))
}

/// Listens to the service's server-sent events and wakes the sync loop
/// when the feed moved. The first event of every connection carries the
/// current position; it wakes the loop too, since news may have come while
/// the stream was down. Reconnects with backoff when the stream breaks; a
/// service without events (404) is simply left to the periodic pull.
async fn watch_events(client: &ApiClient, wake: &Notify) {
    let backoff = RetryPolicy::new(Duration::from_secs(2), Duration::from_secs(60), 0xE7E7);
    let mut failures = 0u32;
    let mut last_seq: Option<i64> = None;
    loop {
        match client.events().await {
            Ok(mut stream) => loop {
                match stream.next().await {
                    Ok(Some(ServerEvent::Changes { seq })) => {
                        failures = 0;
                        if last_seq != Some(seq) {
                            last_seq = Some(seq);
                            wake.notify_one();
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        tracing::debug!("the event stream broke: {e}");
                        break;
                    }
                }
            },
            Err(ClientError::Problem(p)) if p.status == 404 => {
                tracing::info!("the service sends no events; relying on the periodic pull");
                return;
            }
            Err(e) => tracing::debug!("cannot open the event stream: {e}"),
        }
        failures += 1;
        let wait = backoff.delay(failures).to_std().unwrap_or(Duration::from_secs(60)).max(Duration::from_secs(1));
        tokio::time::sleep(wait).await;
    }
}
