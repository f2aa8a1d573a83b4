//! The feedback read model: buyer feedback with what can be done about it,
//! and the removal requests on file.

use crate::codec;
use crate::{AccountId, ReplicaFilter, Store, StoreError};
use chrono::{DateTime, Utc};
use csba_api::RemovalEligibility;
use csba_domain::Marketplace;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};
use serde::Serialize;
use ts_rs::TS;

/// One buyer feedback.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FeedbackRecord {
    pub account_id: AccountId,
    pub id: String,
    pub order_id: String,
    pub marketplace: Marketplace,
    pub left_at: DateTime<Utc>,
    /// 1 to 5 stars.
    pub rating: u8,
    pub comment: String,
    /// `seller` (MFN) or `amazon` (FBA).
    pub fulfillment: String,
    pub handled_by_csba: bool,
    /// `negative`, `neutral` or `positive`.
    pub sentiment: String,
    /// Whether the service said, when it sent this row, that a removal
    /// request could still be made. It goes stale: see
    /// [`removal_possible`](FeedbackRecord::removal_possible).
    pub removal_in_time: bool,
    /// The last instant a removal request can be made.
    pub removal_deadline: DateTime<Utc>,
    /// Grounds the comment may qualify for, with the words that suggest them.
    pub possible_grounds: Vec<PossibleGround>,
    /// The latest removal request on file for it.
    pub removal_request: Option<RemovalRequestRecord>,
    /// The seller has asked for its removal from here: the request is in
    /// the outbox (queued, sending, refused, or sent and not yet back in
    /// the feed).
    pub removal_asked: bool,
}

impl FeedbackRecord {
    /// Whether a removal request can still be made at `now` (the server's
    /// clock) and is worth making: in time, with possible grounds, and not
    /// asked for yet.
    pub fn removal_possible(&self, now: DateTime<Utc>) -> bool {
        self.removal_in_time
            && now <= self.removal_deadline
            && !self.possible_grounds.is_empty()
            && self.removal_request.is_none()
            && !self.removal_asked
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PossibleGround {
    /// `caused_by_csba`, `obscene_language`, `sellers_personal_information`,
    /// `entirely_product_review`, `amazon_fulfilled_delivery_complaint`.
    pub ground: String,
    pub evidence: Vec<String>,
}

/// A removal request on file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RemovalRequestRecord {
    pub account_id: AccountId,
    pub id: String,
    pub feedback_id: String,
    /// The feedback's marketplace, when the feedback is in the replica.
    pub marketplace: Option<Marketplace>,
    pub ground: String,
    /// `csba_team` or `feedback_manager`.
    pub recipient: String,
    pub subject: Option<String>,
    pub explanation: String,
    /// `submitted`, `removed` or `declined`.
    pub status: String,
    pub requested_at: DateTime<Utc>,
    /// When it was removed or declined.
    pub decided_at: Option<DateTime<Utc>>,
}

/// The seller asked from this replica: any outbox entry for the feedback,
/// whatever its state (a sent one is on file at the service even before
/// the feed brings it back; a refused one waits on the Outbox screen).
const ASKED: &str = "EXISTS (SELECT 1 FROM outbox q WHERE q.account_id = f.account_id
                              AND q.object_key = 'feedback:' || f.id AND q.kind = 'removal_request')";

/// A request on file for the feedback.
const ON_FILE: &str = "EXISTS (SELECT 1 FROM removal_requests r
                                WHERE r.account_id = f.account_id AND r.feedback_id = f.id)";

const REQUEST_COLUMNS: &str =
    "r.account_id, r.id, r.feedback_id, f.marketplace, r.ground, r.recipient, r.subject, r.explanation, r.status, \
     r.requested_at, r.decided_at";

impl Store {
    /// Every feedback, newest first, with its latest removal request.
    pub fn feedback(&self, filter: ReplicaFilter) -> Result<Vec<FeedbackRecord>, StoreError> {
        let (conditions, values) = filter.conditions("f.account_id", "f.marketplace");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT f.account_id, f.id, f.order_id, f.marketplace, f.left_at, f.rating, f.comment, f.fulfillment,
                    f.handled_by_csba, f.sentiment, f.removal_in_time, f.removal_deadline, f.removal, {ASKED},
                    {REQUEST_COLUMNS}
             FROM feedback f
             LEFT JOIN removal_requests r ON r.account_id = f.account_id AND r.id =
                 (SELECT l.id FROM removal_requests l WHERE l.account_id = f.account_id AND l.feedback_id = f.id
                  ORDER BY l.requested_at DESC, l.id DESC LIMIT 1)
             WHERE 1 = 1{conditions}
             ORDER BY f.left_at DESC, f.account_id, f.id"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), |row| {
            let request = match row.get::<_, Option<i64>>(14)? {
                Some(_) => Some(raw_request(row, 14)?),
                None => None,
            };
            Ok((
                RawFeedback {
                    account_id: row.get(0)?,
                    id: row.get(1)?,
                    order_id: row.get(2)?,
                    marketplace: row.get(3)?,
                    left_at: row.get(4)?,
                    rating: row.get(5)?,
                    comment: row.get(6)?,
                    fulfillment: row.get(7)?,
                    handled_by_csba: row.get(8)?,
                    sentiment: row.get(9)?,
                    removal_in_time: row.get(10)?,
                    removal_deadline: row.get(11)?,
                    removal: row.get(12)?,
                    removal_asked: row.get(13)?,
                },
                request,
            ))
        })?;
        rows.map(|row| {
            let (feedback, request) = row?;
            feedback.into_record(request.map(RawRequest::into_record).transpose()?)
        })
        .collect()
    }

    /// Every removal request on file, newest first. With a marketplace
    /// filter, only requests whose feedback is in the replica.
    pub fn removal_requests(&self, filter: ReplicaFilter) -> Result<Vec<RemovalRequestRecord>, StoreError> {
        let (conditions, values) = filter.conditions("r.account_id", "f.marketplace");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {REQUEST_COLUMNS} FROM removal_requests r
             LEFT JOIN feedback f ON f.account_id = r.account_id AND f.id = r.feedback_id
             WHERE 1 = 1{conditions}
             ORDER BY r.requested_at DESC, r.account_id, r.id"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), |row| raw_request(row, 0))?;
        rows.map(|row| row?.into_record()).collect()
    }

    /// How many feedback entries could still be removed at `now` (the
    /// server's clock): in time, with possible grounds, no request on file
    /// and none asked for from here. What the feedback badge counts.
    pub fn removable_feedback_count(&self, filter: ReplicaFilter, now: DateTime<Utc>) -> Result<u32, StoreError> {
        let (conditions, filter_values) = filter.conditions("f.account_id", "f.marketplace");
        let mut values = vec![Value::Integer(now.timestamp_millis())];
        values.extend(filter_values);
        Ok(self.conn.query_row(
            &format!(
                "SELECT COUNT(*) FROM feedback f
                 WHERE f.removal_in_time = 1 AND f.removal_grounds > 0 AND f.removal_deadline >= ?
                   AND NOT {ON_FILE} AND NOT {ASKED}{conditions}"
            ),
            params_from_iter(values),
            |row| row.get(0),
        )?)
    }
}

struct RawFeedback {
    account_id: i64,
    id: String,
    order_id: String,
    marketplace: String,
    left_at: i64,
    rating: u8,
    comment: String,
    fulfillment: String,
    handled_by_csba: bool,
    sentiment: String,
    removal_in_time: bool,
    removal_deadline: i64,
    removal: String,
    removal_asked: bool,
}

impl RawFeedback {
    fn into_record(self, removal_request: Option<RemovalRequestRecord>) -> Result<FeedbackRecord, StoreError> {
        let id = self.id;
        let what = |field: &str| format!("feedback {id} field {field}");
        let removal: RemovalEligibility = codec::json(&self.removal, || what("removal"))?;
        Ok(FeedbackRecord {
            account_id: AccountId(self.account_id),
            marketplace: codec::marketplace(&self.marketplace, || what("marketplace"))?,
            left_at: codec::time(self.left_at, || what("left_at"))?,
            removal_deadline: codec::time(self.removal_deadline, || what("removal_deadline"))?,
            possible_grounds: removal
                .possible_grounds
                .into_iter()
                .map(|g| PossibleGround { ground: g.ground, evidence: g.evidence })
                .collect(),
            order_id: self.order_id,
            rating: self.rating,
            comment: self.comment,
            fulfillment: self.fulfillment,
            handled_by_csba: self.handled_by_csba,
            sentiment: self.sentiment,
            removal_in_time: self.removal_in_time,
            removal_request,
            removal_asked: self.removal_asked,
            id,
        })
    }
}

struct RawRequest {
    account_id: i64,
    id: String,
    feedback_id: String,
    marketplace: Option<String>,
    ground: String,
    recipient: String,
    subject: Option<String>,
    explanation: String,
    status: String,
    requested_at: i64,
    decided_at: Option<i64>,
}

/// The [`REQUEST_COLUMNS`] starting at column `at`.
fn raw_request(row: &Row<'_>, at: usize) -> rusqlite::Result<RawRequest> {
    Ok(RawRequest {
        account_id: row.get(at)?,
        id: row.get(at + 1)?,
        feedback_id: row.get(at + 2)?,
        marketplace: row.get(at + 3)?,
        ground: row.get(at + 4)?,
        recipient: row.get(at + 5)?,
        subject: row.get(at + 6)?,
        explanation: row.get(at + 7)?,
        status: row.get(at + 8)?,
        requested_at: row.get(at + 9)?,
        decided_at: row.get(at + 10)?,
    })
}

impl RawRequest {
    fn into_record(self) -> Result<RemovalRequestRecord, StoreError> {
        let id = self.id;
        let what = |field: &str| format!("removal request {id} field {field}");
        Ok(RemovalRequestRecord {
            account_id: AccountId(self.account_id),
            marketplace: self.marketplace.map(|m| codec::marketplace(&m, || what("marketplace"))).transpose()?,
            requested_at: codec::time(self.requested_at, || what("requested_at"))?,
            decided_at: self.decided_at.map(|ms| codec::time(ms, || what("decided_at"))).transpose()?,
            feedback_id: self.feedback_id,
            ground: self.ground,
            recipient: self.recipient,
            subject: self.subject,
            explanation: self.explanation,
            status: self.status,
            id,
        })
    }
}
