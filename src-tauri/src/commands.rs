//! Tauri commands: one-line adapters from IPC to the desk.

use crate::desk::Desk;
use crate::error::AppError;
use crate::ipc::{Inbox, Settings};
use std::sync::Arc;
use tauri::{AppHandle, State};

#[tauri::command]
pub async fn inbox(desk: State<'_, Arc<Desk>>) -> Result<Inbox, AppError> {
    desk.inbox()
}

#[tauri::command]
pub async fn settings(desk: State<'_, Arc<Desk>>) -> Result<Settings, AppError> {
    desk.settings()
}

#[tauri::command]
pub async fn set_locale(app: AppHandle, desk: State<'_, Arc<Desk>>, locale: String) -> Result<Settings, AppError> {
    let settings = desk.set_locale(&locale)?;
    crate::session::retitle(&app, &desk);
    Ok(settings)
}

/// The UI showed its first inbox: lets us measure start-up.
#[tauri::command]
pub fn first_render() {
    crate::startup::first_render();
}
