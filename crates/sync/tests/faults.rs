//! 1,000 actions through a network that breaks in every way a network can:
//! each is applied on the server exactly once.
//!
//! Between the engine and the real server sits a TCP proxy written here.
//! For every connection it draws (from a seeded generator) one fault: pass
//! through; forward the request and drop the connection without answering
//! (the server applied it, the client saw an error); delay; answer 502 or
//! 503 itself without forwarding; forward and cut the response in half.

use chrono::Utc;
use csba_api::ApiClient;
use csba_server::{ManualClock, Sandbox};
use csba_store::OutboxState;
use csba_sync::{push_all, RetryPolicy};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

mod common;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

const ACTIONS: usize = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Fault {
    Pass,
    DropAfterForward,
    Delay(u64),
    Answer502,
    Answer503,
    CutResponse,
}

struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn fault(&mut self) -> Fault {
        match self.next() % 100 {
            0..=39 => Fault::Pass,
            40..=54 => Fault::DropAfterForward,
            55..=69 => Fault::Delay(5 + self.next() % 50),
            70..=79 => Fault::Answer502,
            80..=89 => Fault::Answer503,
            _ => Fault::CutResponse,
        }
    }
}

#[derive(Default)]
struct FaultCounts {
    pass: AtomicUsize,
    dropped: AtomicUsize,
    delayed: AtomicUsize,
    refused: AtomicUsize,
    cut: AtomicUsize,
}

/// Starts the proxy; returns its address.
async fn start_proxy(upstream: SocketAddr, seed: u64, counts: Arc<FaultCounts>) -> Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let rng = Arc::new(Mutex::new(XorShift(seed)));
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let fault = match rng.lock() {
                Ok(mut rng) => rng.fault(),
                Err(_) => return,
            };
            let counts = counts.clone();
            tokio::spawn(async move {
                // A broken connection is the point of the exercise.
                let _ = relay(client, upstream, fault, &counts).await;
            });
        }
    });
    Ok(addr)
}

/// One request per connection: both sides are told `Connection: close`, so
/// the fault drawn for the connection applies to exactly one request.
async fn relay(mut client: TcpStream, upstream: SocketAddr, fault: Fault, counts: &FaultCounts) -> Result {
    let request = common::http_request::read_request(&mut client).await?.bytes;
    match fault {
        Fault::Answer502 | Fault::Answer503 => {
            counts.refused.fetch_add(1, Ordering::Relaxed);
            let status = if fault == Fault::Answer502 { "502 Bad Gateway" } else { "503 Service Unavailable" };
            let answer = format!("HTTP/1.1 {status}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
            client.write_all(answer.as_bytes()).await?;
            client.shutdown().await?;
            return Ok(());
        }
        Fault::Delay(ms) => {
            counts.delayed.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(ms)).await;
        }
        Fault::Pass => {
            counts.pass.fetch_add(1, Ordering::Relaxed);
        }
        Fault::DropAfterForward | Fault::CutResponse => {}
    }
    let mut server = TcpStream::connect(upstream).await?;
    server.write_all(&request).await?;
    let mut response = Vec::new();
    server.read_to_end(&mut response).await?;
    match fault {
        Fault::DropAfterForward => {
            // The whole response was read: the server finished applying it.
            counts.dropped.fetch_add(1, Ordering::Relaxed);
            drop(client);
        }
        Fault::CutResponse => {
            counts.cut.fetch_add(1, Ordering::Relaxed);
            client.write_all(&response[..response.len() / 2]).await?;
            client.shutdown().await?;
        }
        _ => {
            client.write_all(&response).await?;
            client.shutdown().await?;
        }
    }
    Ok(())
}

fn reply_body(n: usize) -> String {
    format!("fault-test reply {n}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_actions_through_a_faulty_network_are_applied_exactly_once() -> Result {
    let dir = tempfile::tempdir()?;
    let clock = Arc::new(ManualClock::new(Utc::now()));
    let sandbox = Sandbox::start(&dir.path().join("server.sqlite"), clock.clone()).await?;
    let direct = ApiClient::new(sandbox.base_url(), sandbox.token())?;

    // Cases that take replies for the whole test: not resolved, and not
    // open close to the deadline (CSBA's sweeper would resolve them).
    let soon = Utc::now() + chrono::Duration::hours(2);
    let cases: Vec<String> = direct
        .cases()
        .await?
        .cases
        .into_iter()
        .filter(|c| match c.status.as_str() {
            "answered" => true,
            "open" => c.respond_by > soon,
            _ => false,
        })
        .map(|c| c.id)
        .collect();
    assert!(cases.len() >= 2, "the demo has cases that take replies: {cases:?}");

    let counts = Arc::new(FaultCounts::default());
    let upstream: SocketAddr = sandbox.base_url().trim_start_matches("http://").parse()?;
    let proxy = start_proxy(upstream, 0xFA17_5EED, counts.clone()).await?;
    let client = ApiClient::new(format!("http://{proxy}"), sandbox.token())?;

    // Registered straight with the server: the faults are for the outbox.
    let (store, acct) = common::replica_for(&direct, &dir.path().join("replica.sqlite")).await?;
    let mut queued: HashMap<String, Vec<String>> = HashMap::new();
    {
        let mut store = store.lock().map_err(|_| "poisoned")?;
        for n in 0..ACTIONS {
            let case = &cases[n % cases.len()];
            store.reply_to_case(acct, case, &reply_body(n), None, Utc::now())?;
            queued.entry(case.clone()).or_default().push(reply_body(n));
        }
    }

    let retry = RetryPolicy::new(Duration::from_millis(1), Duration::from_millis(20), 7);
    let started = Instant::now();
    let mut passes = 0;
    let (mut sent, mut retried) = (0, 0);
    loop {
        let outcome = push_all(&client, &store, acct, &Utc::now, &retry).await?;
        passes += 1;
        sent += outcome.sent;
        retried += outcome.retried;
        assert_eq!(outcome.failed, 0, "nothing is refused: {outcome:?}");
        let open = store
            .lock()
            .map_err(|_| "poisoned")?
            .outbox()?
            .into_iter()
            .filter(|e| matches!(e.state, OutboxState::Queued | OutboxState::Sending))
            .count();
        if open == 0 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(90), "{open} actions still open after {passes} passes");
        if outcome.sent == 0 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    let outbox = store.lock().map_err(|_| "poisoned")?.outbox()?;
    assert_eq!(outbox.len(), ACTIONS);
    assert!(outbox.iter().all(|e| e.state == OutboxState::Sent), "no entry failed");
    assert_eq!(sent, ACTIONS);

    // Every fault happened, many times.
    let count = |c: &AtomicUsize| c.load(Ordering::Relaxed);
    for (name, n) in [
        ("dropped after forwarding", count(&counts.dropped)),
        ("delayed", count(&counts.delayed)),
        ("answered 502/503", count(&counts.refused)),
        ("cut in half", count(&counts.cut)),
    ] {
        assert!(n >= 50, "{name}: only {n}");
    }

    // Through the server, bypassing the proxy: each reply exactly once, in
    // the order it was queued.
    let after = direct.cases().await?.cases;
    for (case_id, bodies) in &queued {
        let case = after.iter().find(|c| &c.id == case_id).ok_or("case gone")?;
        let replies: Vec<&str> = case
            .messages
            .iter()
            .filter(|m| m.author == "seller" && m.body.starts_with("fault-test reply "))
            .map(|m| m.body.as_str())
            .collect();
        assert_eq!(replies, bodies.iter().map(String::as_str).collect::<Vec<_>>(), "case {case_id}");
    }
    eprintln!(
        "{ACTIONS} actions in {:.1?}: {passes} passes, {retried} retries; proxy: {} passed, {} dropped after forwarding, \
         {} delayed, {} answered 502/503, {} cut",
        started.elapsed(),
        count(&counts.pass),
        count(&counts.dropped),
        count(&counts.delayed),
        count(&counts.refused),
        count(&counts.cut)
    );
    Ok(())
}
