//! One round of the deadline scheduler over a busy seller's replica: 10,000
//! open cases read from a real replica file, every threshold evaluated, the
//! tray's summary built. The idle app runs one such round a minute while
//! something is due, so this is most of what alerts cost it.

#![allow(clippy::expect_used)] // a benchmark that cannot set up has nothing to measure

use chrono::{DateTime, Duration, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use csba_alerts::{Alert, AlertSink, Summary};
use csba_api::{Case, CaseMessage, Change, ChangesPage, Resource};
use csba_app::alerts::DeskAlerts;
use csba_app::Desk;
use csba_domain::{case_respond_by, CaseKind, CaseStatus, Marketplace};
use csba_store::{SellerProfile, Store};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

const CASES: i64 = 10_000;

/// Counts what it is given, so the first round is seen to tell something.
#[derive(Default)]
struct Counting(AtomicUsize);
impl AlertSink for Counting {
    fn deliver(&self, alerts: &[Alert], _now: DateTime<Utc>) -> bool {
        self.0.fetch_add(alerts.len(), Ordering::Relaxed);
        true
    }
    fn show_summary(&self, summary: &Summary, _now: DateTime<Utc>) {
        std::hint::black_box(summary);
    }
}

fn replica(dir: &std::path::Path, now: DateTime<Utc>) -> Store {
    let mut store = Store::open(&dir.join("replica.sqlite")).expect("replica");
    let seller = SellerProfile {
        seller_id: "A1BENCH".into(),
        display_name: "Bench".into(),
        marketplaces: vec![Marketplace::Jp],
    };
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, now).expect("account");
    let changes = (0..CASES)
        .map(|i| {
            let opened = now - Duration::minutes((i * 7) % 1440 + 1);
            Change {
                seq: i + 1,
                at: opened,
                resource: Resource::Case(Case {
                    id: format!("CS-{i:06}"),
                    order_id: format!("503-{:07}-{i:07}", i / 1000),
                    marketplace: Marketplace::Jp,
                    kind: CaseKind::ProductQuestion,
                    status: CaseStatus::Open,
                    language: "ja".into(),
                    subject: format!("subject {i}"),
                    messages: vec![CaseMessage {
                        author: "csba".into(),
                        body: "question".into(),
                        sent_at: opened,
                        language: None,
                        late: false,
                    }],
                    opened_at: opened,
                    respond_by: case_respond_by(opened),
                    outcome: None,
                    resolved_at: None,
                }),
            }
        })
        .collect();
    let page = ChangesPage { changes, next_cursor: "c1".into(), has_more: false, server_time: now };
    store.apply_changes(account.id, &page, now).expect("cases");
    store
}

fn bench(c: &mut Criterion) {
    let now = Utc::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let desk = Arc::new(Desk::new(replica(dir.path(), now), csba_i18n::Catalog::load().expect("catalog")));
    desk.pin_alert_zone(Some(chrono_tz::Asia::Tokyo));
    let source = DeskAlerts(desk.clone());
    let sink = Counting::default();
    // The first round tells every case past a threshold and records it; the
    // ones measured are the steady rounds of an idle app.
    csba_alerts::step(&source, &sink, now);
    assert!(sink.0.load(Ordering::Relaxed) > 1000, "the first round tells the cases already due");
    c.bench_function("alert round, 10,000 open cases from a replica file", |b| {
        b.iter(|| std::hint::black_box(csba_alerts::step(&source, &sink, now)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
