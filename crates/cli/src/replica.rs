//! The local replica the app and `csba` share, and choosing an account in it.

use crate::Out;
use csba_store::{Account, AccountId, Store};

/// The replica in the shared data directory (the app's, or `CSBA_DATA_DIR`).
/// Opening creates it, so call this only once nothing can refuse the
/// command any more for a reason that must leave the disk untouched.
pub fn open_store(out: &Out) -> Result<Store, String> {
    let dir = csba_store::paths::data_dir().ok_or_else(|| out.t("cli-no-data-dir", &[]))?;
    Store::open(&csba_store::paths::replica_file(&dir)).map_err(|e| replica_error(&e, out))
}

/// A replica error, for the seller: the replica's own words stay in logs.
pub fn replica_error(error: &csba_store::StoreError, out: &Out) -> String {
    match error {
        csba_store::StoreError::TooNew { .. } => out.t("error-replica-too-new", &[]),
        _ => out.t("error-replica-unavailable", &[]),
    }
}

/// `#1 My Shop (A1B2C3D4)`: how an account is named in messages.
pub fn label(account: &Account) -> String {
    format!("#{} {} ({})", account.id, account.display_name, account.seller_id)
}

/// The account `--account ID` names, or the only one that fits: remote
/// accounts (the demo one when there is no other) selling on `marketplace`
/// when given. Several candidates: the seller has to choose.
pub fn choose_account(
    store: &Store,
    requested: Option<i64>,
    marketplace: Option<csba_domain::Marketplace>,
    out: &Out,
) -> Result<Account, String> {
    let accounts = store.accounts().map_err(|e| replica_error(&e, out))?;
    if let Some(id) = requested {
        return accounts
            .into_iter()
            .find(|a| a.id == AccountId(id))
            .ok_or_else(|| out.t("cli-account-unknown", &[("id", id.into())]));
    }
    let has_remote = accounts.iter().any(|a| !a.is_sandbox());
    let mut fitting: Vec<Account> = accounts
        .into_iter()
        .filter(|a| a.is_sandbox() != has_remote)
        .filter(|a| marketplace.is_none_or(|m| a.marketplaces.contains(&m)))
        .collect();
    match fitting.len() {
        0 => Err(out.t("cli-account-none", &[])),
        1 => Ok(fitting.remove(0)),
        _ => {
            let names = fitting.iter().map(label).collect::<Vec<_>>().join(", ");
            Err(out.t("cli-account-choose", &[("accounts", names.into())]))
        }
    }
}

pub fn writeln(w: &mut impl std::io::Write, line: &str) -> Result<(), String> {
    std::io::Write::write_all(w, format!("{line}\n").as_bytes()).map_err(|e| e.to_string())
}

/// The app core over the shared replica, so a command follows exactly the
/// rules the app's screens do.
/// The desk on the replica and the account an action is for (see
/// [`choose_account`]); no fitting account is the command's failure.
pub fn desk_for(
    requested: Option<i64>,
    marketplace: Option<csba_domain::Marketplace>,
    out: &Out,
) -> Result<(csba_app::Desk, Account), String> {
    let store = open_store(out)?;
    let account = choose_account(&store, requested, marketplace, out)?;
    let catalog = csba_i18n::Catalog::load().map_err(|e| e.to_string())?;
    Ok((csba_app::Desk::new(store, catalog), account))
}

/// What an action command prints once the action is queued: the outbox
/// entry as JSON, or `message` with `args` and the entry's number.
pub fn print_queued(
    item: &csba_app::views::QueueItem,
    json: bool,
    message: &str,
    args: &csba_i18n::Args<'_>,
    out: &Out,
) -> crate::Outcome {
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, item).map_err(|e| e.to_string())?;
        writeln(&mut stdout, "")?;
    } else {
        let mut args = args.to_vec();
        args.push(("entry", item.id.into()));
        writeln(&mut stdout, &out.t(message, &args))?;
    }
    Ok(std::process::ExitCode::SUCCESS)
}

pub fn open_desk(out: &Out) -> Result<csba_app::Desk, String> {
    let catalog = csba_i18n::Catalog::load().map_err(|e| e.to_string())?;
    Ok(csba_app::Desk::new(open_store(out)?, catalog))
}
