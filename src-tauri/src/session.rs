//! Start-up: open the replica, pick the service (embedded sandbox or a
//! remote one), and keep the replica in sync in the background.

use crate::desk::Desk;
use crate::error::AppError;
use crate::ipc::ServiceKind;
use csba_api::ApiClient;
use csba_i18n::Catalog;
use csba_store::Store;
use csba_sync::Connectivity;
use std::sync::Arc;
use std::time::Duration;
use tauri::{App, AppHandle, Emitter, Manager};

/// How often to pull when nothing tells us there is news.
const PULL_INTERVAL: Duration = Duration::from_secs(20);

/// Emitted to the UI whenever the replica or the link state changed.
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
    let store = Store::open(&csba_store::paths::replica_file(&data_dir))?;
    let remote_url = std::env::var("CSBA_API_URL").ok().filter(|u| !u.trim().is_empty());
    let service = if remote_url.is_some() { ServiceKind::Remote } else { ServiceKind::Sandbox };
    let desk = Arc::new(Desk::new(store, Catalog::load()?, service));
    app.manage(desk.clone());
    retitle(app.handle(), &desk);

    let handle = app.handle().clone();
    // The link to the service (and the embedded sandbox, when there is
    // one) runs on a thread of its own with its own runtime: it stays off
    // the UI's runtime, and the sandbox behaves like the separate service
    // it stands in for.
    std::thread::Builder::new()
        .name("csba-link".into())
        .spawn(move || {
            let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
                Ok(runtime) => runtime,
                Err(e) => {
                    tracing::error!("cannot start the sync runtime: {e}");
                    return link_changed(&handle, &desk, Connectivity::Offline, Some(AppError::new("sandbox-failed")));
                }
            };
            runtime.block_on(async move {
                match remote_url {
                    Some(url) => match csba_store::credentials::token_for(&url).map_err(AppError::from) {
                        Ok(token) => keep_in_sync(&handle, &desk, &url, &token).await,
                        Err(e) => link_changed(&handle, &desk, Connectivity::Offline, Some(e)),
                    },
                    None => run_sandbox(&handle, &desk, &data_dir).await,
                }
            });
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

async fn run_sandbox(app: &AppHandle, desk: &Desk, data_dir: &std::path::Path) {
    let clock = Arc::new(csba_server::SystemClock);
    match csba_server::Sandbox::start(&data_dir.join("sandbox.sqlite"), clock).await {
        Ok(sandbox) => {
            tracing::info!("sandbox service on {}", sandbox.base_url());
            let token = sandbox.token().to_owned();
            keep_in_sync(app, desk, &sandbox.base_url(), &token).await;
            drop(sandbox);
        }
        Err(e) => {
            tracing::error!("the sandbox service did not start: {e}");
            link_changed(app, desk, Connectivity::Offline, Some(AppError::new("sandbox-failed")));
        }
    }
}

/// Pulls the change feed forever; never returns while the app runs.
async fn keep_in_sync(app: &AppHandle, desk: &Desk, url: &str, token: &str) {
    let client = match ApiClient::new(url, token) {
        Ok(client) => client,
        Err(e) => {
            tracing::error!("cannot build the HTTP client: {e}");
            return link_changed(app, desk, Connectivity::Offline, Some(AppError::new("service-unreachable")));
        }
    };
    loop {
        match csba_sync::pull_all(&client, &desk.store, &chrono::Utc::now).await {
            Ok(outcome) => {
                tracing::debug!("pulled {} changes", outcome.changes);
                link_changed(app, desk, Connectivity::Online, None);
            }
            Err(e) => {
                tracing::warn!("sync failed: {e}");
                let error = if e.is_transient() { "service-unreachable" } else { "sync-refused" };
                link_changed(app, desk, Connectivity::Offline, Some(AppError::new(error)));
            }
        }
        tokio::time::sleep(PULL_INTERVAL).await;
    }
}

fn link_changed(app: &AppHandle, desk: &Desk, state: Connectivity, error: Option<AppError>) {
    desk.set_link(state, error);
    if let Err(e) = app.emit(REPLICA_CHANGED, ()) {
        tracing::warn!("cannot notify the UI: {e}");
    }
}
