//! The desktop shell. It only adapts `csba_app` to Tauri: commands are
//! one-line adapters, and everything they do lives in `csba-*` crates.

mod alerting;
mod autostart;
mod command_list;
mod commands;
mod desktop;
mod logging;
mod session;
mod startup;
mod updates;
mod web_engine;
mod window;
mod window_state;

use std::sync::Arc;
use tauri::Manager;

/// Starts the app; returns when the last window closes or Quit is chosen.
pub fn run() {
    // Before any thread: the environment is read while it is written.
    web_engine::tune();
    startup::mark_start();
    // Held to the end: dropping it flushes the log file.
    let log_file = logging::start();

    let context = tauri::generate_context!();
    // First: a second launch hands over to the running app before anything
    // else of its own starts.
    let Some(instance) = desktop::single_instance::claim(&context.config().identifier) else { return };
    let builder = tauri::Builder::default()
        .plugin(instance.plugin())
        // Started at login, the app goes straight to the tray.
        .plugin(tauri_plugin_autostart::Builder::new().args([window::START_HIDDEN]).build())
        .plugin(window_state::plugin())
        // Signed updates; checked through `updates`, not from the webview.
        .plugin(tauri_plugin_updater::Builder::new().build());
    let result = desktop::notices::register(builder)
        .setup(|app| {
            startup::phase("window built");
            updates::install(app.handle());
            Ok(session::start(app)?)
        })
        .on_window_event(|window, event| {
            if let Some(desk) = window.try_state::<Arc<csba_app::Desk>>() {
                window::on_event(window.app_handle(), &desk, event);
            }
        })
        .invoke_handler(commands::handler!())
        .build(context);
    match result {
        Ok(app) => app.run(|app, event| window::on_run_event(app, &event)),
        Err(e) => {
            tracing::error!("CSBA Desk stopped: {e}");
            drop(log_file);
            std::process::exit(1);
        }
    }
}
