//! The replica against real SQLite files.

use chrono::{DateTime, Duration, TimeZone, Utc};
use csba_api::{Case, CaseMessage, Change, ChangesPage, Order, Resource};
use csba_domain::{case_respond_by, CaseKind, CaseStatus, Marketplace};
use csba_store::{AccountId, SellerProfile, Store, StoreError};

mod common;
use common::open;

fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, h, 0, 0).single().unwrap_or_default()
}

fn case(id: &str, opened: DateTime<Utc>, status: CaseStatus) -> Case {
    Case {
        id: id.into(),
        order_id: "503-0000000-0000001".into(),
        marketplace: Marketplace::Jp,
        kind: CaseKind::ProductQuestion,
        status,
        language: "ja".into(),
        subject: format!("subject {id}"),
        messages: vec![
            CaseMessage { author: "csba".into(), body: "first".into(), sent_at: opened, language: None, late: false },
            CaseMessage {
                author: "csba".into(),
                body: format!("question {id}"),
                sent_at: opened,
                language: None,
                late: false,
            },
        ],
        opened_at: opened,
        respond_by: case_respond_by(opened),
        outcome: None,
        resolved_at: None,
    }
}

fn page(seq: i64, resources: Vec<Resource>, server_time: DateTime<Utc>) -> ChangesPage {
    ChangesPage {
        changes: resources
            .into_iter()
            .enumerate()
            .map(|(i, resource)| Change { seq: seq + i as i64, at: server_time, resource })
            .collect(),
        next_cursor: (seq + 10).to_string(),
        has_more: false,
        server_time,
    }
}

fn temp_store() -> Result<(tempfile::TempDir, std::path::PathBuf), StoreError> {
    let dir = tempfile::tempdir().map_err(|e| StoreError::Io { path: "tmp".into(), source: e })?;
    let path = dir.path().join("data").join("replica.sqlite");
    Ok((dir, path))
}

#[test]
fn applies_pages_and_orders_the_inbox_by_urgency() -> Result<(), StoreError> {
    let (_dir, path) = temp_store()?;
    let (mut store, acct) = open(&path)?;
    let order = Order {
        id: "503-0000000-0000001".into(),
        marketplace: Marketplace::Jp,
        placed_at: at(1),
        item_title: "陶器茶香炉".into(),
        sku: "CHAXIANGLUO".into(),
        quantity: 1,
        status: "shipped".into(),
        ship_by: None,
        tracking: None,
        return_received_at: None,
        refunded_at: None,
    };
    let resources = vec![
        Resource::Order(order),
        Resource::Case(case("late", at(2), CaseStatus::Open)),
        Resource::Case(case("done", at(9), CaseStatus::Answered)),
        Resource::Case(case("soon", at(5), CaseStatus::Open)),
    ];
    let server_time = at(12);
    store.apply_changes(acct, &page(1, resources, server_time), server_time - Duration::seconds(3))?;

    let inbox = store.inbox()?;
    let ids: Vec<&str> = inbox.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["late", "soon", "done"]);
    assert_eq!(inbox[0].question, "question late");
    assert_eq!(inbox[0].item_title.as_deref(), Some("陶器茶香炉"));
    assert_eq!(inbox[0].respond_by, at(2) + Duration::hours(24));

    let state = store.sync_state(acct)?;
    assert_eq!(state.cursor.as_deref(), Some("11"));
    assert_eq!(state.server_offset_ms, 3000);
    Ok(())
}

#[test]
fn a_later_change_replaces_the_earlier_state_and_survives_reopen() -> Result<(), StoreError> {
    let (_dir, path) = temp_store()?;
    {
        let (mut store, acct) = open(&path)?;
        store.apply_changes(acct, &page(1, vec![Resource::Case(case("c1", at(2), CaseStatus::Open))], at(3)), at(3))?;
        store.apply_changes(
            acct,
            &page(2, vec![Resource::Case(case("c1", at(2), CaseStatus::ResolvedByCsba))], at(4)),
            at(4),
        )?;
    }
    let (store, _) = open(&path)?;
    let inbox = store.inbox()?;
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].status, CaseStatus::ResolvedByCsba);
    Ok(())
}

fn second_account(store: &mut Store) -> Result<AccountId, StoreError> {
    let seller = SellerProfile { seller_id: "A2US".into(), display_name: "US store".into(), marketplaces: vec![] };
    Ok(store.add_remote_account("https://us.example", &seller, at(0))?.id)
}

#[test]
fn two_accounts_keep_their_own_cases_cursors_and_drafts_even_with_equal_ids() -> Result<(), StoreError> {
    let (_dir, path) = temp_store()?;
    let (mut store, jp) = open(&path)?;
    let us = second_account(&mut store)?;
    store.apply_changes(jp, &page(1, vec![Resource::Case(case("c1", at(2), CaseStatus::Open))], at(3)), at(3))?;
    store.apply_changes(us, &page(7, vec![Resource::Case(case("c1", at(1), CaseStatus::Open))], at(3)), at(3))?;
    store.save_draft(jp, "c1", "JP draft", at(3))?;
    let inbox = store.inbox()?;
    assert_eq!(inbox.iter().map(|c| (c.account_id, c.id.as_str())).collect::<Vec<_>>(), vec![(us, "c1"), (jp, "c1")]);
    assert_eq!(inbox.iter().map(|c| c.has_draft).collect::<Vec<_>>(), vec![false, true]);
    assert_eq!(store.sync_state(jp)?.cursor.as_deref(), Some("11"));
    assert_eq!(store.sync_state(us)?.cursor.as_deref(), Some("17"));
    assert_eq!(store.draft(us, "c1")?, None);
    assert!(store.remove_account(us)?);
    assert_eq!(store.inbox()?.len(), 1, "removing an account removes its rows");
    Ok(())
}

#[test]
fn a_resync_rebuilds_the_replica_but_keeps_drafts_and_queued_actions() -> Result<(), StoreError> {
    let (_dir, path) = temp_store()?;
    let (mut store, acct) = open(&path)?;
    let other = second_account(&mut store)?;
    let both = |seq| page(seq, vec![Resource::Case(case("c1", at(2), CaseStatus::Open))], at(3));
    store.apply_changes(acct, &both(1), at(3))?;
    store.apply_changes(other, &both(1), at(3))?;
    store.save_draft(acct, "c1", "half written", at(3))?;
    let queued = store.reply_to_case(acct, "c2", "sent later", None, at(3))?;

    store.reset_replica(acct)?;
    assert_eq!(store.sync_state(acct)?.cursor, None, "the next pull starts from the beginning");
    assert_eq!(store.inbox()?.iter().map(|c| c.account_id).collect::<Vec<_>>(), vec![other]);
    assert_eq!(store.draft(acct, "c1")?.map(|d| d.body).as_deref(), Some("half written"));
    assert_eq!(store.outbox()?, vec![queued]);

    store.apply_changes(acct, &both(1), at(4))?;
    assert_eq!(store.inbox()?.len(), 2);
    Ok(())
}
