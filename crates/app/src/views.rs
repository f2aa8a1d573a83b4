//! The screen models of cases, the outbox and accounts: the shapes that
//! cross into a front end. TypeScript twins are generated into
//! `ui/src/bindings/` by ts-rs (see `bindings.rs`); a test fails when they
//! are stale.

use crate::batch_subject::{batch_subject, BatchSubject};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use csba_api::CaseMessage;
use csba_domain::Marketplace;
use csba_i18n::Locale;
use csba_store::{AccountId, ActionKind, CaseView, Draft, JsonText, OutboxEntry, OutboxState};
use csba_sync::Connectivity;
use serde::Serialize;
use ts_rs::TS;

/// Which service the app syncs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ServiceKind {
    /// The reference service, embedded in the app, with demo data.
    Sandbox,
    /// A service added with `csba account add`.
    Remote,
}

/// The link to one account's service, or to all of them (the header).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SyncView {
    pub state: Connectivity,
    /// The last time the whole feed was read; for several accounts, the
    /// oldest of them (what the seller can rely on).
    pub last_sync_at: Option<DateTime<Utc>>,
    pub service: ServiceKind,
    /// Why the last sync failed, when it did.
    pub error: Option<AppError>,
}

/// One seller account (store) the desk syncs.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AccountView {
    pub id: AccountId,
    pub seller_id: String,
    pub display_name: String,
    pub marketplaces: Vec<Marketplace>,
    /// The service's address; `None` for the built-in demo.
    pub service_url: Option<String>,
    /// Actions of this account not yet confirmed (queued, sending or refused).
    pub unsent: u32,
    pub sync: SyncView,
    /// server clock − local clock for this account's service.
    #[ts(type = "number")]
    pub server_offset_ms: i64,
}

/// How many outbox entries wait, are on their way, or were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
pub struct QueueCounts {
    pub queued: u32,
    pub sending: u32,
    pub failed: u32,
}

/// What the inbox screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Inbox {
    /// Cases of every account, most urgent first.
    pub cases: Vec<CaseView>,
    /// server clock − local clock of the first account: the header clock.
    /// Each case's countdown uses its own account's offset (`accounts`).
    #[ts(type = "number")]
    pub server_offset_ms: i64,
    /// All accounts together: offline if any is.
    pub sync: SyncView,
    pub accounts: Vec<AccountView>,
    pub queue: QueueCounts,
}

/// The state of a queued action, as the queue screen shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QueueState {
    Queued,
    Sending,
    Sent,
    Failed,
}

/// One outbox entry.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QueueItem {
    #[ts(type = "number")]
    pub id: i64,
    pub account_id: AccountId,
    pub kind: ActionKind,
    /// What the action is about: a case id, a marketplace code, an order…
    pub subject: String,
    pub state: QueueState,
    pub attempts: u32,
    /// When a queued entry will be tried again.
    pub next_attempt_at: DateTime<Utc>,
    /// Why the last attempt did not go through (offline, HTTP 503…), in
    /// the service's words; for the details line.
    pub last_error: Option<String>,
    /// Why the service refused a failed entry: `error-<code>` in the UI.
    pub problem: Option<AppError>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    /// The reply text, for case replies.
    pub body_preview: Option<String>,
}

impl From<OutboxEntry> for QueueItem {
    fn from(entry: OutboxEntry) -> Self {
        let (state, problem) = match &entry.state {
            OutboxState::Queued => (QueueState::Queued, None),
            OutboxState::Sending => (QueueState::Sending, None),
            OutboxState::Sent => (QueueState::Sent, None),
            OutboxState::Failed { code, .. } => (QueueState::Failed, Some(AppError::from_problem(code))),
        };
        let subject = match entry.kind {
            // All batches share one object key (`shipments`, so they stay in
            // order): the seller knows them by their orders.
            ActionKind::TrackingUpload => shipment_subject(entry.body.as_ref()),
            _ => None,
        }
        .unwrap_or_else(|| entry.object_key.split_once(':').map_or(entry.object_key.as_str(), |(_, id)| id).to_owned());
        let body_preview = (entry.kind == ActionKind::CaseReply)
            .then(|| entry.body.as_ref().and_then(|b| b.decode::<csba_api::ReplyRequest>().ok()).map(|r| r.body))
            .flatten();
        QueueItem {
            id: entry.id,
            account_id: entry.account_id,
            kind: entry.kind,
            subject,
            state,
            attempts: entry.attempts,
            next_attempt_at: entry.next_attempt_at,
            last_error: entry.last_error,
            problem,
            created_at: entry.created_at,
            sent_at: entry.sent_at,
            body_preview,
        }
    }
}

/// `503-1234567-1234567` for one order, `503-1234567-1234567 … +99` for a
/// batch of a hundred: order ids are the same in every language.
fn shipment_subject(body: Option<&JsonText>) -> Option<String> {
    let BatchSubject { first_order, rows } = batch_subject(body?.as_str())?;
    Some(match rows {
        1 => first_order,
        n => format!("{first_order} … +{}", n - 1),
    })
}

/// One message of a case's conversation.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MessageView {
    /// `csba` or `seller`.
    pub author: String,
    pub body: String,
    pub sent_at: DateTime<Utc>,
    pub language: Option<String>,
    /// A seller reply that arrived after the deadline.
    pub late: bool,
}

impl From<CaseMessage> for MessageView {
    fn from(m: CaseMessage) -> Self {
        MessageView { author: m.author, body: m.body, sent_at: m.sent_at, language: m.language, late: m.late }
    }
}

/// The seller's unsent reply.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DraftView {
    pub body: String,
    pub updated_at: DateTime<Utc>,
    /// The case got a new message or was resolved since the draft began.
    pub case_changed: bool,
}

impl From<Draft> for DraftView {
    fn from(d: Draft) -> Self {
        DraftView { body: d.body, updated_at: d.updated_at, case_changed: d.case_changed }
    }
}

/// The case screen.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CaseDetail {
    pub case: CaseView,
    /// The languages CSBA takes replies in on this case's marketplace (JP:
    /// Chinese or Japanese; US: English or Chinese).
    pub reply_languages: Vec<String>,
    /// The one a reply goes out in unless the seller picks another.
    pub reply_language: String,
    /// Oldest first.
    pub messages: Vec<MessageView>,
    pub draft: Option<DraftView>,
    /// Replies to this case in the outbox, oldest first (sent ones too,
    /// until the feed brings them back as messages).
    pub replies: Vec<QueueItem>,
    #[ts(type = "number")]
    pub server_offset_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Settings {
    pub locale: Locale,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tracking_upload_is_named_by_its_orders() -> Result<(), serde_json::Error> {
        let row = |id: &str| serde_json::json!({"order_id": id, "tracking_number": "EV876297563CN", "ship_date": "2026-12-01"});
        let body = |rows: serde_json::Value| JsonText::encode(&serde_json::json!({ "confirmations": rows }));
        let one = body(serde_json::json!([row("503-1")]))?;
        let many = body(serde_json::json!([row("503-1"), row("503-2"), row("503-3")]))?;
        assert_eq!(shipment_subject(Some(&one)).as_deref(), Some("503-1"));
        assert_eq!(shipment_subject(Some(&many)).as_deref(), Some("503-1 … +2"));
        assert_eq!(shipment_subject(Some(&JsonText::encode(&serde_json::json!({}))?)), None);
        Ok(())
    }
}
