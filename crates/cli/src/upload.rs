//! `csba tracking upload`: a bulk shipping-confirmation file, validated as
//! `csba tracking import` does and against the account's orders in the
//! replica, then queued in the outbox as shipment-confirmation batches, all
//! in one transaction. All or nothing: with any problem, nothing is queued.

use crate::replica::{choose_account, label, open_store, writeln};
use crate::tracking::problem_text;
use crate::{exit, Out, Outcome};
use chrono::Utc;
use csba_app::upload;
use csba_domain::import::{self, ProblemCode};
use csba_domain::tracking::Carrier;
use csba_domain::Marketplace;
use csba_store::Account;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct UploadArgs {
    /// The file: Amazon's shipping-confirmation flat file, a CSV/TSV from an ERP, or .xlsx.
    file: PathBuf,
    /// The account to upload for (an id from `csba account list`); needed when there are several.
    #[arg(long)]
    account: Option<i64>,
    /// The marketplace of the file's orders (JP or US): rows without a ship date are dated today there.
    #[arg(long)]
    marketplace: Option<String>,
    /// The carrier of rows whose file names none (e.g. yamato, japan-post, ups); checked against each number.
    #[arg(long)]
    carrier: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// One thing wrong with the upload: a problem of the file itself (from the
/// importer) or of a row against the account.
struct RowProblem {
    line: usize,
    column: String,
    code: String,
    reason: String,
}

/// `csba tracking upload --json`.
#[derive(Serialize)]
struct UploadJson<'a> {
    account_id: i64,
    rows: usize,
    valid: usize,
    /// How many outbox entries (requests) the rows were queued as; 0 when refused.
    batches: usize,
    problems: Vec<ProblemJson<'a>>,
}

#[derive(Serialize)]
struct ProblemJson<'a> {
    line: usize,
    column: &'a str,
    code: &'a str,
}

pub fn run(args: UploadArgs, out: &Out) -> Outcome {
    let carrier = match args.carrier.as_deref().map(|c| (c, Carrier::from_code(&c.trim().to_ascii_lowercase()))) {
        None => None,
        Some((_, Some(carrier))) => Some(carrier),
        Some((code, None)) => {
            let known = Carrier::ALL.iter().map(|c| c.code()).collect::<Vec<_>>().join(", ");
            let message = out.t("tracking-unknown-carrier", &[("carrier", code.into()), ("known", known.into())]);
            return exit::fail(exit::USAGE, &message);
        }
    };
    let requested = match args.marketplace.as_deref().map(|m| (m, m.parse::<Marketplace>())) {
        None => None,
        Some((_, Ok(m))) => Some(m),
        Some((code, Err(_))) => {
            return exit::fail(exit::USAGE, &out.t("cli-upload-unknown-marketplace", &[("marketplace", code.into())]))
        }
    };
    let bytes = match read_file(&args.file, out)? {
        Ok(bytes) => bytes,
        Err(too_large) => {
            let problems = vec![RowProblem {
                line: 0,
                column: String::new(),
                code: too_large.code().to_owned(),
                reason: problem_text(too_large, out),
            }];
            return refuse(args.account.unwrap_or(0), 0, 0, &problems, args.json, out);
        }
    };

    let mut store = open_store(out)?;
    let account = match choose_account(&store, args.account, requested, out) {
        Ok(account) => account,
        Err(message) => return exit::fail(exit::FAILURE, &message),
    };
    if let Some(m) = requested.filter(|m| !account.marketplaces.is_empty() && !account.marketplaces.contains(m)) {
        let message = out.t(
            "cli-upload-wrong-marketplace",
            &[("account", label(&account).into()), ("marketplace", m.code().into())],
        );
        return exit::fail(exit::FAILURE, &message);
    }
    // The app's checks, not a copy of them: the same file gets the same
    // problems in both.
    let options = upload::UploadOptions {
        account_id: Some(account.id),
        marketplace: requested,
        carrier: carrier.map(|c| c.code().to_owned()),
    };
    let name = args.file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let checked = upload::check_upload(&store, &account, &bytes, name, &options, Utc::now())
        .map_err(|e| e.message(&out.catalog, out.locale))?;
    let preview = checked.preview.clone();
    if !preview.is_clean() {
        let problems: Vec<RowProblem> = preview
            .problems
            .iter()
            .map(|p| RowProblem {
                line: p.line as usize,
                column: p.column.clone(),
                code: p.code.clone(),
                reason: problem_message(&p.code, out),
            })
            .collect();
        return refuse(account.id.0, preview.rows as usize, preview.valid as usize, &problems, args.json, out);
    }
    let group = format!("cli-{}", Utc::now().timestamp_nanos_opt().unwrap_or_default());
    let status = upload::queue_upload(&mut store, account.id, checked, &group, Utc::now())
        .map_err(|e| e.message(&out.catalog, out.locale))?;
    report_queued(
        &account,
        preview.rows as usize,
        status.progress.batches as usize,
        preview.orders_unchecked,
        args.json,
        out,
    )
}

/// Words a problem code of `csba_app::upload` (the importer's codes, with
/// the tracking rejection after `:`, and the upload's own ship-date codes).
fn problem_message(code: &str, out: &Out) -> String {
    match code.split_once(':') {
        Some((kind, reason)) => out.t(
            &format!("import-problem-{kind}"),
            &[("reason", out.t(&format!("tracking-rejection-{reason}"), &[]).into())],
        ),
        None if code.starts_with("ship_date_") => out.t(&format!("cli-upload-problem-{code}"), &[]),
        None => out.t(&format!("import-problem-{code}"), &[]),
    }
}

/// The file's bytes, or the importer's `file_too_large` before reading
/// 50 MB+ into memory.
fn read_file(path: &Path, out: &Out) -> Result<Result<Vec<u8>, ProblemCode>, String> {
    let shown = || path.display().to_string().into();
    let metadata = std::fs::metadata(path).map_err(|_| out.t("import-unreadable", &[("path", shown())]))?;
    if metadata.len() > import::MAX_FILE_BYTES as u64 {
        return Ok(Err(ProblemCode::FileTooLarge));
    }
    std::fs::read(path).map(Ok).map_err(|_| out.t("import-unreadable", &[("path", shown())]))
}

/// Every problem, on standard output (it is the command's result), exit 1.
fn refuse(account_id: i64, rows: usize, valid: usize, problems: &[RowProblem], json: bool, out: &Out) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    if json {
        let body = UploadJson {
            account_id,
            rows,
            valid,
            batches: 0,
            problems: problems.iter().map(|p| ProblemJson { line: p.line, column: &p.column, code: &p.code }).collect(),
        };
        serde_json::to_writer_pretty(&mut stdout, &body).map_err(|e| e.to_string())?;
        writeln(&mut stdout, "")?;
        return Ok(ExitCode::from(exit::FAILURE));
    }
    writeln(
        &mut stdout,
        &out.t(
            "import-rejected",
            &[("problems", problems.len().into()), ("rows", rows.into()), ("valid", valid.into())],
        ),
    )?;
    for p in problems {
        let reason = || p.reason.clone().into();
        let text = if p.line == 0 {
            out.t("import-problem-file", &[("reason", reason())])
        } else if p.column.is_empty() {
            out.t("import-problem-row", &[("line", p.line.into()), ("reason", reason())])
        } else {
            out.t(
                "import-problem-cell",
                &[("line", p.line.into()), ("column", p.column.clone().into()), ("reason", reason())],
            )
        };
        writeln(&mut stdout, &format!("{text} [{}]", p.code))?;
    }
    writeln(&mut stdout, &out.t("cli-upload-nothing-queued", &[]))?;
    Ok(ExitCode::from(exit::FAILURE))
}

fn report_queued(account: &Account, rows: usize, batches: usize, unchecked: bool, json: bool, out: &Out) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    if json {
        let body = UploadJson { account_id: account.id.0, rows, valid: rows, batches, problems: Vec::new() };
        serde_json::to_writer_pretty(&mut stdout, &body).map_err(|e| e.to_string())?;
        writeln(&mut stdout, "")?;
        return Ok(ExitCode::SUCCESS);
    }
    if unchecked {
        writeln(&mut stdout, &out.t("cli-upload-orders-unchecked", &[]))?;
    }
    writeln(
        &mut stdout,
        &out.t(
            "cli-upload-queued",
            &[("rows", rows.into()), ("batches", batches.into()), ("account", label(account).into())],
        ),
    )?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_limits_are_the_services() {
        assert_eq!(csba_app::upload::MAX_BATCH_ROWS, csba_server::shipments::MAX_ROWS);
        const { assert!(csba_app::upload::MAX_BATCH_BYTES < csba_server::app::BODY_LIMIT_BYTES) };
    }
}
