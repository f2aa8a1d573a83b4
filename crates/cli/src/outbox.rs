//! `csba outbox`: what is waiting to be sent, and what the service refused.

use crate::{Out, Outcome};
use csba_store::{OutboxEntry, OutboxState};
use serde::Serialize;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct OutboxArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// The stable shape scripts read with `--json`.
#[derive(Serialize)]
struct Row<'a> {
    id: i64,
    kind: &'a str,
    object: &'a str,
    state: &'a str,
    attempts: u32,
    /// The problem code the service answered with, when it refused the action.
    code: Option<&'a str>,
    last_error: Option<&'a str>,
    created_at: String,
    sent_at: Option<String>,
}

fn row(entry: &OutboxEntry) -> Row<'_> {
    let (state, code) = match &entry.state {
        OutboxState::Queued => ("queued", None),
        OutboxState::Sending => ("sending", None),
        OutboxState::Sent => ("sent", None),
        OutboxState::Failed { code, .. } => ("failed", Some(code.as_str())),
    };
    Row {
        id: entry.id,
        kind: entry.kind.as_str(),
        object: &entry.object_key,
        state,
        attempts: entry.attempts,
        code,
        last_error: entry.last_error.as_deref(),
        created_at: entry.created_at.to_rfc3339(),
        sent_at: entry.sent_at.map(|t| t.to_rfc3339()),
    }
}

pub fn run(args: OutboxArgs, out: &Out) -> Outcome {
    let store = crate::replica::open_store(out)?;
    let entries = store.outbox().map_err(|_| out.t("error-replica-unavailable", &[]))?;
    let rows: Vec<Row<'_>> = entries.iter().map(row).collect();
    let text = if args.json {
        serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?
    } else if rows.is_empty() {
        out.t("cli-outbox-empty", &[])
    } else {
        rows.iter()
            .map(|r| {
                let state = match r.code {
                    Some(code) => out.t("cli-outbox-failed", &[("code", code.to_owned().into())]),
                    None => out.t(&format!("cli-outbox-{}", r.state), &[]),
                };
                format!("#{}  {}  {}  {}", r.id, r.kind, r.object, state)
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    crate::replica::writeln(&mut std::io::stdout().lock(), &text)?;
    Ok(ExitCode::SUCCESS)
}
