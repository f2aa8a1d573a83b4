//! `csba account add|list|remove`: the seller accounts (stores) of the
//! replica, and their API tokens, which live in the OS keychain only.

use crate::replica::{label, open_store, replica_error, writeln};
use crate::service::{keychain_name, runtime, Refusal};
use crate::{exit, Out, Outcome};
use chrono::Utc;
use clap::Subcommand;
use csba_store::credentials;
use csba_store::{Account, AccountId, AccountService};
use csba_sync::onboarding;
use serde::Serialize;
use std::io::Read;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum AccountCommand {
    /// Add a seller account. The API token is read from standard input,
    /// checked with the service, and kept in the OS keychain (nowhere else).
    Add {
        /// The service's base URL, e.g. https://csba.example.com
        #[arg(long)]
        url: String,
    },
    /// List the accounts on this computer, with their sync and token state.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Remove an account: its local data and its token in the keychain.
    Remove {
        /// The account id, as `csba account list` shows it.
        id: i64,
        /// Remove it even with actions not sent yet (they are dropped), or
        /// when the keychain cannot be reached (the token stays there).
        #[arg(long)]
        force: bool,
    },
}

pub fn run(command: AccountCommand, out: &Out) -> Outcome {
    match command {
        AccountCommand::Add { url } => add(&url, out),
        AccountCommand::List { json } => list(json, out),
        AccountCommand::Remove { id, force } => remove(id, force, out),
    }
}

fn add(url: &str, out: &Out) -> Outcome {
    let url = url.trim();
    if !onboarding::is_service_url(url) {
        return exit::fail(exit::FAILURE, &out.t("cli-account-url-invalid", &[("url", url.to_owned().into())]));
    }
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input).map_err(|_| out.t("cli-token-unreadable", &[]))?;
    let Ok(input) = String::from_utf8(input) else {
        return exit::fail(exit::FAILURE, &out.t("cli-token-malformed", &[]));
    };
    let token = input.trim();

    // Ask the service whose token this is before anything is written.
    let seller = match runtime(out)?.block_on(onboarding::verify_token(url, token)) {
        Ok(seller) => seller,
        Err(e) => return add_failed(e, url, out),
    };
    // The keychain first, then the replica (opened only then, so a refused
    // keychain leaves the disk untouched).
    let mut open_error = None;
    let open = || {
        open_store(out).map(Box::new).map_err(|message| {
            open_error = Some(message);
            onboarding::AddAccountError::Poisoned
        })
    };
    let (account, had_demo) = match onboarding::save_account(&seller, token, Utc::now(), open) {
        Ok(added) => (added.account, added.replaced_demo),
        Err(_) if open_error.is_some() => return exit::fail(exit::FAILURE, &open_error.unwrap_or_default()),
        Err(e) => return add_failed(e, &seller.url, out),
    };
    let url = seller.url;
    let mut stdout = std::io::stdout().lock();
    let marketplaces = marketplace_list(&account, out);
    writeln(
        &mut stdout,
        &out.t(
            "cli-account-added",
            &[
                ("account", label(&account).into()),
                ("url", url.clone().into()),
                ("marketplaces", marketplaces.into()),
                ("keychain", keychain_name(out).into()),
            ],
        ),
    )?;
    if had_demo {
        writeln(&mut stdout, &out.t("cli-account-demo-replaced", &[]))?;
    }
    writeln(&mut stdout, &out.t("cli-account-next-sync", &[]))?;
    Ok(ExitCode::SUCCESS)
}

/// Why `account add` stopped, worded for the terminal. The keychain's own
/// error text is English and says nothing the seller can act on beyond
/// "locked or unavailable", so it is not shown.
fn add_failed(error: onboarding::AddAccountError, url: &str, out: &Out) -> Outcome {
    use onboarding::AddAccountError as E;
    match error {
        E::InvalidUrl => {
            exit::fail(exit::FAILURE, &out.t("cli-account-url-invalid", &[("url", url.to_owned().into())]))
        }
        E::EmptyToken => exit::fail(exit::FAILURE, &out.t("cli-token-empty", &[])),
        E::MalformedToken => exit::fail(exit::FAILURE, &out.t("cli-token-malformed", &[])),
        E::Service(e) => {
            let refusal = Refusal::of(&e);
            let message = format!("{} {}", refusal.message(url, out), out.t("cli-account-nothing-saved", &[]));
            exit::fail(refusal.exit_code(), &message)
        }
        E::Keychain(_) => {
            let keychain = keychain_name(out);
            exit::fail(exit::REFUSED, &out.t("cli-account-keychain-unavailable", &[("keychain", keychain.into())]))
        }
        E::Store(e) => exit::fail(exit::FAILURE, &replica_error(&e, out)),
        E::Poisoned => exit::fail(exit::FAILURE, &out.t("error-replica-unavailable", &[])),
    }
}

fn marketplace_list(account: &Account, out: &Out) -> String {
    if account.marketplaces.is_empty() {
        return out.t("cli-account-no-marketplaces", &[]);
    }
    account.marketplaces.iter().map(|m| m.code()).collect::<Vec<_>>().join(", ")
}

/// Where an account's token stands. Checking reads only the entry's
/// attributes, never the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenState {
    Present,
    Missing,
    KeychainUnavailable,
    /// The demo account talks to the app's built-in service: no token.
    NotNeeded,
}

impl TokenState {
    fn code(self) -> &'static str {
        match self {
            TokenState::Present => "present",
            TokenState::Missing => "missing",
            TokenState::KeychainUnavailable => "keychain_unavailable",
            TokenState::NotNeeded => "not_needed",
        }
    }
}

/// One element of `csba account list --json`.
#[derive(Serialize)]
struct AccountJson<'a> {
    id: AccountId,
    seller_id: &'a str,
    name: &'a str,
    /// `null` for the demo account (its service lives inside the app).
    service_url: Option<&'a str>,
    sandbox: bool,
    marketplaces: Vec<&'static str>,
    last_sync_at: Option<String>,
    queued: u32,
    sending: u32,
    failed: u32,
    token: &'static str,
}

fn list(json: bool, out: &Out) -> Outcome {
    let store = open_store(out)?;
    let accounts = store.accounts().map_err(|e| replica_error(&e, out))?;
    let mut keychain_down = false;
    let mut rows = Vec::with_capacity(accounts.len());
    for account in &accounts {
        let token = match account.keychain_user() {
            None => TokenState::NotNeeded,
            // One refusal is enough: asking again would only prompt again.
            Some(_) if keychain_down => TokenState::KeychainUnavailable,
            Some(user) => match credentials::token_present(&user) {
                Ok(true) => TokenState::Present,
                Ok(false) => TokenState::Missing,
                Err(_) => {
                    keychain_down = true;
                    TokenState::KeychainUnavailable
                }
            },
        };
        let counts = store.outbox_counts_for(account.id).map_err(|e| replica_error(&e, out))?;
        let synced = store.sync_state(account.id).map_err(|e| replica_error(&e, out))?.last_sync_at;
        rows.push(AccountJson {
            id: account.id,
            seller_id: &account.seller_id,
            name: &account.display_name,
            service_url: match &account.service {
                AccountService::Remote { url } => Some(url),
                AccountService::Sandbox => None,
            },
            sandbox: account.is_sandbox(),
            marketplaces: account.marketplaces.iter().map(|m| m.code()).collect(),
            last_sync_at: synced.map(|t| t.to_rfc3339()),
            queued: counts.queued,
            sending: counts.sending,
            failed: counts.failed,
            token: token.code(),
        });
    }
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &rows).map_err(|e| e.to_string())?;
        writeln(&mut stdout, "")?;
        return Ok(ExitCode::SUCCESS);
    }
    if rows.is_empty() {
        writeln(&mut stdout, &out.t("cli-account-list-empty", &[]))?;
        return Ok(ExitCode::SUCCESS);
    }
    let keychain = keychain_name(out);
    for (account, row) in accounts.iter().zip(&rows) {
        let service = row.service_url.map_or_else(|| out.t("cli-account-sandbox", &[]), str::to_owned);
        let marketplaces = marketplace_list(account, out);
        writeln(&mut stdout, &format!("{}  {service}  {marketplaces}", label(account)))?;
        let synced = match &row.last_sync_at {
            Some(at) => {
                // Minutes are enough for a person; `--json` keeps the full time.
                let at = chrono::DateTime::parse_from_rfc3339(at)
                    .map_or_else(|_| at.clone(), |t| t.format("%Y-%m-%d %H:%M UTC").to_string());
                out.t("cli-account-last-sync", &[("at", at.into())])
            }
            None => out.t("cli-account-never-synced", &[]),
        };
        let queue =
            out.t("cli-account-queue", &[("queued", (row.queued + row.sending).into()), ("failed", row.failed.into())]);
        let token = out.t(&format!("cli-account-token-{}", row.token), &[("keychain", keychain.clone().into())]);
        writeln(&mut stdout, &format!("    {synced} · {queue} · {token}"))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn remove(id: i64, force: bool, out: &Out) -> Outcome {
    use onboarding::RemoveAccountError as E;
    let store = open_store(out)?;
    let removed = match onboarding::remove_account(&store, AccountId(id), force) {
        Ok(removed) => removed,
        Err(E::Unknown(_)) => return exit::fail(exit::FAILURE, &out.t("cli-account-unknown", &[("id", id.into())])),
        Err(E::Unsent { queued, sending, failed }) => {
            let account = store.account(AccountId(id)).map_err(|e| replica_error(&e, out))?;
            let name = account.as_ref().map(label).unwrap_or_default();
            let message = out.t(
                "cli-account-remove-unsent",
                &[
                    ("account", name.into()),
                    ("unsent", (queued + sending + failed).into()),
                    ("queued", queued.into()),
                    ("sending", sending.into()),
                    ("failed", failed.into()),
                ],
            );
            return exit::fail(exit::FAILURE, &message);
        }
        Err(E::Keychain(_)) => {
            let keychain = keychain_name(out);
            return exit::fail(exit::REFUSED, &out.t("cli-account-remove-keychain", &[("keychain", keychain.into())]));
        }
        Err(E::Store(e)) => return exit::fail(exit::FAILURE, &replica_error(&e, out)),
    };
    if let Some(user) = removed.token_left {
        let keychain = keychain_name(out);
        let note = out.t("cli-account-remove-token-left", &[("keychain", keychain.into()), ("entry", user.into())]);
        eprintln!("csba: {note}");
    }
    writeln(
        &mut std::io::stdout().lock(),
        &out.t("cli-account-removed", &[("account", label(&removed.account).into())]),
    )?;
    Ok(ExitCode::SUCCESS)
}
