//! `csba tracking upload`: a bulk shipping-confirmation file, validated as
//! `csba tracking import` does and against the account's orders in the
//! replica, then queued in the outbox as shipment-confirmation batches, all
//! in one transaction. All or nothing: with any problem, nothing is queued.

use crate::replica::{choose_account, label, open_store, replica_error, writeln};
use crate::tracking::problem_text;
use crate::{exit, Out, Outcome};
use chrono::{DateTime, NaiveDate, Utc};
use csba_api::{ShipmentConfirmation, ShipmentConfirmationBatch};
use csba_domain::import::{self, OrderState, Orders, ProblemCode};
use csba_domain::tracking::{self, Carrier};
use csba_domain::Marketplace;
use csba_store::{Account, Action};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The most confirmations the service takes in one request
/// (`csba_server::shipments::MAX_ROWS`; a unit test keeps them equal).
pub const MAX_BATCH_ROWS: usize = 10_000;
/// The service refuses bodies over 1 MiB (`csba_server::app::BODY_LIMIT_BYTES`);
/// batches stay 16 KiB under it, for the JSON whitespace nobody promised.
pub const MAX_BATCH_BYTES: usize = 1024 * 1024 - 16 * 1024;

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
    let marketplace = requested.or(match account.marketplaces.as_slice() {
        [only] => Some(*only),
        _ => None,
    });
    let orders = store.replica_orders(account.id).map_err(|e| replica_error(&e, out))?;
    let offset_ms = store.sync_state(account.id).map_err(|e| replica_error(&e, out))?.server_offset_ms;
    let server_now = Utc::now() + chrono::Duration::milliseconds(offset_ms);

    // The orders this upload may confirm: the account's, in the marketplace
    // when one was named. Shipped and delivered orders stay allowed: the
    // service takes a corrected tracking ID for them.
    let known: HashMap<String, (OrderState, Marketplace)> = orders
        .iter()
        .filter(|o| requested.is_none_or(|m| m == o.marketplace))
        .map(|o| {
            let state = if o.status == "cancelled" { OrderState::Cancelled } else { OrderState::Unshipped };
            (o.id.clone(), (state, o.marketplace))
        })
        .collect();
    let states: HashMap<&str, OrderState> = known.iter().map(|(id, (state, _))| (id.as_str(), *state)).collect();
    let lookup = if orders.is_empty() { Orders::Unknown } else { Orders::Known(&states) };

    let name = args.file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let source = match import::decode(&bytes, name) {
        Ok(source) => source,
        Err(rejected) => return refuse_import(account.id.0, &rejected, args.json, out),
    };
    let batch = match source.validate(lookup) {
        Ok(batch) => batch,
        Err(rejected) => return refuse_import(account.id.0, &rejected, args.json, out),
    };

    // What the importer cannot know: the carrier given on the command line,
    // and the ship dates, which depend on the marketplace's calendar.
    let mut problems = Vec::new();
    let mut confirmations = Vec::with_capacity(batch.shipments.len());
    let mut bad_rows = 0;
    for shipment in &batch.shipments {
        let before = problems.len();
        let from_file = shipment
            .carrier_code
            .as_deref()
            .and_then(Carrier::from_name)
            .or_else(|| shipment.carrier_name.as_deref().and_then(Carrier::from_name));
        let declared = from_file.or(carrier);
        if from_file.is_none() {
            if let (Some(_), Err(r)) = (carrier, tracking::check(&shipment.tracking_number, carrier).result) {
                problems.push(row_problem(shipment.line, "tracking-number", ProblemCode::InvalidTrackingId(r), out));
            }
        }
        let row_marketplace = known.get(shipment.order_id.as_ref()).map(|(_, m)| *m).or(marketplace);
        let today = row_marketplace.and_then(|m| local_today(m, server_now));
        let ship_date = match (shipment.ship_date, today) {
            (Some(date), Some(today)) if date > today => {
                problems.push(cli_problem(shipment.line, "ship-date", "ship_date_in_future", out));
                None
            }
            (Some(date), _) => Some(date),
            (None, Some(today)) => Some(today),
            (None, None) => {
                problems.push(cli_problem(shipment.line, "ship-date", "ship_date_needs_marketplace", out));
                None
            }
        };
        bad_rows += usize::from(problems.len() > before);
        if let Some(ship_date) = ship_date {
            confirmations.push(ShipmentConfirmation {
                order_id: shipment.order_id.to_string(),
                tracking_number: shipment.tracking_number.to_string(),
                carrier: declared.map(|c| c.code().to_owned()),
                ship_date,
            });
        }
    }
    let rows = batch.shipments.len();
    if !problems.is_empty() {
        return refuse(account.id.0, rows, rows - bad_rows, &problems, args.json, out);
    }

    let actions: Vec<Action> = batches(confirmations, MAX_BATCH_ROWS, MAX_BATCH_BYTES)
        .into_iter()
        .map(|batch| Action::TrackingUpload { batch })
        .collect();
    let queued = store.enqueue_all(account.id, &actions, Utc::now()).map_err(|e| replica_error(&e, out))?;
    report_queued(&account, rows, queued.len(), orders.is_empty(), args.json, out)
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

/// Today's date in the marketplace's time zone, on the service's clock.
fn local_today(marketplace: Marketplace, server_now: DateTime<Utc>) -> Option<NaiveDate> {
    marketplace.time_zone().ok().map(|zone| server_now.with_timezone(&zone).date_naive())
}

fn row_problem(line: usize, column: &str, code: ProblemCode, out: &Out) -> RowProblem {
    RowProblem { line, column: column.to_owned(), code: code.code().to_owned(), reason: problem_text(code, out) }
}

fn cli_problem(line: usize, column: &str, code: &str, out: &Out) -> RowProblem {
    RowProblem {
        line,
        column: column.to_owned(),
        code: code.to_owned(),
        reason: out.t(&format!("cli-upload-problem-{code}"), &[]),
    }
}

/// Splits the rows, in order, into batches the service accepts: at most
/// `max_rows` rows and `max_bytes` of JSON each.
pub fn batches(rows: Vec<ShipmentConfirmation>, max_rows: usize, max_bytes: usize) -> Vec<ShipmentConfirmationBatch> {
    // `{"confirmations":[` … `]}`
    const ENVELOPE: usize = 21;
    let mut batches = Vec::new();
    let mut current: Vec<ShipmentConfirmation> = Vec::new();
    let mut size = ENVELOPE;
    for row in rows {
        // A comma before every row but the first; serializing a plain
        // struct of strings cannot fail, and a guess of 0 would only make
        // a batch one row longer.
        let row_size = serde_json::to_vec(&row).map_or(0, |v| v.len()) + 1;
        if !current.is_empty() && (current.len() >= max_rows || size + row_size > max_bytes) {
            batches.push(ShipmentConfirmationBatch { confirmations: std::mem::take(&mut current) });
            size = ENVELOPE;
        }
        size += row_size;
        current.push(row);
    }
    if !current.is_empty() {
        batches.push(ShipmentConfirmationBatch { confirmations: current });
    }
    batches
}

fn refuse_import(account_id: i64, rejected: &import::Rejected, json: bool, out: &Out) -> Outcome {
    let problems: Vec<RowProblem> = rejected
        .problems
        .iter()
        .map(|p| RowProblem {
            line: p.line,
            column: p.column.clone(),
            code: p.code.code().to_owned(),
            reason: problem_text(p.code, out),
        })
        .collect();
    refuse(account_id, rejected.rows, rejected.valid, &problems, json, out)
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
    use super::*;

    fn row(n: usize) -> ShipmentConfirmation {
        ShipmentConfirmation {
            order_id: format!("503-{n:07}-0000000"),
            tracking_number: "EV876297563CN".to_owned(),
            carrier: Some("china-post".to_owned()),
            ship_date: NaiveDate::MIN,
        }
    }

    #[test]
    fn batches_keep_the_order_and_respect_both_limits() -> Result<(), serde_json::Error> {
        let rows: Vec<_> = (0..25).map(row).collect();
        let by_rows = batches(rows.clone(), 10, usize::MAX);
        assert_eq!(by_rows.iter().map(|b| b.confirmations.len()).collect::<Vec<_>>(), vec![10, 10, 5]);
        let flat: Vec<_> = by_rows.into_iter().flat_map(|b| b.confirmations).collect();
        assert_eq!(flat, rows, "nothing lost, nothing reordered");

        let one = serde_json::to_vec(&ShipmentConfirmationBatch { confirmations: vec![row(0)] })?.len();
        let limit = one * 3;
        let by_bytes = batches(rows.clone(), usize::MAX, limit);
        assert!(by_bytes.len() > 1);
        for batch in &by_bytes {
            assert!(serde_json::to_vec(batch)?.len() <= limit, "a batch over the byte limit");
        }
        assert_eq!(by_bytes.iter().map(|b| b.confirmations.len()).sum::<usize>(), 25);
        assert!(batches(Vec::new(), 10, 1000).is_empty());
        Ok(())
    }

    #[test]
    fn the_limits_are_the_services() {
        assert_eq!(MAX_BATCH_ROWS, csba_server::shipments::MAX_ROWS);
        const { assert!(MAX_BATCH_BYTES < csba_server::app::BODY_LIMIT_BYTES) };
    }

    #[test]
    fn a_full_batch_of_long_rows_fits_in_the_body_limit() -> Result<(), serde_json::Error> {
        let long = |n: usize| ShipmentConfirmation {
            order_id: format!("503-{n:07}-1234567"),
            tracking_number: "420902109205500000000000000000".to_owned(),
            carrier: Some("japan-post-domestic".to_owned()),
            ship_date: NaiveDate::MAX,
        };
        for batch in batches((0..30_000).map(long).collect(), MAX_BATCH_ROWS, MAX_BATCH_BYTES) {
            assert!(serde_json::to_vec(&batch)?.len() <= MAX_BATCH_BYTES);
        }
        Ok(())
    }
}
