//! What a seller waits for, measured on real replica files: the orders
//! screen's model built from 10,000 orders; the preview of a dropped
//! 100,000-row upload (read, decoded, checked against the replica's orders,
//! every problem listed); the performance screen's model from two years of
//! weekly series on two marketplaces (read, summed, compared); and the
//! outbox screen's list while a 100,000-ID upload waits in it.

#![allow(clippy::expect_used)] // a benchmark that cannot set up has nothing to measure

use chrono::{DateTime, Duration, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use csba_api::{Change, ChangesPage, Order, Resource, ShipmentConfirmation, ShipmentConfirmationBatch};
use csba_app::upload::{self, UploadOptions};
use csba_app::{Desk, ViewFilter};
use csba_domain::tracking::check_digit;
use csba_domain::Marketplace;
use csba_store::{Action, SellerProfile, Store};
use std::fmt::Write;
use std::hint::black_box;

const ORDERS: usize = 10_000;
const UPLOAD_ROWS: usize = 100_000;
/// Two years of weeks.
const METRIC_WEEKS: u64 = 104;

fn order_id(i: usize) -> String {
    format!("503-{:07}-{:07}", i / 1000, i % 1_000_000)
}

/// A replica with `n` unshipped JP orders of one account.
fn replica(dir: &std::path::Path, n: usize, now: DateTime<Utc>) -> Result<Store, Box<dyn std::error::Error>> {
    let mut store = Store::open(&dir.join("replica.sqlite"))?;
    let seller = SellerProfile {
        seller_id: "A1BENCH".into(),
        display_name: "Bench".into(),
        marketplaces: vec![Marketplace::Jp],
    };
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, now)?;
    let changes = (0..n)
        .map(|i| Change {
            seq: i as i64 + 1,
            at: now,
            resource: Resource::Order(Order {
                id: order_id(i),
                marketplace: Marketplace::Jp,
                placed_at: now - Duration::minutes(i as i64),
                item_title: format!("Item {i}"),
                sku: format!("SKU-{i}"),
                quantity: 1,
                status: "unshipped".into(),
                ship_by: Some(now + Duration::minutes((i % 2880) as i64)),
                tracking: None,
                return_received_at: None,
                refunded_at: None,
            }),
        })
        .collect();
    store.apply_changes(
        account.id,
        &ChangesPage { changes, next_cursor: "c".into(), has_more: false, server_time: now },
        now,
    )?;
    Ok(store)
}

/// A CSV for the replica's orders, one row in a thousand with a mistyped
/// check digit, so the preview has problems to list.
fn upload_file(rows: usize) -> String {
    let mut out = String::from("order-id,ship-date,carrier-code,tracking-number\n");
    for i in 0..rows {
        let serial = format!("{:08}", i);
        let mut check = check_digit::s10(serial.as_bytes()).unwrap_or(0);
        if i % 1000 == 999 {
            check = (check + 1) % 10;
        }
        let _ = writeln!(out, "{},2026-11-30,china-post,EV{serial}{check}CN", order_id(i % ORDERS.max(1)));
    }
    out
}

fn bench(c: &mut Criterion) {
    let now = Utc::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let store = replica(dir.path(), ORDERS, now).expect("replica");
    let catalog = csba_i18n::Catalog::load().expect("catalog");
    let desk = Desk::new(store, catalog);

    let screen = desk.orders_screen(ViewFilter::default(), now).expect("orders screen");
    assert_eq!(screen.to_ship.len(), ORDERS, "the benchmark must see every order");
    c.bench_function("orders screen model, 10,000 orders", |b| {
        b.iter(|| black_box(desk.orders_screen(ViewFilter::default(), now).expect("orders screen")))
    });

    let file = dir.path().join("upload.csv");
    std::fs::write(&file, upload_file(UPLOAD_ROWS)).expect("upload file");
    let options = UploadOptions::default();
    let preview = desk.preview_upload_file(&file, &options, now).expect("preview");
    assert!(preview.preview.problems.len() >= UPLOAD_ROWS / 1000, "the preview lists the mistakes");
    let mut group = c.benchmark_group("upload preview");
    group.sample_size(10);
    group.bench_function("100,000-row file, drop to problems", |b| {
        b.iter(|| black_box(desk.preview_upload_file(&file, &options, now).expect("preview")))
    });
    group.finish();
}

/// A replica with two years of weekly figures on JP and US, and both
/// enrollments active for the second year (so every panel compares).
fn metrics_replica(dir: &std::path::Path, now: DateTime<Utc>) -> Result<Store, Box<dyn std::error::Error>> {
    let mut store = Store::open(&dir.join("metrics.sqlite"))?;
    let seller = SellerProfile {
        seller_id: "A1BENCH".into(),
        display_name: "Bench".into(),
        marketplaces: vec![Marketplace::Jp, Marketplace::Us],
    };
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, now)?;
    let first_monday = csba_domain::metrics::monday_of(now.date_naive()) - Duration::weeks(METRIC_WEEKS as i64);
    let mut changes = Vec::new();
    for marketplace in [Marketplace::Jp, Marketplace::Us] {
        let activated = now - Duration::weeks(52);
        let enrollment = serde_json::json!({
            "marketplace": marketplace, "state": "active", "enrolled_at": activated, "since": activated,
            "active_periods": [{ "from": activated }], "terms_version": "bench", "eligibility": []
        });
        changes.push(serde_json::from_value(serde_json::json!({ "kind": "enrollment", "data": enrollment }))?);
        for i in 0..METRIC_WEEKS {
            let orders = 900 + (i * 37 % 200) as u32;
            let week = serde_json::json!({
                "marketplace": marketplace, "week_start": first_monday + Duration::weeks(i as i64),
                "orders": orders, "a_to_z_claims": 5 + i % 9, "defects": 9 + i % 13, "feedback": 120,
                "negative_feedback": 4 + i % 5, "shipped": orders, "valid_tracking": orders - 20, "units": orders + 150,
                "contacts": 40 + i % 30, "responses": 38, "response_seconds": 38 * (3_600 + i * 97), "complete": i + 1 < METRIC_WEEKS
            });
            changes.push(serde_json::from_value(serde_json::json!({ "kind": "metric_week", "data": week }))?);
        }
    }
    let changes = changes
        .into_iter()
        .enumerate()
        .map(|(i, resource): (usize, Resource)| Change { seq: i as i64 + 1, at: now, resource })
        .collect();
    store.apply_changes(
        account.id,
        &ChangesPage { changes, next_cursor: "c".into(), has_more: false, server_time: now },
        now,
    )?;
    Ok(store)
}

fn bench_performance(c: &mut Criterion) {
    let now = Utc::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let store = metrics_replica(dir.path(), now).expect("replica");
    let desk = Desk::new(store, csba_i18n::Catalog::load().expect("catalog"));
    let screen = desk.performance_screen(ViewFilter::default(), now).expect("performance screen");
    assert_eq!(screen.panels.len(), 2, "both marketplaces");
    assert!(screen.panels.iter().all(|p| p.weeks.len() == METRIC_WEEKS as usize && p.comparison.is_some()));
    c.bench_function("performance screen model, 2 years of weeks × 2 marketplaces", |b| {
        b.iter(|| black_box(desk.performance_screen(ViewFilter::default(), now).expect("performance screen")))
    });
}

/// The outbox screen's list with a 100,000-ID upload queued: its batches
/// (about 1 MiB each) are named by their first order and row count.
fn bench_outbox(c: &mut Criterion) {
    let now = Utc::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = replica(dir.path(), 0, now).expect("replica");
    let account = store.accounts().expect("accounts")[0].id;
    let rows = (0..UPLOAD_ROWS)
        .map(|i| ShipmentConfirmation {
            order_id: order_id(i),
            tracking_number: format!("EV{i:08}0CN"),
            carrier: Some("china_post".into()),
            ship_date: now.date_naive(),
        })
        .collect();
    let actions: Vec<Action> = ShipmentConfirmationBatch::split(rows, upload::MAX_BATCH_ROWS, upload::MAX_BATCH_BYTES)
        .into_iter()
        .map(|batch| Action::TrackingUpload { batch })
        .collect();
    store.enqueue_group(account, &actions, "bench-upload", now).expect("queued");
    let desk = Desk::new(store, csba_i18n::Catalog::load().expect("catalog"));
    let queue = desk.queue().expect("queue");
    assert_eq!(queue.len(), actions.len(), "the benchmark must list every batch");
    assert!(queue[0].subject.contains(" … +"), "each batch is named by its orders");
    c.bench_function("outbox screen list, a 100,000-ID upload queued", |b| {
        b.iter(|| black_box(desk.queue().expect("queue")))
    });
}

criterion_group!(benches, bench, bench_performance, bench_outbox);
criterion_main!(benches);
