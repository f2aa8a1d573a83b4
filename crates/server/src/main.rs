//! `csba-server`: run the reference CSBA service and administer it.

use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand};
use csba_domain::Marketplace;
use csba_server::migrate::migrate;
use csba_server::{seed_demo, AppState, Clock, Db, ManualClock, ServerError, SystemClock};
use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Debug, Parser)]
#[command(name = "csba-server", version, about = "The reference Customer Service by Amazon (CSBA) service")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the HTTP API.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        #[command(flatten)]
        db: DbArgs,
        /// For tests: start the clock at the current time (or --start) and
        /// let `POST /v1/test/clock` move it. Never on a real deployment.
        #[arg(long)]
        test_clock: bool,
        /// With --test-clock: the instant the clock starts at (RFC 3339).
        #[arg(long, requires = "test_clock")]
        start: Option<DateTime<Utc>>,
    },
    /// Fill the database with simulated sellers, orders, buyer contacts,
    /// cases, returns and feedback. The same seed always gives the same data.
    Simulate {
        #[arg(long)]
        seed: u64,
        /// Simulated days, ending now (or at --start + days).
        #[arg(long, default_value_t = 14)]
        days: u32,
        #[arg(long, default_value_t = 3)]
        sellers: u32,
        /// The first simulated day (RFC 3339); by default `days` before now.
        #[arg(long)]
        start: Option<DateTime<Utc>>,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Manage sellers and tokens.
    #[command(subcommand)]
    Admin(Admin),
    /// Create the demo seller with orders and cases, and print its id.
    SeedDemo {
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Debug, Subcommand)]
enum Admin {
    /// Create a seller and print its id.
    CreateSeller {
        #[arg(long)]
        name: String,
        /// Comma-separated marketplace codes, e.g. JP,US.
        #[arg(long, value_delimiter = ',', required = true)]
        marketplaces: Vec<Marketplace>,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Issue a token for a seller and print it once, to stdout. It cannot be shown again.
    CreateToken {
        #[arg(long)]
        seller: String,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Revoke a token by its prefix (csba_ + 8 characters, as shown when it was created) or its SHA-256 hash.
    RevokeToken {
        #[arg(long, required_unless_present = "hash", conflicts_with = "hash")]
        token_prefix: Option<String>,
        #[arg(long)]
        hash: Option<String>,
        #[command(flatten)]
        db: DbArgs,
    },
}

#[derive(Debug, Args)]
struct DbArgs {
    /// sqlite:PATH?mode=rwc or postgres://USER@HOST/DB
    #[arg(long)]
    database_url: String,
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli.command).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command) -> Result<(), ServerError> {
    let clock = SystemClock;
    match command {
        Command::Serve { listen, db, test_clock, start } => {
            let db = open(&db, &clock).await?;
            let listener = tokio::net::TcpListener::bind(listen).await?;
            tracing::info!(addr = %listener.local_addr()?, "listening");
            let state = if test_clock {
                tracing::warn!("test clock enabled: POST /v1/test/clock moves time");
                AppState::with_test_clock(db.clone(), ManualClock::new(start.unwrap_or_else(|| clock.now())))
            } else {
                AppState::new(db.clone(), Arc::new(clock))
            };
            let sweeper =
                csba_server::sweeper::spawn(db.clone(), state.events.clone(), state.clock.clone(), state.team);
            csba_server::serve_until(listener, state, async {
                let _ = tokio::signal::ctrl_c().await;
                tracing::info!("shutting down");
            })
            .await?;
            sweeper.abort();
            db.close().await;
        }
        Command::Simulate { seed, days, sellers, start, db } => {
            let db = open(&db, &clock).await?;
            let start = start.unwrap_or_else(|| clock.now() - chrono::Duration::days(i64::from(days)));
            let summary = csba_server::simulate::simulate(&db, seed, days, sellers, start).await?;
            tracing::info!(?summary, "simulated");
            for seller in &summary.sellers {
                say(seller)?;
            }
        }
        Command::SeedDemo { db } => {
            let db = open(&db, &clock).await?;
            let demo = seed_demo(&db, clock.now()).await?;
            if !demo.created {
                tracing::info!("the demo seller already existed; nothing was written");
            }
            say(&demo.seller_id)?;
        }
        Command::Admin(Admin::CreateSeller { name, marketplaces, db }) => {
            let db = open(&db, &clock).await?;
            let id = csba_server::sellers::create_seller(&db, &name, &marketplaces, clock.now()).await?;
            say(&id)?;
        }
        Command::Admin(Admin::CreateToken { seller, db }) => {
            let db = open(&db, &clock).await?;
            let token = csba_server::tokens::issue_token(&db, &seller, "admin", clock.now()).await?;
            // The prefix goes to the log so an operator can revoke it later;
            // the token itself only to stdout.
            tracing::info!(prefix = token.display_prefix(), hash = %token.hash(), "token issued");
            say(token.secret())?;
        }
        Command::Admin(Admin::RevokeToken { token_prefix, hash, db }) => {
            let db = open(&db, &clock).await?;
            let revoked = match (token_prefix, hash) {
                (_, Some(hash)) => csba_server::tokens::revoke_by_hash(&db, &hash, clock.now()).await?,
                (Some(prefix), None) => csba_server::tokens::revoke_by_prefix(&db, &prefix, clock.now()).await?,
                (None, None) => 0,
            };
            if revoked == 0 {
                return Err(ServerError::NotFound("live token with that prefix or hash".to_owned()));
            }
            tracing::info!(revoked, "token revoked");
        }
    }
    Ok(())
}

async fn open(args: &DbArgs, clock: &SystemClock) -> Result<Db, ServerError> {
    let db = Db::connect(&args.database_url).await?;
    migrate(&db, clock.now()).await?;
    Ok(db)
}

/// Results go to stdout, one per line, so scripts can capture them; logs go to stderr.
fn say(line: &str) -> Result<(), ServerError> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()?;
    Ok(())
}
