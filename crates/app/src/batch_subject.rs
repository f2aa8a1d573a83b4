//! What the outbox calls a queued tracking upload batch: its first order and
//! how many follow. Read without decoding the batch — each of a 100,000-ID
//! upload's batches holds up to 10,000 rows (about 1 MiB), and the outbox
//! view is built again on every refresh.

use serde::de::{Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// The first row's order id and the number of rows.
#[derive(Debug, PartialEq)]
pub struct BatchSubject {
    pub first_order: String,
    pub rows: usize,
}

/// `None` for a body that is not a batch of at least one row.
pub fn batch_subject(body: &str) -> Option<BatchSubject> {
    #[derive(Deserialize)]
    struct Batch {
        confirmations: FirstAndCount,
    }
    let Batch { confirmations: FirstAndCount { first, rows } } = serde_json::from_str(body).ok()?;
    Some(BatchSubject { first_order: first?, rows })
}

/// A row for its order id alone; the other fields are skipped unread.
#[derive(Deserialize)]
struct OrderOnly {
    order_id: String,
}

struct FirstAndCount {
    first: Option<String>,
    rows: usize,
}

impl<'de> Deserialize<'de> for FirstAndCount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Rows;
        impl<'de> Visitor<'de> for Rows {
            type Value = FirstAndCount;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of shipment confirmations")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<FirstAndCount, A::Error> {
                let first = seq.next_element::<OrderOnly>()?.map(|row| row.order_id);
                let mut rows = usize::from(first.is_some());
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    rows += 1;
                }
                Ok(FirstAndCount { first, rows })
            }
        }
        deserializer.deserialize_seq(Rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_order_and_the_count_of_rows() {
        let body = r#"{"confirmations":[{"order_id":"503-1","tracking_number":"EV876297563CN","ship_date":"2026-12-01"},
            {"order_id":"503-2","tracking_number":"X"},{"order_id":"503-3"}]}"#;
        assert_eq!(batch_subject(body), Some(BatchSubject { first_order: "503-1".to_owned(), rows: 3 }));
    }

    #[test]
    fn no_subject_for_an_empty_batch_or_another_shape() {
        assert_eq!(batch_subject(r#"{"confirmations":[]}"#), None);
        assert_eq!(batch_subject("{}"), None);
        assert_eq!(batch_subject(r#"{"confirmations":[{"tracking_number":"X"}]}"#), None);
        assert_eq!(batch_subject(r#"{"confirmations":"503-1"}"#), None);
    }
}
