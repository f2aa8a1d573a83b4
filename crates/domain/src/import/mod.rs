//! Bulk upload of shipment confirmations (tracking IDs for MFN orders).
//!
//! Input: the bytes of Amazon's shipping-confirmation flat file, a CSV from
//! an ERP, or an `.xlsx` export, in whatever encoding the seller's tools
//! wrote. Output, all or nothing: either every row is a valid confirmation
//! ([`Batch`]), or the complete list of what is wrong, each with its line,
//! column and code ([`Rejected`]). Nothing is half-sent to Amazon.
//!
//! Two steps, so that the batch can borrow from the decoded text instead of
//! copying every field: [`decode`] detects the format and encoding and
//! decodes once; [`Source::validate`] parses and checks every row.
//!
//! ```
//! use csba_domain::import::{decode, Orders};
//! let file = "order-id\ttracking-number\n503-4317798-1234567\tEV876297563CN\n";
//! let source = decode(file.as_bytes(), "upload.txt").map_err(|r| r.problems)?;
//! let batch = source.validate(Orders::Unknown).map_err(|r| r.problems)?;
//! assert_eq!(batch.shipments[0].tracking_number, "EV876297563CN");
//! # Ok::<(), Vec<csba_domain::import::Problem>>(())
//! ```

mod columns;
mod decode;
mod records;
mod validate;

pub use columns::Column;
pub use decode::{decode, TextEncoding, MAX_FILE_BYTES, MAX_ROWS};

use crate::tracking::Carrier;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::HashMap;

/// What kind of file it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Amazon's "Order Fulfillment" flat file (`TemplateType=OrderFulfillment`).
    AmazonFlatFile,
    /// Delimited text with a header row (comma, tab or semicolon).
    Delimited,
    /// The first sheet of an `.xlsx` workbook.
    Xlsx,
}

impl FileKind {
    pub fn code(self) -> &'static str {
        match self {
            FileKind::AmazonFlatFile => "amazon_flat_file",
            FileKind::Delimited => "csv",
            FileKind::Xlsx => "xlsx",
        }
    }
}

/// A decoded file, ready to validate. Holds the text (borrowed from the
/// input bytes when they were UTF-8) or the spreadsheet cells.
#[derive(Debug)]
pub struct Source<'a> {
    pub kind: FileKind,
    /// `None` for `.xlsx`.
    pub encoding: Option<TextEncoding>,
    body: Body<'a>,
}

#[derive(Debug)]
enum Body<'a> {
    Text { text: Cow<'a, str>, delimiter: u8, quoted: bool },
    Table(Vec<Vec<String>>),
}

/// What Amazon knows about an order, as far as a shipment confirmation is
/// concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderState {
    /// Payment not yet authorized: cannot be shipped.
    Pending,
    Unshipped,
    PartiallyShipped,
    Shipped,
    Cancelled,
}

/// The seller's orders (from the local replica), to catch unknown,
/// cancelled and already-shipped orders and tracking IDs already used.
pub trait OrderLookup {
    fn state(&self, order_id: &str) -> Option<OrderState>;
    /// The order that already carries this (normalized) tracking ID, if any.
    fn order_with_tracking(&self, _tracking: &str) -> Option<&str> {
        None
    }
}

impl<S: std::hash::BuildHasher> OrderLookup for HashMap<&str, OrderState, S> {
    fn state(&self, order_id: &str) -> Option<OrderState> {
        self.get(order_id).copied()
    }
}

impl<S: std::hash::BuildHasher> OrderLookup for HashMap<String, OrderState, S> {
    fn state(&self, order_id: &str) -> Option<OrderState> {
        self.get(order_id).copied()
    }
}

/// A simple owned [`OrderLookup`]: order states and the tracking IDs
/// already confirmed.
#[derive(Debug, Clone, Default)]
pub struct OrderBook {
    pub states: HashMap<String, OrderState>,
    /// normalized tracking ID → order id
    pub tracking: HashMap<String, String>,
}

impl OrderLookup for OrderBook {
    fn state(&self, order_id: &str) -> Option<OrderState> {
        self.states.get(order_id).copied()
    }
    fn order_with_tracking(&self, tracking: &str) -> Option<&str> {
        self.tracking.get(tracking).map(String::as_str)
    }
}

/// Whether the seller's orders are available. Without them (the CLI has no
/// replica lookup yet) the unknown/cancelled/shipped checks are skipped; the
/// checks inside the file still run.
#[derive(Clone, Copy)]
pub enum Orders<'k> {
    Unknown,
    Known(&'k dyn OrderLookup),
}

/// One validated shipment confirmation. Text borrows from the [`Source`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shipment<'s> {
    /// 1-based physical line (or spreadsheet row) it came from.
    pub line: usize,
    pub order_id: Cow<'s, str>,
    pub order_item_id: Option<Cow<'s, str>>,
    pub quantity: Option<u32>,
    pub ship_date: Option<NaiveDate>,
    /// The carrier as written in the file (`carrier-code`).
    pub carrier_code: Option<Cow<'s, str>>,
    pub carrier_name: Option<Cow<'s, str>>,
    /// The carrier the number was checked as (declared in the file when
    /// recognized, otherwise detected; the first candidate when ambiguous).
    pub carrier: Option<Carrier>,
    /// Normalized.
    pub tracking_number: Cow<'s, str>,
    pub ship_method: Option<Cow<'s, str>>,
}

/// A complete, valid upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch<'s> {
    pub kind: FileKind,
    pub encoding: Option<TextEncoding>,
    pub shipments: Vec<Shipment<'s>>,
}

/// One thing wrong with the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based physical line or spreadsheet row; 0 for the file as a whole.
    pub line: usize,
    /// The column's name as written in the file's header (or the standard
    /// name, e.g. `tracking-number`, for a missing column); empty when the
    /// problem is not about a column.
    pub column: String,
    pub code: ProblemCode,
}

/// Why a file or a row is refused. `code()` is a stable snake_case string;
/// tracking-ID rejections are `invalid_tracking_id:<rejection code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemCode {
    EmptyFile,
    FileTooLarge,
    EncodingUndetected,
    UnknownFormat,
    MissingColumn,
    InvalidOrderId,
    InvalidOrderItemId,
    InvalidTrackingId(crate::tracking::Rejection),
    InvalidDate,
    InvalidQuantity,
    /// The same row (order, item, tracking ID) twice.
    DuplicateRow,
    /// The same order item confirmed twice with different tracking IDs.
    DuplicateOrderItem,
    UnknownOrder,
    CancelledOrder,
    PendingOrder,
    AlreadyShipped,
    /// One tracking ID for two different orders (in the file, or already
    /// used by another order).
    TrackingReusedAcrossOrders,
}

impl ProblemCode {
    pub fn code(self) -> &'static str {
        use crate::tracking::Rejection as R;
        match self {
            ProblemCode::EmptyFile => "empty_file",
            ProblemCode::FileTooLarge => "file_too_large",
            ProblemCode::EncodingUndetected => "encoding_undetected",
            ProblemCode::UnknownFormat => "unknown_format",
            ProblemCode::MissingColumn => "missing_column",
            ProblemCode::InvalidOrderId => "invalid_order_id",
            ProblemCode::InvalidOrderItemId => "invalid_order_item_id",
            ProblemCode::InvalidTrackingId(r) => match r {
                R::Empty => "invalid_tracking_id:empty",
                R::InvalidCharacters => "invalid_tracking_id:invalid_characters",
                R::UnknownFormat => "invalid_tracking_id:unknown_format",
                R::CheckDigitMismatch => "invalid_tracking_id:check_digit_mismatch",
                R::CarrierMismatch => "invalid_tracking_id:carrier_mismatch",
                R::UnknownCarrier => "invalid_tracking_id:unknown_carrier",
                R::ZeroSerial => "invalid_tracking_id:zero_serial",
                R::UnknownCountry => "invalid_tracking_id:unknown_country",
            },
            ProblemCode::InvalidDate => "invalid_date",
            ProblemCode::InvalidQuantity => "invalid_quantity",
            ProblemCode::DuplicateRow => "duplicate_row",
            ProblemCode::DuplicateOrderItem => "duplicate_order_item",
            ProblemCode::UnknownOrder => "unknown_order",
            ProblemCode::CancelledOrder => "cancelled_order",
            ProblemCode::PendingOrder => "pending_order",
            ProblemCode::AlreadyShipped => "already_shipped",
            ProblemCode::TrackingReusedAcrossOrders => "tracking_reused_across_orders",
        }
    }
}

impl std::fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A refused upload: every problem, and how many data rows there were and
/// how many of them had no problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub rows: usize,
    pub valid: usize,
    pub problems: Vec<Problem>,
}

impl Rejected {
    fn file(code: ProblemCode) -> Self {
        Rejected { rows: 0, valid: 0, problems: vec![Problem { line: 0, column: String::new(), code }] }
    }
}

impl<'a> Source<'a> {
    /// Parses and checks every row. All or nothing.
    pub fn validate(&self, orders: Orders<'_>) -> Result<Batch<'_>, Rejected> {
        validate::run(self, orders)
    }
}
