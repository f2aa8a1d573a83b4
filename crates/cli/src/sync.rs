//! `csba sync`: push every account's outbox and pull its change feed, once,
//! with the same engine as the app. The app may be syncing the same replica
//! at the same moment: outbox claims keep each action with one sender.

use crate::replica::{label, open_store, replica_error, writeln};
use crate::service::{keychain_name, runtime, Refusal};
use crate::{exit, Out, Outcome};
use chrono::Utc;
use csba_store::{Account, AccountId, AccountService, OutboxEntry, OutboxState, Store};
use csba_sync::{sync_once, RetryPolicy, SyncError};
use serde::Serialize;
use std::collections::HashSet;
use std::process::ExitCode;
use std::sync::Mutex;

#[derive(clap::Args)]
#[command(after_help = crate::exit::HELP)]
pub struct SyncArgs {
    /// Sync only this account (an id from `csba account list`).
    #[arg(long)]
    pub account: Option<i64>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// How one account's round ended.
enum Status {
    Synced(csba_sync::SyncReport),
    /// The demo account exists only inside the app, with its built-in service.
    SkippedSandbox,
    TokenMissing,
    KeychainUnavailable,
    Failed(Refusal),
    /// The replica itself failed (disk, corruption, a lock held too long),
    /// with the technical reason for standard error.
    Local(String),
}

/// One element of `csba sync --json`.
#[derive(Serialize)]
struct AccountJson<'a> {
    account_id: AccountId,
    seller_id: &'a str,
    service_url: Option<&'a str>,
    /// `synced`, `skipped_sandbox`, `offline`, `service_error`,
    /// `token_rejected`, `token_missing`, `keychain_unavailable`, `refused`,
    /// `not_csba` or `local_error`.
    status: &'static str,
    /// The service's problem code, when it refused the whole round.
    problem: Option<&'a str>,
    sent: usize,
    retried: usize,
    failed: usize,
    /// The actions refused in this round, with the service's problem codes.
    refused_actions: Vec<RefusedJson<'a>>,
    pulled: usize,
    resynced: bool,
}

#[derive(Serialize)]
struct RefusedJson<'a> {
    id: i64,
    kind: &'static str,
    object: &'a str,
    code: &'a str,
}

pub fn run(args: SyncArgs, out: &Out) -> Outcome {
    let store = open_store(out)?;
    let accounts = store.accounts().map_err(|e| replica_error(&e, out))?;
    let accounts: Vec<Account> = match args.account {
        None => accounts,
        Some(id) => match accounts.into_iter().find(|a| a.id == AccountId(id)) {
            Some(account) => vec![account],
            None => return exit::fail(exit::FAILURE, &out.t("cli-account-unknown", &[("id", id.into())])),
        },
    };
    let store = Mutex::new(store);
    let runtime = runtime(out)?;
    let retry = RetryPolicy::default();
    let mut results = Vec::with_capacity(accounts.len());
    for account in &accounts {
        let (status, refused) = sync_account(account, &store, &runtime, &retry);
        results.push((account, status, refused));
    }
    let code = exit_code(&results);
    // The replica's own words (SQLite's, in English) go to standard error
    // for whoever has to look into it; the report says it in the seller's
    // language. They never hold a token: the replica has none.
    for (account, status, _) in &results {
        if let Status::Local(reason) = status {
            eprintln!("csba: #{}: {reason}", account.id);
        }
    }
    let mut stdout = std::io::stdout().lock();
    if args.json {
        let rows: Vec<AccountJson<'_>> = results.iter().map(|(a, s, r)| json_row(a, s, r)).collect();
        serde_json::to_writer_pretty(&mut stdout, &rows).map_err(|e| e.to_string())?;
        writeln(&mut stdout, "")?;
    } else if results.is_empty() {
        writeln(&mut stdout, &out.t("cli-sync-no-accounts", &[]))?;
    } else {
        for (account, status, refused) in &results {
            for line in text(account, status, refused, out) {
                writeln(&mut stdout, &line)?;
            }
        }
    }
    Ok(ExitCode::from(code))
}

/// One round for one account; the refused actions are those that failed
/// during this round (not the ones refused earlier and still waiting).
fn sync_account(
    account: &Account,
    store: &Mutex<Store>,
    runtime: &tokio::runtime::Runtime,
    retry: &RetryPolicy,
) -> (Status, Vec<OutboxEntry>) {
    if !matches!(account.service, AccountService::Remote { .. }) {
        return (Status::SkippedSandbox, Vec::new());
    }
    // The same keychain → client step as the app's.
    let client = match csba_app::client_for(account, None) {
        Ok(Some(client)) => client,
        Ok(None) => return (Status::SkippedSandbox, Vec::new()),
        Err(e) if e.code == csba_app::ErrorCode::TokenMissing => return (Status::TokenMissing, Vec::new()),
        Err(e) if e.code == csba_app::ErrorCode::KeychainUnavailable => {
            return (Status::KeychainUnavailable, Vec::new())
        }
        Err(e) => return (Status::Local(e.to_string()), Vec::new()),
    };
    let failed_ids = |store: &Mutex<Store>| -> Result<Vec<OutboxEntry>, String> {
        store.lock().map_err(|_| SyncError::Poisoned.to_string())?.failed_actions(account.id).map_err(|e| e.to_string())
    };
    let before = match failed_ids(store) {
        Ok(before) => before,
        Err(reason) => return (Status::Local(reason), Vec::new()),
    };
    let before: HashSet<i64> = before.iter().map(|e| e.id).collect();
    match runtime.block_on(sync_once(&client, store, account.id, &Utc::now, retry)) {
        Ok(report) => match failed_ids(store) {
            Ok(after) => (Status::Synced(report), after.into_iter().filter(|e| !before.contains(&e.id)).collect()),
            Err(reason) => (Status::Local(reason), Vec::new()),
        },
        Err(SyncError::Client(e)) => (Status::Failed(Refusal::of(&e)), Vec::new()),
        Err(e @ (SyncError::Store(_) | SyncError::Poisoned)) => (Status::Local(e.to_string()), Vec::new()),
    }
}

/// The first that applies of: a local problem (1), something for a person
/// (4), an account offline (3), refused actions (5); otherwise 0.
fn exit_code(results: &[(&Account, Status, Vec<OutboxEntry>)]) -> u8 {
    let codes: Vec<u8> = results
        .iter()
        .map(|(_, status, refused)| match status {
            Status::Synced(_) if !refused.is_empty() => exit::ACTIONS_REFUSED,
            Status::Synced(_) | Status::SkippedSandbox => 0,
            Status::TokenMissing | Status::KeychainUnavailable => exit::REFUSED,
            Status::Failed(refusal) => refusal.exit_code(),
            Status::Local(_) => exit::FAILURE,
        })
        .collect();
    [exit::FAILURE, exit::REFUSED, exit::OFFLINE, exit::ACTIONS_REFUSED]
        .into_iter()
        .find(|code| codes.contains(code))
        .unwrap_or(0)
}

fn status_code(status: &Status) -> &'static str {
    match status {
        Status::Synced(_) => "synced",
        Status::SkippedSandbox => "skipped_sandbox",
        Status::TokenMissing => "token_missing",
        Status::KeychainUnavailable => "keychain_unavailable",
        Status::Failed(refusal) => refusal.code(),
        Status::Local(_) => "local_error",
    }
}

fn json_row<'a>(account: &'a Account, status: &'a Status, refused: &'a [OutboxEntry]) -> AccountJson<'a> {
    let report = match status {
        Status::Synced(report) => *report,
        _ => csba_sync::SyncReport::default(),
    };
    AccountJson {
        account_id: account.id,
        seller_id: &account.seller_id,
        service_url: match &account.service {
            AccountService::Remote { url } => Some(url),
            AccountService::Sandbox => None,
        },
        status: status_code(status),
        problem: match status {
            Status::Failed(refusal) => refusal.problem(),
            _ => None,
        },
        sent: report.pushed.sent,
        retried: report.pushed.retried,
        failed: report.pushed.failed,
        refused_actions: refused.iter().map(refused_json).collect(),
        pulled: report.pulled.changes,
        resynced: report.pulled.resynced,
    }
}

fn refused_json(entry: &OutboxEntry) -> RefusedJson<'_> {
    RefusedJson {
        id: entry.id,
        kind: entry.kind.as_str(),
        object: &entry.object_key,
        code: match &entry.state {
            OutboxState::Failed { code, .. } => code,
            _ => "",
        },
    }
}

fn text(account: &Account, status: &Status, refused: &[OutboxEntry], out: &Out) -> Vec<String> {
    let name = || label(account).into();
    let url = match &account.service {
        AccountService::Remote { url } => url.as_str(),
        AccountService::Sandbox => "",
    };
    let mut lines = Vec::new();
    match status {
        Status::Synced(report) => {
            lines.push(out.t(
                "cli-sync-done",
                &[
                    ("account", name()),
                    ("sent", report.pushed.sent.into()),
                    ("retried", report.pushed.retried.into()),
                    ("failed", report.pushed.failed.into()),
                    ("pulled", report.pulled.changes.into()),
                ],
            ));
            if report.pulled.resynced {
                lines.push(format!("    {}", out.t("cli-sync-resynced", &[])));
            }
            if report.pushed.retried > 0 {
                lines.push(format!("    {}", out.t("cli-sync-retry-later", &[])));
            }
            for entry in refused {
                let code = refused_json(entry).code.to_owned();
                lines.push(format!(
                    "    {}",
                    out.t(
                        "cli-sync-action-refused",
                        &[
                            ("entry", entry.id.into()),
                            ("kind", entry.kind.as_str().into()),
                            ("object", entry.object_key.clone().into()),
                            ("code", code.into()),
                        ],
                    )
                ));
            }
        }
        Status::SkippedSandbox => lines.push(out.t("cli-sync-skipped-sandbox", &[("account", name())])),
        Status::TokenMissing => lines.push(out.t(
            "cli-sync-token-missing",
            &[("account", name()), ("keychain", keychain_name(out).into()), ("url", url.to_owned().into())],
        )),
        Status::KeychainUnavailable => lines.push(
            out.t("cli-sync-keychain-unavailable", &[("account", name()), ("keychain", keychain_name(out).into())]),
        ),
        Status::Failed(refusal) => {
            lines.push(out.t("cli-sync-failed", &[("account", name()), ("reason", refusal.message(url, out).into())]))
        }
        Status::Local(_) => {
            lines.push(out.t(
                "cli-sync-failed",
                &[("account", name()), ("reason", out.t("error-replica-unavailable", &[]).into())],
            ))
        }
    }
    lines
}
