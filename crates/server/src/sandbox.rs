//! The service embedded in the desktop app: a private CSBA on loopback with
//! the demo seller, so the app can be explored (and tested) offline with the
//! same HTTP path it uses against a real deployment.

use crate::app::{serve_until, AppState};
use crate::clock::{Clock, ManualClock};
use crate::db::Db;
use crate::demo::{ensure_demo_is_fresh, seed_demo};
use crate::error::{Result, ServerError};
use crate::migrate::migrate;
pub use crate::team::TeamPace;
use crate::tokens::{issue_token, revoke_label, IssuedToken};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Tokens the sandbox issued carry this label, so each start can retire
/// the previous one.
const SANDBOX_TOKEN_LABEL: &str = "sandbox";

/// A running sandbox. Dropping it asks the server to stop; [`shutdown`]
/// also waits until it has.
///
/// [`shutdown`]: Sandbox::shutdown
pub struct Sandbox {
    addr: SocketAddr,
    token: IssuedToken,
    seller_id: String,
    db: Db,
    team: TeamPace,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<Result<()>>>,
    sweeper: Option<JoinHandle<()>>,
}

/// Where the sandbox's time comes from.
#[derive(Debug, Clone)]
pub enum SandboxClock {
    /// Any clock; nothing outside can move it.
    Given(Arc<dyn Clock>),
    /// A test clock, also movable with `POST /v1/test/clock`.
    Test(ManualClock),
}

/// First run: the app's data directory may not exist yet.
async fn open_file(db_path: &Path) -> Result<Db> {
    if let Some(parent) = db_path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    Db::open_sqlite(db_path).await
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox").field("addr", &self.addr).field("seller_id", &self.seller_id).finish_non_exhaustive()
    }
}

impl Sandbox {
    /// Opens (or creates) the SQLite file, migrates it, seeds or refreshes
    /// the demo seller, issues a new token for it, and serves on
    /// `127.0.0.1:<free port>` on the current tokio runtime.
    ///
    /// The token lives only in memory: a new one every start, and the
    /// previous sandbox tokens are revoked.
    ///
    /// The CSBA team works at [`TeamPace::SANDBOX`] (2 minutes to answer, 3
    /// to decide), so a seller trying the app sees it happen.
    pub async fn start(db_path: &Path, clock: Arc<dyn Clock>) -> Result<Sandbox, ServerError> {
        Sandbox::start_with_team(db_path, clock, TeamPace::SANDBOX).await
    }

    /// [`start`](Sandbox::start) with the team at `team`'s pace (the app
    /// passes `CSBA_SANDBOX_TEAM_SECONDS` through [`TeamPace::sandbox_from_env`]).
    pub async fn start_with_team(
        db_path: &Path,
        clock: Arc<dyn Clock>,
        team: TeamPace,
    ) -> Result<Sandbox, ServerError> {
        Sandbox::start_on_with_team(open_file(db_path).await?, SandboxClock::Given(clock), team).await
    }

    /// Like [`start`](Sandbox::start), with a clock tests move over HTTP
    /// (`POST /v1/test/clock`) as well as through their own handle.
    pub async fn start_with_test_clock(db_path: &Path, clock: ManualClock) -> Result<Sandbox, ServerError> {
        Sandbox::start_on(open_file(db_path).await?, SandboxClock::Test(clock)).await
    }

    /// The same on an already opened database (SQLite or PostgreSQL): what
    /// the HTTP tests use to run every test on both.
    /// The team works at the reference service's pace, so tests that move
    /// the clock by hours see what a real deployment would.
    pub async fn start_on(db: Db, clock: SandboxClock) -> Result<Sandbox, ServerError> {
        Sandbox::start_on_with_team(db, clock, TeamPace::SERVICE).await
    }

    /// [`start_on`](Sandbox::start_on) with the team at `team`'s pace.
    pub async fn start_on_with_team(db: Db, clock: SandboxClock, team: TeamPace) -> Result<Sandbox, ServerError> {
        let state = match clock {
            SandboxClock::Given(clock) => AppState::new(db.clone(), clock),
            SandboxClock::Test(clock) => AppState::with_test_clock(db.clone(), clock),
        }
        .with_team(team);
        let now = state.clock.now();
        migrate(&db, now).await?;
        let demo = seed_demo(&db, now).await?;
        if !demo.created {
            ensure_demo_is_fresh(&db, now).await?;
        }
        revoke_label(&db, &demo.seller_id, SANDBOX_TOKEN_LABEL, now).await?;
        let token = issue_token(&db, &demo.seller_id, SANDBOX_TOKEN_LABEL, now).await?;

        let listener = TcpListener::bind((std::net::Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = oneshot::channel::<()>();
        let sweeper = crate::sweeper::spawn(db.clone(), state.events.clone(), state.clock.clone(), state.team);
        let task = tokio::spawn(serve_until(listener, state, async move {
            // A dropped sender also means "stop".
            let _ = stopped.await;
        }));
        tracing::info!(%addr, seller_id = %demo.seller_id, "sandbox listening");
        Ok(Sandbox {
            addr,
            token,
            seller_id: demo.seller_id,
            db,
            team,
            stop: Some(stop),
            task: Some(task),
            sweeper: Some(sweeper),
        })
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The demo seller's bearer token for this run.
    pub fn token(&self) -> &str {
        self.token.secret()
    }

    pub fn seller_id(&self) -> &str {
        &self.seller_id
    }

    /// How fast its CSBA team answers and decides.
    pub fn team(&self) -> TeamPace {
        self.team
    }

    /// The sandbox's database, for tests and for the app's "reset demo".
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Stops accepting connections, lets in-flight requests finish, and
    /// closes the database.
    pub async fn shutdown(mut self) -> Result<()> {
        if let Some(sweeper) = self.sweeper.take() {
            sweeper.abort();
        }
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let served = match self.task.take() {
            Some(task) => task.await.map_err(|e| ServerError::Io(std::io::Error::other(e)))?,
            None => Ok(()),
        };
        self.db.close().await;
        served
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        // Cannot await here; the server task winds down on its own.
        if let Some(sweeper) = self.sweeper.take() {
            sweeper.abort();
        }
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
