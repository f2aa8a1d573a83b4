//! The outbox: every seller action, written with its idempotency key in the
//! same transaction as the change that caused it, and kept until the
//! service confirmed it (or refused it, for the seller to fix).

use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::Serialize;

/// An action to queue.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAction {
    /// What the seller did (`case_reply`, `enroll`, `tracking_upload`…),
    /// for the queue screen.
    pub kind: String,
    /// What the action is about; actions on one object are sent in order.
    pub object_key: String,
    /// `POST`, `PUT`, `PATCH` or `DELETE`.
    pub method: String,
    /// The API path, e.g. `/v1/cases/c-1/replies`.
    pub path: String,
    pub body: Option<serde_json::Value>,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutboxEntry {
    pub id: i64,
    pub kind: String,
    pub object_key: String,
    pub method: String,
    pub path: String,
    pub body: Option<serde_json::Value>,
    pub idempotency_key: String,
    pub state: OutboxState,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    /// Why the last attempt did not go through (network error, 503…).
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, kind, object_key, method, path, body, idempotency_key, state, attempts, \
                       next_attempt_at, last_error, problem_code, created_at, sent_at";

const METHODS: &[&str] = &["POST", "PUT", "PATCH", "DELETE"];

impl Store {
    /// Queues `action` with a fresh idempotency key.
    pub fn enqueue(&mut self, action: &NewAction, now: DateTime<Utc>) -> Result<OutboxEntry, StoreError> {
        let tx = self.conn.transaction()?;
        let id = insert(&tx, action, now)?;
        let entry = entry_by_id(&tx, id)?;
        tx.commit()?;
        Ok(entry)
    }

    /// Queues the seller's reply to a case and deletes its draft in one
    /// transaction: after a crash there is either the draft or the queued
    /// reply, never both (sent twice) and never neither (lost).
    pub fn reply_to_case(
        &mut self,
        case_id: &str,
        body: &str,
        language: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<OutboxEntry, StoreError> {
        let request = csba_api::ReplyRequest { body: body.to_owned(), language: language.map(str::to_owned) };
        let action = NewAction {
            kind: "case_reply".to_owned(),
            object_key: format!("case:{case_id}"),
            method: "POST".to_owned(),
            path: format!("/v1/cases/{}/replies", csba_api::path_segment(case_id)),
            body: Some(serde_json::to_value(&request).map_err(|e| StoreError::corrupt(e.to_string()))?),
        };
        let tx = self.conn.transaction()?;
        let id = insert(&tx, &action, now)?;
        tx.execute("DELETE FROM drafts WHERE case_id = ?1", [case_id])?;
        let entry = entry_by_id(&tx, id)?;
        tx.commit()?;
        Ok(entry)
    }

    /// Every entry, oldest first: the queue screen.
    pub fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut stmt = self.conn.prepare(&format!("SELECT {COLUMNS} FROM outbox ORDER BY id"))?;
        let rows = stmt.query_map([], raw)?;
        rows.map(|row| row?.into_entry()).collect()
    }

    pub fn outbox_entry(&self, id: i64) -> Result<Option<OutboxEntry>, StoreError> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM outbox WHERE id = ?1"), [id], raw)
            .optional()?
            .map(RawEntry::into_entry)
            .transpose()
    }

    /// What may be sent now: for each object, its oldest unsent entry, if
    /// that one is queued and due. A failed or sending head blocks its
    /// object, so later actions never overtake an earlier one.
    pub fn next_sendable(&self, now: DateTime<Utc>) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM outbox
             WHERE id IN (SELECT MIN(id) FROM outbox WHERE state <> 'sent' GROUP BY object_key)
               AND state = 'queued' AND next_attempt_at <= ?1
             ORDER BY id"
        ))?;
        let rows = stmt.query_map([now.timestamp_millis()], raw)?;
        rows.map(|row| row?.into_entry()).collect()
    }

    /// Claims a queued entry for an attempt. `false` when it is no longer
    /// queued (another process took it, or the seller changed it).
    pub fn mark_sending(&self, id: i64) -> Result<bool, StoreError> {
        let changed = self.conn.execute(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?1 AND state = 'queued'",
            [id],
        )?;
        Ok(changed == 1)
    }

    pub fn mark_sent(&self, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = NULL, problem_code = NULL WHERE id = ?1",
            params![id, now.timestamp_millis()],
        )?;
        Ok(())
    }

    /// The attempt failed in a way worth retrying; the entry keeps its key.
    pub fn mark_retry(&self, id: i64, next_attempt_at: DateTime<Utc>, reason: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE outbox SET state = 'queued', next_attempt_at = ?2, last_error = ?3 WHERE id = ?1",
            params![id, next_attempt_at.timestamp_millis(), reason],
        )?;
        Ok(())
    }

    /// The service refused the action: keep it, with the reason, for the
    /// seller to fix. It blocks later actions on the same object.
    pub fn mark_failed(&self, id: i64, problem_code: &str, detail: Option<&str>) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE outbox SET state = 'failed', problem_code = ?2, last_error = ?3 WHERE id = ?1",
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
    pub fn update_body(&self, id: i64, body: Option<&serde_json::Value>) -> Result<bool, StoreError> {
        let body = body.map(serde_json::Value::to_string);
        let changed =
            self.conn.execute("UPDATE outbox SET body = ?2 WHERE id = ?1 AND state = 'failed'", params![id, body])?;
        Ok(changed == 1)
    }

    /// Puts entries left `sending` by an interrupted attempt back in the
    /// queue. Returns how many.
    pub fn requeue_interrupted(&self) -> Result<usize, StoreError> {
        Ok(self.conn.execute("UPDATE outbox SET state = 'queued' WHERE state = 'sending'", [])?)
    }
}

fn new_key() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn insert(tx: &Transaction<'_>, action: &NewAction, now: DateTime<Utc>) -> Result<i64, StoreError> {
    if !METHODS.contains(&action.method.as_str()) {
        return Err(StoreError::corrupt(format!("outbox method {}", action.method)));
    }
    let body = action.body.as_ref().map(serde_json::Value::to_string);
    let now = now.timestamp_millis();
    tx.execute(
        "INSERT INTO outbox (kind, object_key, method, path, body, idempotency_key, state, next_attempt_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'queued', ?7, ?7)",
        params![action.kind, action.object_key, action.method, action.path, body, new_key(), now],
    )?;
    Ok(tx.last_insert_rowid())
}

fn entry_by_id(tx: &Transaction<'_>, id: i64) -> Result<OutboxEntry, StoreError> {
    tx.query_row(&format!("SELECT {COLUMNS} FROM outbox WHERE id = ?1"), [id], raw)?.into_entry()
}

struct RawEntry {
    id: i64,
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
}

fn raw(row: &Row<'_>) -> rusqlite::Result<RawEntry> {
    Ok(RawEntry {
        id: row.get(0)?,
        kind: row.get(1)?,
        object_key: row.get(2)?,
        method: row.get(3)?,
        path: row.get(4)?,
        body: row.get(5)?,
        idempotency_key: row.get(6)?,
        state: row.get(7)?,
        attempts: row.get(8)?,
        next_attempt_at: row.get(9)?,
        last_error: row.get(10)?,
        problem_code: row.get(11)?,
        created_at: row.get(12)?,
        sent_at: row.get(13)?,
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
        let body = match &self.body {
            Some(text) => Some(serde_json::from_str(text).map_err(|_| corrupt("body"))?),
            None => None,
        };
        Ok(OutboxEntry {
            id,
            body,
            state,
            attempts: self.attempts,
            next_attempt_at: time(self.next_attempt_at, "next_attempt_at")?,
            created_at: time(self.created_at, "created_at")?,
            sent_at: self.sent_at.map(|ms| time(ms, "sent_at")).transpose()?,
            kind: self.kind,
            object_key: self.object_key,
            method: self.method,
            path: self.path,
            idempotency_key: self.idempotency_key,
            last_error: self.last_error,
        })
    }
}
