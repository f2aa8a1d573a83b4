//! The desktop shell. It only adapts `csba_app` to Tauri: commands are
//! one-line adapters, and everything they do lives in `csba-*` crates.

mod alerting;
mod autostart;
mod command_list;
mod commands;
mod desktop;
mod session;
mod startup;
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

    let context = tauri::generate_context!();
    // First: a second launch hands over to the running app before anything
    // else of its own starts.
    #[cfg(target_os = "linux")]
    let primary = match desktop::single_instance::claim(&context.config().identifier) {
        desktop::single_instance::Claim::HandedOver => return,
        desktop::single_instance::Claim::Primary(primary) => Some(primary),
        desktop::single_instance::Claim::NoBus => None,
    };
    let builder = tauri::Builder::default();
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| window::bring_forward(app)));
    let result = builder
        // Started at login, the app goes straight to the tray.
        .plugin(tauri_plugin_autostart::Builder::new().args([window::START_HIDDEN]).build())
        .setup(move |app| {
            #[cfg(target_os = "linux")]
            if let Some(primary) = primary {
                let handle = app.handle().clone();
                primary.serve(move || window::bring_forward(&handle));
            }
            Ok(session::start(app)?)
        })
        .on_window_event(|window, event| {
            if let Some(desk) = window.try_state::<Arc<csba_app::Desk>>() {
                window::on_event(window.app_handle(), &desk, event);
            }
        })
        .invoke_handler(commands::handler!())
        .run(context);
    if let Err(e) = result {
        tracing::error!("CSBA Desk stopped: {e}");
        std::process::exit(1);
    }
}
