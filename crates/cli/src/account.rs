//! `csba account add|list|remove`: the seller accounts (stores) of the
//! replica, and their API tokens, which live in the OS keychain only.

use crate::replica::{label, open_store, replica_error, writeln};
use crate::service::{keychain_name, runtime, Refusal};
use crate::{exit, Out, Outcome};
use chrono::Utc;
use clap::Subcommand;
use csba_api::ApiClient;
use csba_store::credentials::{self, CredentialError};
use csba_store::{Account, AccountId, AccountService};
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
    if !is_service_url(url) {
        return exit::fail(exit::FAILURE, &out.t("cli-account-url-invalid", &[("url", url.to_owned().into())]));
    }
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input).map_err(|_| out.t("cli-token-unreadable", &[]))?;
    let Ok(input) = String::from_utf8(input) else {
        return exit::fail(exit::FAILURE, &out.t("cli-token-malformed", &[]));
    };
    let token = input.trim();
    if token.is_empty() {
        return exit::fail(exit::FAILURE, &out.t("cli-token-empty", &[]));
    }
    // A token is one printable word; anything else was pasted by mistake
    // (and would not fit in an HTTP header).
    if !token.chars().all(|c| c.is_ascii_graphic()) {
        return exit::fail(exit::FAILURE, &out.t("cli-token-malformed", &[]));
    }

    // Ask the service whose token this is before anything is written.
    let client = ApiClient::new(url, token).map_err(|_| out.t("cli-runtime-failed", &[]))?;
    let url = client.base_url().to_owned();
    let profile = match runtime(out)?.block_on(csba_sync::seller_profile(&client)) {
        Ok(profile) => profile,
        Err(csba_sync::SyncError::Client(e)) => {
            let refusal = Refusal::of(&e);
            let message = format!("{} {}", refusal.message(&url, out), out.t("cli-account-nothing-saved", &[]));
            return exit::fail(refusal.exit_code(), &message);
        }
        Err(_) => return exit::fail(exit::FAILURE, &out.t("error-replica-unavailable", &[])),
    };

    // The keychain first: an account in the replica always has its token.
    // If the keychain refuses, nothing has touched the disk (the replica is
    // not even opened), and there is no other place a token may go.
    let user = csba_store::keychain_user(&profile.seller_id, &url);
    // The keychain's own error text is English and says nothing the seller
    // can act on beyond "locked or unavailable", so it is not shown.
    if credentials::save_token(&user, token).is_err() {
        let keychain = keychain_name(out);
        return exit::fail(exit::REFUSED, &out.t("cli-account-keychain-unavailable", &[("keychain", keychain.into())]));
    }
    let registered = open_store(out).and_then(|mut store| {
        let had_demo = store.accounts().map_err(|e| replica_error(&e, out))?.iter().any(Account::is_sandbox);
        let account = store.add_remote_account(&url, &profile, Utc::now()).map_err(|e| replica_error(&e, out))?;
        Ok((account, had_demo))
    });
    let (account, had_demo) = match registered {
        Ok(done) => done,
        Err(message) => {
            // Not registered (the replica could not be opened or written):
            // take the token out again rather than leave a secret in the
            // keychain that no account here may point to. Adding the account
            // again puts it back.
            let _ = credentials::delete_token(&user);
            return exit::fail(exit::FAILURE, &message);
        }
    };

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

/// `http://` or `https://` and a host.
fn is_service_url(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !r.chars().any(char::is_whitespace)
    })
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
    let store = open_store(out)?;
    let Some(account) = store.account(AccountId(id)).map_err(|e| replica_error(&e, out))? else {
        return exit::fail(exit::FAILURE, &out.t("cli-account-unknown", &[("id", id.into())]));
    };
    let counts = store.outbox_counts_for(account.id).map_err(|e| replica_error(&e, out))?;
    let unsent = counts.queued + counts.sending + counts.failed;
    if unsent > 0 && !force {
        let message = out.t(
            "cli-account-remove-unsent",
            &[
                ("account", label(&account).into()),
                ("unsent", unsent.into()),
                ("queued", counts.queued.into()),
                ("sending", counts.sending.into()),
                ("failed", counts.failed.into()),
            ],
        );
        return exit::fail(exit::FAILURE, &message);
    }
    let mut stdout = std::io::stdout().lock();
    // The token first: once the account is gone from the replica, nothing
    // would remind anyone that its secret is still in the keychain.
    if let Some(user) = account.keychain_user() {
        match credentials::delete_token(&user) {
            Ok(()) => {}
            Err(CredentialError::Unavailable { .. }) if !force => {
                let keychain = keychain_name(out);
                return exit::fail(
                    exit::REFUSED,
                    &out.t("cli-account-remove-keychain", &[("keychain", keychain.into())]),
                );
            }
            Err(_) => {
                let keychain = keychain_name(out);
                let note =
                    out.t("cli-account-remove-token-left", &[("keychain", keychain.into()), ("entry", user.into())]);
                eprintln!("csba: {note}");
            }
        }
    }
    store.remove_account(account.id).map_err(|e| replica_error(&e, out))?;
    writeln(&mut stdout, &out.t("cli-account-removed", &[("account", label(&account).into())]))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::is_service_url;

    #[test]
    fn only_http_and_https_addresses_with_a_host_are_services() {
        for good in ["https://csba.example.com", "http://127.0.0.1:8080/", "https://h/base"] {
            assert!(is_service_url(good), "{good}");
        }
        for bad in ["csba.example.com", "ftp://h", "https://", "http:///x", "https://a b", ""] {
            assert!(!is_service_url(bad), "{bad}");
        }
    }
}
