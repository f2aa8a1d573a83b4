//! Which removal grounds may apply to a piece of feedback. The detectors are
//! deliberately light: they name candidates with the evidence they saw, and
//! never claim a ground certainly applies.

use super::text::{emails, find_keywords, fold, phones, Match};
use super::{FeedbackEntry, Fulfillment, Sentiment};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use ts_rs::TS;

const KEYWORDS: &str = include_str!("../../data/feedback/keywords.toml");

/// Why feedback may be removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Ground {
    /// Negative feedback about CSBA's customer service on an order CSBA
    /// handled (the JP seed: sent to the CSBA team for removal).
    CausedByCsba,
    ObsceneLanguage,
    /// The comment reveals the seller's e-mail, phone number, name…
    SellersPersonalInformation,
    /// The comment is entirely about the product, not the seller's service.
    EntirelyProductReview,
    /// A delivery complaint on an order Amazon fulfilled.
    AmazonFulfilledDeliveryComplaint,
}

impl Ground {
    pub const ALL: [Ground; 5] = [
        Ground::CausedByCsba,
        Ground::ObsceneLanguage,
        Ground::SellersPersonalInformation,
        Ground::EntirelyProductReview,
        Ground::AmazonFulfilledDeliveryComplaint,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Ground::CausedByCsba => "caused_by_csba",
            Ground::ObsceneLanguage => "obscene_language",
            Ground::SellersPersonalInformation => "sellers_personal_information",
            Ground::EntirelyProductReview => "entirely_product_review",
            Ground::AmazonFulfilledDeliveryComplaint => "amazon_fulfilled_delivery_complaint",
        }
    }

    /// The catalog label (`feedback-ground-…`).
    pub fn message_id(self) -> String {
        format!("feedback-ground-{}", self.code().replace('_', "-"))
    }
}

/// A ground that may apply, with what was seen in the comment (keywords,
/// an e-mail address, a phone number). A candidate, not a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PossibleGround {
    pub ground: Ground,
    pub evidence: Vec<String>,
}

/// language tag → words.
type Lists = BTreeMap<String, Vec<String>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Keywords {
    customer_service: Lists,
    obscene: Lists,
    product: Lists,
    seller_service: Lists,
    delivery: Lists,
}

fn keywords() -> Option<&'static Keywords> {
    static CELL: OnceLock<Option<Keywords>> = OnceLock::new();
    // A broken file is caught by the unit test; at run time it only means no
    // keyword-based candidates, never a panic.
    CELL.get_or_init(|| toml::from_str(KEYWORDS).ok()).as_ref()
}

/// Every word of every language in `lists` found in the folded comment.
/// Comments mix languages (a Chinese seller's Japanese buyer may write in
/// English), so all languages are searched.
fn hits(folded: &str, lists: &Lists, how: Match) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in lists.values().flat_map(|words| find_keywords(folded, words, how)) {
        if !found.iter().any(|w| w == word) {
            found.push(word.to_owned());
        }
    }
    found
}

/// The grounds that may apply to `entry`. `personal_terms` are strings that
/// identify the seller (their name, street, a private phone) to look for on
/// top of any e-mail address or phone number.
pub fn possible_grounds(entry: &FeedbackEntry, personal_terms: &[&str]) -> Vec<PossibleGround> {
    let folded = fold(&entry.comment);
    let mut grounds = Vec::new();
    let Some(words) = keywords() else {
        return personal_information(&folded, personal_terms).into_iter().collect();
    };

    if entry.rating.sentiment() == Sentiment::Negative
        && entry.handled_by_csba
        && entry.fulfillment == Fulfillment::Seller
    {
        let evidence = hits(&folded, &words.customer_service, Match::WordStart);
        if !evidence.is_empty() {
            grounds.push(PossibleGround { ground: Ground::CausedByCsba, evidence });
        }
    }

    let evidence = hits(&folded, &words.obscene, Match::WholeWord);
    if !evidence.is_empty() {
        grounds.push(PossibleGround { ground: Ground::ObsceneLanguage, evidence });
    }

    grounds.extend(personal_information(&folded, personal_terms));

    let product = hits(&folded, &words.product, Match::WordStart);
    if !product.is_empty() && hits(&folded, &words.seller_service, Match::WordStart).is_empty() {
        grounds.push(PossibleGround { ground: Ground::EntirelyProductReview, evidence: product });
    }

    if entry.fulfillment == Fulfillment::Amazon {
        let evidence = hits(&folded, &words.delivery, Match::WordStart);
        if !evidence.is_empty() {
            grounds.push(PossibleGround { ground: Ground::AmazonFulfilledDeliveryComplaint, evidence });
        }
    }
    grounds
}

fn personal_information(folded: &str, personal_terms: &[&str]) -> Option<PossibleGround> {
    let mut evidence = emails(folded);
    evidence.extend(phones(folded));
    evidence.extend(
        personal_terms.iter().map(|t| fold(t.trim())).filter(|t| t.chars().count() >= 2 && folded.contains(t.as_str())),
    );
    (!evidence.is_empty()).then_some(PossibleGround { ground: Ground::SellersPersonalInformation, evidence })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keyword_file_parses_with_all_four_languages() -> Result<(), toml::de::Error> {
        let k: Keywords = toml::from_str(KEYWORDS)?;
        for lists in [&k.customer_service, &k.obscene, &k.product, &k.seller_service, &k.delivery] {
            let langs: Vec<&str> = lists.keys().map(String::as_str).collect();
            assert_eq!(langs, vec!["en", "ja", "ko", "zh-CN"]);
            // Matching runs on folded text, so the words must be folded too.
            for w in lists.values().flatten() {
                assert_eq!(&fold(w), w);
            }
        }
        Ok(())
    }
}
