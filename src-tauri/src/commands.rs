//! Tauri commands: one-line adapters from IPC to the desk. The local clock
//! is read here, at the edge, and passed in.

use crate::desk::Desk;
use crate::error::AppError;
use crate::ipc::{AccountView, CaseDetail, DraftView, Inbox, QueueItem, Settings};
use crate::session::REPLICA_CHANGED;
use chrono::Utc;
use csba_store::AccountId;
use std::sync::Arc;
use tauri::{AppHandle, Emitter, State};

type DeskState<'a> = State<'a, Arc<Desk>>;

/// Tells every window the replica changed (the header's queue counts).
fn changed(app: &AppHandle) {
    if let Err(e) = app.emit(REPLICA_CHANGED, ()) {
        tracing::warn!("cannot notify the UI: {e}");
    }
}

#[tauri::command]
pub async fn inbox(desk: DeskState<'_>) -> Result<Inbox, AppError> {
    desk.inbox()
}

#[tauri::command]
pub async fn case_detail(desk: DeskState<'_>, account_id: i64, case_id: String) -> Result<CaseDetail, AppError> {
    desk.case_detail(AccountId(account_id), &case_id)
}

#[tauri::command]
pub async fn save_draft(
    desk: DeskState<'_>,
    account_id: i64,
    case_id: String,
    body: String,
) -> Result<Option<DraftView>, AppError> {
    desk.save_draft(AccountId(account_id), &case_id, &body, Utc::now())
}

#[tauri::command]
pub async fn acknowledge_case_change(desk: DeskState<'_>, account_id: i64, case_id: String) -> Result<(), AppError> {
    desk.acknowledge_case_change(AccountId(account_id), &case_id)
}

#[tauri::command]
pub async fn send_reply(
    app: AppHandle,
    desk: DeskState<'_>,
    account_id: i64,
    case_id: String,
    body: String,
) -> Result<QueueItem, AppError> {
    let item = desk.send_reply(AccountId(account_id), &case_id, &body, Utc::now())?;
    changed(&app);
    Ok(item)
}

#[tauri::command]
pub async fn queue(desk: DeskState<'_>) -> Result<Vec<QueueItem>, AppError> {
    desk.queue()
}

#[tauri::command]
pub async fn retry_action(app: AppHandle, desk: DeskState<'_>, id: i64) -> Result<QueueItem, AppError> {
    let item = desk.retry_action(id, Utc::now())?;
    changed(&app);
    Ok(item)
}

#[tauri::command]
pub async fn discard_action(app: AppHandle, desk: DeskState<'_>, id: i64) -> Result<(), AppError> {
    desk.discard_action(id)?;
    changed(&app);
    Ok(())
}

/// Adds a seller account: the service is asked whose token it is, the
/// token goes into the OS keychain, the account into the replica; the link
/// starts within seconds. The token is never logged or echoed back.
#[tauri::command]
pub async fn add_account(
    app: AppHandle,
    desk: DeskState<'_>,
    url: String,
    token: String,
) -> Result<AccountView, AppError> {
    let token = token.trim();
    let seller = csba_sync::onboarding::verify_token(&url, token).await.map_err(crate::desk::add_account_error)?;
    let account = desk.save_account(&seller, token, Utc::now())?;
    changed(&app);
    Ok(account)
}

#[tauri::command]
pub async fn remove_account(app: AppHandle, desk: DeskState<'_>, id: i64, force: bool) -> Result<(), AppError> {
    desk.remove_account(AccountId(id), force)?;
    changed(&app);
    Ok(())
}

#[tauri::command]
pub async fn sync_now(desk: DeskState<'_>) -> Result<(), AppError> {
    desk.sync_now();
    Ok(())
}

#[tauri::command]
pub async fn settings(desk: DeskState<'_>) -> Result<Settings, AppError> {
    desk.settings()
}

#[tauri::command]
pub async fn set_locale(app: AppHandle, desk: DeskState<'_>, locale: String) -> Result<Settings, AppError> {
    let settings = desk.set_locale(&locale)?;
    crate::session::retitle(&app, &desk);
    Ok(settings)
}

/// The UI showed its first inbox: lets us measure start-up.
#[tauri::command]
pub fn first_render() {
    crate::startup::first_render();
}
