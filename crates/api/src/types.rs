use chrono::{DateTime, Utc};
use csba_domain::{CaseKind, CaseStatus, Marketplace};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `GET /v1/account`: the seller the bearer token belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub seller_id: String,
    pub display_name: String,
    pub marketplaces: Vec<Marketplace>,
}

/// A seller-fulfilled (MFN) order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// Amazon order id, e.g. `503-4317798-1234567`.
    pub id: String,
    pub marketplace: Marketplace,
    pub placed_at: DateTime<Utc>,
    pub item_title: String,
    pub sku: String,
    pub quantity: u32,
    pub status: String,
}

/// One message in a case thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CaseMessage {
    /// `csba` or `seller`.
    pub author: String,
    pub body: String,
    pub sent_at: DateTime<Utc>,
}

/// An escalation case: CSBA asks the seller something about an order and
/// needs an answer by `respond_by`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub order_id: String,
    pub marketplace: Marketplace,
    pub kind: CaseKind,
    pub status: CaseStatus,
    /// BCP 47 tag of the language CSBA wrote in.
    pub language: String,
    pub subject: String,
    pub messages: Vec<CaseMessage>,
    pub opened_at: DateTime<Utc>,
    /// Set by the server; the client never computes it from its own clock.
    pub respond_by: DateTime<Utc>,
    /// How CSBA settled the case on its own once the deadline passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CaseOutcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
}

/// What CSBA decided when the seller did not answer in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseOutcome {
    /// The buyer was refunded; a refund for a parcel that did not arrive is
    /// deducted from the seller's proceeds.
    Refund,
    Replacement,
    Denial,
    /// CSBA answered from the product detail page.
    AnsweredFromDetailPage,
}

/// A resource carried by the change feed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum Resource {
    Order(Order),
    Case(Case),
}

/// One entry of the change feed: the new state of a resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Position in the seller's feed; strictly increasing.
    pub seq: i64,
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub resource: Resource,
}

/// `GET /v1/changes?cursor=`: every change after the cursor, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangesPage {
    pub changes: Vec<Change>,
    /// Pass this back as `cursor` to continue; opaque to clients.
    pub next_cursor: String,
    /// More changes are waiting: ask again right away.
    pub has_more: bool,
    /// The server's clock when it answered, so clients can measure their
    /// offset from it and show deadlines in the server's time.
    pub server_time: DateTime<Utc>,
}

/// `GET /v1/cases`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseList {
    pub cases: Vec<Case>,
}
