//! Which of a seller's orders the feed says were written since a seq, and
//! what that means for the tracking numbers a shipment batch was checked
//! against before the seller's lock (see `shipments::still_holds`).

use std::collections::{HashMap, HashSet};

/// The orders of the seller's feed entries after a seq, each with the
/// tracking number its last change there confirmed, when the entry says: a
/// run records one for each of its orders (migration 0009); a single
/// order's entry, or a run written before 0009, does not.
#[derive(Debug, Default)]
pub struct OrderChanges {
    last: HashMap<String, Option<String>>,
}

impl OrderChanges {
    /// Records a change of order `id`, later than every one recorded so far
    /// (entries come in seq order), confirming `number` if known.
    pub fn push(&mut self, id: String, number: Option<String>) {
        self.last.insert(id, number);
    }

    pub fn contains(&self, id: &str) -> bool {
        self.last.contains_key(id)
    }

    /// The changed orders whose tracking number is not known from the feed:
    /// their current one must be looked up for [`keep`](Self::keep).
    pub fn unknown(&self) -> Vec<&str> {
        self.last.iter().filter(|(_, number)| number.is_none()).map(|(id, _)| id.as_str()).collect()
    }

    /// Whether `in_use` (number → order, for the batch's `numbers`, read
    /// before these changes) still holds after them. Only a changed order
    /// can have taken or given up a number: each must use one of `numbers`
    /// only if `in_use` already gave it that number, and each `in_use`
    /// names with a number must still have it. `looked_up` holds the
    /// current number (order → number) of every order of
    /// [`unknown`](Self::unknown) that has one.
    pub fn keep(
        &self,
        numbers: &[&str],
        in_use: &HashMap<String, String>,
        looked_up: &HashMap<String, String>,
    ) -> bool {
        let current = |order: &str| -> Option<&str> {
            match self.last.get(order)? {
                Some(number) => Some(number.as_str()),
                None => looked_up.get(order).map(String::as_str),
            }
        };
        let numbers: HashSet<&str> = numbers.iter().copied().collect();
        let none_taken = self.last.keys().all(|order| match current(order) {
            Some(number) if numbers.contains(number) => in_use.get(number).map(String::as_str) == Some(order.as_str()),
            _ => true,
        });
        none_taken
            && in_use.iter().all(|(number, order)| !self.contains(order) || current(order) == Some(number.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_use(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(n, o)| ((*n).to_owned(), (*o).to_owned())).collect()
    }

    fn changes(entries: &[(&str, Option<&str>)]) -> OrderChanges {
        let mut changes = OrderChanges::default();
        for (id, number) in entries {
            changes.push((*id).to_owned(), number.map(str::to_owned));
        }
        changes
    }

    #[test]
    fn orders_that_took_other_numbers_change_nothing() {
        let changes = changes(&[("o-1", Some("N1")), ("o-2", Some("N2"))]);
        assert!(changes.unknown().is_empty());
        assert!(changes.keep(&["N3", "N4"], &in_use(&[]), &HashMap::new()));
    }

    #[test]
    fn an_order_that_took_one_of_the_numbers_since_breaks_it() {
        let changes = changes(&[("o-1", Some("N1")), ("o-2", Some("N3"))]);
        assert!(!changes.keep(&["N3", "N4"], &in_use(&[]), &HashMap::new()));
    }

    #[test]
    fn an_order_that_already_had_the_number_when_read_keeps_it() {
        // Read after the change committed, the number was in use then too.
        let changes = changes(&[("o-2", Some("N3"))]);
        assert!(changes.keep(&["N3"], &in_use(&[("N3", "o-2")]), &HashMap::new()));
    }

    #[test]
    fn a_number_given_up_since_breaks_it() {
        // o-2 was written on its own later (its confirmation removed).
        let changes = changes(&[("o-2", Some("N3")), ("o-2", None)]);
        assert_eq!(changes.unknown(), vec!["o-2"]);
        assert!(!changes.keep(&["N3"], &in_use(&[("N3", "o-2")]), &HashMap::new()));
        assert!(changes.keep(&["N3"], &in_use(&[("N3", "o-2")]), &in_use(&[("o-2", "N3")])));
    }

    #[test]
    fn an_order_without_a_number_in_the_feed_is_judged_by_its_looked_up_one() {
        let changes = changes(&[("o-5", None)]);
        assert!(changes.keep(&["N3"], &in_use(&[]), &HashMap::new()), "it has no number");
        assert!(changes.keep(&["N3"], &in_use(&[]), &in_use(&[("o-5", "N9")])), "another number");
        assert!(!changes.keep(&["N3"], &in_use(&[]), &in_use(&[("o-5", "N3")])), "one of the batch's");
    }

    #[test]
    fn the_last_change_of_an_order_counts() {
        let changes = changes(&[("o-1", None), ("o-1", Some("N1"))]);
        assert!(changes.unknown().is_empty());
        assert!(!changes.keep(&["N1"], &in_use(&[]), &HashMap::new()));
    }

    #[test]
    fn numbers_of_unchanged_orders_stand() {
        let changes = changes(&[("o-1", Some("N1"))]);
        assert!(changes.keep(&["N7"], &in_use(&[("N7", "o-9")]), &HashMap::new()));
    }
}
