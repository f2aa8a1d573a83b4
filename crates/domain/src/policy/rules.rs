//! The return rules of each marketplace, loaded from `data/return-rules/`.

use super::model::{Category, RestockingWhen, ReturnReason};
use crate::Marketplace;
use chrono::NaiveDate;
use serde::Deserialize;
use std::sync::OnceLock;

const JP: &str = include_str!("../../data/return-rules/jp.toml");
const US: &str = include_str!("../../data/return-rules/us.toml");

/// One version of a marketplace's return rules. Every section names the
/// stable rule id (`jp.return_window`) that a violation reports.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnRules {
    pub effective_from: NaiveDate,
    /// Where the rules come from, for people reading the data.
    pub source: String,
    pub return_window: WindowRule,
    pub return_address: AddressRule,
    pub returns_accepted: RuleRef,
    pub refund: RefundRule,
    pub return_shipping: ShippingRule,
    pub free_returns: CategoriesRule,
    pub non_returnable: NonReturnableRule,
    pub excluded: CategoriesRule,
    pub restocking_fee: RestockingRule,
}

impl ReturnRules {
    /// Every rule id this version can report, in the order the checker runs.
    pub fn rule_ids(&self) -> [&str; 9] {
        [
            &self.return_window.rule,
            &self.return_address.rule,
            &self.returns_accepted.rule,
            &self.refund.rule,
            &self.return_shipping.rule,
            &self.free_returns.rule,
            &self.non_returnable.rule,
            &self.excluded.rule,
            &self.restocking_fee.rule,
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowRule {
    pub rule: String,
    pub min_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddressRule {
    pub rule: String,
    /// The country a return address must be in.
    pub country: String,
    /// Whether a seller abroad may instead send prepaid return labels.
    pub abroad_allowed_with_prepaid_label: bool,
}

/// A rule with nothing to configure but its id.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleRef {
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefundRule {
    pub rule: String,
    pub max_business_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShippingRule {
    pub rule: String,
    /// Reasons whose return shipping is always the seller's.
    pub seller_pays: Vec<ReturnReason>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoriesRule {
    pub rule: String,
    pub categories: Vec<Category>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NonReturnableRule {
    pub rule: String,
    pub categories: Vec<Category>,
    /// Whether the policy must mark these categories non-returnable (JP), or
    /// may accept their returns as a kindness beyond Amazon's policy (US).
    pub must_be_marked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestockingRule {
    pub rule: String,
    pub allowed_when: Vec<RestockingWhen>,
    #[serde(default)]
    pub max_percent: Option<u8>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    version: Vec<ReturnRules>,
}

/// An embedded rules file that does not parse (a build-time mistake; the
/// unit tests catch it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RulesError {
    #[error("data/return-rules/{file}: {message}")]
    Unreadable { file: &'static str, message: String },
    #[error("data/return-rules/{file}: no version")]
    Empty { file: &'static str },
}

impl RulesError {
    pub fn code(&self) -> &'static str {
        match self {
            RulesError::Unreadable { .. } => "return_rules_unreadable",
            RulesError::Empty { .. } => "return_rules_empty",
        }
    }
}

fn parse(file: &'static str, text: &str) -> Result<Vec<ReturnRules>, RulesError> {
    let mut versions =
        toml::from_str::<RulesFile>(text).map_err(|e| RulesError::Unreadable { file, message: e.to_string() })?.version;
    if versions.is_empty() {
        return Err(RulesError::Empty { file });
    }
    versions.sort_by_key(|v| v.effective_from);
    Ok(versions)
}

fn all(marketplace: Marketplace) -> Result<&'static [ReturnRules], RulesError> {
    static JP_RULES: OnceLock<Result<Vec<ReturnRules>, RulesError>> = OnceLock::new();
    static US_RULES: OnceLock<Result<Vec<ReturnRules>, RulesError>> = OnceLock::new();
    let cell = match marketplace {
        Marketplace::Jp => JP_RULES.get_or_init(|| parse("jp.toml", JP)),
        Marketplace::Us => US_RULES.get_or_init(|| parse("us.toml", US)),
    };
    cell.as_deref().map_err(Clone::clone)
}

/// The rules in effect in `marketplace` on day `on`. Before the first
/// recorded version the earliest one applies: a policy is never checked
/// against nothing.
pub fn rules_for(marketplace: Marketplace, on: NaiveDate) -> Result<&'static ReturnRules, RulesError> {
    let versions = all(marketplace)?;
    let file = match marketplace {
        Marketplace::Jp => "jp.toml",
        Marketplace::Us => "us.toml",
    };
    versions
        .iter()
        .rev()
        .find(|v| v.effective_from <= on)
        .or_else(|| versions.first())
        .ok_or(RulesError::Empty { file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_parses() -> Result<(), RulesError> {
        for mp in Marketplace::ALL {
            let versions = all(mp)?;
            assert!(!versions.is_empty());
            for v in versions {
                let prefix = format!("{}.", mp.code().to_ascii_lowercase());
                for rule in v.rule_ids() {
                    assert!(rule.starts_with(&prefix), "{rule} in {mp}");
                }
            }
        }
        Ok(())
    }

    #[test]
    fn jp_lists_the_seeds_fifteen_seller_paid_reasons() -> Result<(), RulesError> {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).ok_or(RulesError::Empty { file: "" })?;
        let jp = rules_for(Marketplace::Jp, day)?;
        assert_eq!(jp.return_shipping.seller_pays.len(), 15);
        assert_eq!(jp.return_shipping.seller_pays, ReturnReason::ALL[..15].to_vec());
        assert_eq!(jp.refund.max_business_days, 2);
        assert_eq!(jp.return_address.country, "JP");
        Ok(())
    }

    #[test]
    fn the_earliest_version_applies_before_any_version() -> Result<(), RulesError> {
        let day = NaiveDate::from_ymd_opt(2000, 1, 1).ok_or(RulesError::Empty { file: "" })?;
        assert_eq!(rules_for(Marketplace::Us, day)?.return_window.min_days, 30);
        Ok(())
    }
}
