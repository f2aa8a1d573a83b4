//! `csba cases reply` and `csba outbox` on a real replica file in a private
//! data directory: the reply is queued (not lost, not sent twice) and the
//! seller's draft for that case is gone in the same step.

use chrono::{Duration, Utc};
use csba_api::{Case, CaseMessage, Change, ChangesPage, Resource};
use csba_domain::{CaseKind, CaseStatus, Marketplace};
use csba_store::Store;
use serde_json::Value;

mod common;

/// `csba --lang en ARGS` on the data directory `dir`.
fn csba(dir: &std::path::Path, args: &[&str]) -> Result<(i32, String, String), String> {
    let args: Vec<&str> = ["--lang", "en"].into_iter().chain(args.iter().copied()).collect();
    common::text(common::csba_with_env(&[("CSBA_DATA_DIR", dir)], &args)?)
}

/// A replica holding one open case, as a sync would have left it.
fn replica_with_a_case(dir: &std::path::Path) -> Result<(), String> {
    let now = Utc::now();
    let case = Case {
        id: "case-1".into(),
        order_id: "503-1234567-1234567".into(),
        marketplace: Marketplace::Jp,
        kind: CaseKind::ProductQuestion,
        status: CaseStatus::Open,
        language: "ja".into(),
        subject: "商品について".into(),
        messages: vec![CaseMessage {
            author: "csba".into(),
            body: "LED キャンドルは使えますか？".into(),
            sent_at: now,
            language: None,
            late: false,
        }],
        opened_at: now,
        respond_by: now + Duration::hours(24),
        outcome: None,
        resolved_at: None,
    };
    let page = ChangesPage {
        changes: vec![Change { seq: 1, at: now, resource: Resource::Case(case) }],
        next_cursor: "1".into(),
        has_more: false,
        server_time: now,
    };
    let mut store = Store::open(&csba_store::paths::replica_file(dir)).map_err(|e| e.to_string())?;
    let seller = csba_store::SellerProfile {
        seller_id: "A1TEST".into(),
        display_name: "Test store".into(),
        marketplaces: vec![Marketplace::Jp],
    };
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, now).map_err(|e| e.to_string())?;
    store.apply_changes(account.id, &page, now).map_err(|e| e.to_string())?;
    store.save_draft(account.id, "case-1", "draft text", now).map_err(|e| e.to_string())?;
    Ok(())
}

#[test]
fn a_reply_is_queued_and_its_draft_is_gone() -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    replica_with_a_case(dir.path())?;
    let body = dir.path().join("reply.txt");
    std::fs::write(&body, "はい、LED キャンドルもお使いいただけます。\n").map_err(|e| e.to_string())?;
    let body = body.to_string_lossy().into_owned();

    let (code, stdout, stderr) =
        csba(dir.path(), &["cases", "reply", "case-1", "--body-file", &body, "--language", "ja"])?;
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("queued"), "{stdout}");

    let (code, stdout, _) = csba(dir.path(), &["outbox", "--json"])?;
    assert_eq!(code, 0);
    let rows: Value = serde_json::from_str(&stdout).map_err(|e| format!("{e}: {stdout}"))?;
    let rows = rows.as_array().ok_or("not an array")?;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["kind"], "case_reply");
    assert_eq!(rows[0]["object"], "case:case-1");
    assert_eq!(rows[0]["state"], "queued");
    assert_eq!(rows[0]["code"], Value::Null);

    let store = Store::open(&csba_store::paths::replica_file(dir.path())).map_err(|e| e.to_string())?;
    assert_eq!(
        store.draft(csba_store::AccountId(1), "case-1").map_err(|e| e.to_string())?,
        None,
        "the draft went with the reply"
    );
    let queued = store.outbox().map_err(|e| e.to_string())?;
    assert_eq!(
        queued[0].body.as_ref().and_then(|b| b.decode::<csba_api::ReplyRequest>().ok()).map(|r| r.body),
        Some("はい、LED キャンドルもお使いいただけます。".to_owned())
    );
    Ok(())
}

#[test]
fn bad_replies_are_refused_with_nothing_queued() -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    replica_with_a_case(dir.path())?;
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").map_err(|e| e.to_string())?;
    let sjis = dir.path().join("sjis.txt");
    std::fs::write(&sjis, [0x82, 0xa0, 0x82, 0xa2]).map_err(|e| e.to_string())?; // "あい" in Shift_JIS
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "ok").map_err(|e| e.to_string())?;

    for (args, expected) in [
        (vec!["cases", "reply", "case-1", "--body-file", empty.to_str().unwrap_or_default()], "empty"),
        (vec!["cases", "reply", "case-1", "--body-file", sjis.to_str().unwrap_or_default()], "UTF-8"),
        (vec!["cases", "reply", "case-1", "--body-file", "/nonexistent/reply.txt"], "Cannot read"),
        (vec!["cases", "reply", "no-such-case", "--body-file", good.to_str().unwrap_or_default()], "no case"),
    ] {
        let (code, _, stderr) = csba(dir.path(), &args)?;
        assert_eq!(code, 1, "{args:?}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
    let (_, stdout, _) = csba(dir.path(), &["outbox"])?;
    assert!(stdout.contains("Nothing is waiting"), "{stdout}");
    Ok(())
}

#[test]
fn a_case_id_in_two_accounts_needs_the_account() -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    replica_with_a_case(dir.path())?;
    // A second store whose service happens to use the same case id.
    let mut store = Store::open(&csba_store::paths::replica_file(dir.path())).map_err(|e| e.to_string())?;
    let seller = csba_store::SellerProfile {
        seller_id: "B2TEST".into(),
        display_name: "Second store".into(),
        marketplaces: vec![Marketplace::Us],
    };
    let second = store.add_remote_account("http://127.0.0.1:10", &seller, Utc::now()).map_err(|e| e.to_string())?;
    let first_case = store.inbox().map_err(|e| e.to_string())?.into_iter().next().ok_or("no case")?;
    let page = ChangesPage {
        changes: vec![Change {
            seq: 1,
            at: Utc::now(),
            resource: Resource::Case(Case {
                id: "case-1".into(),
                order_id: "114-1234567-1234567".into(),
                marketplace: Marketplace::Us,
                kind: CaseKind::ProductQuestion,
                status: CaseStatus::Open,
                language: "en".into(),
                subject: "Battery".into(),
                messages: vec![],
                opened_at: Utc::now(),
                respond_by: Utc::now() + Duration::hours(24),
                outcome: None,
                resolved_at: None,
            }),
        }],
        next_cursor: "1".into(),
        has_more: false,
        server_time: Utc::now(),
    };
    store.apply_changes(second.id, &page, Utc::now()).map_err(|e| e.to_string())?;
    let body = dir.path().join("reply.txt");
    std::fs::write(&body, "Yes, it includes batteries.").map_err(|e| e.to_string())?;
    let body = body.to_string_lossy().into_owned();

    let (code, _, stderr) = csba(dir.path(), &["cases", "reply", "case-1", "--body-file", &body])?;
    assert_eq!(code, 1);
    assert!(stderr.contains("Several accounts") && stderr.contains("--account"), "{stderr}");
    let second_id = second.id.to_string();
    let (code, _, stderr) =
        csba(dir.path(), &["cases", "reply", "case-1", "--body-file", &body, "--account", &second_id])?;
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = csba(dir.path(), &["cases", "reply", "case-9", "--body-file", &body, "--account", "1"])?;
    assert_eq!(code, 1);
    assert!(stderr.contains("Account #1 has no case"), "{stderr}");

    let queued = store.outbox().map_err(|e| e.to_string())?;
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].account_id, second.id, "queued for the account named");
    assert_ne!(first_case.account_id, second.id);

    let (code, stdout, _) = csba(dir.path(), &["cases", "list", "--json"])?;
    assert_eq!(code, 0);
    let cases: Value = serde_json::from_str(&stdout).map_err(|e| e.to_string())?;
    let pending: Vec<(i64, u64)> = cases
        .as_array()
        .ok_or("not an array")?
        .iter()
        .map(|c| (c["account_id"].as_i64().unwrap_or(-1), c["pending_replies"].as_u64().unwrap_or(9)))
        .collect();
    assert!(pending.contains(&(second.id.0, 1)) && pending.contains(&(first_case.account_id.0, 0)), "{pending:?}");
    Ok(())
}
