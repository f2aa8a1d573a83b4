//! The desktop shell. It only adapts the core crates to Tauri: commands are
//! one-line adapters, and everything they do lives in `csba-*` crates.

mod commands;
mod desk;
mod error;
mod ipc;
mod session;
mod startup;

/// Starts the app; returns when the last window closes.
pub fn run() {
    startup::mark_start();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();

    let result = tauri::Builder::default()
        .setup(|app| Ok(session::start(app)?))
        .invoke_handler(tauri::generate_handler![
            commands::inbox,
            commands::case_detail,
            commands::save_draft,
            commands::acknowledge_case_change,
            commands::send_reply,
            commands::queue,
            commands::retry_action,
            commands::discard_action,
            commands::sync_now,
            commands::add_account,
            commands::remove_account,
            commands::settings,
            commands::set_locale,
            commands::first_render
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!("CSBA Desk stopped: {e}");
        std::process::exit(1);
    }
}
