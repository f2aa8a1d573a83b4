//! One sweep round at a time per database. Every instance on one
//! PostgreSQL database runs the sweeper; the round's turn is a
//! transaction-level advisory lock, held on a connection of its own while
//! the round's work goes through the others, so two instances never do
//! the same round at once. A transaction-level lock rather than a session
//! one: if the round fails or its task is aborted, the transaction ends
//! and the lock with it — a session lock would go back to the pool still
//! held and stop every later round.
//!
//! The lock saves work, correctness does not rest on it: each job's effects
//! are conditional anyway (a case is resolved only while open, under the
//! seller's lock; a refund is keyed by its case; the team answers only what
//! still awaits an answer; compaction and the purge find nothing the second
//! time), so a round that overlaps another — the test clock's, or one on
//! SQLite, where one process owns the file — still acts once.

use crate::db::{Backend, Db};
use crate::error::Result;
use sqlx::{Any, Transaction};

/// The advisory lock's key: "CSBS" in ASCII, beside the migrations' "CSBA".
const SWEEP_LOCK_KEY: i64 = 0x4353_4253;

/// What a sweep does when another instance is sweeping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenBusy {
    /// The background round: the other instance is doing the same work.
    Skip,
    /// The test clock's round, whose effects its response promises: wait
    /// for the other round, then sweep (finding done what it did).
    Wait,
}

/// The right to sweep, until [`SweepTurn::end`] or drop.
#[derive(Debug)]
pub struct SweepTurn {
    /// The transaction holding the advisory lock; none on SQLite.
    held: Option<Transaction<'static, Any>>,
}

/// Takes the round's turn, or None when `when_busy` is `Skip` and another
/// instance holds it.
pub async fn take(db: &Db, when_busy: WhenBusy) -> Result<Option<SweepTurn>> {
    if db.backend() != Backend::Postgres {
        return Ok(Some(SweepTurn { held: None }));
    }
    let mut tx = db.writes().begin().await?;
    match when_busy {
        WhenBusy::Skip => {
            let got: bool = sqlx::query_scalar("SELECT pg_try_advisory_xact_lock($1)")
                .bind(SWEEP_LOCK_KEY)
                .fetch_one(&mut *tx)
                .await?;
            if !got {
                tx.rollback().await?;
                return Ok(None);
            }
        }
        WhenBusy::Wait => {
            sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(SWEEP_LOCK_KEY).execute(&mut *tx).await?;
        }
    }
    Ok(Some(SweepTurn { held: Some(tx) }))
}

impl SweepTurn {
    /// Lets the next round in. The transaction wrote nothing: rolling back
    /// is ending it.
    pub async fn end(self) -> Result<()> {
        if let Some(tx) = self.held {
            tx.rollback().await?;
        }
        Ok(())
    }
}
