//! The transaction every write use case runs in, and how an idempotent
//! request makes its key part of it.
//!
//! A use case calls [`WriteTx::begin`] and [`WriteTx::commit`] as it would a
//! plain transaction. Outside a request with an `Idempotency-Key` that is
//! all it is. Inside one (the idempotency layer runs the handler in
//! [`RequestTx::scope`]), the first `begin` also claims the key in the same
//! transaction, and `commit` hands the transaction back to the layer instead
//! of committing: the layer stores the response under the key through it and
//! commits once. So the effect and the record of its response commit
//! together — a server killed at any moment leaves both or neither, and a
//! retry after a crash either replays the response or runs for the first
//! time.
//!
//! The claim is taken lazily, at the first write, so a handler's reads and
//! checks before it hold no connection of the write pool (on PostgreSQL a
//! request holding one connection while waiting for another is how a pool
//! deadlocks under load; on SQLite the one writer would be held for nothing).

use crate::db::{to_ms, Db};
use crate::error::{Result, ServerError};
use chrono::{DateTime, Utc};
use csba_api::{Problem, ProblemCode};
use sqlx::{Any, AnyConnection, Transaction};
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};

/// What an idempotent request's transaction is keyed by.
#[derive(Debug, Clone)]
pub struct Claim {
    pub seller_id: String,
    pub key: String,
    pub request_hash: String,
    pub now: DateTime<Utc>,
}

/// Where the request's transaction is between the layer and the use cases.
enum Slot {
    /// No write yet: the key is not claimed.
    Unclaimed,
    /// Claimed; the transaction is waiting for the next use case or the end.
    Held(Transaction<'static, Any>),
    /// A use case has it right now.
    Lent,
    /// A use case ended without committing (it failed part-way): nothing it
    /// or an earlier use case of the request wrote may be kept.
    Abandoned,
    /// Another request holds or completed this key; its response is the answer.
    Taken,
}

tokio::task_local! {
    static CURRENT: RequestTx;
}

/// One idempotent request's transaction, shared between the layer and the
/// handler it runs. Cheap to clone.
#[derive(Clone)]
pub struct RequestTx {
    claim: Arc<Claim>,
    slot: Arc<Mutex<Slot>>,
}

/// How an idempotent request ended, for the layer to finish.
pub enum Outcome {
    /// Nothing was written: the response can be stored on its own.
    NothingWritten,
    /// The writes, uncommitted, with the key claimed in the same transaction.
    Written(Transaction<'static, Any>),
    /// A use case failed part-way; its writes are rolled back already.
    Abandoned,
    /// Another request with the same key got there first.
    Taken,
}

impl RequestTx {
    pub fn new(claim: Claim) -> Self {
        RequestTx { claim: Arc::new(claim), slot: Arc::new(Mutex::new(Slot::Unclaimed)) }
    }

    /// Runs `f` (the handler) with this request's transaction in reach of
    /// [`WriteTx::begin`].
    pub async fn scope<F: std::future::Future>(&self, f: F) -> F::Output {
        CURRENT.scope(self.clone(), f).await
    }

    /// Takes the transaction back once the handler has answered.
    pub fn finish(&self) -> Outcome {
        match std::mem::replace(&mut *self.lock(), Slot::Taken) {
            Slot::Unclaimed => Outcome::NothingWritten,
            Slot::Held(tx) => Outcome::Written(tx),
            // A use case still holding it after the handler returned would
            // have to be a task the handler left running: treat as failed.
            Slot::Lent | Slot::Abandoned => Outcome::Abandoned,
            Slot::Taken => Outcome::Taken,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Slot> {
        // A panic while holding this lock cannot leave a half-made state
        // (every critical section is one swap), so poisoning is ignored.
        self.slot.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The request's transaction for a use case; `true` when this call
    /// began it (and claimed the key), `false` when an earlier use case of
    /// the request wrote in it already.
    async fn lend(&self, db: &Db) -> Result<(Transaction<'static, Any>, bool)> {
        let state = std::mem::replace(&mut *self.lock(), Slot::Lent);
        match state {
            Slot::Held(tx) => Ok((tx, false)),
            Slot::Unclaimed => {
                let mut tx = db.writes().begin().await.inspect_err(|_| *self.lock() = Slot::Unclaimed)?;
                match claim_in(&mut tx, &self.claim).await {
                    Ok(true) => Ok((tx, true)),
                    Ok(false) => {
                        *self.lock() = Slot::Taken;
                        Err(taken())
                    }
                    Err(e) => {
                        *self.lock() = Slot::Unclaimed;
                        Err(e)
                    }
                }
            }
            other => {
                *self.lock() = other;
                Err(ServerError::Corrupt("a second write transaction inside one request".to_owned()))
            }
        }
    }

    fn give_back(&self, tx: Transaction<'static, Any>) {
        *self.lock() = Slot::Held(tx);
    }

    fn abandon(&self) {
        *self.lock() = Slot::Abandoned;
    }

    /// A use case that began the transaction undid it whole, claim and all:
    /// the request is as if it had not written.
    fn unclaim(&self) {
        *self.lock() = Slot::Unclaimed;
    }
}

/// A key's row while the request holding it runs (only ever inside that
/// request's uncommitted transaction, or left by an older server version).
const IN_FLIGHT: &str = "in_flight";
/// A key's row once its response is stored.
pub(crate) const DONE: &str = "done";

/// The key's row, claimed inside the request's transaction. A row left
/// `in_flight` can only come from a server version that claimed keys in a
/// transaction of their own and died mid-request; it is taken over.
/// `false`: the key is done (or being done by a concurrent request, which
/// PostgreSQL makes this statement wait for, and SQLite's one writer
/// orders before us).
pub(crate) async fn claim_in(conn: &mut AnyConnection, claim: &Claim) -> Result<bool> {
    let claimed = sqlx::query(
        "INSERT INTO idempotency_keys (seller_id, idem_key, request_hash, state, created_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (seller_id, idem_key) DO UPDATE SET request_hash = excluded.request_hash, \
         state = excluded.state, created_at = excluded.created_at WHERE idempotency_keys.state <> $6",
    )
    .bind(&claim.seller_id)
    .bind(&claim.key)
    .bind(&claim.request_hash)
    .bind(IN_FLIGHT)
    .bind(to_ms(claim.now))
    .bind(DONE)
    .execute(&mut *conn)
    .await?;
    Ok(claimed.rows_affected() == 1)
}

fn taken() -> ServerError {
    ServerError::rejected(
        Problem::new(ProblemCode::IdempotencyKeyInFlight, "A request with this Idempotency-Key came first")
            .with_detail("Retry with the same key to get its response.")
            .with_field(crate::idempotency::HEADER),
    )
}

/// A write transaction. Derefs to the connection, so the helpers that take
/// `&mut AnyConnection` take `&mut tx`.
pub struct WriteTx {
    // Dropped first: an unfinished transaction rolls back as it goes, and
    // only then does the guard tell the request.
    tx: Transaction<'static, Any>,
    lent: Lent,
}

/// Whose the transaction is. Dropped while still holding its request (the
/// use case neither committed nor rolled back: it failed part-way), it
/// tells the request so.
struct Lent {
    request: Option<RequestTx>,
    /// This use case began the request's transaction: rolling back undoes
    /// nothing but its own writes and the claim.
    began_it: bool,
}

impl Drop for Lent {
    fn drop(&mut self) {
        if let Some(request) = self.request.take() {
            request.abandon();
        }
    }
}

impl WriteTx {
    /// Begins a write: the request's transaction when there is one (claiming
    /// its key at the first write), a transaction of its own otherwise.
    pub async fn begin(db: &Db) -> Result<WriteTx> {
        match CURRENT.try_with(RequestTx::clone) {
            Ok(request) => {
                let (tx, began_it) = request.lend(db).await?;
                Ok(WriteTx { tx, lent: Lent { request: Some(request), began_it } })
            }
            Err(_) => Ok(WriteTx { tx: db.writes().begin().await?, lent: Lent { request: None, began_it: true } }),
        }
    }

    /// Commits — or, inside an idempotent request, hands the transaction
    /// back so it commits with the stored response.
    pub async fn commit(self) -> Result<()> {
        let WriteTx { tx, mut lent } = self;
        match lent.request.take() {
            Some(request) => {
                request.give_back(tx);
                Ok(())
            }
            None => Ok(tx.commit().await?),
        }
    }

    /// Undoes what this use case wrote. Inside a request whose earlier use
    /// case wrote in the same transaction, that goes too, and the request
    /// fails as a whole (see [`Outcome::Abandoned`]).
    pub async fn rollback(self) -> Result<()> {
        let WriteTx { tx, mut lent } = self;
        match lent.request.take() {
            Some(request) if lent.began_it => request.unclaim(),
            Some(request) => request.abandon(),
            None => {}
        }
        Ok(tx.rollback().await?)
    }
}

impl Deref for WriteTx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csba_domain::Marketplace;

    type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

    /// A migrated database with one seller (`Test`), and that seller's id.
    async fn fixture() -> std::result::Result<(tempfile::TempDir, Db, String), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let db = Db::open_sqlite(&dir.path().join("t.db")).await?;
        let now = Utc::now();
        crate::migrate::migrate(&db, now).await?;
        let id = crate::sellers::create_seller(&db, "Test", &[Marketplace::Jp], now).await?;
        Ok((dir, db, id))
    }

    fn claim(seller_id: &str, key: &str) -> Claim {
        Claim { seller_id: seller_id.to_owned(), key: key.to_owned(), request_hash: "h".to_owned(), now: Utc::now() }
    }

    async fn rename(db: &Db, seller_id: &str, name: &str) -> Result<()> {
        let mut tx = WriteTx::begin(db).await?;
        sqlx::query("UPDATE sellers SET display_name = $1 WHERE id = $2")
            .bind(name)
            .bind(seller_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }

    async fn name(db: &Db, seller_id: &str) -> std::result::Result<String, Box<dyn std::error::Error>> {
        Ok(sqlx::query_scalar("SELECT display_name FROM sellers WHERE id = $1")
            .bind(seller_id)
            .fetch_one(db.reads())
            .await?)
    }

    #[tokio::test]
    async fn outside_a_request_a_commit_commits() -> TestResult {
        let (_dir, db, id) = fixture().await?;
        rename(&db, &id, "Renamed").await?;
        assert_eq!(name(&db, &id).await?, "Renamed");
        Ok(())
    }

    #[tokio::test]
    async fn inside_a_request_the_write_and_the_claim_wait_for_the_layer() -> TestResult {
        let (_dir, db, id) = fixture().await?;
        let request = RequestTx::new(claim(&id, "k1"));
        request.scope(rename(&db, &id, "Renamed")).await?;
        // Committed by the use case, but not yet by the request.
        assert_eq!(name(&db, &id).await?, "Test");
        let Outcome::Written(mut tx) = request.finish() else { return Err("the write is handed back".into()) };
        let state: String =
            sqlx::query_scalar("SELECT state FROM idempotency_keys WHERE idem_key = 'k1'").fetch_one(&mut *tx).await?;
        assert_eq!(state, "in_flight", "the key is claimed in the same transaction");
        tx.commit().await?;
        assert_eq!(name(&db, &id).await?, "Renamed");
        Ok(())
    }

    #[tokio::test]
    async fn a_use_case_that_fails_part_way_leaves_nothing() -> TestResult {
        let (_dir, db, id) = fixture().await?;
        let request = RequestTx::new(claim(&id, "k2"));
        request
            .scope(async {
                let mut tx = WriteTx::begin(&db).await?;
                sqlx::query("UPDATE sellers SET display_name = 'Half' WHERE id = $1")
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                // Dropped here, as by an error returned with `?`.
                Result::<()>::Ok(())
            })
            .await?;
        assert!(matches!(request.finish(), Outcome::Abandoned));
        assert_eq!(name(&db, &id).await?, "Test");
        let keys: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM idempotency_keys").fetch_one(db.reads()).await?;
        assert_eq!(keys, 0, "the claim went with the write");
        Ok(())
    }

    #[tokio::test]
    async fn a_key_already_done_is_taken() -> TestResult {
        let (_dir, db, id) = fixture().await?;
        sqlx::query(
            "INSERT INTO idempotency_keys (seller_id, idem_key, request_hash, state, created_at) \
             VALUES ($1, 'k3', 'h', 'done', 0)",
        )
        .bind(&id)
        .execute(db.writes())
        .await?;
        let request = RequestTx::new(claim(&id, "k3"));
        assert!(request.scope(rename(&db, &id, "Again")).await.is_err());
        assert!(matches!(request.finish(), Outcome::Taken));
        assert_eq!(name(&db, &id).await?, "Test");
        Ok(())
    }
}
