//! The outbox: every seller action, written with its idempotency key in the
//! same transaction as the change that caused it, and kept until the
//! service confirmed it (or refused it, for the seller to fix).

use crate::actions::{Action, ActionKind};
use crate::{AccountId, JsonText, Store, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::Serialize;
use ts_rs::TS;

/// An action to queue.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAction {
    /// What the seller did, for the queue screen.
    pub kind: ActionKind,
    /// What the action is about; actions on one object are sent in order.
    pub object_key: String,
    /// `POST`, `PUT`, `PATCH` or `DELETE`.
    pub method: String,
    /// The API path, e.g. `/v1/cases/c-1/replies`.
    pub path: String,
    pub body: Option<JsonText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting to be sent (again, after `next_attempt_at`).
    Queued,
    /// An attempt is under way.
    Sending,
    /// The service confirmed it.
    Sent,
    /// The service refused it; kept so the seller can fix and resend it.
    Failed { code: String, detail: Option<String> },
}

/// Unsent entries by state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OutboxCounts {
    pub queued: u32,
    pub sending: u32,
    pub failed: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutboxEntry {
    pub id: i64,
    pub account_id: AccountId,
    pub kind: ActionKind,
    pub object_key: String,
    pub method: String,
    pub path: String,
    pub body: Option<JsonText>,
    pub idempotency_key: String,
    pub state: OutboxState,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    /// Why the last attempt did not go through (network error, 503…).
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    /// What the service answered when it confirmed the action (a shipment
    /// batch's per-row results, with the carrier it recorded for each).
    pub response: Option<JsonText>,
    /// The bulk upload this entry is one batch of (see
    /// [`enqueue_group`](Store::enqueue_group)).
    pub batch_group: Option<String>,
}

/// How far the batches of one bulk upload got.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
pub struct UploadProgress {
    /// Batches in the group.
    pub batches: u32,
    /// Confirmed by the service.
    pub sent: u32,
    /// Refused by the service (see the Outbox screen); the rest are queued
    /// or being sent.
    pub failed: u32,
    /// The service's result for every row of the confirmed batches, in
    /// upload order.
    pub results: Vec<UploadRowResult>,
}

/// What the service recorded for one row of an upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UploadRowResult {
    /// The outbox entry (batch) the row went in.
    #[ts(type = "number")]
    pub entry_id: i64,
    /// The row's position in the whole upload, from 0: the batches' rows
    /// one after the other.
    pub row: u32,
    pub order_id: String,
    pub tracking_number: String,
    pub carrier: String,
    /// Several carriers use this number's format and none was declared:
    /// the service recorded the first; the seller may want to name it.
    pub carrier_ambiguous: bool,
}

const COLUMNS: &str = "id, account_id, kind, object_key, method, path, body, idempotency_key, state, attempts, \
                       next_attempt_at, last_error, problem_code, created_at, sent_at, response, batch_group";

const METHODS: &[&str] = &["POST", "PUT", "PATCH", "DELETE"];

impl Store {
    /// Queues `action` for `account` with a fresh idempotency key.
    pub fn enqueue(
        &mut self,
        account: AccountId,
        action: &Action,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        self.enqueue_request(account, &action.to_request()?, now)
    }

    /// Queues a request built by hand (tests, future action kinds).
    pub fn enqueue_request(
        &mut self,
        account: AccountId,
        action: &NewAction,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        let tx = self.conn.transaction()?;
        let entry = insert(&tx, account, action.clone(), None, now)?;
        tx.commit()?;
        Ok(entry)
    }

    /// Queues several actions for `account` in one transaction, in order:
    /// all of them are queued or none is (a bulk upload split into batches
    /// must not be left half queued by a crash or a full disk).
    pub fn enqueue_all(
        &mut self,
        account: AccountId,
        actions: &[Action],
        now: DateTime<Utc>,
    ) -> Result<Vec<OutboxEntry>, StoreError> {
        self.enqueue_many(account, actions, None, now)
    }

    /// [`enqueue_all`](Store::enqueue_all), with every entry tagged with
    /// `group` (a fresh id the caller makes for one bulk upload), so the
    /// upload's progress and the service's per-row results can be asked for
    /// as one with [`upload_progress`](Store::upload_progress).
    pub fn enqueue_group(
        &mut self,
        account: AccountId,
        actions: &[Action],
        group: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<OutboxEntry>, StoreError> {
        self.enqueue_many(account, actions, Some(group), now)
    }

    fn enqueue_many(
        &mut self,
        account: AccountId,
        actions: &[Action],
        group: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Vec<OutboxEntry>, StoreError> {
        let requests = actions.iter().map(Action::to_request).collect::<Result<Vec<_>, _>>()?;
        // IMMEDIATE: take the write lock (waiting out another process's
        // commit under the busy timeout) before the first insert.
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let entries = requests
            .into_iter()
            .map(|request| insert(&tx, account, request, group, now))
            .collect::<Result<Vec<_>, _>>()?;
        tx.commit()?;
        Ok(entries)
    }

    /// How far the batches queued under `group` got, with the rows the
    /// service confirmed. An unknown group has no batches.
    pub fn upload_progress(&self, group: &str) -> Result<UploadProgress, StoreError> {
        let mut stmt =
            self.conn.prepare(&format!("SELECT {COLUMNS} FROM outbox WHERE batch_group = ?1 ORDER BY id"))?;
        let rows = stmt.query_map([group], raw)?;
        let mut progress = UploadProgress::default();
        let mut row_offset: u32 = 0;
        for row in rows {
            let entry = row?.into_entry()?;
            progress.batches += 1;
            match entry.state {
                OutboxState::Sent => progress.sent += 1,
                OutboxState::Failed { .. } => progress.failed += 1,
                OutboxState::Queued | OutboxState::Sending => {}
            }
            if let Some(response) = &entry.response {
                progress.results.extend(row_results(entry.id, row_offset, response));
            }
            row_offset += batch_rows(entry.body.as_ref());
        }
        Ok(progress)
    }

    /// Queues the seller's reply to a case and deletes its draft in one
    /// transaction: after a crash there is either the draft or the queued
    /// reply, never both (sent twice) and never neither (lost).
    pub fn reply_to_case(
        &mut self,
        account: AccountId,
        case_id: &str,
        body: &str,
        language: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        let request = csba_api::ReplyRequest { body: body.to_owned(), language: language.map(str::to_owned) };
        let action = Action::CaseReply { case_id: case_id.to_owned(), request }.to_request()?;
        let tx = self.conn.transaction()?;
        let entry = insert(&tx, account, action, None, now)?;
        tx.execute("DELETE FROM drafts WHERE account_id = ?1 AND case_id = ?2", params![account.0, case_id])?;
        tx.commit()?;
        Ok(entry)
    }

    /// Every entry, oldest first: the queue screen.
    pub fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut stmt = self.conn.prepare(&format!("SELECT {COLUMNS} FROM outbox ORDER BY id"))?;
        let rows = stmt.query_map([], raw)?;
        rows.map(|row| row?.into_entry()).collect()
    }

    /// Every entry not yet confirmed (queued, sending or refused), oldest
    /// first: what the badges and the orders screen look through. Sent
    /// entries, which pile up over the years, are left out by the index.
    pub fn unsent_outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut stmt = self.conn.prepare(&format!("SELECT {COLUMNS} FROM outbox WHERE state <> 'sent' ORDER BY id"))?;
        let rows = stmt.query_map([], raw)?;
        rows.map(|row| row?.into_entry()).collect()
    }

    /// The newest `limit` entries, newest first: the queue screen, which
    /// must not grow with years of sent actions.
    pub fn recent_outbox(&self, limit: u32) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut stmt = self.conn.prepare(&format!("SELECT {COLUMNS} FROM outbox ORDER BY id DESC LIMIT ?1"))?;
        let rows = stmt.query_map([limit], raw)?;
        rows.map(|row| row?.into_entry()).collect()
    }

    /// The entries of one object (e.g. `case:<id>`), oldest first.
    pub fn outbox_for(&self, account: AccountId, object_key: &str) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM outbox WHERE account_id = ?1 AND object_key = ?2 ORDER BY id"))?;
        let rows = stmt.query_map(params![account.0, object_key], raw)?;
        rows.map(|row| row?.into_entry()).collect()
    }

    /// How many entries are queued, sending and failed, over all accounts.
    pub fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        Ok(self.conn.query_row(
            "SELECT COALESCE(SUM(state = 'queued'), 0), COALESCE(SUM(state = 'sending'), 0),
                    COALESCE(SUM(state = 'failed'), 0)
             FROM outbox WHERE state <> 'sent'",
            [],
            |row| Ok(OutboxCounts { queued: row.get(0)?, sending: row.get(1)?, failed: row.get(2)? }),
        )?)
    }

    /// How many entries of `account` are queued, sending and failed: what
    /// removing the account would drop.
    pub fn outbox_counts_for(&self, account: AccountId) -> Result<OutboxCounts, StoreError> {
        Ok(self.conn.query_row(
            "SELECT COALESCE(SUM(state = 'queued'), 0), COALESCE(SUM(state = 'sending'), 0),
                    COALESCE(SUM(state = 'failed'), 0)
             FROM outbox WHERE account_id = ?1 AND state <> 'sent'",
            [account.0],
            |row| Ok(OutboxCounts { queued: row.get(0)?, sending: row.get(1)?, failed: row.get(2)? }),
        )?)
    }

    /// The entries of `account` the service refused, oldest first: what the
    /// seller has to fix or discard.
    pub fn failed_actions(&self, account: AccountId) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM outbox WHERE account_id = ?1 AND state = 'failed' ORDER BY id"))?;
        let rows = stmt.query_map([account.0], raw)?;
        rows.map(|row| row?.into_entry()).collect()
    }

    /// When the earliest queued entry of `account` may be tried again, if
    /// any is waiting: the sync loop sleeps until then.
    pub fn next_attempt_at(&self, account: AccountId) -> Result<Option<DateTime<Utc>>, StoreError> {
        let ms: Option<i64> = self.conn.query_row(
            "SELECT MIN(CASE WHEN state = 'queued' THEN next_attempt_at ELSE claimed_until END) FROM outbox
             WHERE account_id = ?1 AND state IN ('queued', 'sending')",
            [account.0],
            |row| row.get(0),
        )?;
        Ok(ms.and_then(DateTime::from_timestamp_millis))
    }

    pub fn outbox_entry(&self, id: i64) -> Result<Option<OutboxEntry>, StoreError> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM outbox WHERE id = ?1"), [id], raw)
            .optional()?
            .map(RawEntry::into_entry)
            .transpose()
    }

    /// What may be sent now for `account`: for each object, its oldest
    /// unsent entry, if that one is queued and due, or was claimed by a
    /// process whose claim ran out (it died mid-send). A failed head, or
    /// one another process is sending, blocks its object, so later actions
    /// never overtake an earlier one.
    pub fn next_sendable(&self, account: AccountId, now: DateTime<Utc>) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM outbox
             WHERE id IN (SELECT MIN(id) FROM outbox WHERE account_id = ?1 AND state <> 'sent' GROUP BY object_key)
               AND ((state = 'queued' AND next_attempt_at <= ?2) OR (state = 'sending' AND claimed_until <= ?2))
             ORDER BY id"
        ))?;
        let rows = stmt.query_map(params![account.0, now.timestamp_millis()], raw)?;
        rows.map(|row| row?.into_entry()).collect()
    }

    /// The entries right behind `head` in its object's queue that belong to
    /// the same bulk upload and are queued and due, oldest first, at most
    /// `limit`: what may be sent while `head` is still on its way. The
    /// batches of one upload name distinct orders and tracking numbers (the
    /// upload is only queued when clean), so their order carries nothing;
    /// the run stops at the first entry of another upload, or one that is
    /// waiting, being sent or refused, which keeps its place as before.
    pub fn due_behind_in_group(
        &self,
        head: &OutboxEntry,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<OutboxEntry>, StoreError> {
        let Some(group) = head.batch_group.as_deref() else { return Ok(Vec::new()) };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM outbox
             WHERE account_id = ?1 AND object_key = ?2 AND id > ?3 AND state <> 'sent'
             ORDER BY id LIMIT ?4"
        ))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(params![head.account_id.0, head.object_key, head.id, limit], raw)?;
        let mut run = Vec::new();
        for row in rows {
            let entry = row?.into_entry()?;
            let joins = entry.batch_group.as_deref() == Some(group)
                && entry.state == OutboxState::Queued
                && entry.next_attempt_at <= now;
            if !joins {
                break;
            }
            run.push(entry);
        }
        Ok(run)
    }

    /// Claims an entry for one attempt until `claimed_until`, which must be
    /// later than the attempt can take. `false` when it is not free: another
    /// process holds a live claim, or it was sent or refused meanwhile.
    /// The check and the claim are one statement, so two processes never
    /// both win.
    pub fn mark_sending(&self, id: i64, now: DateTime<Utc>, claimed_until: DateTime<Utc>) -> Result<bool, StoreError> {
        let changed = self.conn.execute(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_until = ?3
             WHERE id = ?1 AND (state = 'queued' OR (state = 'sending' AND claimed_until <= ?2))",
            params![id, now.timestamp_millis(), claimed_until.timestamp_millis()],
        )?;
        Ok(changed == 1)
    }

    pub fn mark_sent(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.mark_sent_with_response(id, None, now)
    }

    /// The service confirmed the action and answered `response` (its JSON
    /// body as text; `None` when it sent none), kept with the entry: a
    /// shipment batch's per-row results say which carrier was recorded for
    /// each row.
    pub fn mark_sent_with_response(
        &self,
        id: i64,
        response: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE outbox SET state = 'sent', sent_at = ?2, claimed_until = NULL, last_error = NULL, problem_code = NULL,
                 response = ?3
             WHERE id = ?1",
            params![id, now.timestamp_millis(), response],
        )?;
        Ok(())
    }

    /// The attempt failed in a way worth retrying; the entry keeps its key.
    pub fn mark_retry(&self, id: i64, next_attempt_at: DateTime<Utc>, reason: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE outbox SET state = 'queued', next_attempt_at = ?2, claimed_until = NULL, last_error = ?3 WHERE id = ?1",
            params![id, next_attempt_at.timestamp_millis(), reason],
        )?;
        Ok(())
    }

    /// The service refused the action: keep it, with the reason, for the
    /// seller to fix. It blocks later actions on the same object.
    pub fn mark_failed(&self, id: i64, problem_code: &str, detail: Option<&str>) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE outbox SET state = 'failed', claimed_until = NULL, problem_code = ?2, last_error = ?3 WHERE id = ?1",
            params![id, problem_code, detail],
        )?;
        Ok(())
    }

    /// Sends a failed entry again, with a new idempotency key: the service
    /// stored its refusal under the old key and would replay it, and a
    /// refused request was not applied, so a new key cannot apply it twice.
    pub fn requeue(&self, id: i64, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let changed = self.conn.execute(
            "UPDATE outbox SET state = 'queued', idempotency_key = ?2, next_attempt_at = ?3, attempts = 0,
                 problem_code = NULL, last_error = NULL
             WHERE id = ?1 AND state = 'failed'",
            params![id, new_key(), now.timestamp_millis()],
        )?;
        Ok(changed == 1)
    }

    /// Fixes the body of a failed entry before [`requeue`](Store::requeue).
    /// Only failed entries: a queued one may already have reached the
    /// service under its key, and changing it would send a different request.
    pub fn update_body(&self, id: i64, body: Option<&JsonText>) -> Result<bool, StoreError> {
        let body = body.map(JsonText::as_str);
        let changed =
            self.conn.execute("UPDATE outbox SET body = ?2 WHERE id = ?1 AND state = 'failed'", params![id, body])?;
        Ok(changed == 1)
    }

    /// Drops a refused action the seller decided not to fix. Only failed
    /// entries: anything else may be on its way to the service.
    pub fn discard(&self, id: i64) -> Result<bool, StoreError> {
        Ok(self.conn.execute("DELETE FROM outbox WHERE id = ?1 AND state = 'failed'", [id])? == 1)
    }
}

fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// How many rows a shipment batch's body holds (0 for any other body).
fn batch_rows(body: Option<&JsonText>) -> u32 {
    /// The rows counted, not read.
    #[derive(serde::Deserialize)]
    struct Rows {
        confirmations: Vec<serde::de::IgnoredAny>,
    }
    body.and_then(|b| b.decode::<Rows>().ok())
        .map_or(0, |rows| u32::try_from(rows.confirmations.len()).unwrap_or(u32::MAX))
}

/// The per-row results of a shipment batch's response, numbered from
/// `row_offset`. A response of another shape has none: the entry was
/// still confirmed.
fn row_results(entry_id: i64, row_offset: u32, response: &JsonText) -> Vec<UploadRowResult> {
    let Ok(result) = response.decode::<csba_api::ShipmentConfirmationResult>() else {
        return Vec::new();
    };
    result
        .results
        .into_iter()
        .map(|r| UploadRowResult {
            entry_id,
            row: row_offset.saturating_add(u32::try_from(r.index).unwrap_or(u32::MAX)),
            order_id: r.order_id,
            tracking_number: r.tracking_number,
            carrier: r.carrier,
            carrier_ambiguous: r.carrier_ambiguous,
        })
        .collect()
}

/// Inserts `action` as a queued entry and returns the entry as stored —
/// built from what was written rather than read back, which for a bulk
/// upload meant parsing every batch's body again.
fn insert(
    tx: &Transaction<'_>,
    account: AccountId,
    action: NewAction,
    group: Option<&str>,
    now: DateTime<Utc>,
) -> Result<OutboxEntry, StoreError> {
    if !METHODS.contains(&action.method.as_str()) {
        return Err(StoreError::corrupt(format!("outbox method {}", action.method)));
    }
    let body = action.body.as_ref().map(JsonText::as_str);
    // Stored in milliseconds; the entry says what a read would.
    let now_ms = now.timestamp_millis();
    let now = DateTime::from_timestamp_millis(now_ms).unwrap_or(now);
    let idempotency_key = new_key();
    tx.execute(
        "INSERT INTO outbox (account_id, kind, object_key, method, path, body, idempotency_key, state,
                             next_attempt_at, created_at, batch_group)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued', ?8, ?8, ?9)",
        params![
            account.0,
            action.kind.as_str(),
            action.object_key,
            action.method,
            action.path,
            body,
            idempotency_key,
            now_ms,
            group
        ],
    )?;
    Ok(OutboxEntry {
        id: tx.last_insert_rowid(),
        account_id: account,
        kind: action.kind,
        object_key: action.object_key,
        method: action.method,
        path: action.path,
        body: action.body,
        idempotency_key,
        state: OutboxState::Queued,
        attempts: 0,
        next_attempt_at: now,
        last_error: None,
        created_at: now,
        sent_at: None,
        response: None,
        batch_group: group.map(str::to_owned),
    })
}

struct RawEntry {
    id: i64,
    account_id: i64,
    kind: String,
    object_key: String,
    method: String,
    path: String,
    body: Option<String>,
    idempotency_key: String,
    state: String,
    attempts: u32,
    next_attempt_at: i64,
    last_error: Option<String>,
    problem_code: Option<String>,
    created_at: i64,
    sent_at: Option<i64>,
    response: Option<String>,
    batch_group: Option<String>,
}

fn raw(row: &Row<'_>) -> rusqlite::Result<RawEntry> {
    Ok(RawEntry {
        id: row.get(0)?,
        account_id: row.get(1)?,
        kind: row.get(2)?,
        object_key: row.get(3)?,
        method: row.get(4)?,
        path: row.get(5)?,
        body: row.get(6)?,
        idempotency_key: row.get(7)?,
        state: row.get(8)?,
        attempts: row.get(9)?,
        next_attempt_at: row.get(10)?,
        last_error: row.get(11)?,
        problem_code: row.get(12)?,
        created_at: row.get(13)?,
        sent_at: row.get(14)?,
        response: row.get(15)?,
        batch_group: row.get(16)?,
    })
}

impl RawEntry {
    fn into_entry(self) -> Result<OutboxEntry, StoreError> {
        let id = self.id;
        let corrupt = |field: &str| StoreError::corrupt(format!("outbox entry {id} field {field}"));
        let time = |ms: i64, field: &str| DateTime::from_timestamp_millis(ms).ok_or_else(|| corrupt(field));
        let state = match self.state.as_str() {
            "queued" => OutboxState::Queued,
            "sending" => OutboxState::Sending,
            "sent" => OutboxState::Sent,
            "failed" => OutboxState::Failed {
                code: self.problem_code.clone().unwrap_or_default(),
                detail: self.last_error.clone(),
            },
            _ => return Err(corrupt("state")),
        };
        let body = self.body.map(|text| JsonText::parse(text).map_err(|_| corrupt("body"))).transpose()?;
        let response = self.response.map(|text| JsonText::parse(text).map_err(|_| corrupt("response"))).transpose()?;
        Ok(OutboxEntry {
            id,
            account_id: AccountId(self.account_id),
            kind: ActionKind::parse(&self.kind).ok_or_else(|| corrupt("kind"))?,
            body,
            response,
            batch_group: self.batch_group,
            state,
            attempts: self.attempts,
            next_attempt_at: time(self.next_attempt_at, "next_attempt_at")?,
            created_at: time(self.created_at, "created_at")?,
            sent_at: self.sent_at.map(|ms| time(ms, "sent_at")).transpose()?,
            object_key: self.object_key,
            method: self.method,
            path: self.path,
            idempotency_key: self.idempotency_key,
            last_error: self.last_error,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::temp_store_with_account;
    use csba_api::{ShipmentConfirmation, ShipmentConfirmationBatch};

    fn batch(order: &str) -> Action {
        let confirmation = ShipmentConfirmation {
            order_id: order.to_owned(),
            tracking_number: "EV876297563CN".to_owned(),
            carrier: None,
            ship_date: chrono::NaiveDate::MIN,
        };
        Action::TrackingUpload { batch: ShipmentConfirmationBatch { confirmations: vec![confirmation] } }
    }

    #[test]
    fn several_actions_are_queued_together_in_order_and_counted_per_account() -> Result<(), StoreError> {
        let (_dir, mut store, account) = temp_store_with_account()?;
        let other = store.add_remote_account(
            "http://127.0.0.1:10",
            &crate::SellerProfile { seller_id: "B2".into(), display_name: "B".into(), marketplaces: vec![] },
            DateTime::UNIX_EPOCH,
        )?;
        store.enqueue(other.id, &batch("503-0000000-0000000"), DateTime::UNIX_EPOCH)?;
        let orders = ["503-0000000-0000001", "503-0000000-0000002", "503-0000000-0000003"];
        let actions: Vec<Action> = orders.iter().map(|o| batch(o)).collect();
        let entries = store.enqueue_all(account, &actions, DateTime::UNIX_EPOCH)?;
        assert_eq!(entries.len(), 3);
        assert!(entries.windows(2).all(|w| w[0].id < w[1].id), "queued in the order given");
        let keys: std::collections::HashSet<&str> = entries.iter().map(|e| e.idempotency_key.as_str()).collect();
        assert_eq!(keys.len(), 3, "each batch has its own key");
        assert!(entries.iter().all(|e| e.object_key == "shipments" && e.account_id == account));

        store.mark_failed(entries[0].id, "shipment_rejected", Some("row 0"))?;
        assert_eq!(store.outbox_counts_for(account)?, OutboxCounts { queued: 2, sending: 0, failed: 1 });
        assert_eq!(store.outbox_counts_for(other.id)?, OutboxCounts { queued: 1, sending: 0, failed: 0 });
        let failed = store.failed_actions(account)?;
        assert_eq!(failed.iter().map(|e| e.id).collect::<Vec<_>>(), vec![entries[0].id]);
        assert!(store.failed_actions(other.id)?.is_empty());
        assert!(store.enqueue_all(account, &[], DateTime::UNIX_EPOCH)?.is_empty());
        Ok(())
    }

    #[test]
    fn only_the_due_batches_of_the_same_upload_may_follow_their_head() -> Result<(), StoreError> {
        let (_dir, mut store, account) = temp_store_with_account()?;
        let t = |ms| DateTime::from_timestamp_millis(ms).ok_or_else(|| StoreError::corrupt("t"));
        let orders = ["503-0000000-0000001", "503-0000000-0000002", "503-0000000-0000003", "503-0000000-0000004"];
        let first: Vec<Action> = orders.iter().map(|o| batch(o)).collect();
        let a = store.enqueue_group(account, &first, "upload-a", t(0)?)?;
        let b = store.enqueue_group(account, &[batch("503-0000000-0000005")], "upload-b", t(0)?)?;
        let ids = |run: Vec<OutboxEntry>| run.into_iter().map(|e| e.id).collect::<Vec<_>>();

        assert_eq!(ids(store.due_behind_in_group(&a[0], t(0)?, 8)?), vec![a[1].id, a[2].id, a[3].id], "not upload-b");
        assert_eq!(ids(store.due_behind_in_group(&a[0], t(0)?, 2)?), vec![a[1].id, a[2].id], "at most the limit");
        // A batch waiting for its retry, or refused, keeps its place and
        // everything behind it waits too.
        store.mark_retry(a[2].id, t(60_000)?, "HTTP 503")?;
        assert_eq!(ids(store.due_behind_in_group(&a[0], t(0)?, 8)?), vec![a[1].id]);
        store.mark_failed(a[1].id, "shipment_rejected", None)?;
        assert!(store.due_behind_in_group(&a[0], t(0)?, 8)?.is_empty());
        // Sent batches are no longer in the way.
        store.mark_sent(a[1].id, t(0)?)?;
        assert_eq!(ids(store.due_behind_in_group(&a[0], t(60_000)?, 8)?), vec![a[2].id, a[3].id]);
        assert!(store.due_behind_in_group(&a[3], t(0)?, 8)?.is_empty(), "the next upload's batch is its own head");
        assert!(store.due_behind_in_group(&b[0], t(0)?, 8)?.is_empty());
        let single = store.enqueue(account, &batch("503-0000000-0000006"), t(0)?)?;
        assert!(store.due_behind_in_group(&single, t(0)?, 8)?.is_empty(), "an action outside an upload");
        Ok(())
    }

    #[test]
    fn the_replica_orders_of_an_account_are_read_back() -> Result<(), StoreError> {
        let (_dir, mut store, account) = temp_store_with_account()?;
        let now = DateTime::from_timestamp_millis(1_700_000_000_000).ok_or_else(|| StoreError::corrupt("t"))?;
        let order = csba_api::Order {
            id: "503-1234567-1234567".into(),
            marketplace: csba_domain::Marketplace::Us,
            placed_at: now,
            item_title: "LED candle".into(),
            sku: "SKU-1".into(),
            quantity: 2,
            status: "cancelled".into(),
            ship_by: None,
            tracking: None,
            return_received_at: None,
            refunded_at: None,
        };
        let page = csba_api::ChangesPage {
            changes: vec![csba_api::Change { seq: 1, at: now, resource: csba_api::Resource::Order(order.clone()) }],
            next_cursor: "1".into(),
            has_more: false,
            server_time: now,
        };
        assert!(store.replica_orders(account)?.is_empty());
        store.apply_changes(account, &page, now)?;
        assert_eq!(store.replica_orders(account)?, vec![order]);
        Ok(())
    }
}
