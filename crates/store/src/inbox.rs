//! The inbox read model: what the case list shows.

use crate::{AccountId, Store, StoreError};
use chrono::{DateTime, Utc};
use csba_api::CaseMessage;
use csba_domain::{CaseKind, CaseStatus, Marketplace};
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

/// One row of the inbox.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CaseView {
    pub account_id: AccountId,
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
    /// The seller has started a reply that is not sent yet.
    pub has_draft: bool,
    /// Replies queued in the outbox and not yet confirmed by the service.
    pub pending_replies: u32,
}

/// One case with its whole conversation: the case screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseRecord {
    pub view: CaseView,
    pub messages: Vec<CaseMessage>,
}

const SELECT_CASES: &str = "
    SELECT c.account_id, c.id, c.order_id, c.marketplace, c.kind, c.status, c.language, c.subject, c.messages,
           c.opened_at, c.respond_by, o.item_title,
           EXISTS (SELECT 1 FROM drafts d WHERE d.account_id = c.account_id AND d.case_id = c.id),
           (SELECT COUNT(*) FROM outbox q
             WHERE q.account_id = c.account_id AND q.object_key = 'case:' || c.id AND q.state <> 'sent')
    FROM cases c LEFT JOIN orders o ON o.account_id = c.account_id AND o.id = c.order_id";

impl Store {
    /// Every case, most urgent first: open cases by deadline (overdue ones
    /// come first naturally), then the settled ones, newest first.
    /// Cases of every account in the replica.
    pub fn inbox(&self) -> Result<Vec<CaseView>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT_CASES}
             ORDER BY (c.status = 'open') DESC,
                      CASE WHEN c.status = 'open' THEN c.respond_by ELSE -c.respond_by END"
        ))?;
        let rows = stmt.query_map([], raw_case)?;
        rows.map(|row| Ok(row?.into_record()?.view)).collect()
    }

    /// How many cases wait for the seller's answer (the sidebar's badge),
    /// counted in SQL: the badge is reread on every replica change and must
    /// not decode every conversation to count.
    pub fn open_case_count(&self, filter: crate::ReplicaFilter) -> Result<u32, StoreError> {
        let (conditions, values) = filter.conditions("c.account_id", "c.marketplace");
        Ok(self.conn.query_row(
            &format!("SELECT COUNT(*) FROM cases c WHERE c.status = 'open'{conditions}"),
            rusqlite::params_from_iter(values),
            |row| row.get(0),
        )?)
    }

    /// One case with its messages, if the replica has it.
    pub fn case(&self, account: AccountId, case_id: &str) -> Result<Option<CaseRecord>, StoreError> {
        self.conn
            .query_row(
                &format!("{SELECT_CASES} WHERE c.account_id = ?1 AND c.id = ?2"),
                rusqlite::params![account.0, case_id],
                raw_case,
            )
            .optional()?
            .map(RawCase::into_record)
            .transpose()
    }
}

fn raw_case(row: &rusqlite::Row<'_>) -> rusqlite::Result<RawCase> {
    Ok(RawCase {
        account_id: row.get(0)?,
        id: row.get(1)?,
        order_id: row.get(2)?,
        marketplace: row.get(3)?,
        kind: row.get(4)?,
        status: row.get(5)?,
        language: row.get(6)?,
        subject: row.get(7)?,
        messages: row.get(8)?,
        opened_at: row.get(9)?,
        respond_by: row.get(10)?,
        item_title: row.get(11)?,
        has_draft: row.get(12)?,
        pending_replies: row.get(13)?,
    })
}

struct RawCase {
    account_id: i64,
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
    has_draft: bool,
    pending_replies: u32,
}

impl RawCase {
    fn into_record(self) -> Result<CaseRecord, StoreError> {
        let corrupt = |field: &str| StoreError::corrupt(format!("case {} field {field}", self.id));
        let messages: Vec<CaseMessage> = serde_json::from_str(&self.messages).map_err(|_| corrupt("messages"))?;
        let question = messages.iter().rev().find(|m| m.author == "csba").map(|m| m.body.clone()).unwrap_or_default();
        let view = CaseView {
            account_id: AccountId(self.account_id),
            has_draft: self.has_draft,
            pending_replies: self.pending_replies,
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
        };
        Ok(CaseRecord { view, messages })
    }
}
