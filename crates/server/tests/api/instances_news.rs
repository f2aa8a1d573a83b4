//! Two real `csba-server serve` processes on one PostgreSQL database:
//! started at once on an empty database (they take turns to migrate), a
//! client streaming `GET /v1/events` from one hears about a write made
//! through the other, also after the listening connections were cut.
//! PostgreSQL only: on SQLite one process owns the file.

use crate::common::{fresh_db, raw_client, TestResult, SEED_SEQ};
use crate::events::wait_for_seq;
use csba_server::db::Backend;
use csba_server::Db;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A server process, killed when dropped.
struct Instance {
    child: Child,
    addr: SocketAddr,
}

impl Instance {
    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `csba-server serve` on a free port; its address comes from the
/// "listening" log line (stderr), which also means it has migrated.
fn start(database_url: &str) -> TestResult<(Instance, std::sync::mpsc::Receiver<SocketAddr>)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_csba-server"))
        .args(["serve", "--listen", "127.0.0.1:0", "--database-url", database_url])
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()?;
    let stderr = child.stderr.take().ok_or("no stderr")?;
    let (tx, rx) = std::sync::mpsc::channel();
    // Reads the log for the whole life of the process, so it never blocks on a full pipe.
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(addr) = listening_addr(&line) {
                let _ = tx.send(addr);
            }
            if std::env::var_os("CSBA_TEST_SHOW_SERVER_LOG").is_some() {
                eprintln!("[server] {line}");
            }
        }
    });
    let placeholder = SocketAddr::from(([127, 0, 0, 1], 0));
    Ok((Instance { child, addr: placeholder }, rx))
}

fn listening_addr(line: &str) -> Option<SocketAddr> {
    let plain: String = strip_ansi(line);
    if !plain.contains("listening") {
        return None;
    }
    let rest = &plain[plain.find("addr=")? + 5..];
    rest.split_whitespace().next()?.parse().ok()
}

/// In case the log is coloured after all.
fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Waits (off the runtime's threads) for the instance to listen.
async fn listening(mut instance: Instance, rx: std::sync::mpsc::Receiver<SocketAddr>) -> TestResult<Instance> {
    let addr = tokio::task::spawn_blocking(move || rx.recv_timeout(Duration::from_secs(60))).await?;
    instance.addr = addr.map_err(|_| "the server did not start listening within 60 s")?;
    Ok(instance)
}

async fn latest_seq(db: &Db, seller_id: &str) -> TestResult<i64> {
    Ok(sqlx::query_scalar("SELECT change_seq FROM sellers WHERE id = $1").bind(seller_id).fetch_one(db.reads()).await?)
}

/// Replies to `case_id` through `instance`; returns when the response is in.
async fn reply(instance: &Instance, token: &str, case_id: &str, body: &str) -> TestResult {
    let response = raw_client()?
        .post(instance.url(&format!("/v1/cases/{case_id}/replies")))
        .bearer_auth(token)
        .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
        .json(&serde_json::json!({ "body": body }))
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 201, "reply through {}", instance.addr);
    Ok(())
}

/// The listening connections of the database's instances.
async fn listeners(db: &Db) -> TestResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %csba_news%'",
    )
    .fetch_one(db.reads())
    .await?)
}

/// Waits until both instances' listening connections are up.
async fn both_listening(db: &Db) -> TestResult {
    tokio::time::timeout(Duration::from_secs(30), async {
        while listeners(db).await? < 2 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        TestResult::Ok(())
    })
    .await
    .map_err(|_| "the instances are not both listening")?
}

crate::common::every_backend! {
#[tokio::test]
async fn a_write_through_one_process_reaches_streams_on_another() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (db, _) = fresh_db(&dir).await?;
    if db.backend() != Backend::Postgres {
        return Ok(());
    }
    let url = db.writes().connect_options().database_url.to_string();
    // Both at once on the empty database: each migrates, one after the other.
    let (a, a_addr) = start(&url)?;
    let (b, b_addr) = start(&url)?;
    let (a, b) = (listening(a, a_addr).await?, listening(b, b_addr).await?);
    // Neither failed (a process that cannot migrate exits before listening).
    let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM schema_migrations").fetch_one(db.reads()).await?;
    assert!(applied >= 5, "{applied} migrations recorded");

    let now = chrono::Utc::now();
    let seller = csba_server::seed_demo(&db, now).await?.seller_id;
    let token = csba_server::tokens::issue_token(&db, &seller, "instances", now).await?.secret().to_owned();
    let case_id: String =
        sqlx::query_scalar("SELECT id FROM cases WHERE seller_id = $1 AND status = 'open' ORDER BY id LIMIT 1")
            .bind(&seller)
            .fetch_one(db.reads())
            .await?;

    let mut stream = raw_client()?.get(b.url("/v1/events")).bearer_auth(&token).send().await?;
    assert_eq!(stream.status().as_u16(), 200);
    let mut seen = String::new();
    wait_for_seq(&mut stream, &mut seen, SEED_SEQ).await?;

    let sent = Instant::now();
    reply(&a, &token, &case_id, "Thank you, we are looking into it.").await?;
    let answered = sent.elapsed();
    wait_for_seq(&mut stream, &mut seen, latest_seq(&db, &seller).await?).await?;
    let heard = sent.elapsed();
    eprintln!("news from A heard on B {} ms after the write was sent ({} ms after its response)",
        heard.as_millis(), heard.saturating_sub(answered).as_millis());

    // Cut both listening connections: news sent while an instance is away
    // arrives once it is back (it re-announces the latest seqs).
    both_listening(&db).await?;
    let cut: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND query LIKE 'LISTEN %csba_news%') AS cut",
    )
    .fetch_one(db.reads())
    .await?;
    assert_eq!(cut, 2);
    let sent = Instant::now();
    reply(&a, &token, &case_id, "Sent again, with tracking.").await?;
    wait_for_seq(&mut stream, &mut seen, latest_seq(&db, &seller).await?).await?;
    eprintln!("after the cut, news heard on B {} ms after the write was sent", sent.elapsed().as_millis());
    // Both listen again.
    both_listening(&db).await?;
    drop(stream);
    drop((a, b));
    db.close().await;
    Ok(())
}
}
