//! `csba policy check` end to end: exit codes and the exact JSON shape.

mod common;
use common::csba;
use serde_json::{json, Value};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn check_json(marketplace: &str, file: &str) -> Result<(Option<i32>, Value), String> {
    let path = fixture(file);
    let path = path.to_str().ok_or("path")?;
    let out = csba(&["policy", "check", "--marketplace", marketplace, "--on", "2026-11-22", "--json", path])?;
    let value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&out.stdout)))?;
    Ok((out.status.code(), value))
}

#[test]
fn compliant_jp_and_us_examples_pass_with_exit_0() -> Result<(), String> {
    for (mp, file) in [("JP", "policy-jp-compliant.json"), ("US", "policy-us-compliant.json")] {
        let (code, value) = check_json(mp, file)?;
        assert_eq!(value, json!({"compliant": true, "violations": []}), "{file}");
        assert_eq!(code, Some(0), "{file}");
    }
    Ok(())
}

#[test]
fn the_us_example_breaks_jp_rules_because_its_address_is_in_china() -> Result<(), String> {
    let (code, value) = check_json("jp", "policy-us-compliant.json")?;
    assert_eq!(code, Some(1));
    assert_eq!(
        value,
        json!({"compliant": false, "violations": [
            {"code": "return_address_outside_marketplace", "rule": "jp.return_address_domestic"}
        ]})
    );
    Ok(())
}

#[test]
fn every_jp_violation_is_reported_with_its_rule() -> Result<(), String> {
    let (code, value) = check_json("JP", "policy-jp-broken.json")?;
    assert_eq!(code, Some(1));
    assert_eq!(
        value,
        json!({"compliant": false, "violations": [
            {"code": "return_window_too_short", "rule": "jp.return_window"},
            {"code": "return_address_outside_marketplace", "rule": "jp.return_address_domestic"},
            {"code": "refund_too_slow", "rule": "jp.refund_within_business_days"},
            {"code": "seller_must_pay_return_shipping", "rule": "jp.seller_paid_reasons"},
            {"code": "free_returns_required", "rule": "jp.free_returns_apparel_bags_shoes"},
            {"code": "category_must_be_non_returnable", "rule": "jp.non_returnable_categories"},
            {"code": "category_excluded_from_csba", "rule": "jp.excluded_categories"}
        ]})
    );
    Ok(())
}

#[test]
fn human_output_explains_each_violation_in_the_chosen_language() -> Result<(), String> {
    let path = fixture("policy-jp-broken.json");
    let path = path.to_str().ok_or("path")?;
    let out = csba(&["--lang", "zh-CN", "policy", "check", "--marketplace", "JP", "--on", "2026-11-22", path])?;
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("违反了 JP 站点的 7 条规则"), "{text}");
    assert!(text.contains("退货理由为“商品有瑕疵或无法正常工作”时"), "{text}");
    assert!(text.contains("鞋靴：无论买家选择何种退货理由"), "{text}");
    assert!(text.contains("规则 jp.return_address_domestic："), "{text}");
    assert!(!text.contains("policy-"), "an untranslated message id leaked: {text}");

    let out = csba(&[
        "--lang",
        "en",
        "policy",
        "check",
        "--marketplace",
        "US",
        "--on",
        "2026-11-22",
        &fixture("policy-us-compliant.json").to_string_lossy(),
    ])?;
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "This return policy meets every US rule.\n");
    Ok(())
}

#[test]
fn an_unknown_field_is_named_with_its_line_and_column() -> Result<(), String> {
    let path = fixture("policy-unknown-field.json");
    let out = csba(&["--lang", "en", "policy", "check", "--marketplace", "JP", "--json", &path.to_string_lossy()])?;
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 5, column 17"), "{err}");
    assert!(err.contains("there is no field called “return_adress”"), "{err}");
    Ok(())
}

#[test]
fn bad_input_is_a_clear_error_never_a_panic() -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let cases: [(&str, &str, &str); 4] = [
        ("syntax.json", "{\"return_window_days\": 30,", "this is not valid JSON"),
        (
            "country.json",
            r#"{"return_window_days": 30, "returns": "send_back", "refund_within_business_days": 2, "return_address": {"country": "Japan", "lines": ["x"]}}"#,
            "“Japan” is not a two-letter country code",
        ),
        (
            "variant.json",
            r#"{"return_window_days": 30, "returns": "maybe", "refund_within_business_days": 2}"#,
            "“maybe” is not one of the allowed values",
        ),
        (
            "missing.json",
            r#"{"returns": "send_back", "refund_within_business_days": 2}"#,
            "the required field “return_window_days” is missing",
        ),
    ];
    for (name, body, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, body).map_err(|e| e.to_string())?;
        let out = csba(&["--lang", "en", "policy", "check", "--marketplace", "JP", &path.to_string_lossy()])?;
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }

    let out = csba(&[
        "--lang",
        "en",
        "policy",
        "check",
        "--marketplace",
        "JP",
        &dir.path().join("absent.json").to_string_lossy(),
    ])?;
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be read"));

    let out = csba(&[
        "--lang",
        "en",
        "policy",
        "check",
        "--marketplace",
        "DE",
        &fixture("policy-jp-compliant.json").to_string_lossy(),
    ])?;
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("“DE” is not a marketplace"));
    Ok(())
}

#[test]
fn every_rule_code_reason_and_category_has_text_in_every_language() -> Result<(), String> {
    use csba_domain::policy::{
        rule_message_id, rules_for, Category, ReturnReason, ViolationCode, RULE_RETURNLESS_THRESHOLD,
    };
    use csba_domain::Marketplace;
    let catalog = csba_i18n::Catalog::load().map_err(|e| e.to_string())?;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).ok_or("date")?;
    let mut ids = vec![rule_message_id(RULE_RETURNLESS_THRESHOLD)];
    for mp in Marketplace::ALL {
        ids.extend(rules_for(mp, day).map_err(|e| e.to_string())?.rule_ids().iter().map(|r| rule_message_id(r)));
    }
    ids.extend(ViolationCode::ALL.iter().map(|c| c.message_id()));
    ids.extend(ReturnReason::ALL.iter().map(|r| r.message_id()));
    ids.extend(Category::ALL.iter().map(|c| format!("policy-category-{}", c.code().replace('_', "-"))));
    for locale in csba_i18n::Locale::ALL {
        for id in &ids {
            // Every placeable a violation message may use is supplied.
            let args = [("reason", "r".into()), ("category", "c".into()), ("limit", "1".into())];
            let text = catalog.format(locale, id, &args);
            assert_ne!(&text, id, "{locale}: no message {id}");
        }
    }
    Ok(())
}
