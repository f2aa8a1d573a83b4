//! The service-questions read model: what the seller asked the CSBA team
//! about its handling of an order, and whether it has answered.

use crate::codec;
use crate::{AccountId, ReplicaFilter, Store, StoreError};
use chrono::{DateTime, Utc};
use csba_domain::Marketplace;
use rusqlite::params_from_iter;
use serde::Serialize;
use ts_rs::TS;

/// One question to the CSBA team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ServiceQuestionRecord {
    pub account_id: AccountId,
    pub id: String,
    pub order_id: String,
    /// The order's marketplace and item, when the order is in the replica
    /// (the question itself does not say).
    pub marketplace: Option<Marketplace>,
    pub item_title: Option<String>,
    pub subject: String,
    pub question: String,
    pub asked_at: DateTime<Utc>,
    /// When the CSBA team's answer is due.
    pub answer_by: DateTime<Utc>,
    /// `awaiting_answer` or `answered`.
    pub status: String,
    /// The CSBA team's answer, exactly as it wrote it (plain text: never to
    /// be rendered as markup).
    pub answer: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
}

const AWAITING: &str = "q.status = 'awaiting_answer'";

impl Store {
    /// Every question: those awaiting an answer first, the one due soonest
    /// first, then the answered ones, newest first. A marketplace filter
    /// goes through the question's order, so it leaves out questions about
    /// orders the replica does not have.
    pub fn service_questions(&self, filter: ReplicaFilter) -> Result<Vec<ServiceQuestionRecord>, StoreError> {
        let (conditions, values) = filter.conditions("q.account_id", "o.marketplace");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT q.account_id, q.id, q.order_id, o.marketplace, o.item_title, q.subject, q.question, q.asked_at,
                    q.answer_by, q.status, q.answer, q.answered_at
             FROM service_questions q LEFT JOIN orders o ON o.account_id = q.account_id AND o.id = q.order_id
             WHERE 1 = 1{conditions}
             ORDER BY {AWAITING} DESC, CASE WHEN {AWAITING} THEN q.answer_by ELSE -q.asked_at END, q.account_id, q.id"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, Option<String>>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, String>(6)?,
                row.get::<_, i64>(7)?,
                row.get::<_, i64>(8)?,
                row.get::<_, String>(9)?,
                row.get::<_, Option<String>>(10)?,
                row.get::<_, Option<i64>>(11)?,
            ))
        })?;
        rows.map(|row| {
            let (
                account_id,
                id,
                order_id,
                marketplace,
                item_title,
                subject,
                question,
                asked_at,
                answer_by,
                status,
                answer,
                answered_at,
            ) = row?;
            let what = |field: &str| format!("service question {id} field {field}");
            Ok(ServiceQuestionRecord {
                account_id: AccountId(account_id),
                marketplace: marketplace.map(|m| codec::marketplace(&m, || what("marketplace"))).transpose()?,
                asked_at: codec::time(asked_at, || what("asked_at"))?,
                answer_by: codec::time(answer_by, || what("answer_by"))?,
                answered_at: answered_at.map(|ms| codec::time(ms, || what("answered_at"))).transpose()?,
                answer,
                order_id,
                item_title,
                subject,
                question,
                status,
                id,
            })
        })
        .collect()
    }

    /// How many questions wait for the CSBA team's answer.
    pub fn questions_awaiting_answer_count(&self, filter: ReplicaFilter) -> Result<u32, StoreError> {
        let (conditions, values) = filter.conditions("q.account_id", "o.marketplace");
        Ok(self.conn.query_row(
            &format!(
                "SELECT COUNT(*) FROM service_questions q
                 LEFT JOIN orders o ON o.account_id = q.account_id AND o.id = q.order_id
                 WHERE {AWAITING}{conditions}"
            ),
            params_from_iter(values),
            |row| row.get(0),
        )?)
    }
}
