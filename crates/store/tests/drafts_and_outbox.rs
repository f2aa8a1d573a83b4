//! Drafts and the outbox against real SQLite files.

use chrono::{DateTime, TimeZone, Utc};
use csba_api::{Case, CaseMessage, Change, ChangesPage, Resource};
use csba_domain::{case_respond_by, CaseKind, CaseStatus, Marketplace};
use csba_store::{NewAction, OutboxState, Store, StoreError};
use std::path::PathBuf;

mod common;
use common::open;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 10, minute, 0).single().unwrap_or_default()
}

fn temp_path() -> std::result::Result<(tempfile::TempDir, PathBuf), StoreError> {
    let dir = tempfile::tempdir().map_err(|e| StoreError::Io { path: "tmp".into(), source: e })?;
    let path = dir.path().join("replica.sqlite");
    Ok((dir, path))
}

fn message(author: &str, body: &str) -> CaseMessage {
    CaseMessage { author: author.into(), body: body.into(), sent_at: at(0), language: None, late: false }
}

fn case(id: &str, status: CaseStatus, messages: Vec<CaseMessage>) -> Case {
    Case {
        id: id.into(),
        order_id: "503-0000000-0000001".into(),
        marketplace: Marketplace::Jp,
        kind: CaseKind::ProductQuestion,
        status,
        language: "ja".into(),
        subject: "subject".into(),
        messages,
        opened_at: at(0),
        respond_by: case_respond_by(at(0)),
        outcome: None,
        resolved_at: None,
    }
}

fn apply(store: &mut Store, acct: csba_store::AccountId, seq: i64, case: Case) -> std::result::Result<(), StoreError> {
    let page = ChangesPage {
        changes: vec![Change { seq, at: at(1), resource: Resource::Case(case) }],
        next_cursor: seq.to_string(),
        has_more: false,
        server_time: at(1),
    };
    store.apply_changes(acct, &page, at(1))
}

fn action(object: &str, n: usize) -> NewAction {
    NewAction {
        kind: csba_store::ActionKind::ServiceQuestion,
        object_key: object.into(),
        method: "POST".into(),
        path: "/v1/service-questions".into(),
        body: csba_store::JsonText::encode(&serde_json::json!({ "n": n, "object": object })).ok(),
    }
}

#[test]
fn drafts_survive_reopening_and_a_reply_replaces_its_draft_atomically() -> Result {
    let (_dir, path) = temp_path()?;
    {
        let (store, acct) = open(&path)?;
        store.save_draft(acct, "c-1", "半分まで書いた返信", at(1))?;
        store.save_draft(acct, "c-2", "other", at(2))?;
    }
    let (mut store, acct) = open(&path)?;
    assert_eq!(store.draft(acct, "c-1")?.map(|d| d.body), Some("半分まで書いた返信".to_owned()));

    let entry = store.reply_to_case(acct, "c-1", "完成した返信", Some("ja"), at(3))?;
    assert_eq!(store.draft(acct, "c-1")?, None, "the draft went with the reply");
    assert!(store.draft(acct, "c-2")?.is_some(), "other drafts stay");
    assert_eq!(entry.kind, csba_store::ActionKind::CaseReply);
    assert_eq!(entry.object_key, "case:c-1");
    assert_eq!(entry.path, "/v1/cases/c-1/replies");
    assert_eq!(decoded(entry.body.clone()), Some(serde_json::json!({ "body": "完成した返信", "language": "ja" })));
    assert_eq!(entry.state, OutboxState::Queued);
    assert_eq!(uuid_version(&entry.idempotency_key), Some('4'));
    drop(store);
    assert_eq!(open(&path)?.0.outbox()?, vec![entry]);
    Ok(())
}

#[test]
fn a_failed_reply_transaction_keeps_the_draft() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, acct) = open(&path)?;
    store.save_draft(acct, "c-1", "keep me", at(1))?;
    // A second connection holds the write lock: the reply cannot commit,
    // and neither half of it may show.
    let blocker = rusqlite::Connection::open(&path)?;
    blocker.busy_timeout(std::time::Duration::from_millis(1))?;
    blocker.execute_batch("BEGIN IMMEDIATE")?;
    let started = std::time::Instant::now();
    let result = store.reply_to_case(acct, "c-1", "final", None, at(2));
    assert!(result.is_err(), "the write lock is held");
    assert!(started.elapsed() >= std::time::Duration::from_secs(4), "the busy timeout waited first");
    blocker.execute_batch("ROLLBACK")?;
    assert_eq!(store.draft(acct, "c-1")?.map(|d| d.body), Some("keep me".to_owned()));
    assert!(store.outbox()?.is_empty());
    Ok(())
}

fn uuid_version(key: &str) -> Option<char> {
    (key.len() == 36).then(|| key.chars().nth(14)).flatten()
}

#[test]
fn actions_go_out_in_order_per_object_and_a_failed_head_blocks_its_object() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, acct) = open(&path)?;
    let a1 = store.enqueue_request(acct, &action("a", 1), at(1))?;
    let b1 = store.enqueue_request(acct, &action("b", 1), at(1))?;
    let a2 = store.enqueue_request(acct, &action("a", 2), at(2))?;
    let b2 = store.enqueue_request(acct, &action("b", 2), at(2))?;
    assert_eq!(store.outbox()?.iter().map(|e| e.id).collect::<Vec<_>>(), vec![a1.id, b1.id, a2.id, b2.id]);
    let keys: std::collections::HashSet<_> = store.outbox()?.into_iter().map(|e| e.idempotency_key).collect();
    assert_eq!(keys.len(), 4, "every action has its own key");

    let ids = |entries: Vec<csba_store::OutboxEntry>| entries.into_iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(ids(store.next_sendable(acct, at(5))?), vec![a1.id, b1.id]);
    // Not before it was queued.
    assert_eq!(ids(store.next_sendable(acct, at(0))?), Vec::<i64>::new());

    // a1 is being sent: a2 waits; b1 backs off: b2 waits too.
    assert!(store.mark_sending(a1.id, at(5), at(30))?);
    assert!(!store.mark_sending(a1.id, at(6), at(31))?, "claimed once while the claim lasts");
    store.mark_retry(b1.id, at(10), "HTTP 503")?;
    assert_eq!(ids(store.next_sendable(acct, at(5))?), Vec::<i64>::new());
    assert_eq!(ids(store.next_sendable(acct, at(10))?), vec![b1.id]);

    store.mark_sent(a1.id, at(5))?;
    assert_eq!(ids(store.next_sendable(acct, at(5))?), vec![a2.id]);

    // A refusal blocks b until the seller fixes and requeues it.
    assert!(store.mark_sending(b1.id, at(10), at(12))?);
    store.mark_failed(b1.id, "invalid_request", Some("body too short"))?;
    assert_eq!(ids(store.next_sendable(acct, at(20))?), vec![a2.id]);
    let failed = store.outbox_entry(b1.id)?.ok_or("b1 gone")?;
    assert_eq!(
        failed.state,
        OutboxState::Failed { code: "invalid_request".into(), detail: Some("body too short".into()) }
    );
    assert_eq!(failed.body, b1.body, "the action and its data are kept");

    assert!(!store.update_body(a2.id, None)?, "only refused entries can be edited");
    assert!(store.update_body(b1.id, Some(&csba_store::JsonText::encode(&serde_json::json!({ "fixed": true }))?))?);
    assert!(store.requeue(b1.id, at(20))?);
    let requeued = store.outbox_entry(b1.id)?.ok_or("b1 gone")?;
    assert_eq!(requeued.state, OutboxState::Queued);
    assert_eq!(decoded(requeued.body), Some(serde_json::json!({ "fixed": true })));
    assert_ne!(requeued.idempotency_key, b1.idempotency_key, "the refusal is stored under the old key");
    assert_eq!(ids(store.next_sendable(acct, at(20))?), vec![b1.id, a2.id]);
    Ok(())
}

#[test]
fn an_entry_claimed_by_a_dead_process_is_sent_again_with_the_same_key_once_the_claim_ran_out() -> Result {
    let (_dir, path) = temp_path()?;
    let entry = {
        let (mut store, acct) = open(&path)?;
        let entry = store.enqueue_request(acct, &action("a", 1), at(1))?;
        assert!(store.mark_sending(entry.id, at(1), at(3))?);
        entry
    }; // "crash": the store is gone while the entry is sending
       // Another process (or the restarted one) opens the same replica.
    let (store, acct) = open(&path)?;
    let after = store.outbox_entry(entry.id)?.ok_or("lost")?;
    assert_eq!(after.state, OutboxState::Sending, "opening does not steal a claim that may be alive");
    assert!(store.next_sendable(acct, at(2))?.is_empty(), "the claim still holds");
    assert!(!store.mark_sending(entry.id, at(2), at(4))?);
    let due = store.next_sendable(acct, at(3))?;
    assert_eq!(due.iter().map(|e| &e.idempotency_key).collect::<Vec<_>>(), vec![&entry.idempotency_key]);
    assert!(store.mark_sending(entry.id, at(3), at(5))?);
    assert_eq!(store.outbox_entry(entry.id)?.map(|e| e.attempts), Some(2));
    Ok(())
}

#[test]
fn a_remote_change_keeps_the_draft_and_flags_it() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, acct) = open(&path)?;
    apply(&mut store, acct, 1, case("c-1", CaseStatus::Open, vec![message("csba", "q1")]))?;
    apply(&mut store, acct, 2, case("c-2", CaseStatus::Open, vec![message("csba", "q1")]))?;
    store.save_draft(acct, "c-1", "draft 1", at(2))?;
    store.save_draft(acct, "c-2", "draft 2", at(2))?;

    // The same case again (a replayed page) and the seller's own earlier
    // reply coming back are not news.
    apply(&mut store, acct, 3, case("c-1", CaseStatus::Open, vec![message("csba", "q1")]))?;
    apply(&mut store, acct, 4, case("c-1", CaseStatus::Answered, vec![message("csba", "q1"), message("seller", "a")]))?;
    assert_eq!(store.draft(acct, "c-1")?.map(|d| d.case_changed), Some(false));

    // CSBA asks again on c-1; CSBA resolves c-2.
    let messages = vec![message("csba", "q1"), message("seller", "a"), message("csba", "q2")];
    apply(&mut store, acct, 5, case("c-1", CaseStatus::Open, messages))?;
    apply(&mut store, acct, 6, case("c-2", CaseStatus::ResolvedByCsba, vec![message("csba", "q1")]))?;
    drop(store);

    let (store, acct) = open(&path)?;
    for (id, body) in [("c-1", "draft 1"), ("c-2", "draft 2")] {
        let draft = store.draft(acct, id)?.ok_or("the draft stays")?;
        assert_eq!(draft.body, body);
        assert!(draft.case_changed, "{id} is flagged");
    }
    // Typing on keeps the flag; acknowledging clears it.
    store.save_draft(acct, "c-1", "draft 1, longer", at(3))?;
    assert_eq!(store.draft(acct, "c-1")?.map(|d| d.case_changed), Some(true));
    store.acknowledge_case_change(acct, "c-1")?;
    assert_eq!(store.draft(acct, "c-1")?.map(|d| d.case_changed), Some(false));
    Ok(())
}

fn batch(orders: &[&str]) -> csba_store::Action {
    let confirmations = orders
        .iter()
        .map(|order| csba_api::ShipmentConfirmation {
            order_id: (*order).into(),
            tracking_number: "123456789012".into(),
            carrier: None,
            ship_date: at(0).date_naive(),
        })
        .collect();
    csba_store::Action::TrackingUpload { batch: csba_api::ShipmentConfirmationBatch { confirmations } }
}

/// What the service answers to a batch: one result per row.
/// A stored body as a tree, to compare with `json!`.
fn decoded(text: Option<csba_store::JsonText>) -> Option<serde_json::Value> {
    text.and_then(|t| t.decode().ok())
}

/// A shipment batch's answer as the service sends it: JSON text.
fn results(orders: &[&str]) -> String {
    let rows: Vec<_> = orders
        .iter()
        .enumerate()
        .map(|(index, order)| {
            serde_json::json!({ "index": index, "order_id": order, "tracking_number": "123456789012",
                                "carrier": "yamato", "carrier_ambiguous": index == 0 })
        })
        .collect();
    serde_json::json!({ "results": rows }).to_string()
}

#[test]
fn the_response_to_a_sent_action_is_kept() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, acct) = open(&path)?;
    let entry = store.enqueue(acct, &batch(&["o-1"]), at(1))?;
    assert_eq!((entry.response.clone(), entry.batch_group.clone()), (None, None));
    let reply = store.enqueue_request(acct, &action("a", 1), at(1))?;
    assert!(store.mark_sending(entry.id, at(2), at(3))?);
    store.mark_sent_with_response(entry.id, Some(&results(&["o-1"])), at(2))?;
    store.mark_sent(reply.id, at(2))?;
    drop(store);

    let (store, _) = open(&path)?;
    let sent = store.outbox_entry(entry.id)?.ok_or("gone")?;
    assert_eq!(sent.state, OutboxState::Sent);
    assert_eq!(sent.response.map(|r| r.as_str().to_owned()), Some(results(&["o-1"])));
    assert_eq!(store.outbox_entry(reply.id)?.ok_or("gone")?.response, None, "mark_sent keeps no response");
    Ok(())
}

#[test]
fn the_batches_of_one_upload_report_their_progress_and_row_results_together() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, acct) = open(&path)?;
    let first = ["o-1", "o-2"];
    let second = ["o-3"];
    let third = ["o-4", "o-5"];
    let entries = store.enqueue_group(acct, &[batch(&first), batch(&second), batch(&third)], "upload-1", at(1))?;
    store.enqueue_all(acct, &[batch(&["elsewhere"])], at(1))?;
    assert_eq!(entries.len(), 3);
    assert!(entries.iter().all(|e| e.batch_group.as_deref() == Some("upload-1")));

    let progress = store.upload_progress("upload-1")?;
    assert_eq!((progress.batches, progress.sent, progress.failed), (3, 0, 0));
    assert!(progress.results.is_empty());

    store.mark_sent_with_response(entries[0].id, Some(&results(&first)), at(2))?;
    store.mark_failed(entries[1].id, "order_not_found", Some("row 0"))?;
    store.mark_sent_with_response(entries[2].id, Some(&results(&third)), at(3))?;
    let progress = store.upload_progress("upload-1")?;
    assert_eq!((progress.batches, progress.sent, progress.failed), (3, 2, 1));
    let rows: Vec<(i64, u32, &str, bool)> =
        progress.results.iter().map(|r| (r.entry_id, r.row, r.order_id.as_str(), r.carrier_ambiguous)).collect();
    // Rows are numbered through the whole upload: the failed batch's row
    // keeps its place (2).
    assert_eq!(
        rows,
        [
            (entries[0].id, 0, "o-1", true),
            (entries[0].id, 1, "o-2", false),
            (entries[2].id, 3, "o-4", true),
            (entries[2].id, 4, "o-5", false)
        ]
    );
    assert!(progress.results.iter().all(|r| r.carrier == "yamato"));
    assert_eq!(store.upload_progress("no-such-upload")?, csba_store::UploadProgress::default());
    Ok(())
}
