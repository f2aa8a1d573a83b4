//! Start-up and the links: open the replica, start the embedded sandbox
//! when the desk has no store of its own, and keep every account in sync
//! in the background, picking up accounts `csba account add` registers
//! while the app runs.

use chrono::Utc;
use csba_api::ApiClient;
use csba_app::{AppError, Desk, ErrorCode, SandboxEndpoint};
use csba_i18n::Catalog;
use csba_store::{Account, AccountId, Store};
use csba_sync::{Connectivity, SyncError, SyncReport};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tauri::{App, AppHandle, Emitter, Manager};
use tokio::task::JoinHandle;

/// How often to look for accounts added or removed by `csba`, and to
/// retry reading a token from a keychain that was locked.
const ACCOUNTS_INTERVAL: Duration = Duration::from_secs(5);

/// How often to ask the keychain again for a token it did not have.
const STUCK_RETRY: Duration = Duration::from_secs(60);

/// The longest the links wait for the window's first render.
const FIRST_RENDER_LIMIT: Duration = Duration::from_secs(3);

/// Emitted to the UI whenever the replica or a link state changed.
pub const REPLICA_CHANGED: &str = "replica-changed";

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("no data directory could be determined (set CSBA_DATA_DIR)")]
    NoDataDir,
    #[error("cannot open the local replica: {0}")]
    Store(#[from] csba_store::StoreError),
    #[error("the message catalog is broken: {0}")]
    Catalog(#[from] csba_i18n::CatalogError),
    #[error("cannot start the sync thread: {0}")]
    Thread(std::io::Error),
}

pub fn start(app: &mut App) -> Result<(), StartError> {
    let data_dir = csba_store::paths::data_dir().ok_or(StartError::NoDataDir)?;
    crate::startup::phase("setup");
    let store = Store::open(&csba_store::paths::replica_file(&data_dir))?;
    let desk = Arc::new(Desk::new(store, Catalog::load()?));
    crate::startup::phase("replica open");
    app.manage(desk.clone());
    retitle(app.handle(), &desk);
    crate::alerting::install(app.handle(), &desk);
    crate::startup::phase("tray and notices");
    crate::window::start_hidden_if_asked(app.handle());
    crate::window::lean_webview(app.handle());

    let handle = app.handle().clone();
    // The links (and the embedded sandbox, when there is one) run on a
    // thread of their own with their own runtime: they stay off the UI's
    // runtime, and the sandbox behaves like the separate service it
    // stands in for.
    std::thread::Builder::new()
        .name("csba-link".into())
        .spawn(move || {
            let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
                Ok(runtime) => runtime,
                Err(e) => {
                    tracing::error!("cannot start the sync runtime: {e}");
                    desk.set_desk_error(Some(AppError::new(ErrorCode::SandboxFailed)));
                    return notify(&handle);
                }
            };
            runtime.block_on(run_links(handle, desk, data_dir));
        })
        .map_err(StartError::Thread)?;
    Ok(())
}

/// Sets the window title in the chosen language.
pub fn retitle(app: &AppHandle, desk: &Desk) {
    if let Some(window) = app.get_webview_window("main") {
        let title = desk.catalog.format(desk.locale(), "desk-window-title", &[]);
        if let Err(e) = window.set_title(&title) {
            tracing::warn!("cannot set the window title: {e}");
        }
    }
}

/// Runs while the app runs: one link task per account.
async fn run_links(app: AppHandle, desk: Arc<Desk>, data_dir: std::path::PathBuf) {
    // Alerts come from the replica alone: armed before the service is reached.
    tokio::spawn(crate::alerting::run(app.clone(), desk.clone()));
    // The seller sees the replica first; the sandbox's start and the first
    // pull would take the cores and the replica's lock from that render.
    let waited = tokio::task::spawn_blocking(|| crate::startup::wait_for_first_render(FIRST_RENDER_LIMIT)).await;
    if let Err(e) = waited {
        tracing::warn!("did not wait for the first render: {e}");
    }
    let sandbox = start_sandbox_if_needed(&app, &desk, &data_dir).await;
    let mut running: HashMap<AccountId, JoinHandle<()>> = HashMap::new();
    // Accounts whose link cannot start yet (no token), already reported,
    // with when the keychain was last asked.
    let mut stuck: HashMap<AccountId, std::time::Instant> = HashMap::new();
    loop {
        // The UI hears about links started, stopped or failing to start;
        // each running link reports its own rounds.
        let mut changed = false;
        match desk.accounts() {
            Ok(accounts) => {
                // Accounts removed meanwhile (or the demo, replaced by a real store).
                running.retain(|id, task| {
                    let keep = accounts.iter().any(|a| a.id == *id) && !task.is_finished();
                    if !keep {
                        task.abort();
                        desk.forget_link(*id);
                        changed = true;
                    }
                    keep
                });
                stuck.retain(|id, _| accounts.iter().any(|a| a.id == *id));
                for account in accounts {
                    if running.contains_key(&account.id) {
                        continue;
                    }
                    // The keychain is asked again for a missing token once a
                    // minute, not on every look for new accounts.
                    if stuck.get(&account.id).is_some_and(|asked| asked.elapsed() < STUCK_RETRY) {
                        continue;
                    }
                    match client_for(&desk, &account, sandbox.as_ref()) {
                        Some(client) => {
                            stuck.remove(&account.id);
                            changed = true;
                            running
                                .insert(account.id, tokio::spawn(link(app.clone(), desk.clone(), account.id, client)));
                        }
                        // Said once: retrying every few seconds (a locked
                        // keychain may open) must not make the UI reread
                        // the whole replica each time.
                        None => changed |= stuck.insert(account.id, std::time::Instant::now()).is_none(),
                    }
                }
            }
            Err(e) => tracing::warn!("cannot read the accounts: {e}"),
        }
        if changed {
            desk.alerts_changed.notify_one();
            notify(&app);
        }
        tokio::select! {
            () = tokio::time::sleep(ACCOUNTS_INTERVAL) => {}
            () = desk.accounts_changed.notified() => {}
        }
    }
}

/// The embedded service with demo data, for a desk with no real store.
async fn start_sandbox_if_needed(
    app: &AppHandle,
    desk: &Desk,
    data_dir: &std::path::Path,
) -> Option<csba_server::Sandbox> {
    let has_remote = desk.accounts().map(|a| a.iter().any(|a| !a.is_sandbox())).unwrap_or(false);
    if has_remote {
        return None;
    }
    let clock = Arc::new(csba_server::SystemClock);
    // The CSBA team answers in 2 minutes and decides in 3; end-to-end tests
    // set CSBA_SANDBOX_TEAM_SECONDS to see it within seconds.
    let team = csba_server::TeamPace::sandbox_from_env(std::env::var("CSBA_SANDBOX_TEAM_SECONDS").ok().as_deref());
    let sandbox = match csba_server::Sandbox::start_with_team(&data_dir.join("sandbox.sqlite"), clock, team).await {
        Ok(sandbox) => sandbox,
        Err(e) => {
            tracing::error!("the sandbox service did not start: {e}");
            desk.set_desk_error(Some(AppError::new(ErrorCode::SandboxFailed)));
            notify(app);
            return None;
        }
    };
    tracing::info!("sandbox service on {}", sandbox.base_url());
    let registered = async {
        let client = ApiClient::new(sandbox.base_url(), sandbox.token()).map_err(SyncError::from)?;
        let profile = csba_sync::seller_profile(&client).await?;
        let store = desk.store.lock().map_err(|_| SyncError::Poisoned)?;
        Ok::<_, SyncError>(store.sandbox_account(&profile, Utc::now())?)
    };
    if let Err(e) = registered.await {
        tracing::error!("cannot register the sandbox account: {e}");
        desk.set_desk_error(Some(AppError::new(ErrorCode::SandboxFailed)));
    }
    Some(sandbox)
}

/// The HTTP client for an account, with its token; `None` (and the reason
/// on the account's link) when the token cannot be had right now.
fn client_for(desk: &Desk, account: &Account, sandbox: Option<&csba_server::Sandbox>) -> Option<ApiClient> {
    let endpoint = sandbox.map(|s| SandboxEndpoint { base_url: s.base_url(), token: s.token() });
    match csba_app::client_for(account, endpoint.as_ref()) {
        Ok(client) => client,
        Err(e) => {
            desk.set_link(account.id, Connectivity::Offline, Some(e));
            None
        }
    }
}

/// One account's link, for as long as the account exists.
async fn link(app: AppHandle, desk: Arc<Desk>, account: AccountId, client: ApiClient) {
    let wake = desk.waker(account);
    let on_round = |result: Result<&SyncReport, &SyncError>| {
        match result {
            Ok(report) => {
                // What is due changes only with what the round brought or sent;
                // a quiet round (every 20 s) leaves the scheduler asleep.
                let moved = report.pulled.changes > 0
                    || report.pulled.resynced
                    || report.pushed.sent + report.pushed.failed > 0;
                if moved {
                    desk.alerts_changed.notify_one();
                }
                let offline = report.pushed.connectivity == Some(Connectivity::Offline);
                let error = offline.then(|| AppError::new(ErrorCode::ServiceUnreachable));
                let state = if offline { Connectivity::Offline } else { Connectivity::Online };
                desk.set_link(account, state, error);
            }
            Err(e) => {
                tracing::warn!(%account, "sync failed: {e}");
                desk.set_link(account, Connectivity::Offline, Some(AppError::from(e)));
            }
        }
        notify(&app);
    };
    csba_sync::keep_in_sync(&client, &desk.store, account, &Utc::now, &wake, csba_sync::PULL_INTERVAL, &on_round).await;
}

fn notify(app: &AppHandle) {
    if let Err(e) = app.emit(REPLICA_CHANGED, ()) {
        tracing::warn!("cannot notify the UI: {e}");
    }
}
