//! Request and response bodies of the `/v1` routes added with the rules:
//! enrollment, shipment confirmations, return policies, feedback and its
//! removal, questions to the CSBA team, metrics.
//!
//! Every request type rejects unknown fields: a typo in a field name is an
//! error the client hears about, not a value silently ignored.

use chrono::{DateTime, NaiveDate, Utc};
use csba_domain::policy::ReturnPolicy;
use csba_domain::Marketplace;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use utoipa::ToSchema;

/// The tracking a seller confirmed for a shipped order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderTracking {
    /// Normalized (upper case, no spaces or hyphens).
    pub tracking_number: String,
    /// Carrier code (`japan-post`, `yamato`, `ups`, …).
    pub carrier: String,
    pub ship_date: NaiveDate,
    pub confirmed_at: DateTime<Utc>,
}

/// `GET /v1/orders`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderList {
    pub orders: Vec<crate::Order>,
    /// Pass back as `cursor` for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

// ---------------------------------------------------------------- enrollment

/// `POST /v1/marketplaces/{mp}/enrollment`: enroll, accepting the terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnrollRequest {
    /// The version of the CSBA terms the seller read and accepted.
    pub terms_version: String,
}

/// Where an enrollment stands. The timestamps that apply to the state are set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnrollmentView {
    #[schema(value_type = String, example = "JP")]
    pub marketplace: Marketplace,
    /// `not_enrolled`, `pending_identity_verification`, `pending_activation`,
    /// `active`, `paused` or `lapsed`.
    pub state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrolled_at: Option<DateTime<Utc>>,
    /// When CSBA takes over (pending activation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activates_at: Option<DateTime<Utc>>,
    /// Since when the state holds (active, paused).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lapsed_at: Option<DateTime<Utc>>,
    /// Every span CSBA handled new orders, oldest first; the last may be open.
    pub active_periods: Vec<ActivePeriodView>,
    /// The free trial, `[start, end)`, once CSBA first became active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trial: Option<TrialView>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms_version: Option<String>,
    /// The checklist, in order. `blocking` items must be met to enroll.
    pub eligibility: Vec<EligibilityItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivePeriodView {
    pub from: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrialView {
    pub start: NaiveDate,
    /// Exclusive.
    pub end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EligibilityItem {
    /// `professional_plan`, `good_standing`, `identity_verified`,
    /// `responsive_contact`, `terms_accepted`, `invitation`.
    pub requirement: String,
    pub met: bool,
    /// Whether enrolling is refused while it is unmet (identity verification
    /// is not: CSBA starts after it).
    pub blocking: bool,
}

// ----------------------------------------------------- shipment confirmations

/// `POST /v1/shipment-confirmations`: all rows are applied, or none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShipmentConfirmationBatch {
    pub confirmations: Vec<ShipmentConfirmation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShipmentConfirmation {
    pub order_id: String,
    /// As typed; full-width digits, spaces and hyphens are normalized.
    pub tracking_number: String,
    /// Carrier code; detected from the number when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    /// The day the parcel left, in the marketplace's time zone.
    pub ship_date: NaiveDate,
}

/// The batch was applied: one result per row, in request order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShipmentConfirmationResult {
    pub results: Vec<ShipmentRowResult>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ShipmentRowResult {
    pub index: usize,
    pub order_id: String,
    pub tracking_number: String,
    pub carrier: String,
    /// Several carriers use this number's format and none was declared: the
    /// first was recorded; the seller may want to name it.
    pub carrier_ambiguous: bool,
}

// ------------------------------------------------------------- return policy

/// One submitted version of a return policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReturnPolicyVersion {
    #[schema(value_type = String, example = "JP")]
    pub marketplace: Marketplace,
    /// 1, 2, … per marketplace.
    pub version: i64,
    pub submitted_at: DateTime<Utc>,
    /// The policy as submitted (the `ReturnPolicy` request body of the PUT).
    #[schema(value_type = Object)]
    pub policy: ReturnPolicy,
}

/// `GET /v1/marketplaces/{mp}/return-policy`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReturnPolicyHistory {
    #[schema(value_type = String, example = "JP")]
    pub marketplace: Marketplace,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<ReturnPolicyVersion>,
    /// Newest first.
    pub versions: Vec<ReturnPolicyVersion>,
}

// ------------------------------------------------------------------- replies

/// `POST /v1/cases/{id}/replies`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyRequest {
    pub body: String,
    /// BCP 47 tag; one of the marketplace's seller languages (JP: `zh-CN`,
    /// `ja`; US: `en`, `zh-CN`). Defaults to the case's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

// ------------------------------------------------------------------ feedback

/// Buyer feedback on an order, with what can be done about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    pub id: String,
    pub order_id: String,
    #[schema(value_type = String, example = "JP")]
    pub marketplace: Marketplace,
    pub left_at: DateTime<Utc>,
    /// 1 to 5 stars.
    pub rating: u8,
    pub comment: String,
    /// `seller` (MFN) or `amazon` (FBA).
    pub fulfillment: String,
    pub handled_by_csba: bool,
    pub removal: RemovalEligibility,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removal_request: Option<RemovalRequestView>,
}

/// Computed by the rules at the time of the response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RemovalEligibility {
    /// `negative`, `neutral` or `positive`.
    pub sentiment: String,
    /// Whether a removal request can still be made.
    pub in_time: bool,
    pub deadline: DateTime<Utc>,
    /// Grounds the comment may qualify for, with the words that suggest them.
    pub possible_grounds: Vec<PossibleGroundView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PossibleGroundView {
    /// `caused_by_csba`, `obscene_language`, `sellers_personal_information`,
    /// `entirely_product_review`, `amazon_fulfilled_delivery_complaint`.
    pub ground: String,
    pub evidence: Vec<String>,
}

/// `GET /v1/feedback`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeedbackList {
    pub feedback: Vec<Feedback>,
    /// Pass back as `cursor` for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// `POST /v1/feedback/{id}/removal-requests`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RemovalRequestCreate {
    /// One of the ground codes of `PossibleGroundView::ground`.
    pub ground: String,
    pub explanation: String,
}

/// A removal request on file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RemovalRequestView {
    pub id: String,
    pub feedback_id: String,
    pub ground: String,
    /// `csba_team` (feedback caused by CSBA) or `feedback_manager`.
    pub recipient: String,
    /// The subject line the CSBA team expects (JP seed), when sent to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    pub explanation: String,
    /// `submitted`, `removed` or `declined`.
    pub status: String,
    pub requested_at: DateTime<Utc>,
    /// When it was removed or declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<DateTime<Utc>>,
}

// --------------------------------------------------------- service questions

/// `POST /v1/service-questions`: a question to the CSBA team about its
/// handling of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceQuestionCreate {
    pub order_id: String,
    pub question: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceQuestionView {
    pub id: String,
    pub order_id: String,
    pub subject: String,
    pub question: String,
    pub asked_at: DateTime<Utc>,
    /// When the CSBA team's answer is due (48 hours, JP seed).
    pub answer_by: DateTime<Utc>,
    /// `awaiting_answer` or `answered`.
    pub status: String,
    /// The CSBA team's answer, as it wrote it, once answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_at: Option<DateTime<Utc>>,
}

/// `GET /v1/service-questions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceQuestionList {
    pub questions: Vec<ServiceQuestionView>,
    /// Pass back as `cursor` for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

// ------------------------------------------------------------------- metrics

/// `GET /v1/metrics`: one entry per marketplace of the seller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricsReport {
    pub computed_at: DateTime<Utc>,
    pub marketplaces: Vec<MarketplaceMetrics>,
}

/// Rates are percentages as exact decimal strings with two places
/// (`"0.85"` is 0.85 %); `null` when there is nothing to divide by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarketplaceMetrics {
    #[schema(value_type = String, example = "JP")]
    pub marketplace: Marketplace,
    /// Mean seconds from a case opening to the seller's first reply.
    pub response_time_seconds: Option<i64>,
    pub cases_answered: i64,
    pub cases_answered_late: i64,
    pub cases_resolved_by_csba: i64,
    /// Orders with an A-to-z claim ÷ orders, last 90 days.
    pub a_to_z_claim_rate: Option<String>,
    /// Negative feedback ÷ feedback, last 90 days.
    pub negative_feedback_rate: Option<String>,
    /// Orders with negative feedback or an A-to-z claim ÷ orders, last 60 days.
    pub order_defect_rate: Option<String>,
    /// Shipped orders with a valid tracking ID ÷ shipped orders, last 30 days.
    pub valid_tracking_rate: Option<String>,
    /// Units shipped (seller-fulfilled), last 3 months.
    pub units: i64,
    /// Contacts CSBA handled (cases), last 3 months.
    pub contacts: i64,
    pub fee: Option<FeeView>,
}

/// One week of one marketplace's figures, as counts (never rates) so any
/// window of weeks adds up exactly: a rate over 13 weeks is the sum of the
/// parts over the sum of the wholes, not a mean of 13 rates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricWeek {
    #[schema(value_type = String, example = "JP")]
    pub marketplace: Marketplace,
    /// Monday of the ISO week, in the marketplace's time zone.
    pub week_start: NaiveDate,
    /// Seller-fulfilled orders placed in the week (ODR and claim denominator).
    pub orders: u32,
    /// Of those, with an A-to-z claim.
    pub a_to_z_claims: u32,
    /// Of those, with a claim or negative feedback (ODR numerator).
    pub defects: u32,
    /// Feedback left in the week.
    pub feedback: u32,
    /// Of those, 1–2 stars.
    pub negative_feedback: u32,
    /// Orders shipped in the week (valid-tracking denominator).
    pub shipped: u32,
    /// Of those, with a valid tracking ID.
    pub valid_tracking: u32,
    /// Units shipped in the week.
    pub units: u32,
    /// Buyer contacts in the week (cases opened).
    pub contacts: u32,
    /// First answers to buyer contacts in the week.
    pub responses: u32,
    /// The sum of those first-answer times, in seconds.
    pub response_seconds: u64,
    /// The week is over: its figures will not change any more.
    pub complete: bool,
}

/// `GET /v1/metrics/weekly`: oldest week first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricWeekList {
    pub weeks: Vec<MetricWeek>,
}

/// The CSBA fee the figures imply, from the fee schedule in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeView {
    /// CPU in percent, one decimal place.
    pub cpu_percent: String,
    /// 1..=4 by CPU; 0 when the CPU is unreliable and the flat fee applies.
    pub tier: u8,
    /// Minor units (cents, yen).
    pub fee_per_unit_minor: i64,
    pub total_minor: i64,
    pub currency: String,
    pub in_trial: bool,
}

impl MetricWeek {
    /// The week's counts, to be added up with others.
    pub fn counts(&self) -> csba_domain::metrics::WeekCounts {
        csba_domain::metrics::WeekCounts {
            orders: self.orders.into(),
            a_to_z_claims: self.a_to_z_claims.into(),
            defects: self.defects.into(),
            feedback: self.feedback.into(),
            negative_feedback: self.negative_feedback.into(),
            shipped: self.shipped.into(),
            valid_tracking: self.valid_tracking.into(),
            units: self.units.into(),
            contacts: self.contacts.into(),
            responses: self.responses.into(),
            response_seconds: self.response_seconds,
        }
    }
}
