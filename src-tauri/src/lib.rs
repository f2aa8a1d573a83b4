//! The desktop shell. It only adapts `csba_app` to Tauri: commands are
//! one-line adapters, and everything they do lives in `csba-*` crates.

mod command_list;
mod commands;
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
        .invoke_handler(commands::handler!())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!("CSBA Desk stopped: {e}");
        std::process::exit(1);
    }
}
