//! Applying the server's change feed to the replica.

use crate::{AccountId, Store, StoreError};
use chrono::{DateTime, Utc};
use csba_api::{
    Case, CaseMessage, ChangesPage, EnrollmentView, Feedback, MetricWeek, Order, RemovalRequestView, Resource,
    ReturnPolicyVersion, ServiceQuestionView,
};
use csba_domain::CaseStatus;
use rusqlite::{params, OptionalExtension, Transaction};

/// Where the replica stands relative to the service.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncState {
    pub cursor: Option<String>,
    /// server clock − local clock, measured at the last sync.
    pub server_offset_ms: i64,
    pub last_sync_at: Option<DateTime<Utc>>,
}

impl Store {
    pub fn sync_state(&self, account: AccountId) -> Result<SyncState, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT cursor, server_offset_ms, last_sync_at FROM sync_state WHERE account_id = ?1",
                [account.0],
                |row| Ok((row.get::<_, Option<String>>(0)?, row.get::<_, i64>(1)?, row.get::<_, Option<i64>>(2)?)),
            )
            .optional()?;
        Ok(match row {
            None => SyncState::default(),
            Some((cursor, server_offset_ms, last)) => {
                SyncState { cursor, server_offset_ms, last_sync_at: last.and_then(DateTime::from_timestamp_millis) }
            }
        })
    }

    /// Applies one page of the change feed and advances the cursor in the
    /// same transaction: a crash between pages re-fetches at most one page,
    /// and applying a change twice is harmless (upserts).
    pub fn apply_changes(
        &mut self,
        account: AccountId,
        page: &ChangesPage,
        local_now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for change in &page.changes {
            match &change.resource {
                Resource::Order(order) => upsert_order(&tx, account, order)?,
                Resource::Case(case) => upsert_case(&tx, account, case)?,
                Resource::Enrollment(view) => upsert_enrollment(&tx, account, view)?,
                Resource::ReturnPolicy(version) => upsert_return_policy(&tx, account, version)?,
                Resource::Feedback(feedback) => upsert_feedback(&tx, account, feedback)?,
                Resource::RemovalRequest(request) => upsert_removal_request(&tx, account, request)?,
                Resource::ServiceQuestion(question) => upsert_service_question(&tx, account, question)?,
                Resource::MetricWeek(week) => upsert_metric_week(&tx, account, week)?,
            }
        }
        let offset = (page.server_time - local_now).num_milliseconds();
        tx.execute(
            "INSERT INTO sync_state (account_id, cursor, server_offset_ms, last_sync_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (account_id) DO UPDATE SET cursor = excluded.cursor,
                 server_offset_ms = excluded.server_offset_ms, last_sync_at = excluded.last_sync_at",
            params![account.0, page.next_cursor, offset, local_now.timestamp_millis()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets what was replicated for `account` and its feed position, so
    /// the next pull rebuilds it from the start: the answer to a "resync"
    /// (`410 cursor_expired`). Drafts and queued actions are the seller's
    /// own work and are kept.
    pub fn reset_replica(&mut self, account: AccountId) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for table in REPLICATED_TABLES {
            tx.execute(&format!("DELETE FROM {table} WHERE account_id = ?1"), [account.0])?;
        }
        tx.execute("UPDATE sync_state SET cursor = NULL WHERE account_id = ?1", [account.0])?;
        tx.commit()?;
        Ok(())
    }
}

/// Every table that holds what the feed brought (not drafts, not the
/// outbox): what a resync empties.
const REPLICATED_TABLES: [&str; 8] = [
    "cases",
    "orders",
    "enrollments",
    "return_policies",
    "feedback",
    "removal_requests",
    "service_questions",
    "metric_weeks",
];

fn upsert_order(tx: &Transaction<'_>, account: AccountId, order: &Order) -> Result<(), StoreError> {
    // The feed carries the whole order: a tracking or ship-by date it no
    // longer has is cleared here too.
    let tracking = order.tracking.as_ref();
    tx.execute(
        "INSERT INTO orders (account_id, id, marketplace, placed_at, item_title, sku, quantity, status, ship_by,
                             tracking_number, carrier, ship_date, confirmed_at, return_received_at, refunded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (account_id, id) DO UPDATE SET marketplace = excluded.marketplace, placed_at = excluded.placed_at,
             item_title = excluded.item_title, sku = excluded.sku, quantity = excluded.quantity,
             status = excluded.status, ship_by = excluded.ship_by, tracking_number = excluded.tracking_number,
             carrier = excluded.carrier, ship_date = excluded.ship_date, confirmed_at = excluded.confirmed_at,
             return_received_at = excluded.return_received_at, refunded_at = excluded.refunded_at",
        params![
            account.0,
            order.id,
            order.marketplace.code(),
            order.placed_at.timestamp_millis(),
            order.item_title,
            order.sku,
            order.quantity,
            order.status,
            order.ship_by.map(|t| t.timestamp_millis()),
            tracking.map(|t| &t.tracking_number),
            tracking.map(|t| &t.carrier),
            tracking.map(|t| t.ship_date.to_string()),
            tracking.map(|t| t.confirmed_at.timestamp_millis()),
            order.return_received_at.map(|t| t.timestamp_millis()),
            order.refunded_at.map(|t| t.timestamp_millis()),
        ],
    )?;
    Ok(())
}

fn upsert_enrollment(tx: &Transaction<'_>, account: AccountId, view: &EnrollmentView) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO enrollments (account_id, marketplace, state, view) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (account_id, marketplace) DO UPDATE SET state = excluded.state, view = excluded.view",
        params![account.0, view.marketplace.code(), view.state, to_json(view)?],
    )?;
    Ok(())
}

fn upsert_return_policy(
    tx: &Transaction<'_>,
    account: AccountId,
    version: &ReturnPolicyVersion,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO return_policies (account_id, marketplace, version, submitted_at, policy) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (account_id, marketplace, version) DO UPDATE SET submitted_at = excluded.submitted_at,
             policy = excluded.policy",
        params![
            account.0,
            version.marketplace.code(),
            version.version,
            version.submitted_at.timestamp_millis(),
            to_json(&version.policy)?
        ],
    )?;
    Ok(())
}

fn upsert_feedback(tx: &Transaction<'_>, account: AccountId, feedback: &Feedback) -> Result<(), StoreError> {
    let removal = &feedback.removal;
    tx.execute(
        "INSERT INTO feedback (account_id, id, order_id, marketplace, left_at, rating, comment, fulfillment,
                               handled_by_csba, sentiment, removal_in_time, removal_deadline, removal_grounds, removal)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (account_id, id) DO UPDATE SET order_id = excluded.order_id, marketplace = excluded.marketplace,
             left_at = excluded.left_at, rating = excluded.rating, comment = excluded.comment,
             fulfillment = excluded.fulfillment, handled_by_csba = excluded.handled_by_csba,
             sentiment = excluded.sentiment, removal_in_time = excluded.removal_in_time,
             removal_deadline = excluded.removal_deadline, removal_grounds = excluded.removal_grounds,
             removal = excluded.removal",
        params![
            account.0,
            feedback.id,
            feedback.order_id,
            feedback.marketplace.code(),
            feedback.left_at.timestamp_millis(),
            feedback.rating,
            feedback.comment,
            feedback.fulfillment,
            feedback.handled_by_csba,
            removal.sentiment,
            removal.in_time,
            removal.deadline.timestamp_millis(),
            removal.possible_grounds.len(),
            to_json(removal)?
        ],
    )?;
    // The service sends the request on its own and again inside the
    // feedback; either is enough to know it is on file.
    if let Some(request) = &feedback.removal_request {
        upsert_removal_request(tx, account, request)?;
    }
    Ok(())
}

fn upsert_removal_request(
    tx: &Transaction<'_>,
    account: AccountId,
    request: &RemovalRequestView,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO removal_requests (account_id, id, feedback_id, ground, recipient, subject, explanation, status,
                                       requested_at, decided_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (account_id, id) DO UPDATE SET feedback_id = excluded.feedback_id, ground = excluded.ground,
             recipient = excluded.recipient, subject = excluded.subject, explanation = excluded.explanation,
             status = excluded.status, requested_at = excluded.requested_at, decided_at = excluded.decided_at",
        params![
            account.0,
            request.id,
            request.feedback_id,
            request.ground,
            request.recipient,
            request.subject,
            request.explanation,
            request.status,
            request.requested_at.timestamp_millis(),
            request.decided_at.map(|t| t.timestamp_millis()),
        ],
    )?;
    Ok(())
}

fn upsert_service_question(
    tx: &Transaction<'_>,
    account: AccountId,
    question: &ServiceQuestionView,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO service_questions (account_id, id, order_id, subject, question, asked_at, answer_by, status,
                                        answer, answered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (account_id, id) DO UPDATE SET order_id = excluded.order_id, subject = excluded.subject,
             question = excluded.question, asked_at = excluded.asked_at, answer_by = excluded.answer_by,
             status = excluded.status, answer = excluded.answer, answered_at = excluded.answered_at",
        params![
            account.0,
            question.id,
            question.order_id,
            question.subject,
            question.question,
            question.asked_at.timestamp_millis(),
            question.answer_by.timestamp_millis(),
            question.status,
            question.answer,
            question.answered_at.map(|t| t.timestamp_millis()),
        ],
    )?;
    Ok(())
}

fn upsert_metric_week(tx: &Transaction<'_>, account: AccountId, week: &MetricWeek) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO metric_weeks (account_id, marketplace, week_start, orders, a_to_z_claims, defects, feedback,
                                   negative_feedback, shipped, valid_tracking, units, contacts, responses,
                                   response_seconds, complete)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (account_id, marketplace, week_start) DO UPDATE SET orders = excluded.orders,
             a_to_z_claims = excluded.a_to_z_claims, defects = excluded.defects, feedback = excluded.feedback,
             negative_feedback = excluded.negative_feedback, shipped = excluded.shipped,
             valid_tracking = excluded.valid_tracking, units = excluded.units, contacts = excluded.contacts,
             responses = excluded.responses, response_seconds = excluded.response_seconds,
             complete = excluded.complete",
        params![
            account.0,
            week.marketplace.code(),
            week.week_start.to_string(),
            week.orders,
            week.a_to_z_claims,
            week.defects,
            week.feedback,
            week.negative_feedback,
            week.shipped,
            week.valid_tracking,
            week.units,
            week.contacts,
            week.responses,
            // SQLite integers are signed; no real sum of reply times comes
            // near i64::MAX, but a hostile value is clamped, not wrapped.
            i64::try_from(week.response_seconds).unwrap_or(i64::MAX),
            week.complete,
        ],
    )?;
    Ok(())
}

fn to_json(value: &impl serde::Serialize) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::corrupt(e.to_string()))
}

fn upsert_case(tx: &Transaction<'_>, account: AccountId, case: &Case) -> Result<(), StoreError> {
    let messages = serde_json::to_string(&case.messages).map_err(|e| StoreError::corrupt(e.to_string()))?;
    match news_under_draft(tx, account, case)? {
        DraftNews::NoDraft | DraftNews::Nothing => {}
        DraftNews::Changed => {
            tx.execute(
                "UPDATE drafts SET case_changed = 1 WHERE account_id = ?1 AND case_id = ?2",
                params![account.0, case.id],
            )?;
        }
        // Reading the feed again from the start (after an upgrade) brings
        // every earlier version of the case. Storing one would make the
        // next, newer one look like news and flag a draft the seller has
        // nothing new to read under; the stored case is newer, keep it.
        DraftNews::Older => return Ok(()),
    }
    tx.execute(
        "INSERT INTO cases (account_id, id, order_id, marketplace, kind, status, language, subject, messages,
                            opened_at, respond_by)
         VALUES (?11, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (account_id, id) DO UPDATE SET order_id = excluded.order_id, marketplace = excluded.marketplace,
             kind = excluded.kind, status = excluded.status, language = excluded.language,
             subject = excluded.subject, messages = excluded.messages, opened_at = excluded.opened_at,
             respond_by = excluded.respond_by",
        params![
            case.id,
            case.order_id,
            case.marketplace.code(),
            case.kind.as_str(),
            case.status.as_str(),
            case.language,
            case.subject,
            messages,
            case.opened_at.timestamp_millis(),
            case.respond_by.timestamp_millis(),
            account.0
        ],
    )?;
    Ok(())
}

/// What the incoming version of a case means for its draft.
enum DraftNews {
    NoDraft,
    /// Nothing the seller has not seen (their own reply coming back, the
    /// same version again).
    Nothing,
    /// A message from someone else, or CSBA's resolution.
    Changed,
    /// An earlier version than the stored one: a thread only grows, and a
    /// case CSBA resolved stays resolved until someone writes again.
    Older,
}

/// Whether the incoming version of a case that has a draft brings something
/// the seller has not seen: a message from someone else, or CSBA's
/// resolution. The seller's own replies coming back from the service are
/// not news to them.
fn news_under_draft(tx: &Transaction<'_>, account: AccountId, case: &Case) -> Result<DraftNews, StoreError> {
    let old = tx
        .query_row(
            "SELECT c.messages, c.status FROM drafts d
             JOIN cases c ON c.account_id = d.account_id AND c.id = d.case_id
             WHERE d.account_id = ?1 AND d.case_id = ?2",
            params![account.0, case.id],
            |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
        )
        .optional()?;
    let Some((old_messages, old_status)) = old else { return Ok(DraftNews::NoDraft) };
    let old_messages: Vec<CaseMessage> = serde_json::from_str(&old_messages)
        .map_err(|_| StoreError::corrupt(format!("case {} field messages", case.id)))?;
    let resolved = CaseStatus::ResolvedByCsba.as_str();
    let older = case.messages.len() < old_messages.len()
        || (case.messages.len() == old_messages.len() && old_status == resolved && case.status.as_str() != resolved);
    if older {
        return Ok(DraftNews::Older);
    }
    let from_others = |messages: &[CaseMessage]| messages.iter().filter(|m| m.author != "seller").count();
    let resolved_now = case.status == CaseStatus::ResolvedByCsba && old_status != resolved;
    Ok(if resolved_now || from_others(&case.messages) > from_others(&old_messages) {
        DraftNews::Changed
    } else {
        DraftNews::Nothing
    })
}
