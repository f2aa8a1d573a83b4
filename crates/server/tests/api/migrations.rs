//! Two servers starting at once on one PostgreSQL database take turns to
//! migrate (advisory lock), so neither fails and each migration runs once;
//! what the migrations prepared does not outlive the schema it was planned on.

use crate::common::{fresh_db, start_time, TestResult};
use csba_server::db::Backend;
use csba_server::migrate::migrate;
use csba_server::orders::backfill_ship_by;
use sqlx::Connection;

crate::common::every_backend! {
#[tokio::test]
async fn concurrent_starts_migrate_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (db, _) = fresh_db(&dir).await?;
    let now = start_time()?;
    if db.backend() == Backend::Postgres {
        let (a, b) = tokio::join!(migrate(&db, now), migrate(&db, now));
        let applied = a? + b?;
        let recorded: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM schema_migrations").fetch_one(db.reads()).await?;
        assert_eq!(i64::try_from(applied)?, recorded);
        assert!(recorded >= 3);
    } else {
        // One process owns a SQLite file (the app's sandbox): run twice in turn.
        assert!(migrate(&db, now).await? >= 3);
    }
    assert_eq!(migrate(&db, now).await?, 0);
    db.close().await;
    Ok(())
}

// Migration 0004's backfill reads orders on the migration's connection,
// then every text column gets the collation "C". Had that connection gone
// back to the pool, PostgreSQL would refuse its cached statements ("cached
// plan must not change result type") to whichever request drew it next.
#[tokio::test]
async fn every_connection_after_migrating_runs_what_the_migrations_ran() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (db, _) = fresh_db(&dir).await?;
    let now = start_time()?;
    migrate(&db, now).await?;
    // A connection goes back to the pool from a task of its own: wait until
    // every one the pool holds is idle, then draw them all at once, so none
    // is drawn twice, and a new one should it hold none.
    let pool = db.writes();
    for _ in 0..500 {
        if pool.num_idle() == usize::try_from(pool.size())? {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let mut held = Vec::new();
    for _ in 0..pool.num_idle().max(1) {
        held.push(pool.acquire().await?);
    }
    for conn in &mut held {
        let mut tx = conn.begin().await?;
        backfill_ship_by(&mut tx, now).await?;
        tx.commit().await?;
    }
    drop(held);
    db.close().await;
    Ok(())
}
}
