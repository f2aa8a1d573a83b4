//! Writes a replica as a busy seller's desk holds it, for `cargo xtask
//! measure-idle`: one store whose service is out of reach (the app runs on
//! its replica alone), with N open cases whose deadlines spread over the
//! next 24 hours and a few already overdue, so the alert scheduler has
//! something to arm for every one of them.
//!
//! `cargo run --release -p csba-store --example busy_replica -- <data-dir> [cases]`

use chrono::{Duration, Utc};
use csba_api::{Case, CaseMessage, Change, ChangesPage, Resource};
use csba_domain::{case_respond_by, CaseKind, CaseStatus, Marketplace};
use csba_store::{SellerProfile, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().ok_or("usage: busy_replica <data-dir> [cases]")?);
    let cases: i64 = args.next().map(|n| n.parse()).transpose()?.unwrap_or(10_000);
    std::fs::create_dir_all(&dir)?;
    let now = Utc::now();
    let mut store = Store::open(&csba_store::paths::replica_file(&dir))?;
    let seller = SellerProfile {
        seller_id: "A1BUSY".into(),
        display_name: "Busy seller".into(),
        marketplaces: vec![Marketplace::Jp],
    };
    // Port 9 (discard) on loopback: nothing answers, the desk stays offline.
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, now)?;
    let changes = (0..cases)
        .map(|i| {
            // Opened between 24 hours and a few minutes ago: deadlines over the
            // next day, one case in a hundred already overdue.
            let opened = now - Duration::minutes(((i * 7) % 1440) + if i % 100 == 0 { 1440 } else { 1 });
            let order_id = format!("503-{:07}-{:07}", i / 1000, i);
            Change {
                seq: i + 1,
                at: opened,
                resource: Resource::Case(Case {
                    id: format!("CS-{i:06}"),
                    order_id: order_id.clone(),
                    marketplace: Marketplace::Jp,
                    kind: CaseKind::ProductQuestion,
                    status: CaseStatus::Open,
                    language: "ja".into(),
                    subject: format!("商品についてのお問い合わせ（注文番号 {order_id}）"),
                    messages: vec![CaseMessage {
                        author: "csba".into(),
                        body: "在庫と発送日を教えてください。".into(),
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
    store.apply_changes(
        account.id,
        &ChangesPage { changes, next_cursor: "c1".into(), has_more: false, server_time: now },
        now,
    )?;
    eprintln!("busy_replica: {cases} open cases in {}", dir.display());
    Ok(())
}
