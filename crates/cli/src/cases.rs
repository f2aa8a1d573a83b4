use crate::Out;
use chrono::Utc;
use clap::Subcommand;
use csba_domain::TimeLeft;
use csba_store::Store;

#[derive(Subcommand)]
pub enum CasesCommand {
    /// List cases from the local replica, most urgent first.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: CasesCommand, out: &Out) -> Result<(), String> {
    let CasesCommand::List { json } = command;
    let dir = csba_store::paths::data_dir().ok_or_else(|| out.t("cli-no-data-dir", &[]))?;
    let store =
        Store::open(&csba_store::paths::replica_file(&dir)).map_err(|_| out.t("error-replica-unavailable", &[]))?;
    let cases = store.inbox().map_err(|_| out.t("error-replica-unavailable", &[]))?;
    let offset = store.sync_state().map(|s| s.server_offset_ms).unwrap_or(0);
    let now = Utc::now() + chrono::Duration::milliseconds(offset);
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &cases).map_err(|e| e.to_string())?;
        return writeln(&mut stdout, "");
    }
    if cases.is_empty() {
        return writeln(&mut stdout, &out.t("cli-no-cases", &[]));
    }
    for case in &cases {
        let left = match TimeLeft::until(case.respond_by, now) {
            TimeLeft::Remaining(d) => out.t("countdown-left", &[("time", hms(d).into())]),
            TimeLeft::Overdue(d) => out.t("countdown-overdue", &[("time", hms(d).into())]),
        };
        writeln(&mut stdout, &format!("{}  {}  {}  {}", case.marketplace, case.order_id, left, case.subject))?;
    }
    Ok(())
}

fn hms(d: chrono::Duration) -> String {
    let s = d.num_seconds().max(0);
    format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

fn writeln(w: &mut impl std::io::Write, line: &str) -> Result<(), String> {
    std::io::Write::write_all(w, format!("{line}\n").as_bytes()).map_err(|e| e.to_string())
}
