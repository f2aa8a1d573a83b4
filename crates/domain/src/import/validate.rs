//! Parsing and checking every row of a decoded file.

use super::columns::Column;
use super::records::Records;
use super::{Batch, Body, FileKind, OrderState, Orders, Problem, ProblemCode, Rejected, Shipment, Source, MAX_ROWS};
use crate::tracking::{self, Carrier};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Rows before the header that may be skipped (the `TemplateType` line, a
/// title row) and label rows after it (the JP template's Japanese labels).
const MAX_PREAMBLE: usize = 5;
const MAX_LABEL_ROWS: usize = 2;

enum Rows<'s> {
    Text(Records<'s>),
    Table(std::iter::Enumerate<std::slice::Iter<'s, Vec<String>>>),
}

impl<'s> Rows<'s> {
    fn next_into(&mut self, fields: &mut Vec<Cow<'s, str>>) -> Option<usize> {
        match self {
            Rows::Text(r) => r.next_into(fields),
            Rows::Table(rows) => {
                let (i, row) = rows.next()?;
                fields.clear();
                fields.extend(row.iter().map(|c| Cow::Borrowed(c.as_str())));
                Some(i + 1)
            }
        }
    }
}

/// Where each known column is in the file, and what the file calls it.
struct Layout {
    index: [Option<usize>; Column::ALL.len()],
    names: [String; Column::ALL.len()],
}

impl Layout {
    fn from_header(fields: &[Cow<'_, str>]) -> Option<Layout> {
        let mut index = [None; Column::ALL.len()];
        let mut names: [String; Column::ALL.len()] = Default::default();
        for (i, field) in fields.iter().enumerate() {
            if let Some(c) = Column::from_header(field) {
                let slot = c as usize;
                if index[slot].is_none() {
                    index[slot] = Some(i);
                    names[slot] = field.trim().trim_start_matches('\u{FEFF}').to_owned();
                }
            }
        }
        index.iter().any(Option::is_some).then_some(Layout { index, names })
    }

    fn has(&self, c: Column) -> bool {
        self.index[c as usize].is_some()
    }

    fn name(&self, c: Column) -> String {
        let n = &self.names[c as usize];
        if n.is_empty() {
            c.name().to_owned()
        } else {
            n.clone()
        }
    }

    /// The trimmed field of column `c` in this record (empty when the row is
    /// shorter than the header), borrowed from the source where possible.
    fn get<'s>(&self, fields: &[Cow<'s, str>], c: Column) -> Option<Cow<'s, str>> {
        let field = fields.get(self.index[c as usize]?)?;
        Some(match field {
            Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
            Cow::Owned(s) => Cow::Owned(s.trim().to_owned()),
        })
    }

    /// Amazon's machine names (`tracking-number`) are what sellers and
    /// Seller Central's error reports use: when the JP template's label row
    /// came first, report columns by the machine-name row that follows.
    fn prefer_machine_names(&mut self, fields: &[Cow<'_, str>]) {
        for c in Column::ALL {
            if let Some(field) = self.index[c as usize].and_then(|i| fields.get(i)) {
                if field.trim() == c.name() {
                    self.names[c as usize] = c.name().to_owned();
                }
            }
        }
    }

    /// A row that repeats the header (the JP template's label row, or the
    /// machine-name row after it).
    fn is_label_row(&self, fields: &[Cow<'_, str>]) -> bool {
        self.index[Column::OrderId as usize]
            .and_then(|i| fields.get(i))
            .is_some_and(|f| Column::from_header(f) == Some(Column::OrderId))
    }
}

pub(super) fn run<'s>(source: &'s Source<'_>, orders: Orders<'_>) -> Result<Batch<'s>, Rejected> {
    let (mut rows, capacity) = match &source.body {
        Body::Text { text, delimiter, quoted } => {
            (Rows::Text(Records::new(text, *delimiter, *quoted)), Records::estimate(text).min(MAX_ROWS + 1))
        }
        Body::Table(table) => (Rows::Table(table.iter().enumerate()), table.len()),
    };
    let mut fields: Vec<Cow<'s, str>> = Vec::with_capacity(16);

    // The header: the first record (after a short preamble) naming a column.
    let mut layout = None;
    let mut header_line = 0;
    for _ in 0..MAX_PREAMBLE {
        let Some(line) = rows.next_into(&mut fields) else { break };
        if let Some(l) = Layout::from_header(&fields) {
            layout = Some(l);
            header_line = line;
            break;
        }
    }
    let Some(mut layout) = layout else {
        return Err(Rejected::file(ProblemCode::UnknownFormat));
    };
    let mut required = vec![Column::OrderId, Column::TrackingNumber];
    if source.kind == FileKind::AmazonFlatFile {
        required.push(Column::ShipDate);
    }
    let missing: Vec<Problem> = required
        .into_iter()
        .filter(|c| !layout.has(*c))
        .map(|c| Problem { line: header_line, column: c.name().to_owned(), code: ProblemCode::MissingColumn })
        .collect();
    if !missing.is_empty() {
        let mut rows_count = 0;
        while rows.next_into(&mut fields).is_some() {
            rows_count += usize::from(!is_blank(&fields));
        }
        return Err(Rejected { rows: rows_count, valid: 0, problems: missing });
    }

    let mut problems = Vec::new();
    let mut shipments: Vec<Shipment<'s>> = Vec::with_capacity(capacity);
    let mut row_count = 0usize;
    let mut bad_rows = 0usize;
    let mut label_rows_left = MAX_LABEL_ROWS;
    let date_required = source.kind == FileKind::AmazonFlatFile;
    while let Some(line) = rows.next_into(&mut fields) {
        if is_blank(&fields) {
            continue;
        }
        if label_rows_left > 0 && row_count == 0 && layout.is_label_row(&fields) {
            label_rows_left -= 1;
            layout.prefer_machine_names(&fields);
            continue;
        }
        row_count += 1;
        if row_count > MAX_ROWS {
            problems.push(Problem { line, column: String::new(), code: ProblemCode::FileTooLarge });
            row_count -= 1;
            break;
        }
        let before = problems.len();
        if let Some(s) = check_row(&layout, &fields, line, date_required, orders, &mut problems) {
            shipments.push(s);
        }
        bad_rows += usize::from(problems.len() > before);
    }

    bad_rows += find_duplicates(&layout, &shipments, &mut problems);
    if problems.is_empty() {
        return Ok(Batch { kind: source.kind, encoding: source.encoding, shipments });
    }
    problems.sort_by_key(|p| p.line);
    Err(Rejected { rows: row_count, valid: row_count.saturating_sub(bad_rows), problems })
}

fn is_blank(fields: &[Cow<'_, str>]) -> bool {
    fields.iter().all(|f| f.trim().is_empty())
}

fn check_row<'s>(
    layout: &Layout,
    fields: &[Cow<'s, str>],
    line: usize,
    date_required: bool,
    orders: Orders<'_>,
    problems: &mut Vec<Problem>,
) -> Option<Shipment<'s>> {
    let before = problems.len();
    let mut problem = |c: Column, code: ProblemCode| problems.push(Problem { line, column: layout.name(c), code });
    let non_empty = |c: Column| layout.get(fields, c).filter(|f| !f.is_empty());

    let order_id = layout.get(fields, Column::OrderId).unwrap_or_default();
    let order_ok = is_order_id(&order_id);
    if !order_ok {
        problem(Column::OrderId, ProblemCode::InvalidOrderId);
    }
    let order_item_id = non_empty(Column::OrderItemId);
    if let Some(item) = &order_item_id {
        if item.len() > 20 || !item.bytes().all(|b| b.is_ascii_digit()) {
            problem(Column::OrderItemId, ProblemCode::InvalidOrderItemId);
        }
    }
    let quantity = match non_empty(Column::Quantity) {
        None => None,
        Some(q) => match q.parse::<u32>() {
            Ok(n) if (1..=9999).contains(&n) && q.bytes().all(|b| b.is_ascii_digit()) => Some(n),
            _ => {
                problem(Column::Quantity, ProblemCode::InvalidQuantity);
                None
            }
        },
    };
    let ship_date = match non_empty(Column::ShipDate) {
        Some(d) => match parse_date(&d) {
            Some(date) => Some(date),
            None => {
                problem(Column::ShipDate, ProblemCode::InvalidDate);
                None
            }
        },
        None if date_required => {
            problem(Column::ShipDate, ProblemCode::InvalidDate);
            None
        }
        None => None,
    };
    let carrier_code = non_empty(Column::CarrierCode);
    let carrier_name = non_empty(Column::CarrierName);
    let declared: Option<Carrier> = carrier_code
        .as_deref()
        .and_then(Carrier::from_name)
        .or_else(|| carrier_name.as_deref().and_then(Carrier::from_name));
    let raw_tracking = layout.get(fields, Column::TrackingNumber).unwrap_or_default();
    let (tracking_number, carrier, verdict) = match raw_tracking {
        Cow::Borrowed(s) => {
            let c = tracking::check(s, declared);
            (c.normalized, c.carrier, c.result)
        }
        Cow::Owned(s) => {
            let c = tracking::check(&s, declared);
            (Cow::Owned(c.normalized.into_owned()), c.carrier, c.result)
        }
    };
    if let Err(r) = verdict {
        problem(Column::TrackingNumber, ProblemCode::InvalidTrackingId(r));
    }
    if let (Orders::Known(lookup), true) = (orders, order_ok) {
        match lookup.state(&order_id) {
            None => problem(Column::OrderId, ProblemCode::UnknownOrder),
            Some(OrderState::Cancelled) => problem(Column::OrderId, ProblemCode::CancelledOrder),
            Some(OrderState::Pending) => problem(Column::OrderId, ProblemCode::PendingOrder),
            Some(OrderState::Shipped) => problem(Column::OrderId, ProblemCode::AlreadyShipped),
            Some(OrderState::Unshipped | OrderState::PartiallyShipped) => {}
        }
        if verdict.is_ok() {
            if let Some(other) = lookup.order_with_tracking(&tracking_number) {
                if other != order_id {
                    problem(Column::TrackingNumber, ProblemCode::TrackingReusedAcrossOrders);
                }
            }
        }
    }
    if problems.len() > before {
        return None;
    }
    Some(Shipment {
        line,
        order_id,
        order_item_id,
        quantity,
        ship_date,
        carrier_code,
        carrier_name,
        carrier,
        tracking_number,
        ship_method: non_empty(Column::ShipMethod),
    })
}

/// Duplicates inside the file; returns how many more rows became bad.
fn find_duplicates(layout: &Layout, shipments: &[Shipment<'_>], problems: &mut Vec<Problem>) -> usize {
    let mut items: HashMap<(&str, &str), usize, Fx> = HashMap::with_capacity_and_hasher(shipments.len(), Fx::default());
    let mut parcels: HashMap<&str, usize, Fx> = HashMap::with_capacity_and_hasher(shipments.len(), Fx::default());
    let item_column = if layout.has(Column::OrderItemId) { Column::OrderItemId } else { Column::OrderId };
    let mut bad = 0;
    for (i, s) in shipments.iter().enumerate() {
        let before = problems.len();
        let key = (&*s.order_id, s.order_item_id.as_deref().unwrap_or(""));
        if let Some(&j) = items.get(&key) {
            let code = if shipments[j].tracking_number == s.tracking_number {
                ProblemCode::DuplicateRow
            } else {
                ProblemCode::DuplicateOrderItem
            };
            problems.push(Problem { line: s.line, column: layout.name(item_column), code });
        } else {
            items.insert(key, i);
        }
        match parcels.get(&*s.tracking_number) {
            Some(&j) if shipments[j].order_id != s.order_id => problems.push(Problem {
                line: s.line,
                column: layout.name(Column::TrackingNumber),
                code: ProblemCode::TrackingReusedAcrossOrders,
            }),
            Some(_) => {}
            None => {
                parcels.insert(&s.tracking_number, i);
            }
        }
        bad += usize::from(problems.len() > before);
    }
    bad
}

/// Amazon order ids: 3-7-7 digits, e.g. `503-4317798-1234567`.
pub(super) fn is_order_id(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 19
        && b[3] == b'-'
        && b[11] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 3 || i == 11 || c.is_ascii_digit())
}

/// `YYYY-MM-DD` or `YYYY/MM/DD` (month and day may have one digit, as Excel
/// writes them), optionally followed by `T` or a space and a time, which is
/// accepted as Amazon does (`2024-05-01T10:00:00+09:00`) but not needed:
/// the ship date is a date.
pub(super) fn parse_date(s: &str) -> Option<NaiveDate> {
    let (date, time) = match s.find(['T', ' ']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    if let Some(t) = time {
        let ok =
            !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b':' | b'+' | b'-' | b'.' | b'Z'));
        if !ok {
            return None;
        }
    }
    let sep = if date.contains('/') { '/' } else { '-' };
    let mut parts = date.split(sep);
    let year = parts.next().filter(|p| p.len() == 4)?;
    let month = parts.next().filter(|p| (1..=2).contains(&p.len()))?;
    let day = parts.next().filter(|p| (1..=2).contains(&p.len()))?;
    if parts.next().is_some() {
        return None;
    }
    let num = |p: &str| if p.bytes().all(|b| b.is_ascii_digit()) { p.parse::<u32>().ok() } else { None };
    NaiveDate::from_ymd_opt(i32::try_from(num(year)?).ok()?, num(month)?, num(day)?)
}

/// A fast non-cryptographic hasher (FxHash): the keys are the seller's own
/// file, and SipHash would cost more than the rest of a row's checks.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

type Fx = BuildHasherDefault<FxHasher>;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn write_usize(&mut self, i: usize) {
        self.write(&i.to_le_bytes());
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_ids() {
        assert!(is_order_id("503-4317798-1234567"));
        assert!(!is_order_id("503-4317798-123456"));
        assert!(!is_order_id("503-4317798"));
        assert!(!is_order_id("S03-4317798-1234567"));
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2024, 5, 1);
        assert_eq!(parse_date("2024-05-01"), d);
        assert_eq!(parse_date("2024/5/1"), d);
        assert_eq!(parse_date("2024-05-01T10:00:00+09:00"), d);
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("01/05/2024"), None);
        assert_eq!(parse_date("2024-05-01Tnoon"), None);
        assert_eq!(parse_date("２０２４-05-01"), None);
    }
}
