//! Two processes on one data directory at the same time, as on a seller's
//! desk: the app's core keeping the replica in sync, and `csba` queueing
//! replies and syncing from a terminal.
//!
//! The "app core" is this test binary run again (the ignored
//! `app_core_child` test): it opens the replica, reads the token from the
//! keychain as the app does, and runs `csba_sync::sync_once` in a loop
//! until told to stop. Meanwhile the parent runs the real `csba` binary:
//! many `csba cases reply`, and `csba sync` every few replies. Both reach
//! the service through a proxy in this process that counts every request
//! by its idempotency key.
//!
//! At the end every reply is on the service exactly once, in order per
//! case; no key was sent twice (the outbox claims keep each entry with one
//! sender, so the service's idempotency never had to step in); nothing
//! failed with "database is locked"; and both processes see the same outbox
//! and inbox.

mod common;
#[path = "../../sync/tests/common/http_request.rs"]
mod http_request;

use chrono::{DateTime, Duration, Utc};
use common::keychain::{self, TokenGuard};
use common::server::Server;
use common::{csba_in, Result, Run};
use csba_api::ApiClient;
use csba_store::{AccountService, OutboxState, Store};
use csba_sync::{sync_once, RetryPolicy};
use http_request::{read_request, HttpRequest};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const DATA_ENV: &str = "CSBA_APP_CORE_DATA_DIR";
const STOP_ENV: &str = "CSBA_APP_CORE_STOP_FILE";
const REPLIES: usize = 120;
/// `csba sync` after every this many replies.
const SYNC_EVERY: usize = 4;

/// Requests seen by the proxy: idempotency key → how many times.
type Seen = Arc<Mutex<HashMap<String, usize>>>;

#[test]
fn two_processes_on_one_data_directory_send_every_reply_once_in_order() -> Result {
    if !keychain::required("two_processes_on_one_data_directory_send_every_reply_once_in_order") {
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let server = Server::start(dir.path())?;
    let upstream: SocketAddr = server.url()?.trim_start_matches("http://").parse()?;
    let seen: Seen = Arc::default();
    let proxy = server.block_on(start_proxy(upstream, seen.clone()))?;
    let url = format!("http://{proxy}");
    let _guard = TokenGuard(server.keychain_user(&url)?);
    let mut runs: Vec<Run> = Vec::new();

    let add = csba_in(&data, &["account", "add", "--url", &url], Some(&server.token()?), &[])?;
    assert_eq!(add.code, 0, "{}", add.all());
    let first = csba_in(&data, &["sync", "--json"], None, &[])?;
    assert_eq!(first.code, 0, "{}", first.all());
    let cases = open_cases(&data)?;
    assert!(cases.len() >= 2, "the demo seller has open cases: {cases:?}");

    let stop = dir.path().join("stop");
    let mut child = Command::new(std::env::current_exe()?)
        .args(["--exact", "app_core_child", "--ignored", "--nocapture", "--test-threads=1"])
        .env(DATA_ENV, &data)
        .env(STOP_ENV, &stop)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;

    let mut expected: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut sent_by_csba = 0;
    for n in 0..REPLIES {
        let case = &cases[n % cases.len()];
        let body_file = dir.path().join(format!("reply-{n}.txt"));
        std::fs::write(&body_file, reply_body(case, n))?;
        let reply = csba_in(&data, &["cases", "reply", case, "--body-file", &body_file.to_string_lossy()], None, &[])?;
        assert_eq!(reply.code, 0, "reply {n}: {}", reply.all());
        expected.entry(case.clone()).or_default().push(n);
        runs.push(reply);
        if n % SYNC_EVERY == SYNC_EVERY - 1 {
            let sync = csba_in(&data, &["sync", "--json"], None, &[])?;
            assert_eq!(sync.code, 0, "sync after reply {n}: {}", sync.all());
            sent_by_csba += sync.json()?[0]["sent"].as_u64().unwrap_or_default();
            runs.push(sync);
        }
    }

    std::fs::write(&stop, b"stop")?;
    let child_out = wait_with_timeout(&mut child, std::time::Duration::from_secs(120))?;
    let child_stdout = String::from_utf8_lossy(&child_out.stdout).into_owned();
    let child_stderr = String::from_utf8_lossy(&child_out.stderr).into_owned();
    assert!(child_out.status.success(), "the app core failed:\n{child_stdout}\n{child_stderr}");
    let core: Value = child_stdout
        .lines()
        .find_map(|line| line.split_once("app-core: ").and_then(|(_, json)| serde_json::from_str(json).ok()))
        .ok_or_else(|| format!("no report from the app core:\n{child_stdout}\n{child_stderr}"))?;
    assert_eq!(core["errors"], json!([]), "the app core hit errors");

    let last = csba_in(&data, &["sync", "--json"], None, &[])?;
    assert_eq!(last.code, 0, "{}", last.all());
    runs.push(last);
    for run in &runs {
        assert!(!run.all().to_lowercase().contains("locked"), "a `csba` run hit a lock:\n{}", run.all());
    }
    assert!(!child_stderr.to_lowercase().contains("database is locked"), "{child_stderr}");

    // The service has every reply once, in the order it was queued.
    let on_server = server.block_on(server.client()?.cases())?;
    for (case, numbers) in &expected {
        let case_on_server = on_server.cases.iter().find(|c| &c.id == case).ok_or("a case vanished")?;
        let received: Vec<usize> = case_on_server
            .messages
            .iter()
            .filter(|m| m.author == "seller")
            .filter_map(|m| m.body.strip_prefix(&format!("two-process reply to {case} #"))?.parse().ok())
            .collect();
        assert_eq!(&received, numbers, "case {case}: each reply once, in order");
    }

    // No request was sent twice: each queued reply went out under one key, once.
    let seen = seen.lock().map_err(|_| "poisoned")?.clone();
    let outbox = csba_in(&data, &["outbox", "--json"], None, &[])?.json()?;
    let store = Store::open(&csba_store::paths::replica_file(&data))?;
    let keys: Vec<String> = store.outbox()?.into_iter().map(|e| e.idempotency_key).collect();
    assert_eq!(keys.len(), REPLIES);
    for key in &keys {
        assert_eq!(seen.get(key), Some(&1), "key {key} was sent {:?} times", seen.get(key));
    }
    assert_eq!(seen.values().sum::<usize>(), REPLIES, "no other write went out: {seen:?}");

    // Both processes see the same outbox and inbox.
    let csba_outbox: BTreeMap<String, String> = outbox
        .as_array()
        .ok_or("outbox is not an array")?
        .iter()
        .map(|e| (e["id"].to_string(), e["state"].as_str().unwrap_or_default().to_owned()))
        .collect();
    assert!(csba_outbox.values().all(|s| s == "sent"), "{csba_outbox:?}");
    assert_eq!(serde_json::to_value(&csba_outbox)?, core["outbox"], "outbox views differ");
    let inbox = csba_in(&data, &["cases", "list", "--json"], None, &[])?.json()?;
    let csba_inbox: BTreeMap<String, Value> = inbox
        .as_array()
        .ok_or("inbox is not an array")?
        .iter()
        .map(|c| (c["id"].as_str().unwrap_or_default().to_owned(), json!([c["status"], c["pending_replies"]])))
        .collect();
    assert_eq!(serde_json::to_value(&csba_inbox)?, core["inbox"], "inbox views differ");
    eprintln!("sent by csba: {sent_by_csba}, by the app core: {}, its rounds: {}", core["sent"], core["rounds"]);
    Ok(())
}

fn reply_body(case: &str, n: usize) -> String {
    format!("two-process reply to {case} #{n}")
}

/// Open cases whose deadline is hours away (so they take replies throughout).
fn open_cases(data: &Path) -> Result<Vec<String>> {
    let list = csba_in(data, &["cases", "list", "--json"], None, &[])?.json()?;
    let soon = Utc::now() + Duration::hours(2);
    Ok(list
        .as_array()
        .ok_or("not an array")?
        .iter()
        .filter(|c| {
            c["status"] == json!("open")
                && c["respond_by"].as_str().and_then(|t| t.parse::<DateTime<Utc>>().ok()).is_some_and(|t| t > soon)
        })
        .filter_map(|c| c["id"].as_str().map(str::to_owned))
        .collect())
}

fn wait_with_timeout(child: &mut std::process::Child, limit: std::time::Duration) -> Result<std::process::Output> {
    let started = std::time::Instant::now();
    while child.try_wait()?.is_none() {
        if started.elapsed() > limit {
            child.kill()?;
            return Err("the app core did not stop".into());
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let mut output = std::process::Output { status: child.wait()?, stdout: Vec::new(), stderr: Vec::new() };
    if let Some(mut out) = child.stdout.take() {
        std::io::Read::read_to_end(&mut out, &mut output.stdout)?;
    }
    if let Some(mut err) = child.stderr.take() {
        std::io::Read::read_to_end(&mut err, &mut output.stderr)?;
    }
    Ok(output)
}

/// The app core: syncs the replica in `CSBA_APP_CORE_DATA_DIR` round after
/// round until the stop file appears, then once more, and reports its
/// errors and its view of the outbox and inbox on one line.
#[test]
#[ignore = "the app-core side of two_processes_on_one_data_directory_send_every_reply_once_in_order"]
fn app_core_child() -> Result {
    let Some(data) = std::env::var_os(DATA_ENV).map(PathBuf::from) else { return Ok(()) };
    let stop = PathBuf::from(std::env::var_os(STOP_ENV).ok_or("no stop file")?);
    let store = Mutex::new(Store::open(&csba_store::paths::replica_file(&data))?);
    let account =
        store.lock().map_err(|_| "poisoned")?.accounts()?.into_iter().find(|a| !a.is_sandbox()).ok_or("no account")?;
    let AccountService::Remote { url } = &account.service else { return Err("not remote".into()) };
    let token = csba_store::credentials::token_for(&account.keychain_user().ok_or("no keychain entry")?)?;
    let client = ApiClient::new(url.as_str(), token)?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    // Short retries: a retry is not a failure here, but it should not idle.
    let retry = RetryPolicy::new(std::time::Duration::from_millis(10), std::time::Duration::from_millis(200), 7);
    let (mut rounds, mut sent, mut errors) = (0usize, 0usize, Vec::<String>::new());
    loop {
        let stopping = stop.exists();
        match runtime.block_on(sync_once(&client, &store, account.id, &Utc::now, &retry)) {
            Ok(report) => {
                rounds += 1;
                sent += report.pushed.sent;
            }
            Err(e) => errors.push(e.to_string()),
        }
        if stopping {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(15));
    }
    let store = store.lock().map_err(|_| "poisoned")?;
    let outbox: BTreeMap<String, &str> = store
        .outbox()?
        .iter()
        .map(|e| {
            let state = match e.state {
                OutboxState::Queued => "queued",
                OutboxState::Sending => "sending",
                OutboxState::Sent => "sent",
                OutboxState::Failed { .. } => "failed",
            };
            (e.id.to_string(), state)
        })
        .collect();
    let inbox: BTreeMap<String, Value> =
        store.inbox()?.into_iter().map(|c| (c.id, json!([c.status, c.pending_replies]))).collect();
    let report = json!({ "rounds": rounds, "sent": sent, "errors": errors, "outbox": outbox, "inbox": inbox });
    writeln!(std::io::stdout(), "app-core: {report}")?;
    Ok(())
}

/// A proxy in front of the service that counts each write by its
/// `Idempotency-Key`. One request per connection (it tells both sides
/// `Connection: close`), so every request is seen.
async fn start_proxy(upstream: SocketAddr, seen: Seen) -> Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let seen = seen.clone();
            tokio::spawn(async move {
                // A client that gave up mid-request is not this test's concern.
                let _ = relay(client, upstream, &seen).await;
            });
        }
    });
    Ok(addr)
}

async fn relay(mut client: TcpStream, upstream: SocketAddr, seen: &Seen) -> Result {
    let HttpRequest { bytes: request, idempotency_key } = read_request(&mut client).await?;
    if let Some(key) = idempotency_key {
        *seen.lock().map_err(|_| "poisoned")?.entry(key).or_default() += 1;
    }
    let mut server = TcpStream::connect(upstream).await?;
    server.write_all(&request).await?;
    let mut response = Vec::new();
    server.read_to_end(&mut response).await?;
    client.write_all(&response).await?;
    client.shutdown().await?;
    Ok(())
}
