//! `csba fees`: exact JSON, exit codes, localized errors.

mod common;
use common::csba_text as csba;

fn fees_json(mp: &str, units: &str, contacts: &str, on: &str) -> Result<String, String> {
    let (code, stdout, stderr) =
        csba(&["fees", "--marketplace", mp, "--units", units, "--contacts", contacts, "--on", on, "--json"])?;
    assert_eq!(code, 0, "{stderr}");
    Ok(stdout)
}

#[test]
fn us_tiers_as_exact_json() -> Result<(), String> {
    assert_eq!(
        fees_json("US", "1000", "40", "2026-06-01")?,
        "{\"cpu_percent\":\"4.0\",\"tier\":1,\"fee_per_unit_minor\":10,\"currency\":\"USD\",\"total_minor\":10000}\n"
    );
    assert_eq!(
        fees_json("US", "1000", "150", "2026-06-01")?,
        "{\"cpu_percent\":\"15.0\",\"tier\":2,\"fee_per_unit_minor\":25,\"currency\":\"USD\",\"total_minor\":25000}\n"
    );
    assert_eq!(
        fees_json("us", "30", "9", "2026-06-01")?,
        "{\"cpu_percent\":\"30.0\",\"tier\":0,\"fee_per_unit_minor\":25,\"currency\":\"USD\",\"total_minor\":750}\n"
    );
    Ok(())
}

#[test]
fn jp_in_yen_and_free_before_september_2021() -> Result<(), String> {
    assert_eq!(
        fees_json("JP", "1000", "201", "2026-06-01")?,
        "{\"cpu_percent\":\"20.1\",\"tier\":4,\"fee_per_unit_minor\":163,\"currency\":\"JPY\",\"total_minor\":163000}\n"
    );
    assert_eq!(
        fees_json("JP", "1000", "201", "2021-09-05")?,
        "{\"cpu_percent\":\"20.1\",\"tier\":1,\"fee_per_unit_minor\":0,\"currency\":\"JPY\",\"total_minor\":0}\n"
    );
    Ok(())
}

#[test]
fn trial_start_makes_the_fee_zero() -> Result<(), String> {
    let (code, stdout, _) = csba(&[
        "fees",
        "--marketplace",
        "US",
        "--units",
        "100",
        "--contacts",
        "1",
        "--on",
        "2026-06-29",
        "--trial-start",
        "2026-06-01",
        "--json",
    ])?;
    assert_eq!(code, 0);
    assert!(stdout.contains("\"total_minor\":0"), "{stdout}");
    // 30-day US trial: June 1 + 30 days = July 1 is the first paid day.
    let (_, stdout, _) = csba(&[
        "fees",
        "--marketplace",
        "US",
        "--units",
        "100",
        "--contacts",
        "1",
        "--on",
        "2026-07-01",
        "--trial-start",
        "2026-06-01",
        "--json",
    ])?;
    assert!(stdout.contains("\"total_minor\":1000"), "{stdout}");
    Ok(())
}

#[test]
fn human_output_is_localized() -> Result<(), String> {
    let args = ["fees", "--marketplace", "JP", "--units", "1000", "--contacts", "40", "--on", "2026-06-01"];
    let (code, en, _) = csba(&[&args[..], &["--lang", "en"]].concat())?;
    assert_eq!(code, 0);
    assert_eq!(en, "JP: 4.0 % contacts per unit, tier 1. Fee: ¥11 per unit × 1,000 units = ¥11,000.\n");
    let (_, ja, _) = csba(&[&args[..], &["--lang", "ja"]].concat())?;
    assert!(ja.contains("11,000円"), "{ja}");
    let (_, zh, _) = csba(&[&args[..], &["--lang", "zh-CN"]].concat())?;
    assert!(zh.contains("11,000 日元"), "{zh}");
    let (_, ko, _) = csba(&[&args[..], &["--lang", "ko"]].concat())?;
    assert!(ko.contains("11,000엔"), "{ko}");
    Ok(())
}

#[test]
fn bad_arguments_fail_cleanly() -> Result<(), String> {
    let (code, stdout, stderr) =
        csba(&["fees", "--marketplace", "DE", "--units", "1", "--contacts", "1", "--lang", "en"])?;
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(stderr, "csba: Unknown marketplace “DE”. Use JP or US.\n");
    let (code, _, stderr) =
        csba(&["fees", "--marketplace", "JP", "--units", "1", "--contacts", "1", "--on", "June", "--lang", "ja"])?;
    assert_eq!(code, 1);
    assert!(stderr.contains("「June」は日付として読み取れません"), "{stderr}");
    let (code, _, stderr) = csba(&[
        "fees",
        "--marketplace",
        "US",
        "--units",
        "1",
        "--contacts",
        "1",
        "--on",
        "2010-01-01",
        "--lang",
        "en",
    ])?;
    assert_eq!(code, 1);
    assert!(stderr.contains("no CSBA rules"), "{stderr}");
    // clap's own usage errors: exit 2, never a panic.
    let (code, _, _) = csba(&["fees", "--marketplace", "US", "--units", "-3", "--contacts", "1"])?;
    assert_eq!(code, 2);
    let (code, _, _) = csba(&["fees", "--marketplace", "US", "--contacts", "1"])?;
    assert_eq!(code, 2);
    Ok(())
}
