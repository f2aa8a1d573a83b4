//! The return-policy checker against the JP seed's own rules, and the US
//! rules established from Amazon's help pages.

use chrono::NaiveDate;
use csba_domain::policy::{
    check, Category, CategoryTerms, Payer, RestockingFee, RestockingWhen, ReturnAddress, ReturnMode, ReturnPolicy,
    ReturnReason, Violation, ViolationCode,
};
use csba_domain::Marketplace;

type R = Result<(), String>;

fn day() -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(2026, 11, 22).ok_or_else(|| "date".to_owned())
}

fn terms(category: Category, returnable: bool, free_returns: bool) -> CategoryTerms {
    CategoryTerms { category, returnable, free_returns }
}

fn address(country: &str) -> Result<Option<ReturnAddress>, String> {
    Ok(Some(ReturnAddress { country: country.parse().map_err(|e| format!("{e}"))?, lines: vec!["1-1-1".into()] }))
}

/// A policy that meets every JP rule; each test breaks one thing.
fn jp_ok() -> Result<ReturnPolicy, String> {
    Ok(ReturnPolicy {
        return_window_days: 30,
        returns: ReturnMode::SendBack,
        returnless_threshold_minor: None,
        return_address: address("JP")?,
        prepaid_return_label: false,
        return_shipping: [(ReturnReason::NoLongerNeeded, Payer::Buyer), (ReturnReason::Defective, Payer::Seller)]
            .into_iter()
            .collect(),
        categories: vec![terms(Category::Electronics, true, false), terms(Category::Food, false, false)],
        refund_within_business_days: 2,
        restocking_fee: None,
    })
}

fn run(mp: Marketplace, p: &ReturnPolicy) -> Result<Vec<Violation>, String> {
    check(mp, day()?, p).map_err(|e| e.to_string())
}

fn codes(v: &[Violation]) -> Vec<(&'static str, &str)> {
    v.iter().map(|v| (v.code.code(), v.rule.as_str())).collect()
}

#[test]
fn the_baseline_is_compliant_in_both_marketplaces_but_for_the_address() -> R {
    assert_eq!(run(Marketplace::Jp, &jp_ok()?)?, vec![]);
    let mut us = jp_ok()?;
    us.return_address = address("US")?;
    assert_eq!(run(Marketplace::Us, &us)?, vec![]);
    Ok(())
}

#[test]
fn seed_a_return_address_outside_japan_cannot_be_used() -> R {
    let mut p = jp_ok()?;
    p.return_address = address("CN")?;
    assert_eq!(
        codes(&run(Marketplace::Jp, &p)?),
        vec![("return_address_outside_marketplace", "jp.return_address_domestic")]
    );
    // A prepaid label does not help in JP: the buyer may not be asked to ship abroad.
    p.prepaid_return_label = true;
    assert_eq!(run(Marketplace::Jp, &p)?.len(), 1);
    // Returnless refunds are the way out.
    p.returns = ReturnMode::Returnless;
    assert_eq!(run(Marketplace::Jp, &p)?, vec![]);
    // Returnless below a threshold still sends bigger items back, so the address matters.
    p.returns = ReturnMode::ReturnlessBelowThreshold;
    p.returnless_threshold_minor = Some(3000);
    assert_eq!(run(Marketplace::Jp, &p)?.len(), 1);
    Ok(())
}

#[test]
fn sending_back_without_an_address_is_a_violation() -> R {
    let mut p = jp_ok()?;
    p.return_address = None;
    assert_eq!(codes(&run(Marketplace::Jp, &p)?), vec![("return_address_missing", "jp.return_address_domestic")]);
    p.return_address =
        Some(ReturnAddress { country: "JP".parse().map_err(|e| format!("{e}"))?, lines: vec![" ".into()] });
    assert_eq!(codes(&run(Marketplace::Jp, &p)?), vec![("return_address_incomplete", "jp.return_address_domestic")]);
    Ok(())
}

#[test]
fn seed_each_of_the_fifteen_reasons_is_at_the_sellers_cost() -> R {
    for reason in &ReturnReason::ALL[..15] {
        let mut p = jp_ok()?;
        p.return_shipping.insert(*reason, Payer::Buyer);
        let v = run(Marketplace::Jp, &p)?;
        assert_eq!(v.len(), 1, "{reason:?}");
        assert_eq!(v[0].code, ViolationCode::SellerMustPayReturnShipping);
        assert_eq!(v[0].reason, Some(*reason));
        assert_eq!(v[0].rule, "jp.seller_paid_reasons");
    }
    Ok(())
}

#[test]
fn seed_the_seven_buyer_reasons_may_be_at_the_buyers_cost() -> R {
    let mut p = jp_ok()?;
    for reason in &ReturnReason::ALL[15..] {
        p.return_shipping.insert(*reason, Payer::Buyer);
    }
    assert_eq!(run(Marketplace::Jp, &p)?, vec![]);
    Ok(())
}

#[test]
fn seed_shoes_ship_back_free_even_for_size_too_small() -> R {
    let mut p = jp_ok()?;
    p.return_shipping.insert(ReturnReason::SizeTooSmall, Payer::Buyer);
    p.categories.push(terms(Category::Shoes, true, false));
    let v = run(Marketplace::Jp, &p)?;
    assert_eq!(codes(&v), vec![("free_returns_required", "jp.free_returns_apparel_bags_shoes")]);
    assert_eq!(v[0].category, Some(Category::Shoes));
    p.categories.last_mut().ok_or("no category")?.free_returns = true;
    assert_eq!(run(Marketplace::Jp, &p)?, vec![]);
    Ok(())
}

#[test]
fn seed_apparel_and_bags_too() -> R {
    let mut p = jp_ok()?;
    p.categories = vec![terms(Category::Apparel, true, false), terms(Category::Bags, true, false)];
    let v = run(Marketplace::Jp, &p)?;
    assert_eq!(v.iter().map(|v| v.category).collect::<Vec<_>>(), vec![Some(Category::Apparel), Some(Category::Bags)]);
    Ok(())
}

#[test]
fn seed_food_drinks_and_hazmat_must_be_non_returnable_in_jp_only() -> R {
    let mut p = jp_ok()?;
    p.categories = vec![
        terms(Category::Food, true, false),
        terms(Category::Beverages, true, false),
        terms(Category::Hazmat, true, false),
    ];
    let v = run(Marketplace::Jp, &p)?;
    assert_eq!(v.iter().filter(|v| v.code == ViolationCode::CategoryMustBeNonReturnable).count(), 3);
    assert!(v.iter().all(|v| v.rule == "jp.non_returnable_categories"));
    // The US allows a seller to be kinder than Amazon.
    p.return_address = address("US")?;
    assert_eq!(run(Marketplace::Us, &p)?, vec![]);
    Ok(())
}

#[test]
fn other_categories_must_accept_returns() -> R {
    let mut p = jp_ok()?;
    p.categories = vec![terms(Category::Toys, false, false)];
    assert_eq!(codes(&run(Marketplace::Jp, &p)?), vec![("category_must_be_returnable", "jp.returns_accepted")]);
    Ok(())
}

#[test]
fn seed_drugs_and_medical_devices_are_outside_csba_in_jp() -> R {
    let mut p = jp_ok()?;
    p.categories = vec![terms(Category::Drugs, true, false), terms(Category::MedicalDevices, true, false)];
    assert_eq!(
        codes(&run(Marketplace::Jp, &p)?),
        vec![
            ("category_excluded_from_csba", "jp.excluded_categories"),
            ("category_excluded_from_csba", "jp.excluded_categories")
        ]
    );
    p.return_address = address("US")?;
    assert_eq!(run(Marketplace::Us, &p)?, vec![]);
    Ok(())
}

#[test]
fn seed_refund_within_two_business_days() -> R {
    let mut p = jp_ok()?;
    p.refund_within_business_days = 3;
    let v = run(Marketplace::Jp, &p)?;
    assert_eq!(codes(&v), vec![("refund_too_slow", "jp.refund_within_business_days")]);
    assert_eq!(v[0].limit, Some(2));
    Ok(())
}

#[test]
fn return_window_of_thirty_days() -> R {
    let mut p = jp_ok()?;
    p.return_window_days = 29;
    p.return_address = address("US")?;
    let v = run(Marketplace::Us, &p)?;
    assert_eq!(codes(&v), vec![("return_window_too_short", "us.return_window")]);
    assert_eq!(v[0].limit, Some(30));
    Ok(())
}

#[test]
fn us_sellers_abroad_need_a_prepaid_label_or_returnless_refunds() -> R {
    let mut p = jp_ok()?;
    p.return_address = address("CN")?;
    assert_eq!(
        codes(&run(Marketplace::Us, &p)?),
        vec![("return_address_outside_marketplace", "us.return_address_domestic_or_prepaid")]
    );
    p.prepaid_return_label = true;
    assert_eq!(run(Marketplace::Us, &p)?, vec![]);
    Ok(())
}

#[test]
fn restocking_fees_only_for_late_or_damaged_returns() -> R {
    let mut p = jp_ok()?;
    p.restocking_fee = Some(RestockingFee { percent: 15, when: RestockingWhen::AnyReturn });
    assert_eq!(
        codes(&run(Marketplace::Jp, &p)?),
        vec![("restocking_fee_on_compliant_return", "jp.full_refund_for_compliant_returns")]
    );
    p.restocking_fee = Some(RestockingFee { percent: 80, when: RestockingWhen::Late });
    assert_eq!(run(Marketplace::Jp, &p)?, vec![]);
    p.return_address = address("US")?;
    let v = run(Marketplace::Us, &p)?;
    assert_eq!(codes(&v), vec![("restocking_fee_too_high", "us.restocking_fee_limits")]);
    assert_eq!(v[0].limit, Some(50));
    Ok(())
}

#[test]
fn a_threshold_mode_needs_its_threshold() -> R {
    let mut p = jp_ok()?;
    p.returns = ReturnMode::ReturnlessBelowThreshold;
    assert_eq!(
        codes(&run(Marketplace::Jp, &p)?),
        vec![("returnless_threshold_missing", "policy.returnless_threshold")]
    );
    Ok(())
}

#[test]
fn every_violation_at_once() -> R {
    let p = ReturnPolicy {
        return_window_days: 7,
        returns: ReturnMode::SendBack,
        returnless_threshold_minor: None,
        return_address: address("CN")?,
        prepaid_return_label: false,
        return_shipping: ReturnReason::ALL.iter().map(|r| (*r, Payer::Buyer)).collect(),
        categories: vec![terms(Category::Shoes, true, false), terms(Category::Beverages, true, false)],
        refund_within_business_days: 10,
        restocking_fee: Some(RestockingFee { percent: 100, when: RestockingWhen::AnyReturn }),
    };
    let v = run(Marketplace::Jp, &p)?;
    // window + address + refund + 15 reasons + shoes + beverages + fee
    assert_eq!(v.len(), 1 + 1 + 1 + 15 + 1 + 1 + 1, "{v:#?}");
    Ok(())
}

#[test]
fn the_json_file_format_round_trips() -> R {
    let text = r#"{
        "return_window_days": 30,
        "returns": "returnless_below_threshold",
        "returnless_threshold_minor": 1500,
        "return_address": {"country": "JP", "lines": ["東京都目黒区下目黒1-8-1"]},
        "return_shipping": {"size_too_small": "buyer", "defective": "seller"},
        "categories": [{"category": "bags", "returnable": true, "free_returns": true}],
        "refund_within_business_days": 1,
        "restocking_fee": {"percent": 10, "when": "used_or_damaged"}
    }"#;
    let p: ReturnPolicy = serde_json::from_str(text).map_err(|e| e.to_string())?;
    assert_eq!(run(Marketplace::Jp, &p)?, vec![]);
    let again: ReturnPolicy =
        serde_json::from_str(&serde_json::to_string(&p).map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    assert_eq!(again, p);
    Ok(())
}

/// The categories CSBA excludes are stated twice — in the marketplace data
/// (what CSBA covers) and in the return rules (what a policy may offer) —
/// because each file is versioned on its own; they must never disagree.
#[test]
fn excluded_categories_agree_with_the_marketplace_data() -> Result<(), String> {
    for marketplace in Marketplace::ALL {
        let on = day()?;
        let policy_rules = csba_domain::policy::rules_for(marketplace, on).map_err(|e| e.to_string())?;
        let marketplace_rules = marketplace.rules(on).map_err(|e| e.to_string())?;
        let from_policy: Vec<&str> = policy_rules.excluded.categories.iter().map(|c| c.code()).collect();
        assert_eq!(from_policy, marketplace_rules.excluded_categories, "{marketplace}");
    }
    Ok(())
}
