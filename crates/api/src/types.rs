use chrono::{DateTime, Utc};
use csba_domain::{CaseKind, CaseStatus, Marketplace};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use ts_rs::TS;
use utoipa::ToSchema;

pub use crate::wire::*;

/// `GET /v1/account`: the seller the bearer token belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Account {
    pub seller_id: String,
    pub display_name: String,
    #[schema(value_type = Vec<String>, example = json!(["JP", "US"]))]
    pub marketplaces: Vec<Marketplace>,
}

/// A seller-fulfilled (MFN) order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// Amazon order id, e.g. `503-4317798-1234567`.
    pub id: String,
    #[schema(value_type = String, example = "JP")]
    pub marketplace: Marketplace,
    pub placed_at: DateTime<Utc>,
    pub item_title: String,
    pub sku: String,
    pub quantity: u32,
    /// `pending` (payment not yet confirmed: do not ship), `unshipped`,
    /// `shipped`, `delivered` or `cancelled`.
    pub status: String,
    /// The latest day-end by which the parcel must leave (Amazon's ship-by
    /// date, from the seller's handling time); absent from services that do
    /// not report it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship_by: Option<DateTime<Utc>>,
    /// The tracking the seller confirmed, once shipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking: Option<OrderTracking>,
    /// A returned item arrived back at the seller: the refund is due within
    /// the marketplace's deadline from here
    /// (`csba_domain::deadline::refund_due`, computed by clients).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_received_at: Option<DateTime<Utc>>,
    /// The buyer was refunded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refunded_at: Option<DateTime<Utc>>,
}

/// One message in a case thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseMessage {
    /// `csba` or `seller`.
    pub author: String,
    pub body: String,
    pub sent_at: DateTime<Utc>,
    /// BCP 47 tag of the language the seller replied in (seller messages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// A seller reply sent after `respond_by`: accepted, but too late to
    /// count as answered in time.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub late: bool,
}

/// An escalation case: CSBA asks the seller something about an order and
/// needs an answer by `respond_by`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub order_id: String,
    #[schema(value_type = String, example = "JP")]
    pub marketplace: Marketplace,
    /// `product_question`, `return`, `delivery`, `refund_approval`, `order_change`.
    #[schema(value_type = String)]
    pub kind: CaseKind,
    /// `open`, `answered` or `resolved_by_csba`.
    #[schema(value_type = String)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum Resource {
    Order(Order),
    /// A case, with its whole thread (seller replies included).
    Case(Case),
    Enrollment(EnrollmentView),
    ReturnPolicy(ReturnPolicyVersion),
    Feedback(Feedback),
    RemovalRequest(RemovalRequestView),
    ServiceQuestion(ServiceQuestionView),
    /// One week of one marketplace's figures.
    MetricWeek(MetricWeek),
}

impl Resource {
    /// The `kind` tag of the feed entry.
    pub fn kind(&self) -> &'static str {
        match self {
            Resource::Order(_) => "order",
            Resource::Case(_) => "case",
            Resource::Enrollment(_) => "enrollment",
            Resource::ReturnPolicy(_) => "return_policy",
            Resource::Feedback(_) => "feedback",
            Resource::RemovalRequest(_) => "removal_request",
            Resource::ServiceQuestion(_) => "service_question",
            Resource::MetricWeek(_) => "metric_week",
        }
    }

    /// The id of the entity within its kind. Enrollments and return
    /// policies are one per marketplace, so the marketplace code is the id;
    /// a metric week is one per marketplace and week (`JP:2026-01-05`).
    pub fn entity_id(&self) -> Cow<'_, str> {
        match self {
            Resource::Order(o) => Cow::Borrowed(&o.id),
            Resource::Case(c) => Cow::Borrowed(&c.id),
            Resource::Enrollment(e) => Cow::Borrowed(e.marketplace.code()),
            Resource::ReturnPolicy(p) => Cow::Borrowed(p.marketplace.code()),
            Resource::Feedback(f) => Cow::Borrowed(&f.id),
            Resource::RemovalRequest(r) => Cow::Borrowed(&r.id),
            Resource::ServiceQuestion(q) => Cow::Borrowed(&q.id),
            Resource::MetricWeek(w) => Cow::Owned(format!("{}:{}", w.marketplace.code(), w.week_start)),
        }
    }
}

/// One entry of the change feed: the new state of a resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Change {
    /// Position in the seller's feed; strictly increasing.
    pub seq: i64,
    pub at: DateTime<Utc>,
    #[serde(flatten)]
    pub resource: Resource,
}

/// `GET /v1/changes?cursor=`: every change after the cursor, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseList {
    pub cases: Vec<Case>,
    /// Pass back as `cursor` for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}
