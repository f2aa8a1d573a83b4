//! A replica file written by version 3 (which skipped every kind but orders
//! and cases), opened by this version: its rows stay, and every account
//! reads its feed again from the start without the replay looking like news.
//! The same for a file version 4 wrote (no answers, decisions or weeks).

use chrono::{DateTime, TimeZone, Utc};
use csba_api::{Case, CaseMessage, Change, ChangesPage, EnrollmentView, Resource};
use csba_domain::{case_respond_by, CaseKind, CaseStatus, Marketplace};
use csba_store::{AccountId, ReplicaFilter, Store, StoreError};
use std::path::{Path, PathBuf};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const UP_TO_3: [&str; 3] = [
    include_str!("../migrations/0001_replica.sql"),
    include_str!("../migrations/0002_drafts_and_outbox.sql"),
    include_str!("../migrations/0003_accounts.sql"),
];

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 10, minute, 0).single().unwrap_or_default()
}

fn temp_path() -> std::result::Result<(tempfile::TempDir, PathBuf), StoreError> {
    let dir = tempfile::tempdir().map_err(|e| StoreError::Io { path: "tmp".into(), source: e })?;
    let path = dir.path().join("replica.sqlite");
    Ok((dir, path))
}

fn message(body: &str, minute: u32) -> CaseMessage {
    CaseMessage { author: "csba".into(), body: body.into(), sent_at: at(minute), language: None, late: false }
}

fn case(messages: Vec<CaseMessage>) -> Case {
    Case {
        id: "c-1".into(),
        order_id: "o-1".into(),
        marketplace: Marketplace::Jp,
        kind: CaseKind::ProductQuestion,
        status: CaseStatus::Open,
        language: "ja".into(),
        subject: "subject".into(),
        messages,
        opened_at: at(0),
        respond_by: case_respond_by(at(0)),
        outcome: None,
        resolved_at: None,
    }
}

/// What version 3 left: two accounts with cursors, the latest state of a
/// case (two CSBA messages) with a draft under it, a queued reply.
fn write_version_3(path: &Path) -> Result<String> {
    let conn = rusqlite::Connection::open(path)?;
    for (index, sql) in UP_TO_3.iter().enumerate() {
        conn.execute_batch(sql)?;
        conn.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    let messages = serde_json::to_string(&case(vec![message("q1", 1), message("q2", 2)]).messages)?;
    conn.execute(
        "INSERT INTO accounts (id, kind, service_url, seller_id, display_name, marketplaces, added_at)
         VALUES (1, 'remote', 'http://127.0.0.1:9', 'A1TEST', 'Test store', '[\"JP\"]', 0),
                (2, 'remote', 'https://us.example', 'A2US', 'US', '[]', 0)",
        [],
    )?;
    conn.execute_batch(
        "INSERT INTO sync_state (account_id, cursor, server_offset_ms, last_sync_at) VALUES (1, '2', 500, 7), (2, '40', 0, 7);
         INSERT INTO orders VALUES (1, 'o-1', 'JP', 1, 'item', 'sku', 1, 'shipped');
         INSERT INTO drafts (account_id, case_id, body, updated_at) VALUES (1, 'c-1', 'half written', 3);
         INSERT INTO outbox (account_id, kind, object_key, method, path, body, idempotency_key, state, next_attempt_at,
                             created_at)
         VALUES (1, 'case_reply', 'case:c-2', 'POST', '/v1/cases/c-2/replies', '{\"body\":\"x\"}', 'k-1', 'queued', 4, 4);",
    )?;
    conn.execute(
        "INSERT INTO cases VALUES (1, 'c-1', 'o-1', 'JP', 'product_question', 'open', 'ja', 'subject', ?1, ?2, ?3)",
        rusqlite::params![messages, at(0).timestamp_millis(), case_respond_by(at(0)).timestamp_millis()],
    )?;
    Ok(messages)
}

fn page(seq: i64, resources: Vec<Resource>) -> ChangesPage {
    ChangesPage {
        changes: resources
            .into_iter()
            .enumerate()
            .map(|(i, resource)| Change { seq: seq + i as i64, at: at(5), resource })
            .collect(),
        next_cursor: (seq + 10).to_string(),
        has_more: false,
        server_time: at(5),
    }
}

#[test]
fn a_version_3_replica_keeps_its_rows_and_rereads_every_feed_from_the_start() -> Result {
    let (_dir, path) = temp_path()?;
    write_version_3(&path)?;
    let mut store = Store::open(&path)?;
    let (jp, us) = (AccountId(1), AccountId(2));

    for account in [jp, us] {
        let state = store.sync_state(account)?;
        assert_eq!(state.cursor, None, "account {account} reads its feed from the start");
        assert!(state.last_sync_at.is_some());
    }
    assert_eq!(store.sync_state(jp)?.server_offset_ms, 500);
    assert_eq!(store.inbox()?.len(), 1);
    assert_eq!(store.draft(jp, "c-1")?.map(|d| (d.body, d.case_changed)), Some(("half written".into(), false)));
    let queued = store.outbox()?;
    assert_eq!(
        queued.iter().map(|e| (e.idempotency_key.as_str(), e.response.clone())).collect::<Vec<_>>(),
        [("k-1", None)]
    );
    let order = store.order(jp, "o-1")?.ok_or("the order stays")?;
    assert_eq!((order.ship_by, order.tracking), (None, None));

    // The feed from the start: every version of the case, and the kinds
    // version 3 skipped.
    let enrollment = EnrollmentView {
        marketplace: Marketplace::Jp,
        state: "active".into(),
        enrolled_at: Some(at(0)),
        activates_at: None,
        since: Some(at(0)),
        lapsed_at: None,
        active_periods: vec![],
        trial: None,
        terms_version: None,
        eligibility: vec![],
    };
    let replay = vec![
        Resource::Case(case(vec![message("q1", 1)])),
        Resource::Enrollment(enrollment),
        Resource::Case(case(vec![message("q1", 1), message("q2", 2)])),
    ];
    store.apply_changes(jp, &page(1, replay), at(5))?;
    assert_eq!(store.enrollments(ReplicaFilter::account(jp))?.len(), 1, "what version 3 skipped is here now");
    assert_eq!(store.draft(jp, "c-1")?.map(|d| d.case_changed), Some(false), "replaying old versions is not news");
    let record = store.case(jp, "c-1")?.ok_or("the case stays")?;
    assert_eq!(record.messages.len(), 2, "an older version never replaced the newer one");

    // A message that is really new still flags the draft.
    store.apply_changes(
        jp,
        &page(4, vec![Resource::Case(case(vec![message("q1", 1), message("q2", 2), message("q3", 6)]))]),
        at(6),
    )?;
    assert_eq!(store.draft(jp, "c-1")?.map(|d| d.case_changed), Some(true));
    Ok(())
}

/// What version 4 left: an account that read its feed up to seq 30, a
/// question (no answer column then) and a removal request (no decision time).
fn write_version_4(path: &Path) -> Result {
    let conn = rusqlite::Connection::open(path)?;
    let up_to_4 = UP_TO_3.iter().copied().chain([include_str!("../migrations/0004_every_feed_kind.sql")]);
    for (index, sql) in up_to_4.enumerate() {
        conn.execute_batch(sql)?;
        conn.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    conn.execute_batch(
        "INSERT INTO accounts (id, kind, service_url, seller_id, display_name, marketplaces, added_at)
         VALUES (1, 'remote', 'http://127.0.0.1:9', 'A1TEST', 'Test store', '[\"JP\"]', 0);
         INSERT INTO sync_state (account_id, cursor, server_offset_ms, last_sync_at) VALUES (1, '30', 0, 7);
         INSERT INTO service_questions VALUES (1, 'q-1', 'o-1', 'subject', '<i>why</i>', 1, 2, 'awaiting_answer');
         INSERT INTO removal_requests VALUES (1, 'r-1', 'f-1', 'obscene_language', 'feedback_manager', NULL,
                                              'explained', 'submitted', 1);",
    )?;
    Ok(())
}

#[test]
fn a_version_4_replica_rereads_its_feed_and_then_has_answers_decisions_and_weeks() -> Result {
    let (_dir, path) = temp_path()?;
    write_version_4(&path)?;
    let mut store = Store::open(&path)?;
    let account = AccountId(1);
    assert_eq!(store.sync_state(account)?.cursor, None, "what version 4 skipped is behind its cursor");
    let all = ReplicaFilter::all();
    let questions = store.service_questions(all)?;
    assert_eq!((questions[0].question.as_str(), questions[0].answer.clone()), ("<i>why</i>", None));
    assert_eq!(store.removal_requests(all)?[0].decided_at, None);
    assert!(store.metric_weeks(all)?.is_empty());

    // The replay brings what version 4 could not keep.
    let answered = csba_api::ServiceQuestionView {
        id: "q-1".into(),
        order_id: "o-1".into(),
        subject: "subject".into(),
        question: "<i>why</i>".into(),
        asked_at: at(0),
        answer_by: at(0) + chrono::Duration::hours(48),
        status: "answered".into(),
        answer: Some("Because.".into()),
        answered_at: Some(at(3)),
    };
    let week = csba_api::MetricWeek {
        marketplace: Marketplace::Jp,
        week_start: chrono::NaiveDate::from_ymd_opt(2026, 11, 16).ok_or("date")?,
        orders: 10,
        a_to_z_claims: 0,
        defects: 0,
        feedback: 2,
        negative_feedback: 0,
        shipped: 9,
        valid_tracking: 9,
        units: 11,
        contacts: 1,
        responses: 1,
        response_seconds: 600,
        complete: true,
    };
    store.apply_changes(
        account,
        &page(1, vec![Resource::ServiceQuestion(answered), Resource::MetricWeek(week)]),
        at(5),
    )?;
    let questions = store.service_questions(all)?;
    assert_eq!((questions[0].answer.as_deref(), questions[0].answered_at), (Some("Because."), Some(at(3))));
    assert_eq!(store.metric_weeks(all)?.len(), 1);
    Ok(())
}
