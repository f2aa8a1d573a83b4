//! The messages a seller sends about feedback and about CSBA's handling of an
//! order, in the form the JP seed gives for mail to the CSBA team.

use super::grounds::Ground;
use super::window::removal_in_time;
use super::{FeedbackEntry, Fulfillment, Sentiment};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a removal request goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    /// The CSBA team, by e-mail (the seed's route for feedback CSBA caused).
    CsbaTeam,
    /// Amazon's ordinary feedback-removal request in Seller Central.
    FeedbackManager,
}

/// A feedback-removal request, ready to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RemovalRequest {
    pub recipient: Recipient,
    /// The subject line, for mail to the CSBA team; Seller Central's form has none.
    pub subject: Option<String>,
    pub order_id: String,
    /// The day the feedback was left, in the marketplace's time zone.
    pub feedback_date: NaiveDate,
    pub rating: u8,
    pub comment: String,
    pub ground: Ground,
    /// The seller's own words: why the ground applies.
    pub explanation: String,
}

/// A question to the CSBA team about how it handled an order (answered
/// within 48 hours, per the JP seed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ServiceQuestion {
    pub subject: String,
    pub order_id: String,
    pub question: String,
}

/// Why a request cannot be composed. Stable codes; the catalog explains them
/// under `feedback-error-<code with hyphens>`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ComposeError {
    #[error("the 90-day removal window has closed")]
    OutOfTime,
    #[error("only negative feedback is sent to the CSBA team")]
    NotNegative,
    #[error("CSBA did not handle this order")]
    NotHandledByCsba,
    #[error("the order was not fulfilled by Amazon")]
    NotFulfilledByAmazon,
    #[error("the seller name is missing")]
    SellerNameMissing,
    #[error("the order ID is missing")]
    OrderIdMissing,
    #[error("the explanation is missing")]
    ExplanationMissing,
    #[error("the question is missing")]
    QuestionMissing,
    #[error("the removal window could not be read: {0}")]
    WindowUnavailable(String),
}

impl ComposeError {
    pub fn code(&self) -> &'static str {
        match self {
            ComposeError::OutOfTime => "out_of_time",
            ComposeError::NotNegative => "not_negative",
            ComposeError::NotHandledByCsba => "not_handled_by_csba",
            ComposeError::NotFulfilledByAmazon => "not_fulfilled_by_amazon",
            ComposeError::SellerNameMissing => "seller_name_missing",
            ComposeError::OrderIdMissing => "order_id_missing",
            ComposeError::ExplanationMissing => "explanation_missing",
            ComposeError::QuestionMissing => "question_missing",
            ComposeError::WindowUnavailable(_) => "feedback_window_unreadable",
        }
    }

    pub fn message_id(&self) -> String {
        format!("feedback-error-{}", self.code().replace('_', "-"))
    }
}

/// The seed's subject for mail to the CSBA team:
/// `X月/X日卖家XXXX客服负面评论请求删除` (feedback date, seller name).
pub fn removal_subject(feedback_date: NaiveDate, seller_name: &str) -> String {
    format!("{}月/{}日卖家{}客服负面评论请求删除", feedback_date.month(), feedback_date.day(), seller_name.trim())
}

/// The seed's subject for a service question: `卖家XXXXX针对订单XXXXXXXXXX的客服疑问`.
pub fn service_question_subject(seller_name: &str, order_id: &str) -> String {
    format!("卖家{}针对订单{}的客服疑问", seller_name.trim(), order_id.trim())
}

/// Composes the removal request for `entry` on `ground`, at `now`. `zone` is
/// the marketplace's time zone (the feedback date is the local day). The
/// request is refused when the window has closed, or when the ground cannot
/// apply to this entry at all (CSBA-caused needs negative feedback on an
/// order CSBA handled; a delivery complaint needs an Amazon-fulfilled order).
pub fn compose_removal_request(
    entry: &FeedbackEntry,
    ground: Ground,
    seller_name: &str,
    explanation: &str,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<RemovalRequest, ComposeError> {
    if !removal_in_time(entry.left_at, now).map_err(|e| ComposeError::WindowUnavailable(e.to_string()))? {
        return Err(ComposeError::OutOfTime);
    }
    if entry.order_id.trim().is_empty() {
        return Err(ComposeError::OrderIdMissing);
    }
    if explanation.trim().is_empty() {
        return Err(ComposeError::ExplanationMissing);
    }
    let feedback_date = entry.left_at.with_timezone(&zone).date_naive();
    let (recipient, subject) = match ground {
        Ground::CausedByCsba => {
            if entry.rating.sentiment() != Sentiment::Negative {
                return Err(ComposeError::NotNegative);
            }
            if !entry.handled_by_csba || entry.fulfillment != Fulfillment::Seller {
                return Err(ComposeError::NotHandledByCsba);
            }
            if seller_name.trim().is_empty() {
                return Err(ComposeError::SellerNameMissing);
            }
            (Recipient::CsbaTeam, Some(removal_subject(feedback_date, seller_name)))
        }
        Ground::AmazonFulfilledDeliveryComplaint if entry.fulfillment != Fulfillment::Amazon => {
            return Err(ComposeError::NotFulfilledByAmazon);
        }
        _ => (Recipient::FeedbackManager, None),
    };
    Ok(RemovalRequest {
        recipient,
        subject,
        order_id: entry.order_id.trim().to_owned(),
        feedback_date,
        rating: entry.rating.stars(),
        comment: entry.comment.clone(),
        ground,
        explanation: explanation.trim().to_owned(),
    })
}

/// Composes a question to the CSBA team about its handling of an order.
pub fn compose_service_question(
    seller_name: &str,
    order_id: &str,
    question: &str,
) -> Result<ServiceQuestion, ComposeError> {
    if seller_name.trim().is_empty() {
        return Err(ComposeError::SellerNameMissing);
    }
    if order_id.trim().is_empty() {
        return Err(ComposeError::OrderIdMissing);
    }
    if question.trim().is_empty() {
        return Err(ComposeError::QuestionMissing);
    }
    Ok(ServiceQuestion {
        subject: service_question_subject(seller_name, order_id),
        order_id: order_id.trim().to_owned(),
        question: question.trim().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_follow_the_seed() -> Result<(), String> {
        let day = NaiveDate::from_ymd_opt(2019, 3, 8).ok_or("date")?;
        assert_eq!(removal_subject(day, "ACME"), "3月/8日卖家ACME客服负面评论请求删除");
        assert_eq!(
            service_question_subject(" ACME ", "503-4317798-1234567"),
            "卖家ACME针对订单503-4317798-1234567的客服疑问"
        );
        Ok(())
    }

    #[test]
    fn every_error_code_is_distinct() {
        let all = [
            ComposeError::OutOfTime,
            ComposeError::NotNegative,
            ComposeError::NotHandledByCsba,
            ComposeError::NotFulfilledByAmazon,
            ComposeError::SellerNameMissing,
            ComposeError::OrderIdMissing,
            ComposeError::ExplanationMissing,
            ComposeError::QuestionMissing,
            ComposeError::WindowUnavailable(String::new()),
        ];
        let mut codes: Vec<&str> = all.iter().map(ComposeError::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
    }
}
