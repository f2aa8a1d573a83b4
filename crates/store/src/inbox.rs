//! The inbox read model: what the case list shows.

use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use csba_api::CaseMessage;
use csba_domain::{CaseKind, CaseStatus, Marketplace};
use serde::Serialize;
use ts_rs::TS;

/// One row of the inbox.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CaseView {
    pub id: String,
    pub order_id: String,
    pub marketplace: Marketplace,
    pub kind: CaseKind,
    pub status: CaseStatus,
    pub language: String,
    pub subject: String,
    /// CSBA's latest message: the question the seller has to answer.
    pub question: String,
    /// The ordered item, when the order is in the replica.
    pub item_title: Option<String>,
    pub opened_at: DateTime<Utc>,
    pub respond_by: DateTime<Utc>,
}

impl Store {
    /// Every case, most urgent first: open cases by deadline (overdue ones
    /// come first naturally), then the settled ones, newest first.
    pub fn inbox(&self) -> Result<Vec<CaseView>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.order_id, c.marketplace, c.kind, c.status, c.language, c.subject, c.messages,
                    c.opened_at, c.respond_by, o.item_title
             FROM cases c LEFT JOIN orders o ON o.id = c.order_id
             ORDER BY (c.status = 'open') DESC,
                      CASE WHEN c.status = 'open' THEN c.respond_by ELSE -c.respond_by END",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(RawCase {
                id: row.get(0)?,
                order_id: row.get(1)?,
                marketplace: row.get(2)?,
                kind: row.get(3)?,
                status: row.get(4)?,
                language: row.get(5)?,
                subject: row.get(6)?,
                messages: row.get(7)?,
                opened_at: row.get(8)?,
                respond_by: row.get(9)?,
                item_title: row.get(10)?,
            })
        })?;
        rows.map(|row| row?.into_view()).collect()
    }
}

struct RawCase {
    id: String,
    order_id: String,
    marketplace: String,
    kind: String,
    status: String,
    language: String,
    subject: String,
    messages: String,
    opened_at: i64,
    respond_by: i64,
    item_title: Option<String>,
}

impl RawCase {
    fn into_view(self) -> Result<CaseView, StoreError> {
        let corrupt = |field: &str| StoreError::corrupt(format!("case {} field {field}", self.id));
        let messages: Vec<CaseMessage> = serde_json::from_str(&self.messages).map_err(|_| corrupt("messages"))?;
        let question = messages.iter().rev().find(|m| m.author == "csba").map(|m| m.body.clone()).unwrap_or_default();
        Ok(CaseView {
            marketplace: self.marketplace.parse().map_err(|_| corrupt("marketplace"))?,
            kind: CaseKind::parse(&self.kind).ok_or_else(|| corrupt("kind"))?,
            status: CaseStatus::parse(&self.status).ok_or_else(|| corrupt("status"))?,
            opened_at: DateTime::from_timestamp_millis(self.opened_at).ok_or_else(|| corrupt("opened_at"))?,
            respond_by: DateTime::from_timestamp_millis(self.respond_by).ok_or_else(|| corrupt("respond_by"))?,
            question,
            id: self.id,
            order_id: self.order_id,
            language: self.language,
            subject: self.subject,
            item_title: self.item_title,
        })
    }
}
