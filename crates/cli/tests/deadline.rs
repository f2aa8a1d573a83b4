//! `csba deadline refund|case`: exact JSON, exit codes, localized text.

mod common;
use common::csba_text as csba;

fn refund(mp: &str, received: &str) -> Result<String, String> {
    let (code, stdout, stderr) = csba(&["deadline", "refund", "--marketplace", mp, "--received", received, "--json"])?;
    assert_eq!(code, 0, "{stderr}");
    Ok(stdout)
}

#[test]
fn refund_json_in_the_marketplace_zone() -> Result<(), String> {
    assert_eq!(
        refund("JP", "2026-11-20T10:00:00+09:00")?,
        "{\"due_date\":\"2026-11-25\",\"due\":\"2026-11-25T23:59:59+09:00\"}\n"
    );
    // 23:30 UTC on Thursday is already Friday in Tokyo.
    assert_eq!(
        refund("jp", "2026-11-19T23:30:00Z")?,
        "{\"due_date\":\"2026-11-25\",\"due\":\"2026-11-25T23:59:59+09:00\"}\n"
    );
    assert_eq!(
        refund("US", "2026-11-25T10:00:00-08:00")?,
        "{\"due_date\":\"2026-11-30\",\"due\":\"2026-11-30T23:59:59-08:00\"}\n"
    );
    assert_eq!(
        refund("US", "2026-07-02T10:00:00-07:00")?,
        "{\"due_date\":\"2026-07-07\",\"due\":\"2026-07-07T23:59:59-07:00\"}\n"
    );
    Ok(())
}

#[test]
fn case_json_is_utc_with_z() -> Result<(), String> {
    let (code, stdout, _) = csba(&["deadline", "case", "--opened", "2026-03-07T12:00:00-05:00", "--json"])?;
    assert_eq!(code, 0);
    // 24 elapsed hours, whatever New York's clocks did overnight.
    assert_eq!(stdout, "{\"respond_by\":\"2026-03-08T17:00:00Z\"}\n");
    let (_, stdout, _) = csba(&["deadline", "case", "--opened", "2026-11-20T18:00:00.250Z", "--json"])?;
    assert_eq!(stdout, "{\"respond_by\":\"2026-11-21T18:00:00.250Z\"}\n");
    Ok(())
}

#[test]
fn human_output_is_localized() -> Result<(), String> {
    let args = ["deadline", "refund", "--marketplace", "JP", "--received", "2026-11-20T10:00:00+09:00", "--lang"];
    let (_, en, _) = csba(&[&args[..], &["en"]].concat())?;
    assert!(en.starts_with("Refund by Wednesday, November 25, 2026, 23:59:59 (Asia/Tokyo +09:00)"), "{en}");
    let (_, ja, _) = csba(&[&args[..], &["ja"]].concat())?;
    assert!(ja.starts_with("返金期限：2026年11月25日（水） 23:59:59"), "{ja}");
    let (_, zh, _) = csba(&[&args[..], &["zh-CN"]].concat())?;
    assert!(zh.contains("2026年11月25日（星期三）"), "{zh}");
    let (_, ko, _) = csba(&[&args[..], &["ko"]].concat())?;
    assert!(ko.contains("2026년 11월 25일 (수)"), "{ko}");
    let (_, case, _) = csba(&["deadline", "case", "--opened", "2026-11-20T18:00:00Z", "--lang", "en"])?;
    assert!(case.starts_with("Answer by Saturday, November 21, 2026, 18:00:00 UTC"), "{case}");
    Ok(())
}

#[test]
fn bad_input_fails_with_a_message() -> Result<(), String> {
    let (code, stdout, stderr) = csba(&["deadline", "case", "--opened", "tomorrow", "--lang", "en"])?;
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert_eq!(
        stderr,
        "csba: “tomorrow” is not a date and time. Use RFC 3339, for example 2026-11-20T10:00:00+09:00.\n"
    );
    let (code, _, stderr) =
        csba(&["deadline", "refund", "--marketplace", "XX", "--received", "2026-11-20T10:00:00Z", "--lang", "ko"])?;
    assert_eq!(code, 1);
    assert!(stderr.contains("‘XX’"), "{stderr}");
    let (code, _, _) = csba(&["deadline", "refund", "--marketplace", "JP", "--received", "2026-11-20"])?;
    assert_eq!(code, 1);
    // Outside the holiday data (JP from 2007): an error, not a guess.
    let (code, _, stderr) =
        csba(&["deadline", "refund", "--marketplace", "JP", "--received", "2005-01-01T00:00:00Z", "--lang", "en"])?;
    assert_eq!(code, 1, "{stderr}");
    Ok(())
}
