//! Several instances on one database sweeping at the same instant: each
//! effect (a case resolved, its feed entry, a refund, the team's answer,
//! compaction) happens once. On PostgreSQL the two "instances" are two
//! connection pools on one database, each with its own `Events`; on SQLite,
//! where one process owns the file, the same pool sweeps twice at once.

use crate::common::{fresh_db, start_time, TestResult, SEED_SEQ};
use chrono::Duration;
use csba_api::ServiceQuestionCreate;
use csba_server::db::Backend;
use csba_server::events::Events;
use csba_server::sweep_lock::{self, WhenBusy};
use csba_server::sweeper::{csba_refunds, sweep_and_announce, sweep_with, SweepReport};
use csba_server::{seed_demo, Db, TeamPace};

/// A second handle on the same database: another pool (another instance)
/// on PostgreSQL, the same one on SQLite.
async fn second_instance(db: &Db) -> TestResult<Db> {
    Ok(match db.backend() {
        Backend::Postgres => Db::connect(db.writes().connect_options().database_url.as_str()).await?,
        Backend::Sqlite => db.clone(),
    })
}

/// How many feed entries each entity of `kind` has after the seed, most first.
async fn entries_per_entity(db: &Db, seller_id: &str, kind: &str) -> TestResult<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT entity_id, COUNT(*) FROM changes WHERE seller_id = $1 AND kind = $2 AND seq > $3 \
         GROUP BY entity_id ORDER BY COUNT(*) DESC, entity_id",
    )
    .bind(seller_id)
    .bind(kind)
    .bind(SEED_SEQ)
    .fetch_all(db.reads())
    .await?)
}

fn total(reports: &[&Option<SweepReport>], of: impl Fn(&SweepReport) -> usize) -> usize {
    reports.iter().filter_map(|r| r.as_ref()).map(of).sum()
}

crate::common::every_backend! {
#[tokio::test]
async fn two_instances_sweeping_at_once_act_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (a, _) = fresh_db(&dir).await?;
    let start = start_time()?;
    csba_server::migrate::migrate(&a, start).await?;
    let seller = seed_demo(&a, start).await?;
    let b = second_instance(&a).await?;
    let order_id: String = sqlx::query_scalar("SELECT id FROM orders WHERE seller_id = $1 ORDER BY id LIMIT 1")
        .bind(&seller.seller_id)
        .fetch_one(a.reads())
        .await?;
    let question = csba_server::service_questions::ask(
        &a,
        &seller.seller_id,
        &seller.display_name,
        &ServiceQuestionCreate { order_id, question: "Was the buyer refunded?".to_owned() },
        start,
    )
    .await?;
    let answered = |db: &Db| {
        let db = db.clone();
        async move {
            TestResult::<i64>::Ok(
                sqlx::query_scalar("SELECT COUNT(*) FROM service_questions WHERE status = 'answered'")
                    .fetch_one(db.reads())
                    .await?,
            )
        }
    };
    let answered_before = answered(&a).await?;
    let (events_a, events_b) = (Events::default(), Events::default());
    let team = TeamPace::SERVICE;

    // 21 hours on, both background rounds fire together: overdue cases and
    // the team's answer (due after 20 hours) are each done by one of them.
    let at = start + Duration::hours(21);
    let (ra, rb) = tokio::join!(
        sweep_and_announce(&a, &events_a, &team, at, WhenBusy::Skip),
        sweep_and_announce(&b, &events_b, &team, at, WhenBusy::Skip),
    );
    let resolved_cases: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE seller_id = $1 AND status = 'resolved_by_csba'")
        .bind(&seller.seller_id)
        .fetch_one(a.reads())
        .await?;
    assert!(resolved_cases >= 3, "the demo's overdue cases: {resolved_cases}");
    assert_eq!(total(&[&ra, &rb], |r| r.resolved), usize::try_from(resolved_cases)?, "{ra:?} {rb:?}");
    assert_eq!(i64::try_from(total(&[&ra, &rb], |r| r.answered))?, answered(&a).await? - answered_before);
    let charged = csba_refunds(&a, &seller.seller_id, start - Duration::days(1)).await?.len();
    assert!(charged >= 1);
    assert_eq!(total(&[&ra, &rb], |r| r.refunds), charged);

    // Then two rounds without the lock (the test clock's overlapping a
    // background one, or a lock taken late): the effects are conditional
    // on their own, so each still happens once.
    let at = start + Duration::hours(48);
    let (wa, wb) = tokio::join!(sweep_with(&a, &team, at), sweep_with(&b, &team, at));
    let (wa, wb) = (Some(wa?), Some(wb?));
    let all_cases: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE seller_id = $1")
        .bind(&seller.seller_id)
        .fetch_one(a.reads())
        .await?;
    assert_eq!(total(&[&wa, &wb], |r| r.resolved), usize::try_from(all_cases - resolved_cases)?);

    // One feed entry per resolved case (the demo's cases are not replied
    // to here), two for the question (asked, answered), one refund per
    // undelivered parcel.
    let cases = entries_per_entity(&a, &seller.seller_id, "case").await?;
    assert_eq!(i64::try_from(cases.len())?, all_cases);
    assert!(cases.iter().all(|(_, n)| *n == 1), "{cases:?}");
    // (The demo's own waiting question is answered too: one entry after the seed.)
    let questions = entries_per_entity(&a, &seller.seller_id, "service_question").await?;
    assert!(questions.iter().all(|(id, n)| *n == if *id == question.id { 2 } else { 1 }), "{questions:?}");
    assert!(questions.iter().any(|(id, _)| *id == question.id));
    let deliveries: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM cases WHERE seller_id = $1 AND kind = 'delivery' AND outcome = 'refund'",
    )
    .bind(&seller.seller_id)
    .fetch_one(a.reads())
    .await?;
    let refunds = csba_refunds(&a, &seller.seller_id, start - Duration::days(1)).await?;
    assert_eq!(i64::try_from(refunds.len())?, deliveries);
    assert!(deliveries >= 1);

    // 91 days on, both compact the seed's superseded entries at once: what
    // one deletes the other does not count again.
    let count = || async { TestResult::<(i64, i64)>::Ok(sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM changes), (SELECT CAST(COALESCE(SUM(change_seq), 0) AS BIGINT) FROM sellers)",
    ).fetch_one(a.reads()).await?) };
    let (rows_before, seqs_before) = count().await?;
    let at = start + Duration::days(91);
    let (ca, cb) = tokio::join!(
        sweep_and_announce(&a, &events_a, &team, at, WhenBusy::Wait),
        sweep_and_announce(&b, &events_b, &team, at, WhenBusy::Wait),
    );
    assert!(ca.is_some() && cb.is_some(), "waiting rounds both run");
    let (rows_after, seqs_after) = count().await?;
    // Rows gone = rows before + rows the rounds added (their seqs) - rows now.
    let deleted = rows_before + (seqs_after - seqs_before) - rows_after;
    let compacted = i64::try_from(total(&[&ca, &cb], |r| usize::try_from(r.compacted).unwrap_or(usize::MAX)))?;
    assert!(compacted > 0, "the resolved cases superseded their seeded entries");
    assert_eq!(compacted, deleted);
    if b.backend() == Backend::Postgres {
        b.close().await;
    }
    a.close().await;
    Ok(())
}

// While one instance holds the round's turn, another's background round
// skips, and can take it once it is let go. On SQLite there is no lock.
#[tokio::test]
async fn a_held_turn_makes_the_other_instance_skip() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (a, _) = fresh_db(&dir).await?;
    let b = second_instance(&a).await?;
    let held = sweep_lock::take(&a, WhenBusy::Skip).await?.ok_or("the first turn")?;
    let other = sweep_lock::take(&b, WhenBusy::Skip).await?;
    assert_eq!(other.is_none(), a.backend() == Backend::Postgres);
    if let Some(other) = other {
        other.end().await?;
    }
    held.end().await?;
    sweep_lock::take(&b, WhenBusy::Skip).await?.ok_or("the turn once let go")?.end().await?;
    if b.backend() == Backend::Postgres {
        b.close().await;
    }
    a.close().await;
    Ok(())
}
}
