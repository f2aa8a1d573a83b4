//! The checker: a policy against the rules of its marketplace.

use super::model::{Category, Payer, RestockingWhen, ReturnMode, ReturnPolicy, ReturnReason};
use super::rules::{rules_for, ReturnRules, RulesError};
use crate::Marketplace;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What is wrong with a policy. The `code()` is stable; the catalog explains
/// it under `policy-violation-<code with hyphens>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ViolationCode {
    ReturnWindowTooShort,
    ReturnAddressMissing,
    ReturnAddressIncomplete,
    ReturnAddressOutsideMarketplace,
    ReturnlessThresholdMissing,
    RefundTooSlow,
    SellerMustPayReturnShipping,
    FreeReturnsRequired,
    CategoryMustBeReturnable,
    CategoryMustBeNonReturnable,
    CategoryExcludedFromCsba,
    RestockingFeeOnCompliantReturn,
    RestockingFeeTooHigh,
}

impl ViolationCode {
    pub fn code(self) -> &'static str {
        match self {
            ViolationCode::ReturnWindowTooShort => "return_window_too_short",
            ViolationCode::ReturnAddressMissing => "return_address_missing",
            ViolationCode::ReturnAddressIncomplete => "return_address_incomplete",
            ViolationCode::ReturnAddressOutsideMarketplace => "return_address_outside_marketplace",
            ViolationCode::ReturnlessThresholdMissing => "returnless_threshold_missing",
            ViolationCode::RefundTooSlow => "refund_too_slow",
            ViolationCode::SellerMustPayReturnShipping => "seller_must_pay_return_shipping",
            ViolationCode::FreeReturnsRequired => "free_returns_required",
            ViolationCode::CategoryMustBeReturnable => "category_must_be_returnable",
            ViolationCode::CategoryMustBeNonReturnable => "category_must_be_non_returnable",
            ViolationCode::CategoryExcludedFromCsba => "category_excluded_from_csba",
            ViolationCode::RestockingFeeOnCompliantReturn => "restocking_fee_on_compliant_return",
            ViolationCode::RestockingFeeTooHigh => "restocking_fee_too_high",
        }
    }

    pub const ALL: [ViolationCode; 13] = [
        ViolationCode::ReturnWindowTooShort,
        ViolationCode::ReturnAddressMissing,
        ViolationCode::ReturnAddressIncomplete,
        ViolationCode::ReturnAddressOutsideMarketplace,
        ViolationCode::ReturnlessThresholdMissing,
        ViolationCode::RefundTooSlow,
        ViolationCode::SellerMustPayReturnShipping,
        ViolationCode::FreeReturnsRequired,
        ViolationCode::CategoryMustBeReturnable,
        ViolationCode::CategoryMustBeNonReturnable,
        ViolationCode::CategoryExcludedFromCsba,
        ViolationCode::RestockingFeeOnCompliantReturn,
        ViolationCode::RestockingFeeTooHigh,
    ];

    /// The catalog message that explains this violation.
    pub fn message_id(self) -> String {
        format!("policy-violation-{}", self.code().replace('_', "-"))
    }
}

/// The rule id a malformed threshold breaks: not a marketplace rule but the
/// policy's own consistency, so it has no marketplace prefix.
pub const RULE_RETURNLESS_THRESHOLD: &str = "policy.returnless_threshold";

/// One broken rule. `reason`, `category` and `limit` say which reason or
/// category is at fault and what the rule requires (days, business days, a
/// percentage), when that applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Violation {
    pub code: ViolationCode,
    /// Stable rule id, such as `jp.return_address_domestic`.
    pub rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ReturnReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl Violation {
    fn new(code: ViolationCode, rule: &str) -> Self {
        Violation { code, rule: rule.to_owned(), reason: None, category: None, limit: None }
    }

    /// The catalog message that states the rule (`policy-rule-…`).
    pub fn rule_message_id(&self) -> String {
        rule_message_id(&self.rule)
    }
}

/// `jp.return_address_domestic` → `policy-rule-jp-return-address-domestic`.
pub fn rule_message_id(rule: &str) -> String {
    format!("policy-rule-{}", rule.replace(['.', '_'], "-"))
}

/// Every rule `policy` breaks in `marketplace` under the rules in effect on
/// day `on`; empty means compliant. Errs only if the embedded rules data is
/// broken, which the crate's tests rule out.
pub fn check(marketplace: Marketplace, on: NaiveDate, policy: &ReturnPolicy) -> Result<Vec<Violation>, RulesError> {
    Ok(check_against(rules_for(marketplace, on)?, policy))
}

/// [`check`] against a given version of the rules.
pub fn check_against(rules: &ReturnRules, policy: &ReturnPolicy) -> Vec<Violation> {
    let mut found = Vec::new();
    let sends_back = policy.returns.asks_for_items_back();

    if policy.return_window_days < rules.return_window.min_days {
        found.push(Violation {
            limit: Some(rules.return_window.min_days),
            ..Violation::new(ViolationCode::ReturnWindowTooShort, &rules.return_window.rule)
        });
    }

    if policy.returns == ReturnMode::ReturnlessBelowThreshold && policy.returnless_threshold_minor.is_none() {
        found.push(Violation::new(ViolationCode::ReturnlessThresholdMissing, RULE_RETURNLESS_THRESHOLD));
    }

    // Only a policy that asks buyers to ship items back needs an address the
    // buyer can ship to; a returnless refund needs none (the seed: without a
    // Japanese address the buyer simply cannot be asked to send it back).
    if sends_back {
        let rule = &rules.return_address;
        match &policy.return_address {
            None => found.push(Violation::new(ViolationCode::ReturnAddressMissing, &rule.rule)),
            Some(address) => {
                if address.lines.iter().all(|l| l.trim().is_empty()) {
                    found.push(Violation::new(ViolationCode::ReturnAddressIncomplete, &rule.rule));
                }
                let abroad = address.country.as_str() != rule.country;
                if abroad && !(rule.abroad_allowed_with_prepaid_label && policy.prepaid_return_label) {
                    found.push(Violation::new(ViolationCode::ReturnAddressOutsideMarketplace, &rule.rule));
                }
            }
        }
    }

    for terms in &policy.categories {
        let category = terms.category;
        let must_refuse = rules.non_returnable.categories.contains(&category);
        if !terms.returnable && !must_refuse {
            found.push(Violation {
                category: Some(category),
                ..Violation::new(ViolationCode::CategoryMustBeReturnable, &rules.returns_accepted.rule)
            });
        }
    }

    if policy.refund_within_business_days > rules.refund.max_business_days {
        found.push(Violation {
            limit: Some(rules.refund.max_business_days),
            ..Violation::new(ViolationCode::RefundTooSlow, &rules.refund.rule)
        });
    }

    if sends_back {
        for reason in &rules.return_shipping.seller_pays {
            if policy.return_shipping.get(reason) == Some(&Payer::Buyer) {
                found.push(Violation {
                    reason: Some(*reason),
                    ..Violation::new(ViolationCode::SellerMustPayReturnShipping, &rules.return_shipping.rule)
                });
            }
        }
        // A policy that already puts every reason at the seller's cost ships
        // everything back free, so it needs no per-category promise.
        let all_free = ReturnReason::ALL.iter().all(|r| policy.return_shipping.get(r) == Some(&Payer::Seller));
        for terms in &policy.categories {
            if rules.free_returns.categories.contains(&terms.category)
                && terms.returnable
                && !terms.free_returns
                && !all_free
            {
                found.push(Violation {
                    category: Some(terms.category),
                    ..Violation::new(ViolationCode::FreeReturnsRequired, &rules.free_returns.rule)
                });
            }
        }
    }

    if rules.non_returnable.must_be_marked {
        for terms in &policy.categories {
            if terms.returnable && rules.non_returnable.categories.contains(&terms.category) {
                found.push(Violation {
                    category: Some(terms.category),
                    ..Violation::new(ViolationCode::CategoryMustBeNonReturnable, &rules.non_returnable.rule)
                });
            }
        }
    }

    for terms in &policy.categories {
        if rules.excluded.categories.contains(&terms.category) {
            found.push(Violation {
                category: Some(terms.category),
                ..Violation::new(ViolationCode::CategoryExcludedFromCsba, &rules.excluded.rule)
            });
        }
    }

    if let Some(fee) = policy.restocking_fee.filter(|f| f.percent > 0) {
        let rule = &rules.restocking_fee;
        if fee.when == RestockingWhen::AnyReturn || !rule.allowed_when.contains(&fee.when) {
            found.push(Violation::new(ViolationCode::RestockingFeeOnCompliantReturn, &rule.rule));
        }
        if let Some(max) = rule.max_percent.filter(|max| fee.percent > *max) {
            found.push(Violation {
                limit: Some(u32::from(max)),
                ..Violation::new(ViolationCode::RestockingFeeTooHigh, &rule.rule)
            });
        }
    }

    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{CategoryTerms, ReturnAddress};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
    }

    fn jp_policy() -> Result<ReturnPolicy, String> {
        Ok(ReturnPolicy {
            return_window_days: 30,
            returns: ReturnMode::SendBack,
            returnless_threshold_minor: None,
            return_address: Some(ReturnAddress {
                country: "JP".parse().map_err(|e| format!("{e}"))?,
                lines: vec!["千葉県市川市塩浜2-13-1".into()],
            }),
            prepaid_return_label: false,
            return_shipping: Default::default(),
            categories: vec![CategoryTerms { category: Category::Electronics, returnable: true, free_returns: false }],
            refund_within_business_days: 2,
            restocking_fee: None,
        })
    }

    fn codes(v: &[Violation]) -> Vec<&'static str> {
        v.iter().map(|v| v.code.code()).collect()
    }

    #[test]
    fn a_plain_domestic_policy_is_compliant() -> Result<(), String> {
        assert_eq!(check(Marketplace::Jp, day(), &jp_policy()?).map_err(|e| e.to_string())?, vec![]);
        Ok(())
    }

    #[test]
    fn returnless_needs_no_address_anywhere() -> Result<(), String> {
        let mut p = jp_policy()?;
        p.returns = ReturnMode::Returnless;
        p.return_address = None;
        assert_eq!(check(Marketplace::Jp, day(), &p).map_err(|e| e.to_string())?, vec![]);
        Ok(())
    }

    #[test]
    fn us_accepts_an_address_abroad_with_prepaid_labels_jp_does_not() -> Result<(), String> {
        let mut p = jp_policy()?;
        p.return_address =
            Some(ReturnAddress { country: "CN".parse().map_err(|e| format!("{e}"))?, lines: vec!["深圳".into()] });
        p.prepaid_return_label = true;
        assert_eq!(codes(&check(Marketplace::Us, day(), &p).map_err(|e| e.to_string())?), Vec::<&str>::new());
        assert_eq!(
            codes(&check(Marketplace::Jp, day(), &p).map_err(|e| e.to_string())?),
            vec!["return_address_outside_marketplace"]
        );
        Ok(())
    }

    #[test]
    fn all_reasons_seller_paid_makes_shoes_free() -> Result<(), String> {
        let mut p = jp_policy()?;
        p.categories = vec![CategoryTerms { category: Category::Shoes, returnable: true, free_returns: false }];
        assert_eq!(
            codes(&check(Marketplace::Jp, day(), &p).map_err(|e| e.to_string())?),
            vec!["free_returns_required"]
        );
        p.return_shipping = ReturnReason::ALL.iter().map(|r| (*r, Payer::Seller)).collect();
        assert_eq!(codes(&check(Marketplace::Jp, day(), &p).map_err(|e| e.to_string())?), Vec::<&str>::new());
        Ok(())
    }

    #[test]
    fn restocking_fees() -> Result<(), String> {
        let mut p = jp_policy()?;
        p.return_address =
            Some(ReturnAddress { country: "US".parse().map_err(|e| format!("{e}"))?, lines: vec!["Seattle".into()] });
        p.restocking_fee = Some(super::super::RestockingFee { percent: 60, when: RestockingWhen::AnyReturn });
        assert_eq!(
            codes(&check(Marketplace::Us, day(), &p).map_err(|e| e.to_string())?),
            vec!["restocking_fee_on_compliant_return", "restocking_fee_too_high"]
        );
        p.restocking_fee = Some(super::super::RestockingFee { percent: 20, when: RestockingWhen::UsedOrDamaged });
        assert_eq!(codes(&check(Marketplace::Us, day(), &p).map_err(|e| e.to_string())?), Vec::<&str>::new());
        Ok(())
    }

    #[test]
    fn message_ids() {
        assert_eq!(rule_message_id("jp.return_address_domestic"), "policy-rule-jp-return-address-domestic");
        assert_eq!(ViolationCode::RefundTooSlow.message_id(), "policy-violation-refund-too-slow");
    }
}
