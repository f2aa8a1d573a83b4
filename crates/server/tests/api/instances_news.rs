//! Two real `csba-server serve` processes on one PostgreSQL database:
//! started at once on an empty database (they take turns to migrate), a
//! client streaming `GET /v1/events` from one hears about a write made
//! through the other, also after the listening connections were cut.
//! PostgreSQL only: on SQLite one process owns the file.

use crate::common::{fresh_db, raw_client, TestResult, SEED_SEQ};
use crate::events::wait_for_seq;
use crate::server_process::{listening, start, Instance};
use csba_server::db::Backend;
use csba_server::Db;
use std::time::{Duration, Instant};

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
