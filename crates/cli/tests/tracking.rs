//! `csba tracking check|import`: exit codes and the exact JSON other tools
//! rely on.

mod common;
use common::csba;
use serde_json::{json, Value};
use std::process::Output;

fn stdout_json(out: &Output) -> Result<Value, String> {
    serde_json::from_slice(&out.stdout).map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn check_json_is_one_object_per_id_in_order() -> Result<(), String> {
    let out = csba(&[
        "tracking",
        "check",
        "--json",
        "EV876297563CN",
        "ｅｖ８７６２９７５６４ｃｎ",
        "1234-5678-9013",
        "hello",
    ])?;
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout_json(&out)?,
        json!([
            {"input": "EV876297563CN", "valid": true, "normalized": "EV876297563CN", "carrier": "china-post", "reason": null},
            {"input": "ｅｖ８７６２９７５６４ｃｎ", "valid": false, "normalized": "EV876297564CN", "carrier": "china-post", "reason": "check_digit_mismatch"},
            {"input": "1234-5678-9013", "valid": true, "normalized": "123456789013", "carrier": "yamato", "reason": null},
            {"input": "hello", "valid": false, "normalized": "HELLO", "carrier": null, "reason": "unknown_format"}
        ])
    );
    Ok(())
}

#[test]
fn check_with_a_declared_carrier() -> Result<(), String> {
    let out = csba(&["tracking", "check", "--carrier", "sagawa", "--json", "123456789013", "EV876297563CN"])?;
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout_json(&out)?,
        json!([
            {"input": "123456789013", "valid": true, "normalized": "123456789013", "carrier": "sagawa", "reason": null},
            {"input": "EV876297563CN", "valid": false, "normalized": "EV876297563CN", "carrier": "china-post", "reason": "carrier_mismatch"}
        ])
    );
    Ok(())
}

#[test]
fn check_human_output_is_localized() -> Result<(), String> {
    let out = csba(&["--lang", "en", "tracking", "check", "EV876297564CN"])?;
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("EV876297564CN: not valid — the check digit does not match"), "{text}");
    let out = csba(&["--lang", "ja", "tracking", "check", "EV876297563CN"])?;
    assert!(String::from_utf8_lossy(&out.stdout).contains("有効"));
    Ok(())
}

#[test]
fn bad_arguments_exit_2() -> Result<(), String> {
    let out = csba(&["--lang", "en", "tracking", "check", "--carrier", "pigeon", "EV876297563CN"])?;
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("“pigeon” is not a carrier code") && err.contains("japan-post"), "{err}");
    assert_eq!(csba(&["tracking", "check"])?.status.code(), Some(2));
    Ok(())
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> Result<String, String> {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
    Ok(path.to_string_lossy().into_owned())
}

#[test]
fn import_a_valid_flat_file() -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let file = write(
        &dir,
        "ok.txt",
        b"TemplateType=OrderFulfillment\tVersion=2011.1102\n\
order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method\n\
503-4317798-1234567\t\t1\t2017-12-14\tChina Post\t\tEV876297563CN\tStandard\n",
    )?;
    let out = csba(&["tracking", "import", &file, "--json"])?;
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout_json(&out)?, json!({"rows": 1, "valid": 1, "problems": []}));
    let out = csba(&["--lang", "en", "tracking", "import", &file])?;
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 row checked"));
    Ok(())
}

#[test]
fn import_reports_every_problem_and_exits_1() -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let file = write(
        &dir,
        "bad.csv",
        "订单号,运单号\n503-4317798-1234567,EV876297563CN\n503-4317798,EV876297564CN\n503-4317798-7654321,EV876297563CN\n"
            .as_bytes(),
    )?;
    let out = csba(&["tracking", "import", &file, "--json"])?;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout_json(&out)?,
        json!({"rows": 3, "valid": 1, "problems": [
            {"line": 3, "column": "订单号", "code": "invalid_order_id"},
            {"line": 3, "column": "运单号", "code": "invalid_tracking_id:check_digit_mismatch"},
            {"line": 4, "column": "运单号", "code": "tracking_reused_across_orders"}
        ]})
    );
    let out = csba(&["--lang", "zh-CN", "tracking", "import", &file])?;
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("第 3 行，“订单号”列"), "{text}");
    Ok(())
}

#[test]
fn import_of_a_missing_or_empty_file() -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let missing = dir.path().join("nope.csv").to_string_lossy().into_owned();
    let out = csba(&["--lang", "en", "tracking", "import", &missing, "--json"])?;
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Cannot read"));
    let empty = write(&dir, "empty.csv", b"")?;
    let out = csba(&["tracking", "import", &empty, "--json"])?;
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout_json(&out)?,
        json!({"rows": 0, "valid": 0, "problems": [{"line": 0, "column": "", "code": "empty_file"}]})
    );
    let out = csba(&["tracking", "import", &dir.path().to_string_lossy(), "--json"])?;
    assert_eq!(out.status.code(), Some(1));
    Ok(())
}
