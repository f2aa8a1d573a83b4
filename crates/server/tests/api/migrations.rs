//! Two servers starting at once on one PostgreSQL database take turns to
//! migrate (advisory lock), so neither fails and each migration runs once.

use crate::common::{fresh_db, start_time, TestResult};
use csba_server::db::Backend;
use csba_server::migrate::migrate;

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
}
