//! The replica against real SQLite files.

use chrono::{DateTime, Duration, TimeZone, Utc};
use csba_api::{Case, CaseMessage, Change, ChangesPage, Order, Resource};
use csba_domain::{case_respond_by, CaseKind, CaseStatus, Marketplace};
use csba_store::{Store, StoreError};

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
    let mut store = Store::open(&path)?;
    let order = Order {
        id: "503-0000000-0000001".into(),
        marketplace: Marketplace::Jp,
        placed_at: at(1),
        item_title: "陶器茶香炉".into(),
        sku: "CHAXIANGLUO".into(),
        quantity: 1,
        status: "shipped".into(),
        tracking: None,
    };
    let resources = vec![
        Resource::Order(order),
        Resource::Case(case("late", at(2), CaseStatus::Open)),
        Resource::Case(case("done", at(9), CaseStatus::Answered)),
        Resource::Case(case("soon", at(5), CaseStatus::Open)),
    ];
    let server_time = at(12);
    store.apply_changes(&page(1, resources, server_time), server_time - Duration::seconds(3))?;

    let inbox = store.inbox()?;
    let ids: Vec<&str> = inbox.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["late", "soon", "done"]);
    assert_eq!(inbox[0].question, "question late");
    assert_eq!(inbox[0].item_title.as_deref(), Some("陶器茶香炉"));
    assert_eq!(inbox[0].respond_by, at(2) + Duration::hours(24));

    let state = store.sync_state()?;
    assert_eq!(state.cursor.as_deref(), Some("11"));
    assert_eq!(state.server_offset_ms, 3000);
    Ok(())
}

#[test]
fn a_later_change_replaces_the_earlier_state_and_survives_reopen() -> Result<(), StoreError> {
    let (_dir, path) = temp_store()?;
    {
        let mut store = Store::open(&path)?;
        store.apply_changes(&page(1, vec![Resource::Case(case("c1", at(2), CaseStatus::Open))], at(3)), at(3))?;
        store.apply_changes(
            &page(2, vec![Resource::Case(case("c1", at(2), CaseStatus::ResolvedByCsba))], at(4)),
            at(4),
        )?;
    }
    let store = Store::open(&path)?;
    let inbox = store.inbox()?;
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0].status, CaseStatus::ResolvedByCsba);
    Ok(())
}
