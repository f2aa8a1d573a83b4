//! Load benchmark of a whole fleet on PostgreSQL (issue 13): 1,000 sellers
//! with 1,000 cases each, a real `csba-server serve` process (the release
//! binary next to this example) over loopback HTTP, and
//!
//! - p50/p99/max of `GET /v1/changes` and of `POST /v1/cases/{id}/replies`
//!   under 64 concurrent clients, each request as a random seller;
//! - 2,000 `GET /v1/events` streams open on the one instance, with the
//!   server's memory (RSS and PSS) before and with them, and how long a
//!   write takes to reach a stream while they are open.
//!
//! ```text
//! cargo xtask bench-load          # a private durable PostgreSQL, set up and removed
//! cargo run --release -p csba-server --example fleet_load -- --database-url postgres://postgres@127.0.0.1:55432/postgres
//! ```
//!
//! The URL is an admin URL: a fresh `csba_fleet_<uuid>` database is created
//! on it and dropped at the end. Progress goes to stderr, the summary table
//! to stdout.

mod latency;
mod plans;
mod seed;
mod server_process;
mod streams;

use csba_server::Db;
use std::io::Write;
use std::time::{Duration, Instant};

type Error = Box<dyn std::error::Error + Send + Sync>;

pub struct Options {
    database_url: String,
    sellers: u32,
    cases: u32,
    clients: usize,
    /// Requests of each measured kind.
    requests: usize,
    replies: usize,
    streams: usize,
    /// Writes sent while the streams are open, each timed to its event.
    probes: usize,
}

fn options() -> Result<Options, Error> {
    let mut o = Options {
        database_url: String::new(),
        sellers: 1_000,
        cases: 1_000,
        clients: 64,
        requests: 12_800,
        replies: 6_400,
        streams: 2_000,
        probes: 20,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        let [flag, value] = pair else { return Err(format!("{} needs a value", pair[0]).into()) };
        match flag.as_str() {
            "--database-url" => o.database_url = value.clone(),
            "--sellers" => o.sellers = value.parse()?,
            "--cases" => o.cases = value.parse()?,
            "--clients" => o.clients = value.parse()?,
            "--requests" => o.requests = value.parse()?,
            "--replies" => o.replies = value.parse()?,
            "--streams" => o.streams = value.parse()?,
            "--probes" => o.probes = value.parse()?,
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    if o.database_url.is_empty() {
        return Err("--database-url postgres://… (an admin URL) is required".into());
    }
    if o.cases < seed::OPEN_PER_SELLER + 1 {
        return Err(format!("--cases must be above {}", seed::OPEN_PER_SELLER).into());
    }
    Ok(o)
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let o = options()?;
    let name = format!("csba_fleet_{}", uuid::Uuid::new_v4().simple());
    let admin = Db::connect(&o.database_url).await?;
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(admin.writes()).await?;
    let base = o.database_url.rsplit_once('/').map_or(o.database_url.as_str(), |(b, _)| b).to_owned();
    let url = format!("{base}/{name}");
    let result = run(&o, &url).await;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(admin.writes()).await?;
    admin.close().await;
    result
}

async fn run(o: &Options, url: &str) -> Result<(), Error> {
    let mut summary = Vec::new();
    let db = Db::connect(url).await?;
    let fleet = seed::fleet(&db, o.sellers, o.cases, &mut summary).await?;
    summary.extend(plans::explain(&db, &fleet).await?);
    db.close().await;

    let server = server_process::Server::start(url, o.streams).await?;
    let result = measure(o, &server, &fleet, &mut summary).await;
    let log = server.stop().await;
    if let Err(e) = result {
        eprintln!("--- server log (last lines) ---\n{log}");
        return Err(e);
    }

    let mut out = std::io::stdout().lock();
    writeln!(out, "| what | figure |")?;
    writeln!(out, "|---|---|")?;
    for (what, figure) in &summary {
        writeln!(out, "| {what} | {figure} |")?;
    }
    Ok(())
}

async fn measure(
    o: &Options,
    server: &server_process::Server,
    fleet: &seed::Fleet,
    summary: &mut Vec<(String, String)>,
) -> Result<(), Error> {
    let http = reqwest::Client::builder().pool_max_idle_per_host(o.clients).build()?;
    let cap = Duration::from_secs(300);
    let changes = latency::changes_at_head(&http, &server.base, fleet, o.clients, o.requests, cap).await?;
    summary.push(changes.row("GET /v1/changes at the head (cursor = the seller's last seq)", o.clients));
    let pages = latency::changes_from_start(&http, &server.base, fleet, o.clients, o.requests, cap).await?;
    summary.push(pages.row("GET /v1/changes from the start (pages of 500, a first sync)", o.clients));
    let replies = latency::replies(&http, &server.base, fleet, o.clients, o.replies, 0, cap).await?;
    summary.push(replies.row("POST /v1/cases/{id}/replies", o.clients));

    let before = server.memory()?;
    summary.push(("server memory before the streams".into(), before.to_string()));
    let t = Instant::now();
    let mut open = streams::open(&server.base, fleet, o.streams).await?;
    summary.push((
        format!("{} GET /v1/events streams opened at once", o.streams),
        format!("{} open after {:.1?}, first event on each; {}", open.count(), t.elapsed(), open.refusals()),
    ));
    // Let the allocator settle and every stream's task park.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let with = server.memory()?;
    summary.push((format!("server memory with {} streams", open.count()), with.to_string()));
    let n = open.count().max(1) as f64;
    summary.push((
        "memory per stream".into(),
        format!(
            "RSS {:.1} KiB, PSS {:.1} KiB",
            (with.rss_kib as f64 - before.rss_kib as f64) / n,
            (with.pss_kib as f64 - before.pss_kib as f64) / n
        ),
    ));
    let probe = open.probe_writes(&http, &server.base, fleet, o.probes).await?;
    summary.push(("write → event on the seller's streams, while all are open".into(), probe));
    let busy = latency::replies(&http, &server.base, fleet, o.clients, o.replies / 4, o.replies, cap).await?;
    summary.push(busy.row(&format!("POST /v1/cases/{{id}}/replies with {} streams open", open.count()), o.clients));
    let heard = open.close().await;
    summary.push(("events the streams received during the replies".into(), heard));
    Ok(())
}
