//! The harness. Every HTTP test runs against a real server on loopback,
//! once on SQLite and once on PostgreSQL: wrap a file's tests in
//! [`every_backend!`] and each `#[tokio::test] async fn name()` becomes
//! `name::sqlite` and `name::postgres`. Inside, [`harness`] opens the
//! backend of the test being run. PostgreSQL runs when
//! `CSBA_TEST_POSTGRES_URL` names a server we may create databases on
//! (`cargo xtask test` starts a private one); each test gets a fresh
//! database, dropped afterwards, so tests run in parallel.

use chrono::{DateTime, TimeZone, Utc};
use csba_api::Problem;
use csba_server::sandbox::SandboxClock;
use csba_server::{AppState, Db, ManualClock, Sandbox};
use futures_util::FutureExt;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tempfile::TempDir;

pub type TestResult<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

pub const POSTGRES_URL_VAR: &str = "CSBA_TEST_POSTGRES_URL";

/// The demo seller's feed right after seeding: its last seq.
pub const SEED_SEQ: i64 = csba_server::demo::SEED_CHANGES as i64;
/// Feed entries each later demo batch adds.
pub const BATCH_SEQS: i64 = csba_server::demo::BATCH_CHANGES as i64;

/// A Friday morning in Tokyo; nothing depends on the exact instant.
pub fn start_time() -> TestResult<DateTime<Utc>> {
    Ok(Utc.with_ymd_and_hms(2026, 3, 6, 0, 30, 0).single().ok_or("bad start time")?)
}

#[derive(Debug, Clone)]
pub enum Backend {
    Sqlite,
    /// The admin URL, and the databases created on it by this test.
    Postgres {
        admin_url: String,
        created: Arc<Mutex<Vec<String>>>,
    },
}

tokio::task_local! {
    static BACKEND: Backend;
}

/// A sandbox (demo seller, test clock) on a fresh database. Keep the
/// TempDir alive as long as the sandbox.
pub struct Harness {
    pub dir: TempDir,
    pub clock: ManualClock,
    pub sandbox: Sandbox,
}

pub async fn harness() -> TestResult<Harness> {
    harness_in_locale(None).await
}

/// A harness whose PostgreSQL database is created in the ICU locale
/// `icu_locale` (SQLite has no database locale).
pub async fn harness_in_locale(icu_locale: Option<&str>) -> TestResult<Harness> {
    let dir = tempfile::tempdir()?;
    let clock = ManualClock::new(start_time()?);
    let (db, backend) = fresh_db_in_locale(&dir, icu_locale).await?;
    // Shown with a failing test's output, so one knows which backend failed.
    eprintln!("harness on {backend}");
    let sandbox = Sandbox::start_on(db, SandboxClock::Test(clock.clone())).await?;
    Ok(Harness { dir, clock, sandbox })
}

/// An empty database of the current test's backend (migrated by whoever
/// opens a sandbox or calls `migrate` on it).
pub async fn fresh_db(dir: &TempDir) -> TestResult<(Db, &'static str)> {
    fresh_db_in_locale(dir, None).await
}

async fn fresh_db_in_locale(dir: &TempDir, icu_locale: Option<&str>) -> TestResult<(Db, &'static str)> {
    let backend = BACKEND.try_with(Backend::clone).unwrap_or(Backend::Sqlite);
    match backend {
        Backend::Sqlite => {
            let path = dir.path().join("data").join("sandbox.db");
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            Ok((Db::open_sqlite(&path).await?, "sqlite"))
        }
        Backend::Postgres { admin_url, created } => {
            let name = format!("csba_test_{}", uuid::Uuid::new_v4().simple());
            let admin = Db::connect(&admin_url).await?;
            let locale = icu_locale
                .map(|l| format!(" LOCALE_PROVIDER icu ICU_LOCALE '{l}' LOCALE 'C.UTF-8' TEMPLATE template0"))
                .unwrap_or_default();
            sqlx::query(&format!("CREATE DATABASE {name}{locale}")).execute(admin.writes()).await?;
            admin.close().await;
            created.lock().map_err(|_| "poisoned")?.push(name.clone());
            Ok((Db::connect(&database_url(&admin_url, &name)).await?, "postgres"))
        }
    }
}

/// `admin_url` with its database replaced by `name`.
fn database_url(admin_url: &str, name: &str) -> String {
    let (base, query) = admin_url.split_once('?').map_or((admin_url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// Runs one test on SQLite.
pub async fn on_sqlite<F: Future<Output = TestResult>>(test: F) -> TestResult {
    BACKEND.scope(Backend::Sqlite, test).await
}

/// Runs one test on a fresh PostgreSQL database, or skips it (saying so
/// once) when no server is configured. The databases it created are
/// dropped afterwards, even when the test fails or panics.
pub async fn on_postgres<F: Future<Output = TestResult>>(test: F) -> TestResult {
    static SAID: AtomicBool = AtomicBool::new(false);
    let Ok(admin_url) = std::env::var(POSTGRES_URL_VAR) else {
        // `cargo xtask test` says PostgreSQL must be there: its absence is a
        // failure, never a green no-op.
        if std::env::var("CSBA_TEST_REQUIRE").is_ok_and(|r| r.split(',').any(|x| x == "postgres")) {
            return Err(format!("{POSTGRES_URL_VAR} is not set, but CSBA_TEST_REQUIRE asks for PostgreSQL").into());
        }
        if !SAID.swap(true, Ordering::Relaxed) {
            eprintln!("{POSTGRES_URL_VAR} is not set: the HTTP tests run on SQLite only (cargo xtask test sets it)");
        }
        return Ok(());
    };
    let created = Arc::new(Mutex::new(Vec::new()));
    let backend = Backend::Postgres { admin_url: admin_url.clone(), created: created.clone() };
    let outcome = AssertUnwindSafe(BACKEND.scope(backend, test)).catch_unwind().await;
    let names: Vec<String> = created.lock().map(|v| v.clone()).unwrap_or_default();
    if !names.is_empty() {
        let admin = Db::connect(&admin_url).await?;
        for name in names {
            // FORCE: a failed test may have left its pool open.
            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(admin.writes()).await?;
        }
        admin.close().await;
    }
    match outcome {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Wraps `#[tokio::test] async fn name() -> TestResult { … }` items so each
/// runs as `name::sqlite` and `name::postgres`.
macro_rules! every_backend {
    ($( #[tokio::test] $(#[$meta:meta])* async fn $name:ident() -> TestResult $body:block )*) => {
        $(
            $(#[$meta])*
            async fn $name() -> TestResult $body

            mod $name {
                #[tokio::test]
                async fn sqlite() -> $crate::common::TestResult {
                    $crate::common::on_sqlite(super::$name()).await
                }

                #[tokio::test]
                async fn postgres() -> $crate::common::TestResult {
                    $crate::common::on_postgres(super::$name()).await
                }
            }
        )*
    };
}
pub(crate) use every_backend;

impl Harness {
    pub fn client(&self) -> TestResult<csba_api::ApiClient> {
        Ok(csba_api::ApiClient::new(self.sandbox.base_url(), self.sandbox.token())?)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.sandbox.base_url(), path)
    }

    /// Moves the server's clock over HTTP (`POST /v1/test/clock`), which
    /// also runs CSBA's sweep; returns the response body.
    pub async fn advance(&self, by: chrono::Duration) -> TestResult<serde_json::Value> {
        let response = reqwest::Client::new()
            .post(self.url("/v1/test/clock"))
            .bearer_auth(self.sandbox.token())
            .json(&serde_json::json!({ "advance_ms": by.num_milliseconds() }))
            .send()
            .await?;
        assert_eq!(response.status().as_u16(), 200, "moving the test clock");
        Ok(response.json().await?)
    }
}

/// A server of its own on a fresh database with the demo seller, its state
/// changed by `tune` (a short request timeout, a small rate limit): for
/// what the sandbox's defaults cannot show. Stopped when dropped.
pub struct TunedServer {
    pub db: Db,
    pub seller_id: String,
    pub addr: std::net::SocketAddr,
    pub now: DateTime<Utc>,
    server: tokio::task::JoinHandle<Result<(), csba_server::ServerError>>,
    _dir: TempDir,
}

pub async fn tuned_server(tune: impl FnOnce(AppState) -> AppState) -> TestResult<TunedServer> {
    let dir = tempfile::tempdir()?;
    let (db, _) = fresh_db(&dir).await?;
    let clock = ManualClock::new(start_time()?);
    let now = csba_server::Clock::now(&clock);
    csba_server::migrate::migrate(&db, now).await?;
    let seller_id = csba_server::seed_demo(&db, now).await?.seller_id;
    let state = tune(AppState::with_test_clock(db.clone(), clock));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(csba_server::serve(listener, state));
    Ok(TunedServer { db, seller_id, addr, now, server, _dir: dir })
}

impl TunedServer {
    /// A new token of the demo seller.
    pub async fn token(&self, label: &str) -> TestResult<String> {
        Ok(csba_server::tokens::issue_token(&self.db, &self.seller_id, label, self.now).await?.secret().to_owned())
    }
}

impl Drop for TunedServer {
    fn drop(&mut self) {
        self.server.abort();
    }
}

pub fn raw_client() -> TestResult<reqwest::Client> {
    // No automatic gzip: tests look at the raw response.
    Ok(reqwest::Client::builder().no_gzip().build()?)
}

/// Checks the response is a problem document with `status` and returns it.
pub async fn expect_problem(response: reqwest::Response, status: u16) -> TestResult<Problem> {
    assert_eq!(response.status().as_u16(), status);
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(content_type, Problem::CONTENT_TYPE);
    let problem: Problem = serde_json::from_slice(&response.bytes().await?)?;
    assert_eq!(problem.status, status);
    Ok(problem)
}

#[test]
fn database_urls_swap_the_database() {
    assert_eq!(
        database_url("postgres://postgres@127.0.0.1:55432/postgres", "x"),
        "postgres://postgres@127.0.0.1:55432/x"
    );
    assert_eq!(database_url("postgres://u@h:1/postgres?sslmode=disable", "x"), "postgres://u@h:1/x?sslmode=disable");
    assert_eq!(database_url("postgres://u@h:1", "x"), "postgres://u@h:1/x");
}
