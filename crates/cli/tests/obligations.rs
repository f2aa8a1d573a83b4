//! `csba policy show|submit`, `csba feedback list|request-removal` and
//! `csba questions list|ask` on a real replica file in a private data
//! directory: the same checks as the app's buttons (nothing refused is
//! queued), what is queued lands in the outbox, and a buyer's text prints
//! as text with no control characters passed to the terminal.

mod common;

use chrono::{Duration, Utc};
use common::{csba_in, Result, Run};
use csba_api::{Change, ChangesPage, Resource};
use csba_domain::Marketplace;
use csba_store::Store;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn resource(kind: &str, data: Value) -> Result<Resource> {
    Ok(serde_json::from_value(json!({ "kind": kind, "data": data }))?)
}

/// A replica with one JP account: an order, two feedback (one negative that
/// CSBA may have caused, with markup and an ANSI escape in its comment),
/// and a question awaiting its answer.
fn replica(dir: &Path) -> Result {
    let now = Utc::now();
    let grounds = json!([{ "ground": "caused_by_csba", "evidence": ["対応"] }]);
    let feedback = |id: &str, rating: u8, comment: &str, left: chrono::DateTime<Utc>, grounds: Value| {
        json!({
            "id": id, "order_id": "503-0000001-0000001", "marketplace": "JP", "left_at": left, "rating": rating,
            "comment": comment, "fulfillment": "seller", "handled_by_csba": true,
            "removal": { "sentiment": if rating <= 2 { "negative" } else { "positive" }, "in_time": true,
                         "deadline": left + Duration::days(90), "possible_grounds": grounds }
        })
    };
    let resources = vec![
        resource(
            "order",
            json!({ "id": "503-0000001-0000001", "marketplace": "JP", "placed_at": now - Duration::days(5),
                    "item_title": "陶器茶香炉", "sku": "S", "quantity": 1, "status": "shipped" }),
        )?,
        resource("feedback", feedback("pos", 5, "早い", now - Duration::hours(1), json!([])))?,
        resource(
            "feedback",
            feedback("neg", 1, "<script>alert(1)</script>\u{1b}[2J対応が最悪", now - Duration::days(3), grounds),
        )?,
        resource(
            "service_question",
            json!({ "id": "q1", "order_id": "503-0000001-0000001", "subject": "卖家茶店针对订单503-0000001-0000001的客服疑问",
                    "question": "なぜ？", "asked_at": now - Duration::hours(3), "answer_by": now + Duration::hours(45),
                    "status": "awaiting_answer" }),
        )?,
    ];
    let changes =
        resources.into_iter().enumerate().map(|(i, r)| Change { seq: i as i64 + 1, at: now, resource: r }).collect();
    let mut store = Store::open(&csba_store::paths::replica_file(dir))?;
    let seller = csba_store::SellerProfile {
        seller_id: "A1TEST".into(),
        display_name: "茶店".into(),
        marketplaces: vec![Marketplace::Jp],
    };
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, now)?;
    store.apply_changes(
        account.id,
        &ChangesPage { changes, next_cursor: "1".into(), has_more: false, server_time: now },
        now,
    )?;
    Ok(())
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).to_string_lossy().into_owned()
}

fn outbox(dir: &Path) -> Result<Vec<Value>> {
    let run = csba_in(dir, &["outbox", "--json"], None, &[])?;
    assert_eq!(run.code, 0, "{}", run.all());
    Ok(run.json()?.as_array().cloned().unwrap_or_default())
}

fn expect(run: &Run, code: i32) {
    assert_eq!(run.code, code, "{}", run.all());
}

#[test]
fn feedback_lists_negatives_first_and_a_removal_is_checked_then_queued() -> Result {
    let dir = tempfile::tempdir()?;
    replica(dir.path())?;

    let list = csba_in(dir.path(), &["feedback", "list", "--json"], None, &[])?;
    expect(&list, 0);
    let screen = list.json()?;
    let ids: Vec<&str> =
        screen["items"].as_array().ok_or("no items")?.iter().filter_map(|i| i["id"].as_str()).collect();
    assert_eq!(ids, vec!["neg", "pos"], "negatives first");
    assert_eq!(screen["items"][0]["removable_now"], json!(true));
    assert_eq!(
        screen["items"][0]["subject_preview"].as_str().map(|s| s.ends_with("卖家茶店客服负面评论请求删除")),
        Some(true)
    );

    let human = csba_in(dir.path(), &["feedback", "list"], None, &[])?;
    expect(&human, 0);
    assert!(human.stdout.contains("<script>alert(1)</script>[2J対応が最悪"), "{}", human.stdout);
    assert!(!human.stdout.contains('\u{1b}'), "no escape reaches the terminal");
    assert!(human.stdout.contains("Caused by CSBA"), "{}", human.stdout);

    let empty = csba_in(
        dir.path(),
        &["feedback", "request-removal", "neg", "--ground", "caused_by_csba", "--explanation", " "],
        None,
        &[],
    )?;
    expect(&empty, 1);
    assert!(empty.stderr.contains("Explain why"), "{}", empty.stderr);
    let long = "x".repeat(2_001);
    let too_long = csba_in(
        dir.path(),
        &["feedback", "request-removal", "neg", "--ground", "caused_by_csba", "--explanation", &long],
        None,
        &[],
    )?;
    expect(&too_long, 1);
    assert!(too_long.stderr.contains("2001"), "{}", too_long.stderr);
    let wrong = csba_in(
        dir.path(),
        &["feedback", "request-removal", "pos", "--ground", "caused_by_csba", "--explanation", "x"],
        None,
        &[],
    )?;
    expect(&wrong, 1);
    assert!(outbox(dir.path())?.is_empty(), "nothing refused was queued");

    let ok = csba_in(
        dir.path(),
        &[
            "--lang",
            "ja",
            "feedback",
            "request-removal",
            "neg",
            "--ground",
            "caused_by_csba",
            "--explanation",
            "CS の誤案内です",
        ],
        None,
        &[],
    )?;
    expect(&ok, 0);
    assert!(ok.stdout.contains("送信トレイ"), "{}", ok.stdout);
    let queued = outbox(dir.path())?;
    assert_eq!((queued.len(), queued[0]["kind"].as_str()), (1, Some("removal_request")));
    let again = csba_in(
        dir.path(),
        &["feedback", "request-removal", "neg", "--ground", "caused_by_csba", "--explanation", "x"],
        None,
        &[],
    )?;
    expect(&again, 1);
    Ok(())
}

#[test]
fn a_question_is_checked_then_listed_as_queued() -> Result {
    let dir = tempfile::tempdir()?;
    replica(dir.path())?;
    let unknown = csba_in(dir.path(), &["questions", "ask", "503-9999999-9999999", "why?"], None, &[])?;
    expect(&unknown, 1);
    assert!(unknown.stderr.contains("503-9999999-9999999"), "{}", unknown.stderr);
    expect(&csba_in(dir.path(), &["questions", "ask", "503-0000001-0000001", "  "], None, &[])?, 1);
    assert!(outbox(dir.path())?.is_empty());

    let asked = csba_in(dir.path(), &["questions", "ask", "503-0000001-0000001", "<b>返金</b>はなぜ？"], None, &[])?;
    expect(&asked, 0);
    let list = csba_in(dir.path(), &["questions", "list", "--json"], None, &[])?;
    expect(&list, 0);
    let screen = list.json()?;
    let statuses: Vec<&str> = screen["questions"]
        .as_array()
        .ok_or("no questions")?
        .iter()
        .filter_map(|q| q["record"]["status"].as_str())
        .collect();
    assert_eq!(statuses, vec!["queued", "awaiting_answer"]);
    assert_eq!(screen["questions"][0]["record"]["question"], json!("<b>返金</b>はなぜ？"));
    let human = csba_in(dir.path(), &["--lang", "zh-CN", "questions", "list"], None, &[])?;
    expect(&human, 0);
    assert!(human.stdout.contains("等待答复") && human.stdout.contains("等待发送"), "{}", human.stdout);
    Ok(())
}

#[test]
fn a_policy_is_submitted_only_when_it_meets_the_rules() -> Result {
    let dir = tempfile::tempdir()?;
    replica(dir.path())?;
    let broken = csba_in(
        dir.path(),
        &["policy", "submit", "--marketplace", "JP", &fixture("policy-jp-broken.json")],
        None,
        &[],
    )?;
    expect(&broken, 1);
    assert!(broken.stderr.contains("[return_address.country]"), "every violation at its field: {}", broken.stderr);
    assert!(broken.stderr.contains("[refund_within_business_days]"), "{}", broken.stderr);
    assert!(outbox(dir.path())?.is_empty());

    let ok = csba_in(
        dir.path(),
        &["policy", "submit", "--marketplace", "JP", &fixture("policy-jp-compliant.json")],
        None,
        &[],
    )?;
    expect(&ok, 0);
    let queued = outbox(dir.path())?;
    assert_eq!(queued[0]["kind"], json!("return_policy"));
    let show = csba_in(dir.path(), &["policy", "show", "--json"], None, &[])?;
    expect(&show, 0);
    let screen = show.json()?;
    assert_eq!(screen["policies"][0]["marketplace"], json!("JP"));
    assert_eq!(screen["policies"][0]["pending"]["state"], json!("queued"));
    let human = csba_in(dir.path(), &["policy", "show"], None, &[])?;
    expect(&human, 0);
    assert!(
        human.stdout.contains("no return policy submitted yet") && human.stdout.contains("waiting in the outbox"),
        "{}",
        human.stdout
    );
    Ok(())
}

#[test]
fn metrics_show_the_latest_week_and_the_history_on_request() -> Result {
    let dir = tempfile::tempdir()?;
    let now = Utc::now();
    let activated = now - Duration::weeks(20);
    let monday = csba_domain::metrics::monday_of(now.date_naive());
    let mut resources = vec![resource(
        "enrollment",
        json!({ "marketplace": "JP", "state": "active", "enrolled_at": activated, "since": activated,
                "active_periods": [{ "from": activated }], "terms_version": "t", "eligibility": [] }),
    )?];
    for i in 0..40 {
        let start = monday - Duration::weeks(39 - i);
        let before = i < 19;
        resources.push(resource(
            "metric_week",
            json!({ "marketplace": "JP", "week_start": start, "orders": 1000, "a_to_z_claims": if before { 12 } else { 7 },
                    "defects": 20, "feedback": 100, "negative_feedback": 5, "shipped": 1000, "valid_tracking": 960,
                    "units": 1100, "contacts": 50, "responses": 40, "response_seconds": 40 * 3600, "complete": i < 39 }),
        )?);
    }
    let changes =
        resources.into_iter().enumerate().map(|(i, r)| Change { seq: i as i64 + 1, at: now, resource: r }).collect();
    let mut store = Store::open(&csba_store::paths::replica_file(dir.path()))?;
    let seller = csba_store::SellerProfile {
        seller_id: "A1".into(),
        display_name: "茶店".into(),
        marketplaces: vec![Marketplace::Jp],
    };
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, now)?;
    store.apply_changes(
        account.id,
        &ChangesPage { changes, next_cursor: "1".into(), has_more: false, server_time: now },
        now,
    )?;
    drop(store);

    let latest = csba_in(dir.path(), &["metrics", "--json"], None, &[])?;
    expect(&latest, 0);
    let latest = latest.json()?;
    assert_eq!(latest["panels"][0]["weeks"].as_array().map(Vec::len), Some(1), "the latest complete week only");
    assert_eq!(latest["panels"][0]["weeks"][0]["complete"], json!(true));
    let claims = latest["panels"][0]["comparison"]["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["metric"] == json!("a_to_z_claim_rate")).cloned())
        .ok_or("no claim row")?;
    assert_eq!(
        (claims["before"].clone(), claims["after"].clone(), claims["better"].clone()),
        (json!("1.20"), json!("0.70"), json!(true))
    );

    let history = csba_in(dir.path(), &["metrics", "--history", "--json"], None, &[])?;
    expect(&history, 0);
    assert_eq!(history.json()?["panels"][0]["weeks"].as_array().map(Vec::len), Some(40));

    let human = csba_in(dir.path(), &["--lang", "ko", "metrics"], None, &[])?;
    expect(&human, 0);
    assert!(human.stdout.contains("CSBA 시작일") && human.stdout.contains("개선"), "{}", human.stdout);
    Ok(())
}
