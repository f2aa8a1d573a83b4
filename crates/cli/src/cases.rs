use crate::replica::{open_store, replica_error, writeln};
use crate::{exit, Out, Outcome};
use chrono::Utc;
use clap::Subcommand;
use csba_domain::TimeLeft;
use csba_store::AccountId;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum CasesCommand {
    /// List cases from the local replica, most urgent first.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Queue a reply to a case; it is sent by the next sync, even after a restart.
    Reply {
        /// The case id, as `csba cases list --json` shows it.
        id: String,
        /// A UTF-8 text file holding the reply.
        #[arg(long)]
        body_file: std::path::PathBuf,
        /// The language of the reply (BCP 47, e.g. ja, zh-CN, en).
        #[arg(long)]
        language: Option<String>,
        /// The account the case belongs to; needed only when several accounts have a case with this id.
        #[arg(long)]
        account: Option<i64>,
    },
}

pub fn run(command: CasesCommand, out: &Out) -> Outcome {
    let json = match command {
        CasesCommand::List { json } => json,
        CasesCommand::Reply { id, body_file, language, account } => {
            return reply(&id, &body_file, language.as_deref(), account, out)
        }
    };
    list(json, out).map(|()| ExitCode::SUCCESS)
}

fn list(json: bool, out: &Out) -> Result<(), String> {
    let store = open_store(out)?;
    let cases = store.inbox().map_err(|e| replica_error(&e, out))?;
    // Every account's deadlines are counted on its own service's clock.
    let offsets: std::collections::HashMap<_, _> = store
        .accounts()
        .map_err(|e| replica_error(&e, out))?
        .iter()
        .map(|a| (a.id, store.sync_state(a.id).map(|s| s.server_offset_ms).unwrap_or(0)))
        .collect();
    let local_now = Utc::now();
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &cases).map_err(|e| e.to_string())?;
        return writeln(&mut stdout, "");
    }
    if cases.is_empty() {
        return writeln(&mut stdout, &out.t("cli-no-cases", &[]));
    }
    for case in &cases {
        let offset = offsets.get(&case.account_id).copied().unwrap_or(0);
        let now = local_now + chrono::Duration::milliseconds(offset);
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

fn reply(
    case_id: &str,
    body_file: &std::path::Path,
    language: Option<&str>,
    account: Option<i64>,
    out: &Out,
) -> Outcome {
    let path = body_file.display().to_string();
    let bytes = std::fs::read(body_file).map_err(|_| out.t("cli-body-unreadable", &[("path", path.clone().into())]))?;
    let body = String::from_utf8(bytes).map_err(|_| out.t("cli-body-not-utf8", &[("path", path.into())]))?;
    if body.trim().is_empty() {
        return Err(out.t("cli-reply-empty", &[]));
    }
    let mut store = open_store(out)?;
    let cases = store.inbox().map_err(|e| replica_error(&e, out))?;
    // Case ids are unique per service, not across accounts.
    let owners: Vec<AccountId> = cases
        .iter()
        .filter(|c| c.id == case_id && account.is_none_or(|a| c.account_id == AccountId(a)))
        .map(|c| c.account_id)
        .collect();
    let owner = match owners.as_slice() {
        [one] => *one,
        [] => {
            let message = match account {
                None => out.t("cli-reply-unknown-case", &[("case", case_id.to_owned().into())]),
                Some(a) => {
                    out.t("cli-reply-unknown-case-in-account", &[("case", case_id.to_owned().into()), ("id", a.into())])
                }
            };
            return exit::fail(exit::FAILURE, &message);
        }
        several => {
            let ids = several.iter().map(|a| format!("#{a}")).collect::<Vec<_>>().join(", ");
            let message =
                out.t("cli-reply-choose-account", &[("case", case_id.to_owned().into()), ("accounts", ids.into())]);
            return exit::fail(exit::FAILURE, &message);
        }
    };
    // The app's rule, not a copy of it: resolved cases, the length limit
    // and the marketplace's reply languages are checked in one place.
    let entry = match csba_app::queue_reply(&mut store, owner, case_id, &body, language, Utc::now()) {
        Ok(entry) => entry,
        Err(e) => return exit::fail(exit::FAILURE, &e.message(&out.catalog, out.locale)),
    };
    writeln(
        &mut std::io::stdout().lock(),
        &out.t("cli-reply-queued", &[("case", case_id.to_owned().into()), ("entry", entry.id.into())]),
    )?;
    Ok(ExitCode::SUCCESS)
}
