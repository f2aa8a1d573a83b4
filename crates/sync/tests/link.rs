//! The long-running link (`keep_in_sync`) against the real server: news
//! arrives through server-sent events, a queued action goes out when the
//! loop is woken, and after an outage the link resumes by itself.
//!
//! The periodic pull is set to an hour, so anything seen here came from an
//! event, a wake-up or the reconnect backoff. Timeouts only keep a broken
//! test from hanging; they are not timing assertions.

mod common;

use chrono::Utc;
use csba_api::{ApiClient, ReplyRequest};
use csba_server::{ManualClock, Sandbox};
use csba_store::{AccountId, Store};
use csba_sync::{SyncError, SyncReport};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const PATIENCE: Duration = Duration::from_secs(30);
const NEVER: Duration = Duration::from_secs(3600);

/// A TCP relay that can be switched off: while off it closes every
/// connection at once, and switching off also cuts the open ones (the
/// event stream), like a cable pulled out.
struct Switch {
    addr: SocketAddr,
    up: Arc<AtomicBool>,
    generation: Arc<AtomicUsize>,
    /// Connections being relayed right now.
    live: Arc<AtomicUsize>,
}

impl Switch {
    async fn start(upstream: SocketAddr) -> Result<Switch> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let up = Arc::new(AtomicBool::new(true));
        let generation = Arc::new(AtomicUsize::new(0));
        let live = Arc::new(AtomicUsize::new(0));
        let (up2, generation2, live2) = (up.clone(), generation.clone(), live.clone());
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if !up2.load(Ordering::SeqCst) {
                    continue; // dropped: connection closed
                }
                let born = generation2.load(Ordering::SeqCst);
                let generation = generation2.clone();
                let live = live2.clone();
                live.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(upstream).await {
                        let relay = tokio::io::copy_bidirectional(&mut inbound, &mut outbound);
                        let cut = async {
                            while generation.load(Ordering::SeqCst) == born {
                                tokio::time::sleep(Duration::from_millis(10)).await;
                            }
                        };
                        tokio::select! { _ = relay => {}, () = cut => {} }
                    }
                    drop(inbound);
                    live.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        Ok(Switch { addr, up, generation, live })
    }

    fn on(&self) {
        self.up.store(true, Ordering::SeqCst);
    }

    /// Returns once every open connection is closed.
    async fn off(&self) -> Result {
        self.up.store(false, Ordering::SeqCst);
        self.generation.fetch_add(1, Ordering::SeqCst);
        tokio::time::timeout(PATIENCE, async {
            while self.live.load(Ordering::SeqCst) > 0 {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        })
        .await
        .map_err(|_| "connections stay open".into())
    }
}

/// What the link reported, round by round.
#[derive(Default)]
struct Rounds {
    log: Mutex<Vec<std::result::Result<SyncReport, bool>>>,
    news: Notify,
}

impl Rounds {
    fn record(&self, result: std::result::Result<&SyncReport, &SyncError>) {
        if let Ok(mut log) = self.log.lock() {
            log.push(result.copied().map_err(|e| e.is_transient()));
        }
        self.news.notify_waiters();
    }

    /// Waits until `done` holds for the replica.
    async fn until(&self, store: &Mutex<Store>, done: impl Fn(&Store) -> bool) -> Result {
        tokio::time::timeout(PATIENCE, async {
            loop {
                let notified = self.news.notified();
                if store.lock().map(|s| done(&s)).unwrap_or(false) {
                    return;
                }
                notified.await;
            }
        })
        .await
        .map_err(|_| "the link did not get there".into())
    }
}

fn seller_replies(store: &Store, account: AccountId, case_id: &str) -> usize {
    store
        .case(account, case_id)
        .ok()
        .flatten()
        .map_or(0, |c| c.messages.iter().filter(|m| m.author == "seller").count())
}

#[tokio::test]
async fn events_wake_the_link_queued_actions_go_out_and_it_resumes_after_an_outage() -> Result {
    let dir = tempfile::tempdir()?;
    let sandbox = Sandbox::start(&dir.path().join("server.sqlite"), Arc::new(ManualClock::new(Utc::now()))).await?;
    let direct = ApiClient::new(sandbox.base_url(), sandbox.token())?;
    let switch = Switch::start(sandbox.base_url().trim_start_matches("http://").parse()?).await?;
    let client = ApiClient::new(format!("http://{}", switch.addr), sandbox.token())?;
    let (store, account) = common::replica_for(&direct, &dir.path().join("replica.sqlite")).await?;
    let store = Arc::new(store);
    let wake = Arc::new(Notify::new());
    let rounds = Arc::new(Rounds::default());

    let link = {
        let (store, wake, rounds) = (store.clone(), wake.clone(), rounds.clone());
        tokio::spawn(async move {
            let on_round = |r: std::result::Result<&SyncReport, &SyncError>| rounds.record(r);
            csba_sync::keep_in_sync(&client, &store, account, &Utc::now, &wake, NEVER, &on_round).await;
        })
    };
    rounds.until(&store, |s| s.inbox().map(|i| i.len() == 6).unwrap_or(false)).await?;
    let case_id = store
        .lock()
        .map_err(|_| "poisoned")?
        .inbox()?
        .into_iter()
        .find(|c| c.status.as_str() == "open" && c.respond_by > Utc::now())
        .ok_or("a case that takes replies")?
        .id;

    // Another desk replies: the service announces it, the link pulls.
    let request = ReplyRequest { body: "from another desk".into(), language: None };
    direct.reply(&case_id, &request, "other-desk-1").await?;
    rounds.until(&store, |s| seller_replies(s, account, &case_id) == 1).await?;

    // A reply queued here goes out as soon as the link is woken.
    store.lock().map_err(|_| "poisoned")?.reply_to_case(account, &case_id, "from this desk", None, Utc::now())?;
    wake.notify_one();
    rounds.until(&store, |s| seller_replies(s, account, &case_id) == 2).await?;

    // The network goes away: a reply queued now waits, the link says it
    // is offline…
    switch.off().await?;
    store.lock().map_err(|_| "poisoned")?.reply_to_case(account, &case_id, "written offline", None, Utc::now())?;
    wake.notify_one();
    let offline_seen = tokio::time::timeout(PATIENCE, async {
        loop {
            let notified = rounds.news.notified();
            if rounds.log.lock().map(|l| l.last() == Some(&Err(true))).unwrap_or(false) {
                return;
            }
            notified.await;
        }
    })
    .await;
    let log: Vec<String> = rounds.log.lock().map(|l| l.iter().map(|r| format!("{r:?}")).collect()).unwrap_or_default();
    assert!(offline_seen.is_ok(), "the link reports an unreachable service as a transient failure: {log:#?}");
    assert_eq!(seller_replies(&*store.lock().map_err(|_| "poisoned")?, account, &case_id), 2);

    // …and when it comes back, the link resumes without being asked.
    switch.on();
    // (The reply can reach the service in an attempt whose answer was
    // lost in the outage; then it shows in the feed before its outbox
    // entry is settled by the next attempt, which the service answers
    // from its idempotency record.)
    let settled = |s: &Store| {
        let unsent = s.outbox_counts().map(|c| c.queued + c.sending + c.failed).unwrap_or(1);
        seller_replies(s, account, &case_id) == 3 && unsent == 0
    };
    rounds.until(&store, settled).await?;
    let server_case = direct.cases().await?.cases.into_iter().find(|c| c.id == case_id).ok_or("case")?;
    let bodies: Vec<&str> =
        server_case.messages.iter().filter(|m| m.author == "seller").map(|m| m.body.as_str()).collect();
    assert_eq!(bodies, ["from another desk", "from this desk", "written offline"], "each once, in order");
    link.abort();
    Ok(())
}
