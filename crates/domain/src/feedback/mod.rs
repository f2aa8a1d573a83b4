//! Buyer feedback: how it counts, how long it may be challenged, which
//! removal grounds may apply, and the request a seller sends.
//!
//! Everything here is pure: the instant "now" and the marketplace's time zone
//! are parameters.

mod grounds;
mod request;
mod text;
mod window;

pub use grounds::{possible_grounds, Ground, PossibleGround};
pub use request::{
    compose_removal_request, compose_service_question, removal_subject, service_question_subject, ComposeError,
    Recipient, RemovalRequest, ServiceQuestion,
};
pub use window::{removal_deadline, removal_in_time, removal_window, WindowError};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A star rating, 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "u8", into = "u8")]
#[ts(type = "number")]
pub struct Rating(u8);

impl Rating {
    pub fn stars(self) -> u8 {
        self.0
    }

    /// Amazon's reading: 1–2 stars negative, 3 neutral, 4–5 positive.
    pub fn sentiment(self) -> Sentiment {
        match self.0 {
            0..=2 => Sentiment::Negative,
            3 => Sentiment::Neutral,
            _ => Sentiment::Positive,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a rating is 1 to 5 stars, not {0}")]
pub struct InvalidRating(pub u8);

impl InvalidRating {
    pub fn code(&self) -> &'static str {
        "rating_out_of_range"
    }
}

impl TryFrom<u8> for Rating {
    type Error = InvalidRating;
    fn try_from(stars: u8) -> Result<Self, Self::Error> {
        if (1..=5).contains(&stars) {
            Ok(Rating(stars))
        } else {
            Err(InvalidRating(stars))
        }
    }
}

impl From<Rating> for u8 {
    fn from(r: Rating) -> u8 {
        r.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sentiment {
    Negative,
    Neutral,
    Positive,
}

impl Sentiment {
    pub fn code(self) -> &'static str {
        match self {
            Sentiment::Negative => "negative",
            Sentiment::Neutral => "neutral",
            Sentiment::Positive => "positive",
        }
    }
}

/// Classifies a rating (see [`Rating::sentiment`]).
pub fn classify(rating: Rating) -> Sentiment {
    rating.sentiment()
}

/// Who shipped the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Fulfillment {
    /// Seller-fulfilled (MFN): CSBA answers the buyer if the seller is enrolled.
    Seller,
    /// Fulfilled by Amazon (FBA): Amazon answers for the delivery.
    Amazon,
}

/// One piece of feedback as the seller sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeedbackEntry {
    pub order_id: String,
    pub left_at: DateTime<Utc>,
    pub rating: Rating,
    pub comment: String,
    pub fulfillment: Fulfillment,
    /// CSBA handled the buyer's contacts on this order (enrolled when it was placed).
    pub handled_by_csba: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_map_to_sentiment() -> Result<(), InvalidRating> {
        let got: Vec<Sentiment> = (1..=5).map(|s| Rating::try_from(s).map(classify)).collect::<Result<_, _>>()?;
        use Sentiment::*;
        assert_eq!(got, vec![Negative, Negative, Neutral, Positive, Positive]);
        assert_eq!(Rating::try_from(0), Err(InvalidRating(0)));
        assert_eq!(Rating::try_from(6), Err(InvalidRating(6)));
        Ok(())
    }

    #[test]
    fn rating_json_is_a_number_and_is_checked() {
        assert_eq!(serde_json::from_str::<Rating>("4").ok().map(Rating::stars), Some(4));
        assert!(serde_json::from_str::<Rating>("9").is_err());
    }
}
