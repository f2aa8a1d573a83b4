//! Load benchmark on loopback: requests per second and latency percentiles
//! for `GET /v1/cases` (one seller with ~10,000 simulated cases) and for
//! 1,000-row `POST /v1/shipment-confirmations` batches.
//!
//! ```text
//! cargo run --release -p csba-server --example load -- --database sqlite
//! cargo run --release -p csba-server --example load -- --database postgres --database-url postgres://postgres@127.0.0.1:55432/postgres
//! cargo xtask bench-server        # both, with a private PostgreSQL
//! ```
//!
//! On PostgreSQL the URL is an admin URL: a fresh `csba_bench_<uuid>`
//! database is created on it and dropped at the end.

use chrono::{Duration, Utc};
use csba_api::Order;
use csba_domain::tracking::check_digit;
use csba_domain::Marketplace;
use csba_server::migrate::migrate;
use csba_server::orders::put_order;
use csba_server::simulate::{simulate, ORDERS_PER_DAY};
use csba_server::tokens::issue_token;
use csba_server::{AppState, Db, SystemClock};
use std::io::Write;
use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

type Error = Box<dyn std::error::Error + Send + Sync>;

struct Options {
    database: String,
    database_url: Option<String>,
    clients: usize,
    requests: usize,
    batches: usize,
    batch_rows: usize,
    cases: usize,
    max_seconds: u64,
}

fn options() -> Result<Options, Error> {
    let mut o = Options {
        database: "sqlite".to_owned(),
        database_url: None,
        clients: 8,
        requests: 200,
        batches: 20,
        batch_rows: 1000,
        cases: 10_000,
        max_seconds: 60,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().ok_or_else(|| format!("{} needs a value", args[i]))?;
        match args[i].as_str() {
            "--database" => o.database = value,
            "--database-url" => o.database_url = Some(value),
            "--clients" => o.clients = value.parse()?,
            "--requests" => o.requests = value.parse()?,
            "--batches" => o.batches = value.parse()?,
            "--batch-rows" => o.batch_rows = value.parse()?,
            "--cases" => o.cases = value.parse()?,
            "--max-seconds" => o.max_seconds = value.parse()?,
            other => return Err(format!("unknown option {other}").into()),
        }
        i += 2;
    }
    Ok(o)
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let o = options()?;
    let dir = tempfile::tempdir()?;
    let (db, cleanup) = match o.database.as_str() {
        "sqlite" => (Db::open_sqlite(&dir.path().join("bench.db")).await?, None),
        "postgres" => {
            let admin_url = o.database_url.clone().ok_or("--database postgres needs --database-url")?;
            let name = format!("csba_bench_{}", uuid::Uuid::new_v4().simple());
            let admin = Db::connect(&admin_url).await?;
            sqlx::query(&format!("CREATE DATABASE {name}")).execute(admin.writes()).await?;
            let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(b, _)| b).to_owned();
            (Db::connect(&format!("{base}/{name}")).await?, Some((admin, name)))
        }
        other => return Err(format!("--database sqlite|postgres, not {other}").into()),
    };
    let result = run(&o, &db).await;
    db.close().await;
    if let Some((admin, name)) = cleanup {
        sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(admin.writes()).await?;
    }
    result
}

async fn run(o: &Options, db: &Db) -> Result<(), Error> {
    let now = Utc::now();
    migrate(db, now).await?;

    // Volume from the simulator: about a third of the orders become cases
    // once the run is long enough.
    let per_day = f64::from(ORDERS_PER_DAY) * 0.33;
    let days = (o.cases as f64 / per_day).ceil() as u32 + 5;
    let t = Instant::now();
    let summary = simulate(db, 1, days, 1, now - Duration::days(i64::from(days))).await?;
    let seller = summary.sellers.first().ok_or("no seller simulated")?.clone();
    eprintln!(
        "seeded {} orders, {} cases, {} feedback over {days} days in {:.1?}",
        summary.orders,
        summary.cases,
        summary.feedback,
        t.elapsed()
    );

    // Unshipped orders for the shipment batches, in one transaction each.
    let placed = now - Duration::hours(30);
    let mut order_ids = Vec::new();
    for b in 0..o.batches {
        let mut tx = db.writes().begin().await?;
        for r in 0..o.batch_rows {
            let id = format!("503-{:07}-{:07}", 9_000_000 + b, r);
            let order = Order {
                id: id.clone(),
                marketplace: Marketplace::Jp,
                placed_at: placed,
                item_title: "有田焼 急須 300ml 茶こし付き 藍染付".to_owned(),
                sku: "KYUSU-300".to_owned(),
                quantity: 1,
                status: "unshipped".to_owned(),
                tracking: None,
                // put_order gives it the default ship-by.
                ship_by: None,
                return_received_at: None,
                refunded_at: None,
            };
            put_order(&mut tx, &seller, &order, now).await?;
            order_ids.push(id);
        }
        tx.commit().await?;
    }

    let token = issue_token(db, &seller, "bench", now).await?.secret().to_owned();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let state = AppState::new(db.clone(), Arc::new(SystemClock));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(csba_server::serve_until(listener, state, async move {
        let _ = stopped.await;
    }));
    let http = reqwest::Client::builder().pool_max_idle_per_host(o.clients).build()?;
    let deadline = Instant::now() + StdDuration::from_secs(o.max_seconds);

    let cases_url = format!("{base}/v1/cases");
    let get = measure(o.clients, o.requests, deadline, |_| {
        let request = http.get(&cases_url).bearer_auth(&token);
        async move {
            let response = request.send().await?.error_for_status()?;
            Ok(response.bytes().await?.len())
        }
    })
    .await?;
    report(&o.database, &format!("GET /v1/cases ({} cases)", summary.cases), o.clients, &get);

    let today = now.date_naive().to_string();
    let batches: Vec<serde_json::Value> = order_ids
        .chunks(o.batch_rows)
        .enumerate()
        .map(|(b, ids)| {
            let rows: Vec<serde_json::Value> = ids
                .iter()
                .enumerate()
                .map(|(r, id)| {
                    serde_json::json!({
                        "order_id": id,
                        "tracking_number": s10((b * o.batch_rows + r) as u32 + 10_000_000, "CN"),
                        "ship_date": today,
                    })
                })
                .collect();
            serde_json::json!({ "confirmations": rows })
        })
        .collect();
    let batch_url = format!("{base}/v1/shipment-confirmations");
    let post = measure(o.clients.min(4), batches.len(), deadline + StdDuration::from_secs(o.max_seconds), |i| {
        let request = http
            .post(&batch_url)
            .bearer_auth(&token)
            .header("idempotency-key", uuid::Uuid::new_v4().to_string())
            .json(&batches[i]);
        async move {
            let response = request.send().await?;
            let status = response.status();
            let body = response.bytes().await?;
            if !status.is_success() {
                return Err(format!("{status}: {}", String::from_utf8_lossy(&body[..body.len().min(400)])).into());
            }
            Ok(body.len())
        }
    })
    .await?;
    report(&o.database, &format!("POST /v1/shipment-confirmations ({} rows)", o.batch_rows), o.clients.min(4), &post);

    let _ = stop.send(());
    server.await??;
    Ok(())
}

struct Measured {
    latencies: Vec<StdDuration>,
    elapsed: StdDuration,
    bytes: usize,
}

/// Runs `total` requests (`make(i)` builds request i) on `clients`
/// concurrent workers, stopping early at `deadline`.
async fn measure<F, Fut>(clients: usize, total: usize, deadline: Instant, make: F) -> Result<Measured, Error>
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = Result<usize, Error>>,
{
    let next = std::cell::Cell::new(0usize);
    let started = Instant::now();
    let workers = (0..clients).map(|_| async {
        let mut mine = Vec::new();
        let mut bytes = 0;
        loop {
            let i = next.get();
            if i >= total || Instant::now() > deadline {
                break;
            }
            next.set(i + 1);
            let t = Instant::now();
            bytes += make(i).await?;
            mine.push(t.elapsed());
        }
        Ok::<_, Error>((mine, bytes))
    });
    let results = futures_util::future::join_all(workers).await;
    let elapsed = started.elapsed();
    let mut latencies = Vec::new();
    let mut bytes = 0;
    for r in results {
        let (l, b) = r?;
        latencies.extend(l);
        bytes += b;
    }
    latencies.sort();
    Ok(Measured { latencies, elapsed, bytes })
}

fn report(database: &str, what: &str, clients: usize, m: &Measured) {
    let n = m.latencies.len();
    let pct = |p: f64| m.latencies.get(((n as f64 * p).ceil() as usize).saturating_sub(1)).copied().unwrap_or_default();
    // The table row goes to stdout, the progress to stderr.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "| {database} | {what} | {clients} | {n} | {:.1} | {:.1} ms | {:.1} ms | {} KiB |",
        n as f64 / m.elapsed.as_secs_f64(),
        pct(0.50).as_secs_f64() * 1000.0,
        pct(0.99).as_secs_f64() * 1000.0,
        m.bytes / n.max(1) / 1024,
    );
}

fn s10(serial: u32, country: &str) -> String {
    let digits = format!("{:08}", serial % 100_000_000);
    let check = check_digit::s10(digits.as_bytes()).unwrap_or(0);
    format!("EV{digits}{check}{country}")
}
