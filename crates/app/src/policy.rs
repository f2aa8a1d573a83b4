//! Return policies per store and marketplace: the current version with its
//! history and what changed between two versions, the live check of a
//! policy as the seller edits it (each violation at its form field, with
//! the rule behind it), submitting through the outbox, and the refund
//! deadline of every return that arrived and is not refunded yet.

use crate::desk::Desk;
use crate::enrollment::PendingAction;
use crate::error::{AppError, ErrorCode};
use crate::filter::ViewFilter;
use crate::pending::{pending_for, server_now};
use crate::views::QueueItem;
use chrono::{DateTime, NaiveDate, Utc};
use csba_domain::policy::{
    self, Category, Payer, RestockingWhen, ReturnPolicy, ReturnReason, ReturnRules, Violation, ViolationCode,
};
use csba_domain::Marketplace;
use csba_store::{AccountId, Action, ReturnPolicyRecord, Store};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PolicyScreen {
    /// One per account and marketplace it sells on, by account then marketplace.
    pub policies: Vec<PolicyView>,
    /// Returns that arrived and wait for their refund, the earliest deadline first.
    pub returns: Vec<ReturnRefundView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PolicyView {
    pub account_id: AccountId,
    pub marketplace: Marketplace,
    /// The highest version on file; `None` before the first submission.
    pub current: Option<ReturnPolicyRecord>,
    /// Every version, newest first (the first is `current`).
    pub history: Vec<ReturnPolicyRecord>,
    /// What the current version breaks under today's rules (they change:
    /// a policy accepted last year may not pass now).
    pub violations_now: Vec<FieldViolation>,
    /// A submission queued and not confirmed yet, or refused.
    pub pending: Option<PendingAction>,
    pub rules: RulesSummary,
}

/// One broken rule, at the form field it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldViolation {
    /// The form field: `return_window_days`, `returns`, `returnless_threshold_minor`,
    /// `return_address`, `return_address.lines`, `return_address.country`,
    /// `return_shipping.<reason>`, `categories.<category>`,
    /// `refund_within_business_days`, `restocking_fee`.
    pub field: String,
    pub code: ViolationCode,
    /// The stable rule id (`jp.return_address_domestic`).
    pub rule: String,
    /// The catalog message that words the violation (`policy-violation-…`),
    /// with `reason`, `category` and `limit` as its arguments.
    pub message_id: String,
    /// The catalog message that states the rule (`policy-rule-…`).
    pub rule_message_id: String,
    pub reason: Option<ReturnReason>,
    pub category: Option<Category>,
    pub limit: Option<u32>,
}

/// What the marketplace's rules ask, for the form's hints and defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RulesSummary {
    /// The day this version of the rules took effect.
    pub effective_from: NaiveDate,
    pub min_return_window_days: u32,
    /// The country a return address must be in (ISO 3166-1 alpha-2).
    pub return_address_country: String,
    /// An address abroad is accepted when the seller sends prepaid return labels (US).
    pub abroad_allowed_with_prepaid_label: bool,
    pub max_refund_business_days: u32,
    /// Reasons whose return shipping is always the seller's (JP: the seed's 15).
    pub seller_pays: Vec<ReturnReason>,
    /// Reasons the buyer may be asked to pay for (JP: the seed's 7).
    pub buyer_may_pay: Vec<ReturnReason>,
    /// Categories that always ship back free (JP: apparel, bags, shoes).
    pub free_return_categories: Vec<Category>,
    /// Categories that are not returnable (JP: food, drinks, hazardous goods).
    pub non_returnable_categories: Vec<Category>,
    /// Whether the policy must mark them non-returnable (JP) or may accept them (US).
    pub non_returnable_must_be_marked: bool,
    /// Categories CSBA does not cover at all.
    pub excluded_categories: Vec<Category>,
    pub restocking_fee_allowed_when: Vec<RestockingWhen>,
    pub restocking_fee_max_percent: Option<u8>,
    /// Every category and reason the form offers, in the rules' order.
    pub categories: Vec<Category>,
    pub reasons: Vec<ReturnReason>,
}

/// One field that differs between two versions, as text (`None`: not set).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PolicyChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A return that arrived back at the seller and is not refunded yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReturnRefundView {
    pub account_id: AccountId,
    pub order_id: String,
    pub marketplace: Marketplace,
    pub item_title: String,
    pub return_received_at: DateTime<Utc>,
    /// The last instant of the last business day the refund is due on.
    pub refund_by: DateTime<Utc>,
    /// `refund_by` on the marketplace's wall clock: `2026-12-08T23:59`.
    pub refund_by_local: String,
    /// The marketplace's IANA time zone (`Asia/Tokyo`).
    pub zone: String,
}

/// Checks `policy` against `marketplace`'s rules in effect today there, as
/// the seller edits it: every violation, at its field.
pub fn check_policy(
    marketplace: Marketplace,
    policy: &ReturnPolicy,
    now: DateTime<Utc>,
) -> Result<Vec<FieldViolation>, AppError> {
    let today = local_day(marketplace, now)?;
    let violations = policy::check(marketplace, today, policy).map_err(|e| {
        tracing::error!("return rules: {e}");
        AppError::new(ErrorCode::MarketplaceUnknown)
    })?;
    Ok(violations.iter().map(field_violation).collect())
}

impl Desk {
    pub fn policy_screen(&self, filter: ViewFilter, now: DateTime<Utc>) -> Result<PolicyScreen, AppError> {
        let store = self.store()?;
        let unsent = store.unsent_outbox()?;
        let mut policies = Vec::new();
        for account in store.accounts()? {
            let server_now = server_now(&store, account.id, now)?;
            for &marketplace in &account.marketplaces {
                if !filter.admits(account.id, marketplace) {
                    continue;
                }
                let history = store.return_policy_history(account.id, marketplace)?;
                let current = history.first().cloned();
                let violations_now = match &current {
                    Some(record) => check_policy(marketplace, &record.policy, server_now)?,
                    None => Vec::new(),
                };
                policies.push(PolicyView {
                    account_id: account.id,
                    marketplace,
                    current,
                    history,
                    violations_now,
                    pending: pending_for(&unsent, account.id, &object_key(marketplace)),
                    rules: rules_summary(rules(marketplace, server_now)?),
                });
            }
        }
        policies.sort_by_key(|p| (p.account_id, p.marketplace));
        Ok(PolicyScreen { policies, returns: crate::refunds::returns_awaiting_refund(&store, filter)? })
    }

    /// Queues `policy` as `account`'s return policy on `marketplace`. A
    /// policy that breaks a rule is refused here, at its first field, so
    /// nothing the service would refuse is queued; the service checks again.
    pub fn submit_policy(
        &self,
        account: AccountId,
        marketplace: Marketplace,
        policy: ReturnPolicy,
        now: DateTime<Utc>,
    ) -> Result<QueueItem, AppError> {
        let entry = {
            let mut store = self.store()?;
            sells_on(&store, account, marketplace)?;
            let violations = check_policy(marketplace, &policy, server_now(&store, account, now)?)?;
            if let Some(first) = violations.first() {
                return Err(AppError::new(ErrorCode::PolicyNotCompliant)
                    .with_arg("count", violations.len().to_string())
                    .with_arg("code", first.code.code())
                    .with_arg("rule", first.rule.clone())
                    .at(&first.field));
            }
            store.enqueue(account, &Action::ReturnPolicy { marketplace, policy }, now)?
        };
        self.wake(account);
        Ok(entry.into())
    }

    /// Every field that differs from version `from_version` to `to_version`.
    pub fn policy_diff(
        &self,
        account: AccountId,
        marketplace: Marketplace,
        from_version: i64,
        to_version: i64,
    ) -> Result<Vec<PolicyChange>, AppError> {
        let history = self.store()?.return_policy_history(account, marketplace)?;
        let version = |v: i64, field: &str| {
            history.iter().find(|r| r.version == v).map(|r| fields(&r.policy)).ok_or_else(|| {
                AppError::new(ErrorCode::PolicyVersionNotFound).with_arg("version", v.to_string()).at(field)
            })
        };
        let before = version(from_version, "from_version")?;
        let after = version(to_version, "to_version")?;
        Ok(diff(&before, &after))
    }
}

fn object_key(marketplace: Marketplace) -> String {
    format!("return-policy:{}", marketplace.code())
}

fn sells_on(store: &Store, account: AccountId, marketplace: Marketplace) -> Result<(), AppError> {
    let known = store
        .account(account)?
        .ok_or_else(|| AppError::new(ErrorCode::AccountUnknown).with_arg("id", account.to_string()))?;
    if known.marketplaces.contains(&marketplace) {
        Ok(())
    } else {
        Err(AppError::new(ErrorCode::MarketplaceUnknown).with_arg("marketplace", marketplace.code()).at("marketplace"))
    }
}

/// The day in the marketplace's own time zone: rules change on a local date.
fn local_day(marketplace: Marketplace, now: DateTime<Utc>) -> Result<NaiveDate, AppError> {
    let zone = marketplace.time_zone().map_err(|_| AppError::new(ErrorCode::MarketplaceUnknown))?;
    Ok(now.with_timezone(&zone).date_naive())
}

fn rules(marketplace: Marketplace, now: DateTime<Utc>) -> Result<&'static ReturnRules, AppError> {
    policy::rules_for(marketplace, local_day(marketplace, now)?).map_err(|e| {
        tracing::error!("return rules: {e}");
        AppError::new(ErrorCode::MarketplaceUnknown)
    })
}

fn rules_summary(rules: &ReturnRules) -> RulesSummary {
    RulesSummary {
        effective_from: rules.effective_from,
        min_return_window_days: rules.return_window.min_days,
        return_address_country: rules.return_address.country.clone(),
        abroad_allowed_with_prepaid_label: rules.return_address.abroad_allowed_with_prepaid_label,
        max_refund_business_days: rules.refund.max_business_days,
        seller_pays: rules.return_shipping.seller_pays.clone(),
        buyer_may_pay: ReturnReason::ALL
            .iter()
            .copied()
            .filter(|r| !rules.return_shipping.seller_pays.contains(r))
            .collect(),
        free_return_categories: rules.free_returns.categories.clone(),
        non_returnable_categories: rules.non_returnable.categories.clone(),
        non_returnable_must_be_marked: rules.non_returnable.must_be_marked,
        excluded_categories: rules.excluded.categories.clone(),
        restocking_fee_allowed_when: rules.restocking_fee.allowed_when.clone(),
        restocking_fee_max_percent: rules.restocking_fee.max_percent,
        categories: Category::ALL.to_vec(),
        reasons: ReturnReason::ALL.to_vec(),
    }
}

fn field_violation(v: &Violation) -> FieldViolation {
    FieldViolation {
        field: field_of(v),
        code: v.code,
        rule: v.rule.clone(),
        message_id: v.code.message_id(),
        rule_message_id: v.rule_message_id(),
        reason: v.reason,
        category: v.category,
        limit: v.limit,
    }
}

/// The form field a violation belongs at.
fn field_of(v: &Violation) -> String {
    use ViolationCode as C;
    let category = || format!("categories.{}", v.category.map_or("", |c| c.code()));
    match v.code {
        C::ReturnWindowTooShort => "return_window_days".to_owned(),
        C::ReturnAddressMissing => "return_address".to_owned(),
        C::ReturnAddressIncomplete => "return_address.lines".to_owned(),
        C::ReturnAddressOutsideMarketplace => "return_address.country".to_owned(),
        C::ReturnlessThresholdMissing => "returnless_threshold_minor".to_owned(),
        C::RefundTooSlow => "refund_within_business_days".to_owned(),
        C::SellerMustPayReturnShipping => format!("return_shipping.{}", v.reason.map_or("", |r| r.code())),
        C::FreeReturnsRequired
        | C::CategoryMustBeReturnable
        | C::CategoryMustBeNonReturnable
        | C::CategoryExcludedFromCsba => category(),
        C::RestockingFeeOnCompliantReturn | C::RestockingFeeTooHigh => "restocking_fee".to_owned(),
    }
}

/// A policy as field → text, with the form's field ids, so two versions
/// compare field by field. Reasons and categories left out are absent.
fn fields(p: &ReturnPolicy) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut put = |field: String, value: String| {
        out.insert(field, value);
    };
    put("return_window_days".into(), p.return_window_days.to_string());
    put("returns".into(), json_code(&p.returns));
    if let Some(threshold) = p.returnless_threshold_minor {
        put("returnless_threshold_minor".into(), threshold.to_string());
    }
    if let Some(address) = &p.return_address {
        put("return_address.country".into(), address.country.as_str().to_owned());
        put("return_address.lines".into(), address.lines.join("\n"));
    }
    put("prepaid_return_label".into(), p.prepaid_return_label.to_string());
    for (reason, payer) in &p.return_shipping {
        put(format!("return_shipping.{}", reason.code()), payer_code(*payer).to_owned());
    }
    for terms in &p.categories {
        let key = format!("categories.{}", terms.category.code());
        put(format!("{key}.returnable"), terms.returnable.to_string());
        put(format!("{key}.free_returns"), terms.free_returns.to_string());
    }
    put("refund_within_business_days".into(), p.refund_within_business_days.to_string());
    if let Some(fee) = p.restocking_fee {
        put("restocking_fee.percent".into(), fee.percent.to_string());
        put("restocking_fee.when".into(), fee.when.code().to_owned());
    }
    out
}

fn diff(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) -> Vec<PolicyChange> {
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| before.get(*k) != after.get(*k))
        .map(|k| PolicyChange { field: k.clone(), before: before.get(k).cloned(), after: after.get(k).cloned() })
        .collect()
}

fn payer_code(p: Payer) -> &'static str {
    match p {
        Payer::Seller => "seller",
        Payer::Buyer => "buyer",
    }
}

/// The JSON spelling of a unit enum (`send_back`).
fn json_code(value: &impl Serialize) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use csba_domain::policy::{CategoryTerms, ReturnAddress, ReturnMode};

    fn jp_policy() -> ReturnPolicy {
        ReturnPolicy {
            return_window_days: 30,
            returns: ReturnMode::SendBack,
            returnless_threshold_minor: None,
            return_address: "JP".parse().ok().map(|country| ReturnAddress { country, lines: vec!["千葉県".into()] }),
            prepaid_return_label: false,
            return_shipping: Default::default(),
            categories: vec![CategoryTerms { category: Category::Electronics, returnable: true, free_returns: false }],
            refund_within_business_days: 2,
            restocking_fee: None,
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).single().unwrap_or_default()
    }

    #[test]
    fn each_violation_is_at_its_field_with_its_rule() -> Result<(), AppError> {
        let mut p = jp_policy();
        p.return_address = "CN".parse().ok().map(|country| ReturnAddress { country, lines: vec!["深圳".into()] });
        p.refund_within_business_days = 5;
        p.return_shipping.insert(ReturnReason::Defective, Payer::Buyer);
        p.categories.push(CategoryTerms { category: Category::Food, returnable: true, free_returns: false });
        p.categories.push(CategoryTerms { category: Category::Shoes, returnable: true, free_returns: false });
        let found = check_policy(Marketplace::Jp, &p, now())?;
        let fields: Vec<&str> = found.iter().map(|v| v.field.as_str()).collect();
        for expected in [
            "return_address.country",
            "refund_within_business_days",
            "return_shipping.defective",
            "categories.food",
            "categories.shoes",
        ] {
            assert!(fields.contains(&expected), "{expected} missing from {fields:?}");
        }
        let refund = found
            .iter()
            .find(|v| v.field == "refund_within_business_days")
            .ok_or(AppError::new(ErrorCode::Internal))?;
        assert_eq!((refund.limit, refund.message_id.as_str()), (Some(2), "policy-violation-refund-too-slow"));
        assert!(refund.rule_message_id.starts_with("policy-rule-jp-"), "{}", refund.rule_message_id);
        assert!(check_policy(Marketplace::Jp, &jp_policy(), now())?.is_empty());
        Ok(())
    }

    #[test]
    fn the_diff_names_each_changed_field() {
        let before = jp_policy();
        let mut after = jp_policy();
        after.return_window_days = 60;
        after.return_shipping.insert(ReturnReason::SizeTooLarge, Payer::Seller);
        after.return_address = None;
        let changes = diff(&fields(&before), &fields(&after));
        let got: Vec<(&str, Option<&str>, Option<&str>)> =
            changes.iter().map(|c| (c.field.as_str(), c.before.as_deref(), c.after.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("return_address.country", Some("JP"), None),
                ("return_address.lines", Some("千葉県"), None),
                ("return_shipping.size_too_large", None, Some("seller")),
                ("return_window_days", Some("30"), Some("60")),
            ]
        );
        assert!(diff(&fields(&before), &fields(&before)).is_empty());
    }

    #[test]
    fn the_summary_splits_the_seeds_reasons_fifteen_and_seven() -> Result<(), AppError> {
        let summary = rules_summary(rules(Marketplace::Jp, now())?);
        assert_eq!((summary.seller_pays.len(), summary.buyer_may_pay.len()), (15, 7));
        assert_eq!(summary.return_address_country, "JP");
        assert!(summary.free_return_categories.contains(&Category::Shoes));
        assert!(summary.non_returnable_categories.contains(&Category::Food));
        Ok(())
    }
}
