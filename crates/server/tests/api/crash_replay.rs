//! A real `csba-server serve` process killed (SIGKILL) while replies are in
//! flight, again and again, then every request replayed with its key: each
//! reply is applied exactly once, and every replay answers 201 — the key's
//! record and the effect it guards commit together or not at all. Then two
//! processes on one PostgreSQL given the same keys at the same moment: each
//! applies once, and both answer the same bytes.

use crate::common::{fresh_db, raw_client, TestResult};
use crate::server_process::{listening, start, Instance};
use csba_server::db::Backend;
use csba_server::Db;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// Kill-and-replay rounds; each kills the server at a different moment.
const ROUNDS: u64 = 8;
/// Clients sending at once, so several requests are mid-way when the kill lands.
const CLIENTS: usize = 12;

struct Fixture {
    db: Db,
    /// One client for every request: building one loads the system's
    /// certificates, which takes longer on a debug build than a write.
    client: reqwest::Client,
    url: String,
    token: String,
    cases: Vec<String>,
}

async fn fixture(db: Db) -> TestResult<Fixture> {
    let url = db.writes().connect_options().database_url.to_string();
    let now = chrono::Utc::now();
    csba_server::migrate::migrate(&db, now).await?;
    let seller = csba_server::seed_demo(&db, now).await?.seller_id;
    let token = csba_server::tokens::issue_token(&db, &seller, "crash", now).await?.secret().to_owned();
    let cases: Vec<String> =
        // Due well after the test, so the process's sweeper resolves none
        // of them meanwhile.
        sqlx::query_scalar(
            "SELECT id FROM cases WHERE seller_id = $1 AND status IN ('open', 'answered') AND respond_by > $2 \
             ORDER BY id LIMIT 4",
        )
        .bind(&seller)
        .bind(csba_server::db::to_ms(now + chrono::Duration::hours(2)))
        .fetch_all(db.reads())
            .await?;
    assert!(!cases.is_empty(), "the demo seller has open cases");
    Ok(Fixture { db, client: raw_client()?, url, token, cases })
}

async fn up(url: &str) -> TestResult<Instance> {
    let (instance, addr) = start(url)?;
    listening(instance, addr).await
}

/// The reply sent with `key`: its body is the key, so the case shows how
/// often it was applied. A `429` is waited out as its `Retry-After` says, as
/// the app's push does: a run that sends more than a token's burst (the
/// kill rounds and the replay of every key together may) is not a failure.
async fn send(instance_url: &str, f: &Fixture, key: &str) -> Result<(u16, String, bool), reqwest::Error> {
    let case = &f.cases[key.bytes().map(usize::from).sum::<usize>() % f.cases.len()];
    loop {
        let response = f
            .client
            .post(format!("{instance_url}/v1/cases/{case}/replies"))
            .bearer_auth(&f.token)
            .header("Idempotency-Key", key)
            .json(&serde_json::json!({ "body": key }))
            .send()
            .await?;
        let status = response.status().as_u16();
        if status == 429 {
            let wait = response.headers().get("Retry-After").and_then(|v| v.to_str().ok()?.parse().ok()).unwrap_or(1);
            tokio::time::sleep(Duration::from_secs(wait)).await;
            continue;
        }
        let replayed = response.headers().contains_key("Idempotent-Replayed");
        return Ok((status, response.text().await?, replayed));
    }
}

/// How many times each body appears among the seller's replies.
async fn replies_per_body(f: &Fixture) -> TestResult<HashMap<String, usize>> {
    let mut counts = HashMap::new();
    for case in &f.cases {
        let messages: String =
            sqlx::query_scalar("SELECT messages FROM cases WHERE id = $1").bind(case).fetch_one(f.db.reads()).await?;
        let messages: Vec<csba_api::CaseMessage> = serde_json::from_str(&messages)?;
        for m in messages.iter().filter(|m| m.author == "seller") {
            *counts.entry(m.body.clone()).or_insert(0) += 1;
        }
    }
    Ok(counts)
}

crate::common::every_backend! {
#[tokio::test]
async fn a_server_killed_mid_request_applies_each_key_once_on_replay() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (db, backend) = fresh_db(&dir).await?;
    let f = Arc::new(fixture(db).await?);
    let mut sent_keys: Vec<String> = Vec::new();
    // What each request answered before its server was killed.
    let mut first_answers = HashMap::<String, String>::new();
    let mut cut_by_kill = 0;
    for round in 0..ROUNDS {
        let mut server = up(&f.url).await?;
        let base = server.url("");
        // One write through first: the process's first sweep round holds
        // the writer for a moment after start, and the kill should land
        // among writes, not before them.
        let warm_up = format!("{backend}-r{round}-warm-up");
        sent_keys.push(warm_up.clone());
        assert_eq!(send(&base, &f, &warm_up).await?.0, 201, "{warm_up}");
        let mut clients = Vec::new();
        for client in 0..CLIENTS {
            let (f, base) = (f.clone(), base.clone());
            // Each client sends until the kill cuts it off, and returns the
            // keys it sent and the answers it got.
            clients.push(tokio::spawn(async move {
                let (mut sent, mut answers) = (Vec::new(), HashMap::new());
                for n in 0.. {
                    let key = format!("{backend}-r{round}-c{client}-n{n}");
                    sent.push(key.clone());
                    match send(&base, &f, &key).await {
                        Ok((201, body, _)) => {
                            answers.insert(key, body);
                        }
                        Ok((status, body, _)) => return Err(format!("{key}: {status} before the kill: {body}")),
                        // The kill: the connection is refused or cut.
                        Err(_) => break,
                    }
                }
                Ok((sent, answers))
            }));
        }
        // A different moment each round, from among the first requests to
        // well into the stream of them (a write takes a few milliseconds,
        // one at a time on SQLite).
        tokio::time::sleep(Duration::from_millis(10 + round * 40)).await;
        server.kill()?;
        for c in clients {
            let (sent, answers) = c.await??;
            cut_by_kill += sent.len() - answers.len();
            sent_keys.extend(sent);
            first_answers.extend(answers);
        }
    }
    let answered_before_kill = first_answers.len();
    assert!(cut_by_kill >= ROUNDS as usize, "every kill cut requests in flight ({cut_by_kill} in {ROUNDS} rounds)");
    assert!(answered_before_kill > 0, "the kills landed among answered requests, not before them");

    // Every key again, on a fresh process: each answers 201, replayed or run
    // for the first time, and no reply was applied twice or lost.
    let server = up(&f.url).await?;
    let base = server.url("");
    let mut replayed = 0;
    for key in &sent_keys {
        let (status, body, was_replayed) = send(&base, &f, key).await?;
        assert_eq!(status, 201, "{key} replayed after the kill: {body}");
        if let Some(first) = first_answers.get(key) {
            assert!(was_replayed && *first == body, "{key}: an answered request replays its answer byte for byte");
        }
        replayed += usize::from(was_replayed);
    }
    let counts = replies_per_body(&f).await?;
    for key in &sent_keys {
        assert_eq!(counts.get(key).copied().unwrap_or(0), 1, "{key} applied once");
    }
    eprintln!(
        "{backend}: {} requests in {ROUNDS} kills ({answered_before_kill} answered, {cut_by_kill} cut); \
         replay: {replayed} from stored responses, {} run afresh",
        sent_keys.len(),
        sent_keys.len() - replayed
    );
    drop(server);
    f.db.close().await;
    Ok(())
}
}

crate::common::every_backend! {
#[tokio::test]
async fn one_key_sent_to_two_instances_at_once_applies_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (db, _) = fresh_db(&dir).await?;
    if db.backend() != Backend::Postgres {
        // One process owns a SQLite file; the single-process case is
        // `twenty_concurrent_duplicates_apply_once`.
        return Ok(());
    }
    let f = fixture(db).await?;
    let (a, b) = (up(&f.url).await?, up(&f.url).await?);
    let (a_url, b_url) = (a.url(""), b.url(""));
    let mut replays = 0;
    for n in 0..40 {
        let key = format!("twice-{n}");
        let (from_a, from_b) = tokio::join!(send(&a_url, &f, &key), send(&b_url, &f, &key));
        let ((status_a, body_a, replayed_a), (status_b, body_b, replayed_b)) = (from_a?, from_b?);
        assert_eq!((status_a, status_b), (201, 201), "{key}: {body_a} / {body_b}");
        assert_eq!(body_a, body_b, "{key}: both instances answer the same bytes");
        assert!(replayed_a != replayed_b, "{key}: exactly one of the two is a replay");
        replays += 1;
    }
    let counts = replies_per_body(&f).await?;
    for n in 0..40 {
        assert_eq!(counts.get(&format!("twice-{n}")).copied().unwrap_or(0), 1, "twice-{n} applied once");
    }
    eprintln!("{replays} keys sent to two instances at once, each applied once");
    drop((a, b));
    f.db.close().await;
    Ok(())
}
}
