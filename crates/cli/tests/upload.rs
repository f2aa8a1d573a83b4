//! `csba tracking upload` on a replica that knows the account's orders: a
//! file with any problem queues nothing and lists every problem with its
//! line, column and code; a good one is queued as shipment batches.
//! (Sending them is in `sync_with_server.rs`.)

mod common;

use chrono::{Duration, Utc};
use common::{csba_in, s10, Result};
use csba_api::{Change, ChangesPage, Order, Resource};
use csba_domain::Marketplace;
use csba_store::{AccountId, SellerProfile, Store};
use serde_json::{json, Value};
use std::path::Path;

const UNSHIPPED: &str = "503-0000001-0000001";
const CANCELLED: &str = "503-0000002-0000002";
const US_ORDER: &str = "114-0000003-0000003";

/// A replica with one account selling on JP and US, and three orders.
fn replica(data: &Path, marketplaces: Vec<Marketplace>, with_orders: bool) -> Result<AccountId> {
    let mut store = Store::open(&csba_store::paths::replica_file(data))?;
    let seller = SellerProfile { seller_id: "A1UPLOAD".into(), display_name: "Upload store".into(), marketplaces };
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, Utc::now())?;
    if with_orders {
        let order = |id: &str, marketplace, status: &str| Order {
            id: id.into(),
            marketplace,
            placed_at: Utc::now() - Duration::days(3),
            item_title: "LED candle".into(),
            sku: "SKU-1".into(),
            quantity: 1,
            status: status.into(),
            tracking: None,
            ship_by: None,
            return_received_at: None,
            refunded_at: None,
        };
        let changes = [
            order(UNSHIPPED, Marketplace::Jp, "unshipped"),
            order(CANCELLED, Marketplace::Jp, "cancelled"),
            order(US_ORDER, Marketplace::Us, "unshipped"),
        ]
        .into_iter()
        .enumerate()
        .map(|(n, o)| Change { seq: n as i64 + 1, at: Utc::now(), resource: Resource::Order(o) })
        .collect();
        let page = ChangesPage { changes, next_cursor: "3".into(), has_more: false, server_time: Utc::now() };
        store.apply_changes(account.id, &page, Utc::now())?;
    }
    Ok(account.id)
}

fn write(dir: &Path, name: &str, text: &str) -> Result<String> {
    let path = dir.join(name);
    std::fs::write(&path, text)?;
    Ok(path.to_string_lossy().into_owned())
}

fn problems(report: &Value) -> Vec<(u64, String, String)> {
    report["problems"]
        .as_array()
        .map(|all| {
            all.iter()
                .map(|p| {
                    let text = |k: &str| p[k].as_str().unwrap_or_default().to_owned();
                    (p["line"].as_u64().unwrap_or_default(), text("column"), text("code"))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn outbox_len(data: &Path) -> Result<usize> {
    let outbox = csba_in(data, &["outbox", "--json"], None, &[])?;
    Ok(outbox.json()?.as_array().map_or(0, Vec::len))
}

#[test]
fn a_file_with_problems_queues_nothing_and_lists_every_problem() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    replica(&data, vec![Marketplace::Jp, Marketplace::Us], true)?;
    let today = Utc::now().date_naive();
    let file = write(
        dir.path(),
        "bad.csv",
        &format!(
            "order_id,tracking_number,ship_date\n\
             {UNSHIPPED},{},{today}\n\
             {CANCELLED},{},{today}\n\
             503-9999999-9999999,{},{today}\n\
             {UNSHIPPED},EV876297564CN,{today}\n\
             12345,{},2026-13-45\n",
            s10(1),
            s10(2),
            s10(3),
            s10(5)
        ),
    )?;
    let run = csba_in(&data, &["tracking", "upload", &file, "--json"], None, &[])?;
    assert_eq!(run.code, 1, "{}", run.all());
    let report = run.json()?;
    let expected = [
        (3, "order_id", "cancelled_order"),
        (4, "order_id", "unknown_order"),
        (5, "tracking_number", "invalid_tracking_id:check_digit_mismatch"),
        (6, "order_id", "invalid_order_id"),
        (6, "ship_date", "invalid_date"),
    ];
    let found = problems(&report);
    for (line, column, code) in expected {
        assert!(
            found.contains(&(line, column.to_owned(), code.to_owned())),
            "{line} {column} {code} missing: {found:?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:?}");
    assert_eq!(
        (report["rows"].clone(), report["valid"].clone(), report["batches"].clone()),
        (json!(5), json!(1), json!(0))
    );
    assert_eq!(outbox_len(&data)?, 0, "nothing queued");

    let text = csba_in(&data, &["tracking", "upload", &file], None, &[])?;
    assert_eq!(text.code, 1);
    assert!(text.stdout.contains("Line 3, column “order_id”: this order was cancelled"), "{}", text.stdout);
    assert!(text.stdout.contains("[unknown_order]") && text.stdout.contains("Nothing was queued."), "{}", text.stdout);
    let ja = csba_in(&data, &["--lang", "ja", "tracking", "upload", &file], None, &[])?;
    assert!(!ja.stdout.contains("Nothing was queued"), "localized: {}", ja.stdout);
    assert_eq!(outbox_len(&data)?, 0);
    Ok(())
}

#[test]
fn ship_dates_and_the_given_carrier_are_checked_too() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    replica(&data, vec![Marketplace::Jp, Marketplace::Us], true)?;
    // Valid for the importer; wrong for the account: a date years ahead,
    // and a China Post number under `--carrier yamato`.
    let file = write(
        dir.path(),
        "dates.csv",
        &format!("order-id,tracking-number,ship-date\n{UNSHIPPED},{},2099-01-01\n{US_ORDER},{},\n", s10(7), s10(8)),
    )?;
    let run = csba_in(&data, &["tracking", "upload", &file, "--carrier", "yamato", "--json"], None, &[])?;
    assert_eq!(run.code, 1, "{}", run.all());
    let found = problems(&run.json()?);
    assert!(found.contains(&(2, "ship-date".into(), "ship_date_in_future".into())), "{found:?}");
    assert!(found.contains(&(2, "tracking-number".into(), "invalid_tracking_id:carrier_mismatch".into())), "{found:?}");
    assert!(found.contains(&(3, "tracking-number".into(), "invalid_tracking_id:carrier_mismatch".into())), "{found:?}");
    assert_eq!(outbox_len(&data)?, 0);

    let unknown = csba_in(&data, &["tracking", "upload", &file, "--carrier", "pigeon"], None, &[])?;
    assert_eq!(unknown.code, 2, "an unknown carrier is a usage error: {}", unknown.all());
    let bad_marketplace = csba_in(&data, &["tracking", "upload", &file, "--marketplace", "DE"], None, &[])?;
    assert_eq!(bad_marketplace.code, 2);
    assert!(bad_marketplace.stderr.contains("Use JP or US"), "{}", bad_marketplace.stderr);
    Ok(())
}

#[test]
fn a_good_file_is_queued_in_one_transaction_as_batches() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let account = replica(&data, vec![Marketplace::Jp, Marketplace::Us], true)?;
    // No ship date: each row is dated today in its order's marketplace.
    let file = write(
        dir.path(),
        "good.csv",
        &format!("order_id,tracking_number,carrier\n{UNSHIPPED},{},china-post\n{US_ORDER},{},\n", s10(11), s10(12)),
    )?;
    let run = csba_in(&data, &["tracking", "upload", &file, "--json"], None, &[])?;
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(run.json()?, json!({"account_id": account.0, "rows": 2, "valid": 2, "batches": 1, "problems": []}));
    let store = Store::open(&csba_store::paths::replica_file(&data))?;
    let queued = store.outbox()?;
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].path, "/v1/shipment-confirmations");
    let body: serde_json::Value = queued[0].body.clone().ok_or("no body")?.decode()?;
    let confirmations = body["confirmations"].as_array().ok_or("no confirmations")?;
    assert_eq!(confirmations[0]["order_id"], json!(UNSHIPPED));
    assert_eq!(confirmations[0]["carrier"], json!("china-post"), "the declared carrier is sent");
    assert_eq!(confirmations[1]["carrier"], Value::Null, "none declared: the service detects it");
    let tokyo = Utc::now().with_timezone(&Marketplace::Jp.time_zone()?).date_naive().to_string();
    let los_angeles = Utc::now().with_timezone(&Marketplace::Us.time_zone()?).date_naive().to_string();
    assert_eq!(confirmations[0]["ship_date"], json!(tokyo));
    assert_eq!(confirmations[1]["ship_date"], json!(los_angeles));
    Ok(())
}

#[test]
fn without_orders_in_the_replica_the_marketplace_dates_the_rows() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    replica(&data, vec![Marketplace::Jp, Marketplace::Us], false)?;
    let file = write(dir.path(), "plain.csv", &format!("order_id,tracking_number\n{UNSHIPPED},{}\n", s10(21)))?;
    let run = csba_in(&data, &["tracking", "upload", &file, "--json"], None, &[])?;
    assert_eq!(run.code, 1, "{}", run.all());
    assert_eq!(problems(&run.json()?), vec![(2, "ship-date".into(), "ship_date_needs_marketplace".into())]);

    let run = csba_in(&data, &["tracking", "upload", &file, "--marketplace", "jp"], None, &[])?;
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("no orders on this computer yet"), "{}", run.stdout);
    assert!(run.stdout.contains("Queued 1 shipment confirmation for account #"), "{}", run.stdout);
    assert_eq!(outbox_len(&data)?, 1);
    Ok(())
}

#[test]
fn with_several_accounts_the_seller_chooses() -> Result {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let first = replica(&data, vec![Marketplace::Jp], true)?;
    let mut store = Store::open(&csba_store::paths::replica_file(&data))?;
    let other =
        SellerProfile { seller_id: "B2".into(), display_name: "Other".into(), marketplaces: vec![Marketplace::Us] };
    store.add_remote_account("http://127.0.0.1:10", &other, Utc::now())?;
    let file = write(dir.path(), "one.csv", &format!("order_id,tracking_number\n{UNSHIPPED},{}\n", s10(31)))?;

    let run = csba_in(&data, &["tracking", "upload", &file], None, &[])?;
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("several accounts") && run.stderr.contains("--account"), "{}", run.stderr);
    // The marketplace narrows it down to one.
    let run = csba_in(&data, &["tracking", "upload", &file, "--marketplace", "JP"], None, &[])?;
    assert_eq!(run.code, 0, "{}", run.all());
    let run = csba_in(&data, &["tracking", "upload", &file, "--account", &first.to_string()], None, &[])?;
    assert_eq!(run.code, 0, "{}", run.all());
    let wrong = csba_in(
        &data,
        &["tracking", "upload", &file, "--account", &first.to_string(), "--marketplace", "US"],
        None,
        &[],
    )?;
    assert_eq!(wrong.code, 1);
    assert!(wrong.stderr.contains("does not sell on the US marketplace"), "{}", wrong.stderr);
    assert_eq!(outbox_len(&data)?, 2);
    Ok(())
}
