//! A file's shipment confirmations split into the batches the service
//! takes: the app queues them so, and the upload benchmark measures that.

use crate::{ShipmentConfirmation, ShipmentConfirmationBatch};

/// `{"confirmations":[` … `]}`
const ENVELOPE: usize = 21;

impl ShipmentConfirmationBatch {
    /// Splits `rows`, in order, into batches of at most `max_rows` rows and
    /// `max_bytes` of JSON each (a row longer than that on its own is a
    /// batch of its own).
    pub fn split(rows: Vec<ShipmentConfirmation>, max_rows: usize, max_bytes: usize) -> Vec<Self> {
        let lengths = lengths(&rows, max_rows, max_bytes);
        let mut rows = rows.into_iter();
        lengths
            .into_iter()
            .map(|len| ShipmentConfirmationBatch { confirmations: rows.by_ref().take(len).collect() })
            .collect()
    }

    /// How many batches [`split`](Self::split) makes of `rows`.
    pub fn split_count(rows: &[ShipmentConfirmation], max_rows: usize, max_bytes: usize) -> usize {
        lengths(rows, max_rows, max_bytes).len()
    }
}

/// How many rows each batch takes.
fn lengths(rows: &[ShipmentConfirmation], max_rows: usize, max_bytes: usize) -> Vec<usize> {
    let mut lengths = Vec::new();
    let (mut len, mut size) = (0, ENVELOPE);
    for row in rows {
        // A comma before every row but the first. Serializing a struct of
        // strings cannot fail; a guess of 0 would only make a batch one
        // row longer.
        let mut counted = ByteCount(0);
        let row_size = serde_json::to_writer(&mut counted, row).map_or(0, |()| counted.0) + 1;
        if len > 0 && (len >= max_rows || size + row_size > max_bytes) {
            lengths.push(len);
            (len, size) = (0, ENVELOPE);
        }
        len += 1;
        size += row_size;
    }
    if len > 0 {
        lengths.push(len);
    }
    lengths
}

/// Counts what is written instead of keeping it: a row's size without an
/// allocation for each of 100,000 rows.
struct ByteCount(usize);

impl std::io::Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

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
        let by_rows = ShipmentConfirmationBatch::split(rows.clone(), 10, usize::MAX);
        assert_eq!(by_rows.iter().map(|b| b.confirmations.len()).collect::<Vec<_>>(), vec![10, 10, 5]);
        assert_eq!(ShipmentConfirmationBatch::split_count(&rows, 10, usize::MAX), 3);
        let flat: Vec<_> = by_rows.into_iter().flat_map(|b| b.confirmations).collect();
        assert_eq!(flat, rows, "nothing lost, nothing reordered");

        let one = serde_json::to_vec(&ShipmentConfirmationBatch { confirmations: vec![row(0)] })?.len();
        let limit = one * 3;
        let by_bytes = ShipmentConfirmationBatch::split(rows.clone(), usize::MAX, limit);
        assert!(by_bytes.len() > 1);
        for batch in &by_bytes {
            assert!(serde_json::to_vec(batch)?.len() <= limit, "a batch over the byte limit");
        }
        assert_eq!(by_bytes.iter().map(|b| b.confirmations.len()).sum::<usize>(), 25);
        assert_eq!(ShipmentConfirmationBatch::split_count(&rows, usize::MAX, limit), by_bytes.len());
        assert!(ShipmentConfirmationBatch::split(Vec::new(), 10, 1000).is_empty());
        Ok(())
    }

    #[test]
    fn a_row_longer_than_the_limit_is_a_batch_of_its_own() {
        let batches = ShipmentConfirmationBatch::split((0..3).map(row).collect(), 10, 30);
        assert_eq!(batches.iter().map(|b| b.confirmations.len()).collect::<Vec<_>>(), vec![1, 1, 1]);
    }
}
