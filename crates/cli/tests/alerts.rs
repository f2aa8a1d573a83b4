//! `csba alerts` on a real replica file in a private data directory: the
//! tray's tooltip, the grouped notification a round would show and every
//! deadline, at a given instant and zone; looking records nothing, and what
//! the ledger says was told is not shown as to be told again.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::{csba_in, Result};
use csba_api::{Change, ChangesPage, Resource};
use csba_domain::Marketplace;
use csba_store::Store;
use serde_json::{json, Value};
use std::path::Path;

const AT: &str = "2026-12-02T03:00:00Z";

fn at() -> Result<DateTime<Utc>> {
    Ok(Utc.with_ymd_and_hms(2026, 12, 2, 3, 0, 0).single().ok_or("bad instant")?)
}

fn resource(kind: &str, data: Value) -> Result<Resource> {
    Ok(serde_json::from_value(json!({ "kind": kind, "data": data }))?)
}

/// One JP account: a case due in 90 minutes, an order to ship within 3 hours.
fn replica(dir: &Path) -> Result {
    let now = at()?;
    let resources = vec![
        resource(
            "case",
            json!({ "id": "113-0001", "order_id": "503-7", "marketplace": "JP", "kind": "product_question",
                    "status": "open", "language": "ja", "subject": "件名", "messages": [],
                    "opened_at": now - Duration::minutes(22 * 60 + 30), "respond_by": now + Duration::minutes(90) }),
        )?,
        resource(
            "order",
            json!({ "id": "503-7", "marketplace": "JP", "placed_at": now - Duration::days(1), "item_title": "茶",
                    "sku": "S", "quantity": 1, "status": "unshipped", "ship_by": now + Duration::hours(3) }),
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

#[test]
fn alerts_shows_the_tray_what_would_alert_and_every_deadline_without_recording() -> Result {
    let dir = tempfile::tempdir()?;
    replica(dir.path())?;
    let run = csba_in(dir.path(), &["alerts", "--at", AT, "--zone", "Asia/Tokyo"], None, &[])?;
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(
        run.stdout,
        "2 deadlines due · next in 1 h 30 min\n\
         \n\
         Would alert now:\n  \
           2 deadlines need you\n    \
             Case on order 503-7 — in 1 h 30 min\n    \
             Tracking 503-7 — in 3 h\n\
         \n\
         Deadlines:\n  \
           Case on order 503-7 — in 1 h 30 min\n  \
           Tracking 503-7 — in 3 h\n"
    );
    // Looking used nothing up.
    let store = Store::open(&csba_store::paths::replica_file(dir.path()))?;
    assert_eq!(store.alerts_told()?, vec![]);

    let ja = csba_in(dir.path(), &["--lang", "ja", "alerts", "--at", AT, "--zone", "Asia/Tokyo"], None, &[])?;
    assert_eq!(ja.stdout.lines().next(), Some("期限が近いもの 2件 · 次の期限まで1時間30分"), "{}", ja.all());
    Ok(())
}

#[test]
fn what_the_ledger_says_was_told_is_not_to_be_told_again() -> Result {
    let dir = tempfile::tempdir()?;
    replica(dir.path())?;
    let mut store = Store::open(&csba_store::paths::replica_file(dir.path()))?;
    store.record_alerts_told(&[("case_reply/1/113-0001".into(), 120), ("case_reply/1/113-0001".into(), 360)], at()?)?;

    let run = csba_in(dir.path(), &["alerts", "--at", AT, "--zone", "Asia/Tokyo", "--json"], None, &[])?;
    assert_eq!(run.code, 0, "{}", run.all());
    let v = run.json()?;
    assert_eq!(v["zone"], "Asia/Tokyo");
    assert_eq!(v["would_alert"], json!([{ "obligation": "tracking/1/503-7", "minutes": 240 }]));
    assert_eq!(v["notification"]["title"], "Tracking 503-7: 3 h left");
    assert_eq!(v["notification"]["body"], "Confirm the shipment with its tracking ID by 15:00 (JST).");
    assert_eq!(
        (v["overdue"].as_u64(), v["due_soon"].as_u64(), v["level"].as_str()),
        (Some(0), Some(2), Some("due_soon"))
    );
    let deadlines: Vec<(String, Value, String)> = v["deadlines"]
        .as_array()
        .ok_or("deadlines")?
        .iter()
        .map(|d| (d["obligation"].as_str().unwrap_or_default().to_owned(), d["open"].clone(), d["due"].to_string()))
        .collect();
    assert_eq!(
        deadlines,
        vec![
            (
                "case_reply/1/113-0001".to_owned(),
                json!({ "screen": "case", "account_id": 1, "id": "113-0001" }),
                "\"2026-12-02T04:30:00Z\"".to_owned()
            ),
            (
                "tracking/1/503-7".to_owned(),
                json!({ "screen": "order", "account_id": 1, "id": "503-7" }),
                "\"2026-12-02T06:00:00Z\"".to_owned()
            ),
        ]
    );
    Ok(())
}

#[test]
fn an_unknown_zone_or_instant_is_a_usage_error() -> Result {
    let dir = tempfile::tempdir()?;
    let zone = csba_in(dir.path(), &["alerts", "--zone", "Mars/Olympus"], None, &[])?;
    assert_eq!(zone.code, 2);
    assert!(zone.stderr.contains("Unknown time zone “Mars/Olympus”"), "{}", zone.all());
    let instant = csba_in(dir.path(), &["alerts", "--at", "tomorrow"], None, &[])?;
    assert_eq!(instant.code, 2);
    assert!(instant.stderr.contains("“tomorrow” is not a date and time"), "{}", instant.all());
    // Refused before the replica was opened: nothing was created.
    assert!(!csba_store::paths::replica_file(dir.path()).exists());
    Ok(())
}
