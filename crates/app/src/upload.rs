//! Bulk tracking upload: a file (Amazon's flat file, the JP template,
//! CSV/TSV from an ERP, .xlsx; UTF-8/UTF-16/Shift_JIS/GBK) read and checked
//! against the replica's orders — unknown, cancelled, pending and already
//! shipped orders, numbers used by another order, ship dates — with every
//! problem by line and column; nothing is queued while one remains. A clean
//! file is queued as shipment batches in one transaction, tagged as one
//! upload, whose progress and per-row results the service's answers fill in.
//! The app and `csba tracking upload` both use this.

use crate::error::{AppError, ErrorCode};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use csba_api::{ShipmentConfirmation, ShipmentConfirmationBatch};
use csba_domain::import::{self, OrderBook, OrderState, Orders, ProblemCode};
use csba_domain::tracking::{self, Carrier};
use csba_domain::Marketplace;
use csba_store::{Account, AccountId, Action, Store, UploadProgress};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// The most confirmations the service takes in one request
/// (`csba_server::shipments::MAX_ROWS`; a test keeps them equal).
pub const MAX_BATCH_ROWS: usize = 10_000;
/// The service refuses bodies over 1 MiB (`csba_server::app::BODY_LIMIT_BYTES`);
/// batches stay 16 KiB under it, for the JSON whitespace nobody promised.
pub const MAX_BATCH_BYTES: usize = 1024 * 1024 - 16 * 1024;

/// What the seller chose beside the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, TS)]
pub struct UploadOptions {
    pub account_id: Option<AccountId>,
    /// Rows without a ship date are dated today in this marketplace.
    pub marketplace: Option<Marketplace>,
    /// The carrier of rows whose file names none.
    pub carrier: Option<String>,
}

/// One thing wrong with an upload, where it is. `code` is the importer's
/// (`unknown_order`, `invalid_tracking_id:check_digit_mismatch`, …) or
/// `ship_date_in_future` / `ship_date_needs_marketplace`; the UI words it
/// as `import-problem-<code>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UploadProblem {
    /// 1-based line or spreadsheet row; 0 for the file as a whole.
    pub line: u32,
    /// The column as the file names it; empty when not about a column.
    pub column: String,
    pub code: String,
}

/// A row whose number fits several carriers, and the file names none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AmbiguousRow {
    pub line: u32,
    pub order_id: String,
    pub tracking_number: String,
    pub candidates: Vec<String>,
}

/// What the preview shows before anything is queued.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct UploadPreview {
    pub file_name: String,
    pub account_id: AccountId,
    /// `flat_file`, `csv`, `tsv`, `xlsx`.
    pub file_kind: Option<String>,
    /// `utf-8`, `utf-16le`, `shift_jis`, `gb18030`…
    pub encoding: Option<String>,
    pub rows: u32,
    pub valid: u32,
    pub problems: Vec<UploadProblem>,
    /// Rows recorded as the first candidate unless the seller names a carrier.
    pub ambiguous: Vec<AmbiguousRow>,
    /// How many requests a clean file is sent as.
    pub batches: u32,
    /// The replica had no orders for the account: the order checks could
    /// not run (the service checks them).
    pub orders_unchecked: bool,
}

impl UploadPreview {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// A checked upload, ready to queue.
#[derive(Debug, Clone)]
pub struct CheckedUpload {
    pub preview: UploadPreview,
    pub confirmations: Vec<ShipmentConfirmation>,
}

/// How far a queued upload got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UploadStatus {
    pub group: String,
    pub rows: u32,
    #[serde(flatten)]
    pub progress: UploadProgress,
    /// Every batch was answered (confirmed or refused).
    pub done: bool,
}

/// Reads the file the seller chose or dropped: a folder, something that is
/// not a regular file, or a file over the importer's limit is refused
/// before a byte is read (a 2 GB file never reaches memory).
pub fn read_upload(path: &Path) -> Result<Vec<u8>, AppError> {
    let shown = path.display().to_string();
    let metadata =
        std::fs::metadata(path).map_err(|_| AppError::new(ErrorCode::UploadUnreadable).with_arg("path", &shown))?;
    if metadata.is_dir() {
        return Err(AppError::new(ErrorCode::UploadIsFolder).with_arg("path", &shown));
    }
    if !metadata.is_file() {
        return Err(AppError::new(ErrorCode::UploadNotAFile).with_arg("path", &shown));
    }
    check_size(metadata.len())?;
    std::fs::read(path).map_err(|_| AppError::new(ErrorCode::UploadUnreadable).with_arg("path", shown))
}

/// Refuses a file over the importer's limit.
pub fn check_size(bytes: u64) -> Result<(), AppError> {
    if bytes > import::MAX_FILE_BYTES as u64 {
        return Err(AppError::new(ErrorCode::UploadTooLarge)
            .with_arg("size_mb", (bytes / 1_000_000).to_string())
            .with_arg("max_mb", (import::MAX_FILE_BYTES / 1_000_000).to_string()));
    }
    Ok(())
}

/// The account an upload is for: the one named, or the only one there is.
pub fn upload_account(store: &Store, options: &UploadOptions) -> Result<Account, AppError> {
    let accounts = store.accounts()?;
    let chosen = match options.account_id {
        Some(id) => accounts.into_iter().find(|a| a.id == id),
        None if accounts.len() == 1 => accounts.into_iter().next(),
        None => {
            let in_marketplace: Vec<Account> = accounts
                .into_iter()
                .filter(|a| options.marketplace.is_some_and(|m| a.marketplaces.contains(&m)))
                .collect();
            (in_marketplace.len() == 1).then(|| in_marketplace.into_iter().next()).flatten()
        }
    };
    chosen.ok_or_else(|| AppError::new(ErrorCode::AccountUnknown).at("account_id"))
}

/// Checks `bytes` (named `file_name`, which decides .xlsx) for `account`
/// against the replica. `now` is the local clock; ship dates are checked
/// on the account's service clock in the marketplace's time zone.
pub fn check_upload(
    store: &Store,
    account: &Account,
    bytes: &[u8],
    file_name: &str,
    options: &UploadOptions,
    now: DateTime<Utc>,
) -> Result<CheckedUpload, AppError> {
    let carrier = match options.carrier.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(code) => Some(
            Carrier::from_code(&code.to_ascii_lowercase())
                .ok_or_else(|| AppError::new(ErrorCode::CarrierUnknown).with_arg("carrier", code).at("carrier"))?,
        ),
    };
    let orders = store.replica_orders(account.id)?;
    let server_now = now + Duration::milliseconds(store.sync_state(account.id)?.server_offset_ms);
    let requested = options.marketplace;
    let marketplace = requested.or(match account.marketplaces.as_slice() {
        [only] => Some(*only),
        _ => None,
    });

    // The orders this upload may confirm, in the marketplace when one was
    // named, and the numbers other orders already carry.
    let mut book = OrderBook::default();
    let mut marketplaces = std::collections::HashMap::new();
    for order in orders.iter().filter(|o| requested.is_none_or(|m| m == o.marketplace)) {
        let state = match order.status.as_str() {
            "cancelled" => OrderState::Cancelled,
            "pending" => OrderState::Pending,
            "shipped" | "delivered" => OrderState::Shipped,
            _ => OrderState::Unshipped,
        };
        book.states.insert(order.id.clone(), state);
        marketplaces.insert(order.id.as_str(), order.marketplace);
        if let Some(t) = &order.tracking {
            book.tracking.insert(t.tracking_number.clone(), order.id.clone());
        }
    }
    let lookup = if orders.is_empty() { Orders::Unknown } else { Orders::Known(&book) };

    let mut preview = UploadPreview {
        file_name: file_name.to_owned(),
        account_id: account.id,
        file_kind: None,
        encoding: None,
        rows: 0,
        valid: 0,
        problems: Vec::new(),
        ambiguous: Vec::new(),
        batches: 0,
        orders_unchecked: orders.is_empty(),
    };
    let refused = |mut preview: UploadPreview, rejected: import::Rejected| {
        preview.rows = count(rejected.rows);
        preview.valid = count(rejected.valid);
        preview.problems = rejected
            .problems
            .iter()
            .map(|p| UploadProblem { line: count(p.line), column: p.column.clone(), code: p.code.code().to_owned() })
            .collect();
        CheckedUpload { preview, confirmations: Vec::new() }
    };
    let source = match import::decode(bytes, file_name) {
        Ok(source) => source,
        Err(rejected) => return Ok(refused(preview, rejected)),
    };
    // What the file was read as, shown with its problems too.
    preview.file_kind = Some(source.kind.code().to_owned());
    preview.encoding = source.encoding.map(|e| e.code().to_owned());
    let batch = match source.validate(lookup) {
        Ok(batch) => batch,
        Err(rejected) => return Ok(refused(preview, rejected)),
    };

    // What the importer cannot know: the carrier chosen beside the file,
    // and ship dates, which depend on the marketplace's calendar.
    let mut confirmations = Vec::with_capacity(batch.shipments.len());
    let mut bad_rows = 0;
    for shipment in &batch.shipments {
        let before = preview.problems.len();
        let line = count(shipment.line);
        let from_file = shipment
            .carrier_code
            .as_deref()
            .and_then(Carrier::from_name)
            .or_else(|| shipment.carrier_name.as_deref().and_then(Carrier::from_name));
        let declared = from_file.or(carrier);
        let check = tracking::check(&shipment.tracking_number, declared);
        if from_file.is_none() && carrier.is_some() {
            if let Err(r) = check.result {
                preview.problems.push(problem(line, "tracking-number", ProblemCode::InvalidTrackingId(r).code()));
            }
        }
        if declared.is_none() && check.candidates.len() > 1 {
            preview.ambiguous.push(AmbiguousRow {
                line,
                order_id: shipment.order_id.to_string(),
                tracking_number: shipment.tracking_number.to_string(),
                candidates: check.candidates.iter().map(|c| c.code().to_owned()).collect(),
            });
        }
        let row_marketplace = marketplaces.get(shipment.order_id.as_ref()).copied().or(marketplace);
        let today =
            row_marketplace.and_then(|m| m.time_zone().ok()).map(|zone| server_now.with_timezone(&zone).date_naive());
        let ship_date = match (shipment.ship_date, today) {
            (Some(date), Some(today)) if date > today => {
                preview.problems.push(problem(line, "ship-date", "ship_date_in_future"));
                None
            }
            (Some(date), _) => Some(date),
            (None, Some(today)) => Some(today),
            (None, None) => {
                preview.problems.push(problem(line, "ship-date", "ship_date_needs_marketplace"));
                None
            }
        };
        bad_rows += usize::from(preview.problems.len() > before);
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
    preview.rows = count(rows);
    preview.valid = count(rows - bad_rows);
    if !preview.is_clean() {
        confirmations.clear();
    }
    preview.batches = count(ShipmentConfirmationBatch::split_count(&confirmations, MAX_BATCH_ROWS, MAX_BATCH_BYTES));
    Ok(CheckedUpload { preview, confirmations })
}

/// Queues a clean upload as batches in one transaction, all tagged `group`.
pub fn queue_upload(
    store: &mut Store,
    account: AccountId,
    checked: CheckedUpload,
    group: &str,
    now: DateTime<Utc>,
) -> Result<UploadStatus, AppError> {
    if !checked.preview.is_clean() || checked.confirmations.is_empty() {
        return Err(
            AppError::new(ErrorCode::UploadHasProblems).with_arg("count", checked.preview.problems.len().to_string())
        );
    }
    let rows = count(checked.confirmations.len());
    let actions: Vec<Action> = ShipmentConfirmationBatch::split(checked.confirmations, MAX_BATCH_ROWS, MAX_BATCH_BYTES)
        .into_iter()
        .map(|batch| Action::TrackingUpload { batch })
        .collect();
    store.enqueue_group(account, &actions, group, now)?;
    upload_status(store, group, rows)
}

pub fn upload_status(store: &Store, group: &str, rows: u32) -> Result<UploadStatus, AppError> {
    let progress = store.upload_progress(group)?;
    if progress.batches == 0 {
        return Err(AppError::new(ErrorCode::UploadNotFound));
    }
    Ok(UploadStatus {
        group: group.to_owned(),
        rows,
        done: progress.sent + progress.failed == progress.batches,
        progress,
    })
}

fn problem(line: u32, column: &str, code: &str) -> UploadProblem {
    UploadProblem { line, column: column.to_owned(), code: code.to_owned() }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Which file a template is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TemplateKind {
    /// Amazon's shipping-confirmation flat file (tab-separated).
    FlatFile,
    /// The same as CSV, for spreadsheets and ERPs.
    Csv,
}

/// A template to fill in, with the unshipped orders of the filter already
/// in it (order id and today's date), so the seller adds only the numbers.
pub fn template(store: &Store, kind: TemplateKind, account: Option<AccountId>) -> Result<(String, String), AppError> {
    let filter = csba_store::ReplicaFilter { account, marketplace: None };
    let orders = store.orders_needing_tracking(filter)?;
    let (sep, name) = match kind {
        TemplateKind::FlatFile => ('\t', "shipping-confirmation.txt"),
        TemplateKind::Csv => (',', "shipping-confirmation.csv"),
    };
    let header = [
        "order-id",
        "order-item-id",
        "quantity",
        "ship-date",
        "carrier-code",
        "carrier-name",
        "tracking-number",
        "ship-method",
    ];
    let mut out = header.join(&sep.to_string());
    out.push_str("\r\n");
    for order in orders {
        let fields = [order.id.as_str(), "", &order.quantity.to_string(), "", "", "", "", ""].map(str::to_owned);
        out.push_str(&fields.join(&sep.to_string()));
        out.push_str("\r\n");
    }
    Ok((name.to_owned(), out))
}

/// A file to try the upload with: the replica's unshipped orders, most
/// with a valid number and a few with the mistakes sellers make (a
/// mistyped check digit, an order id that is not theirs, a date in the
/// future), so the preview has something to show.
pub fn sample_with_mistakes(store: &Store, account: AccountId, today: NaiveDate) -> Result<(String, String), AppError> {
    let orders = store.orders_needing_tracking(csba_store::ReplicaFilter::account(account))?;
    let mut out = String::from("order-id,ship-date,carrier-code,tracking-number\r\n");
    for (i, order) in orders.iter().enumerate() {
        let serial = 10_000_000 + u32::try_from(i).unwrap_or(0) * 7;
        let good = s10(serial, "CN");
        let line = match i {
            // A mistyped check digit.
            0 => format!("{},{today},china-post,{}", order.id, mistype_check_digit(&good)),
            // Full-width digits, as an IME types them: fine after normalizing.
            1 => format!("{},{today},,{}", order.id, to_full_width(&good)),
            2 => format!("{},{},china-post,{good}", order.id, today + Duration::days(3)),
            _ => format!("{},{today},china-post,{good}", order.id),
        };
        out.push_str(&line);
        out.push_str("\r\n");
    }
    out.push_str(&format!("503-0000000-0000000,{today},china-post,{}\r\n", s10(19_999_999, "CN")));
    Ok(("tracking-sample-with-mistakes.csv".to_owned(), out))
}

fn s10(serial: u32, country: &str) -> String {
    let digits = format!("{serial:08}");
    let check = tracking::check_digit::s10(digits.as_bytes()).unwrap_or(0);
    format!("EV{digits}{check}{country}")
}

fn mistype_check_digit(number: &str) -> String {
    let mut chars: Vec<char> = number.chars().collect();
    if let Some(d) = chars.get_mut(10).and_then(|c| c.to_digit(10)) {
        chars[10] = char::from_digit((d + 1) % 10, 10).unwrap_or('0');
    }
    chars.into_iter().collect()
}

fn to_full_width(number: &str) -> String {
    number.chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file dropped from a seller's own folders: names in their script,
    /// with spaces, reach the file system as the OS gave them.
    #[test]
    fn an_upload_from_a_folder_named_in_cjk_is_read() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let folder = dir.path().join("佐藤 王").join("김 주문");
        std::fs::create_dir_all(&folder)?;
        let file = folder.join("出荷通知 12月.csv");
        std::fs::write(&file, "order-id,tracking-number\r\n")?;
        assert_eq!(read_upload(&file)?, b"order-id,tracking-number\r\n");
        let refused = read_upload(&folder).map_err(|e| (e.code, e.args.get("path").cloned()));
        assert_eq!(refused, Err((ErrorCode::UploadIsFolder, Some(folder.display().to_string()))));
        Ok(())
    }

    #[test]
    fn downloads_are_utf8_with_a_bom_and_crlf_line_ends() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(&dir.path().join("replica.sqlite"))?;
        for kind in [TemplateKind::Csv, TemplateKind::FlatFile] {
            let (name, text) = template(&store, kind, None)?;
            let bytes = download_bytes(&FileDownload { name: name.clone(), text });
            assert!(bytes.starts_with(b"\xEF\xBB\xBForder-id"), "{name}: the BOM, then the header");
            assert!(bytes.ends_with(b"\r\n"), "{name}");
            let lone_lf = bytes.iter().enumerate().any(|(i, b)| *b == b'\n' && (i == 0 || bytes[i - 1] != b'\r'));
            assert!(!lone_lf, "{name}: every line ends in CRLF");
        }
        let text = "order-id,note\r\n503-0000000-0000000,佐藤\r\n".to_owned();
        let bytes = download_bytes(&FileDownload { name: "x.csv".into(), text });
        assert_eq!(
            bytes,
            [b"\xEF\xBB\xBF".as_slice(), "order-id,note\r\n503-0000000-0000000,佐藤\r\n".as_bytes()].concat()
        );
        Ok(())
    }

    #[test]
    fn a_full_batch_of_long_rows_fits_in_the_body_limit() -> Result<(), serde_json::Error> {
        let long = |n: usize| ShipmentConfirmation {
            order_id: format!("503-{n:07}-1234567"),
            tracking_number: "420902109205500000000000000000".to_owned(),
            carrier: Some("japan-post-domestic".to_owned()),
            ship_date: NaiveDate::MAX,
        };
        for batch in ShipmentConfirmationBatch::split((0..30_000).map(long).collect(), MAX_BATCH_ROWS, MAX_BATCH_BYTES)
        {
            assert!(serde_json::to_vec(&batch)?.len() <= MAX_BATCH_BYTES);
        }
        Ok(())
    }

    #[test]
    fn folders_and_huge_files_are_refused_before_reading() -> Result<(), std::io::Error> {
        let dir = tempfile::tempdir()?;
        assert_eq!(read_upload(dir.path()).map_err(|e| e.code), Err(ErrorCode::UploadIsFolder));
        assert_eq!(check_size(2_000_000_000).map_err(|e| e.code), Err(ErrorCode::UploadTooLarge));
        assert_eq!(read_upload(&dir.path().join("absent.csv")).map_err(|e| e.code), Err(ErrorCode::UploadUnreadable));
        Ok(())
    }

    #[test]
    fn the_sample_numbers_are_what_they_claim() {
        let good = s10(10_000_000, "CN");
        assert!(tracking::check(&good, None).is_valid());
        assert!(!tracking::check(&mistype_check_digit(&good), None).is_valid());
        assert!(tracking::check(&to_full_width(&good), None).is_valid());
    }
}

/// A preview the app keeps until the seller queues it (or checks another).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviewHandle {
    /// Pass back to `queue_previewed_upload`.
    pub id: String,
    #[serde(flatten)]
    pub preview: UploadPreview,
}

impl crate::desk::Desk {
    /// Checks an upload the seller chose or dropped, and keeps it for
    /// queueing. Only the newest preview is kept: queueing an older one
    /// after checking another file would send what is not on screen.
    pub fn preview_upload(
        &self,
        bytes: &[u8],
        file_name: &str,
        options: &UploadOptions,
        now: DateTime<Utc>,
    ) -> Result<PreviewHandle, AppError> {
        check_size(bytes.len() as u64)?;
        let checked = {
            let store = self.store()?;
            let account = upload_account(&store, options)?;
            check_upload(&store, &account, bytes, file_name, options, now)?
        };
        let id = uuid::Uuid::new_v4().to_string();
        let preview = checked.preview.clone();
        if let Ok(mut previews) = self.previews.lock() {
            previews.clear();
            previews.insert(id.clone(), checked);
        }
        Ok(PreviewHandle { id, preview })
    }

    pub fn preview_upload_file(
        &self,
        path: &Path,
        options: &UploadOptions,
        now: DateTime<Utc>,
    ) -> Result<PreviewHandle, AppError> {
        let bytes = read_upload(path)?;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        self.preview_upload(&bytes, name, options, now)
    }

    /// Queues the previewed upload, all batches in one transaction.
    pub fn queue_previewed_upload(&self, id: &str, now: DateTime<Utc>) -> Result<UploadStatus, AppError> {
        let checked = self
            .previews
            .lock()
            .ok()
            .and_then(|mut p| p.remove(id))
            .ok_or_else(|| AppError::new(ErrorCode::UploadNotFound))?;
        let account = checked.preview.account_id;
        let status = queue_upload(&mut *self.store()?, account, checked, id, now)?;
        self.wake(account);
        Ok(status)
    }

    pub fn upload_status(&self, group: &str, rows: u32) -> Result<UploadStatus, AppError> {
        upload_status(&*self.store()?, group, rows)
    }

    pub fn upload_template(&self, kind: TemplateKind, account: Option<AccountId>) -> Result<FileDownload, AppError> {
        let (name, text) = template(&*self.store()?, kind, account)?;
        Ok(FileDownload { name, text })
    }

    pub fn upload_sample(&self, account: AccountId, now: DateTime<Utc>) -> Result<FileDownload, AppError> {
        let store = self.store()?;
        let server_now = now + Duration::milliseconds(store.sync_state(account)?.server_offset_ms);
        let (name, text) = sample_with_mistakes(&store, account, server_now.date_naive())?;
        Ok(FileDownload { name, text })
    }
}

/// A file the app offers to save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
pub struct FileDownload {
    pub name: String,
    pub text: String,
}

/// The bytes of a file the app makes, on every OS alike: UTF-8 with a BOM
/// and CRLF line ends. RFC 4180 gives CSV CRLF; Excel (Windows and Mac, and
/// on Japanese and Chinese Windows above all) reads a CSV as the ANSI code
/// page (Shift_JIS, GBK) unless it starts with the UTF-8 BOM, and would
/// show 佐藤 as mojibake. Our own import takes it back either way
/// (crates/domain/src/import/decode.rs).
fn download_bytes(file: &FileDownload) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(file.text.len() + 3);
    bytes.extend_from_slice(b"\xEF\xBB\xBF");
    bytes.extend_from_slice(file.text.as_bytes());
    bytes
}

/// Saves a file the app made (a template, a sample) into the seller's
/// Downloads folder (the data directory's `downloads` when the OS has
/// none), never over an existing file: `name (2).csv` and so on. CRLF line
/// ends are in the text already; a UTF-8 BOM is added, which Excel on every
/// OS needs to read the text as UTF-8. Returns where it went.
pub fn save_download(file: &FileDownload, fallback_dir: &Path) -> Result<String, AppError> {
    let dir = csba_store::paths::download_dir().unwrap_or_else(|| fallback_dir.join("downloads"));
    let failed = |p: &Path| AppError::new(ErrorCode::UploadUnreadable).with_arg("path", p.display().to_string());
    std::fs::create_dir_all(&dir).map_err(|_| failed(&dir))?;
    let name = Path::new(&file.name).file_name().and_then(|n| n.to_str()).unwrap_or("download.txt");
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let bytes = download_bytes(file);
    for n in 1..1000 {
        let candidate = if n == 1 { dir.join(name) } else { dir.join(format!("{stem} ({n}).{ext}")) };
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&candidate) {
            Ok(mut f) => {
                use std::io::Write;
                f.write_all(&bytes).map_err(|_| failed(&candidate))?;
                return Ok(candidate.display().to_string());
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(_) => return Err(failed(&candidate)),
        }
    }
    Err(failed(&dir))
}
