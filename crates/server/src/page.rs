//! Keyset pagination of the lists (`GET /v1/cases`, orders, feedback,
//! questions): a page holds at most [`MAX_LIMIT`] rows, and its cursor is
//! the sort key and id of its last row, so a page stays stable while rows
//! are added elsewhere in the list and no query reads what it skips.

use crate::error::{Result, ServerError};
use serde::Deserialize;

pub const DEFAULT_LIMIT: usize = 100;
pub const MAX_LIMIT: usize = 500;

/// `?cursor=&limit=` of a list, read as text so a malformed value gets our
/// own problem with its field.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct PageQuery {
    /// `next_cursor` of the previous page; absent or empty: the first page.
    pub cursor: Option<String>,
    /// Rows per page, 1 to 500 (default 100).
    pub limit: Option<String>,
}

/// Where a page starts and how long it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The sort key (unix ms) and id of the row before this page.
    pub after: Option<(i64, String)>,
    /// `None`: every row (callers inside the service that need them all).
    pub limit: Option<usize>,
}

impl Page {
    pub const ALL: Page = Page { after: None, limit: None };

    pub fn from_query(query: &PageQuery) -> Result<Page> {
        let after = match query.cursor.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None => None,
            Some(cursor) => Some(decode(cursor).ok_or_else(|| {
                ServerError::InvalidCursor("not a cursor of this list (pass back `next_cursor`)".to_owned())
            })?),
        };
        let limit = match query.limit.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
            None => DEFAULT_LIMIT,
            Some(text) => text.parse::<usize>().ok().filter(|n| (1..=MAX_LIMIT).contains(n)).ok_or_else(|| {
                ServerError::InvalidInput { field: "limit", message: format!("a page holds 1 to {MAX_LIMIT} rows") }
            })?,
        };
        Ok(Page { after, limit: Some(limit) })
    }

    /// ` AND (…)` after the list's own conditions: rows past the cursor in
    /// the list's order (`key` descending or ascending, then `id`
    /// ascending), with the two values bound at `$n` and `$n+1`.
    pub fn condition(&self, key: &str, id: &str, descending: bool, n: usize) -> String {
        if self.after.is_none() {
            return String::new();
        }
        let past = if descending { "<" } else { ">" };
        format!(" AND ({key} {past} ${n} OR ({key} = ${n} AND {id} > ${}))", n + 1)
    }

    /// ` LIMIT …`: one row more than the page, to know whether more follow.
    pub fn limit_clause(&self) -> String {
        self.limit.map(|l| format!(" LIMIT {}", l + 1)).unwrap_or_default()
    }

    /// The page's rows and the cursor of the next page (`None`: this was the
    /// last), from what the query returned; `key` is a row's sort key and id.
    pub fn split<T>(&self, mut rows: Vec<T>, key: impl Fn(&T) -> (i64, &str)) -> (Vec<T>, Option<String>) {
        let Some(limit) = self.limit.filter(|l| rows.len() > *l) else { return (rows, None) };
        rows.truncate(limit);
        let next = rows.last().map(|last| {
            let (at, id) = key(last);
            encode(at, id)
        });
        (rows, next)
    }
}

/// `{key}.{hex of id}`: opaque to clients, and any id survives the trip.
fn encode(at: i64, id: &str) -> String {
    format!("{at}.{}", hex::encode(id))
}

fn decode(cursor: &str) -> Option<(i64, String)> {
    let (at, id) = cursor.split_once('.')?;
    Some((at.parse().ok()?, String::from_utf8(hex::decode(id).ok()?).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(cursor: Option<&str>, limit: Option<&str>) -> PageQuery {
        PageQuery { cursor: cursor.map(str::to_owned), limit: limit.map(str::to_owned) }
    }

    #[test]
    fn cursors_round_trip_any_id() {
        let cursor = encode(1_700_000_000_000, "case/é 1");
        assert_eq!(decode(&cursor), Some((1_700_000_000_000, "case/é 1".to_owned())));
        assert_eq!(decode("12"), None);
        assert_eq!(decode("x.00"), None);
    }

    #[test]
    fn limits_and_cursors_are_checked() -> Result<()> {
        assert_eq!(Page::from_query(&query(None, None))?, Page { after: None, limit: Some(DEFAULT_LIMIT) });
        assert!(matches!(Page::from_query(&query(None, Some("0"))), Err(ServerError::InvalidInput { .. })));
        assert!(matches!(Page::from_query(&query(None, Some("501"))), Err(ServerError::InvalidInput { .. })));
        assert!(matches!(Page::from_query(&query(Some("nope"), None)), Err(ServerError::InvalidCursor(_))));
        Ok(())
    }

    #[test]
    fn a_page_one_row_short_of_the_query_has_a_next_cursor() {
        let page = Page { after: None, limit: Some(2) };
        let (rows, next) = page.split(vec![(1, "a"), (2, "b"), (3, "c")], |r| (r.0, r.1));
        assert_eq!(rows, vec![(1, "a"), (2, "b")]);
        assert_eq!(next.as_deref().and_then(decode), Some((2, "b".to_owned())));
        let (rows, next) = page.split(vec![(1, "a")], |r| (r.0, r.1));
        assert_eq!((rows.len(), next), (1, None));
    }
}
