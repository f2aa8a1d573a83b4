//! Sync benchmark on loopback, against the real server and a real replica
//! file; every byte the server sends is counted by a relay in between.
//!
//! 1. First sync of a seller with ~10,000 cases (empty replica → up to date).
//! 2. Incremental sync after one of those cases changed, and after nothing
//!    changed: what crosses the wire must not depend on the unchanged cases.
//! 3. 100,000 tracking IDs end to end: a CSV file is decoded and validated,
//!    queued in the outbox in the batches the app makes (at most 10,000 rows
//!    and 1 MiB less 16 KiB of JSON each) and pushed until the server
//!    confirmed every batch.
//!
//! On SQLite, or with `--database-url postgres://…` on a fresh database
//! created (and dropped) on that server.
//!
//! ```text
//! cargo xtask bench-sync
//! cargo run --release -p csba-sync --example sync_bench -- --cases 10000 --tracking 100000
//! ```

#![allow(clippy::print_stdout)] // the report on stdout is what this program is for

use chrono::{Duration, Utc};
use csba_api::{ApiClient, Order, ReplyRequest, ShipmentConfirmation, ShipmentConfirmationBatch};
use csba_domain::import::{self, Orders};
use csba_domain::tracking::check_digit;
use csba_domain::Marketplace;
use csba_server::migrate::migrate;
use csba_server::orders::put_order;
use csba_server::simulate::{simulate, ORDERS_PER_DAY};
use csba_server::tokens::issue_token;
use csba_server::{AppState, Db, SystemClock};
use csba_store::{Action, Store};
use csba_sync::RetryPolicy;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use tokio::net::TcpListener;

type Error = Box<dyn std::error::Error + Send + Sync>;

#[path = "../tests/common/relay.rs"]
mod relay;
use relay::counting_relay;

/// How the seeding writes orders: rows per transaction.
const BATCH_ROWS: usize = 1_000;
/// The app's upload batches (`csba_app::upload::MAX_BATCH_ROWS` and
/// `MAX_BATCH_BYTES`, which sit on the service's limits).
const UPLOAD_ROWS: usize = csba_server::shipments::MAX_ROWS;
const UPLOAD_BYTES: usize = csba_server::app::BODY_LIMIT_BYTES - 16 * 1024;

fn arg(name: &str, default: usize) -> Result<usize, Error> {
    let args: Vec<String> = std::env::args().collect();
    match args.iter().position(|a| a == name) {
        Some(i) => Ok(args.get(i + 1).ok_or_else(|| format!("{name} needs a value"))?.parse()?),
        None => Ok(default),
    }
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let cases = arg("--cases", 10_000)?;
    let tracking = arg("--tracking", 100_000)?;
    let dir = tempfile::tempdir()?;
    let args: Vec<String> = std::env::args().collect();
    let postgres = args.iter().position(|a| a == "--database-url").and_then(|i| args.get(i + 1)).cloned();
    let (db, cleanup) = match &postgres {
        None => (Db::open_sqlite(&dir.path().join("server.sqlite")).await?, None),
        Some(admin_url) => {
            let name = format!("csba_bench_{}", uuid::Uuid::new_v4().simple());
            let admin = Db::connect(admin_url).await?;
            sqlx::query(&format!("CREATE DATABASE {name}")).execute(admin.writes()).await?;
            let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(b, _)| b).to_owned();
            (Db::connect(&format!("{base}/{name}")).await?, Some((admin, name)))
        }
    };
    println!("| backend | {} |", if postgres.is_some() { "PostgreSQL" } else { "SQLite" });
    let result = run(&db, &dir, cases, tracking).await;
    db.close().await;
    if let Some((admin, name)) = cleanup {
        sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(admin.writes()).await?;
    }
    result
}

async fn run(db: &Db, dir: &tempfile::TempDir, cases: usize, tracking: usize) -> Result<(), Error> {
    let db = db.clone();
    let now = Utc::now();
    migrate(&db, now).await?;

    let t = Instant::now();
    let per_day = f64::from(ORDERS_PER_DAY) * 0.33;
    let days = (cases as f64 / per_day).ceil() as u32 + 5;
    let summary = simulate(&db, 1, days, 1, now - Duration::days(i64::from(days))).await?;
    let seller = summary.sellers.first().ok_or("no seller simulated")?.clone();
    let order_ids = unshipped_orders(&db, &seller, tracking).await?;
    if db.backend() == csba_server::db::Backend::Postgres {
        // What autovacuum does within a minute of a bulk insert: without
        // statistics the planner takes the just-filled tables for empty
        // and scans them for every lookup.
        sqlx::query("ANALYZE").execute(db.writes()).await?;
    }
    eprintln!(
        "seeded {} cases, {} orders and {tracking} unshipped orders in {:.1?}",
        summary.cases,
        summary.orders,
        t.elapsed()
    );

    let token = issue_token(&db, &seller, "bench", now).await?.secret().to_owned();
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let server_addr = listener.local_addr()?;
    let state = AppState::new(db.clone(), Arc::new(SystemClock));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(csba_server::serve_until(listener, state, async move {
        let _ = stopped.await;
    }));
    let counted = Arc::new(AtomicU64::new(0));
    let relay = counting_relay(server_addr, counted.clone()).await?;
    let client = ApiClient::new(format!("http://{relay}"), &token)?;
    let direct = ApiClient::new(format!("http://{server_addr}"), &token)?;

    let store = Mutex::new(Store::open(&dir.path().join("replica.sqlite"))?);
    let account = csba_sync::register_remote(&client, &store, now).await?.id;

    println!("| measurement | result |");
    println!("|---|---|");

    // 1. First sync.
    counted.store(0, Ordering::SeqCst);
    let t = Instant::now();
    let first = csba_sync::pull_all(&client, &store, account, &Utc::now).await?;
    let first_time = t.elapsed();
    let replicated = store.lock().map_err(|_| "poisoned")?.inbox()?.len();
    println!(
        "| first sync, {replicated} cases ({} changes, {} pages) | {:.2} s, {} received |",
        first.changes,
        first.pages,
        first_time.as_secs_f64(),
        bytes(counted.load(Ordering::SeqCst))
    );

    // 2. Incremental: nothing changed, then one case changed.
    counted.store(0, Ordering::SeqCst);
    let t = Instant::now();
    csba_sync::pull_all(&client, &store, account, &Utc::now).await?;
    let idle = (t.elapsed(), counted.load(Ordering::SeqCst));
    let open = store
        .lock()
        .map_err(|_| "poisoned")?
        .inbox()?
        .into_iter()
        .find(|c| c.status.as_str() == "open" && c.respond_by > Utc::now())
        .ok_or("an open case")?;
    let reply =
        ReplyRequest { body: "交換品を本日発送いたしました。".into(), language: Some("ja".into()) };
    direct.reply(&open.id, &reply, &uuid::Uuid::new_v4().to_string()).await?;
    counted.store(0, Ordering::SeqCst);
    let t = Instant::now();
    let one = csba_sync::pull_all(&client, &store, account, &Utc::now).await?;
    let one_bytes = counted.load(Ordering::SeqCst);
    println!(
        "| incremental sync, nothing changed | {:.1} ms, {} received |",
        idle.0.as_secs_f64() * 1e3,
        bytes(idle.1)
    );
    println!(
        "| incremental sync, 1 of {replicated} cases changed ({} change) | {:.1} ms, {} received |",
        one.changes,
        t.elapsed().as_secs_f64() * 1e3,
        bytes(one_bytes)
    );

    // 3. Tracking IDs, file to server.
    let csv = tracking_csv(&order_ids);
    counted.store(0, Ordering::SeqCst);
    let t = Instant::now();
    let source = import::decode(csv.as_bytes(), "shipments.csv").map_err(|r| format!("{r:?}"))?;
    let batch = source.validate(Orders::Unknown).map_err(|r| format!("{} problems", r.problems.len()))?;
    let validated = t.elapsed();
    let today = Utc::now().date_naive();
    let rows: Vec<ShipmentConfirmation> = batch
        .shipments
        .iter()
        .map(|s| ShipmentConfirmation {
            order_id: s.order_id.to_string(),
            tracking_number: s.tracking_number.to_string(),
            carrier: s.carrier.map(|c| c.code().to_owned()),
            ship_date: s.ship_date.unwrap_or(today),
        })
        .collect();
    let row_count = rows.len();
    let actions: Vec<Action> = ShipmentConfirmationBatch::split(rows, UPLOAD_ROWS, UPLOAD_BYTES)
        .into_iter()
        .map(|batch| Action::TrackingUpload { batch })
        .collect();
    let batches = actions.len();
    // Tagged as one upload, as the app queues a file (`csba_app::upload::queue_upload`).
    store.lock().map_err(|_| "poisoned")?.enqueue_group(account, &actions, "bench-upload", Utc::now())?;
    let queued = t.elapsed();
    let retry = RetryPolicy::default();
    let pushed = csba_sync::push_all(&client, &store, account, &Utc::now, &retry).await?;
    let total = t.elapsed();
    if pushed.sent != batches || pushed.failed > 0 {
        return Err(format!("upload incomplete: {pushed:?}").into());
    }
    println!(
        "| {} tracking IDs, CSV → validated → queued → confirmed ({} batches) | {:.2} s ({:.0} IDs/s; validate {:.0} ms, queue {:.0} ms) |",
        row_count,
        pushed.sent,
        total.as_secs_f64(),
        row_count as f64 / total.as_secs_f64(),
        validated.as_secs_f64() * 1e3,
        (queued - validated).as_secs_f64() * 1e3
    );

    let _ = stop.send(());
    server.await??;
    Ok(())
}

fn bytes(n: u64) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MiB", n as f64 / f64::from(1 << 20))
    } else if n >= 1 << 10 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{n} B")
    }
}

async fn unshipped_orders(db: &Db, seller: &str, count: usize) -> Result<Vec<String>, Error> {
    let now = Utc::now();
    let placed = now - Duration::hours(30);
    let mut ids = Vec::with_capacity(count);
    for chunk in 0..count.div_ceil(BATCH_ROWS) {
        let mut tx = db.writes().begin().await?;
        for r in 0..BATCH_ROWS.min(count - chunk * BATCH_ROWS) {
            let id = format!("503-{:07}-{:07}", 8_000_000 + chunk, r);
            let order = Order {
                id: id.clone(),
                marketplace: Marketplace::Jp,
                placed_at: placed,
                item_title: "有田焼 急須 300ml 茶こし付き".to_owned(),
                sku: "KYUSU-300".to_owned(),
                quantity: 1,
                status: "unshipped".to_owned(),
                tracking: None,
                ship_by: None,
                return_received_at: None,
                refunded_at: None,
            };
            put_order(&mut tx, seller, &order, now).await?;
            ids.push(id);
        }
        tx.commit().await?;
    }
    Ok(ids)
}

/// A CSV as an ERP exports it: order id, a China Post S10 number, date.
fn tracking_csv(order_ids: &[String]) -> String {
    let today = Utc::now().date_naive();
    let mut csv = String::from("order-id,tracking-number,ship-date\n");
    for (n, id) in order_ids.iter().enumerate() {
        let digits = format!("{:08}", 20_000_000 + n);
        let check = check_digit::s10(digits.as_bytes()).unwrap_or(0);
        csv.push_str(&format!("{id},EV{digits}{check}CN,{today}\n"));
    }
    csv
}
