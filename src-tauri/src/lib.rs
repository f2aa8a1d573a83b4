//! The desktop shell. It only adapts `csba_app` to Tauri: commands are
//! one-line adapters, and everything they do lives in `csba-*` crates.

mod alerting;
mod autostart;
mod command_list;
mod commands;
mod desktop;
mod session;
mod startup;
mod updates;
mod window;

use std::sync::Arc;
use tauri::Manager;

/// Starts the app; returns when the last window closes or Quit is chosen.
pub fn run() {
    startup::mark_start();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();

    let result = tauri::Builder::default()
        // First: a second launch hands over to the running app before
        // anything else of its own starts.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| window::bring_forward(app)))
        // Started at login, the app goes straight to the tray.
        .plugin(tauri_plugin_autostart::Builder::new().args([window::START_HIDDEN]).build())
        // Signed updates; checked through `updates`, not from the webview.
        .plugin(tauri_plugin_updater::Builder::new().build())
        .setup(|app| {
            updates::install(app.handle());
            Ok(session::start(app)?)
        })
        .on_window_event(|window, event| {
            if let Some(desk) = window.try_state::<Arc<csba_app::Desk>>() {
                window::on_event(window.app_handle(), &desk, event);
            }
        })
        .invoke_handler(commands::handler!())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!("CSBA Desk stopped: {e}");
        std::process::exit(1);
    }
}
