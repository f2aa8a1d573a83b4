//! The weekly figures read model: what the performance screen charts and
//! compares, one row per account, marketplace and week.

use crate::codec;
use crate::{AccountId, ReplicaFilter, Store, StoreError};
use chrono::NaiveDate;
use csba_api::MetricWeek;
use rusqlite::params_from_iter;
use serde::Serialize;
use ts_rs::TS;

/// One week of one marketplace of one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MetricWeekRecord {
    pub account_id: AccountId,
    #[serde(flatten)]
    pub week: MetricWeek,
}

impl Store {
    /// Every stored week, by account, marketplace and week (oldest first).
    pub fn metric_weeks(&self, filter: ReplicaFilter) -> Result<Vec<MetricWeekRecord>, StoreError> {
        let (conditions, values) = filter.conditions("w.account_id", "w.marketplace");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT w.account_id, w.marketplace, w.week_start, w.orders, w.a_to_z_claims, w.defects, w.feedback,
                    w.negative_feedback, w.shipped, w.valid_tracking, w.units, w.contacts, w.responses,
                    w.response_seconds, w.complete
             FROM metric_weeks w WHERE 1 = 1{conditions}
             ORDER BY w.account_id, w.marketplace, w.week_start"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                [
                    row.get::<_, i64>(3)?,
                    row.get::<_, i64>(4)?,
                    row.get::<_, i64>(5)?,
                    row.get::<_, i64>(6)?,
                    row.get::<_, i64>(7)?,
                    row.get::<_, i64>(8)?,
                    row.get::<_, i64>(9)?,
                    row.get::<_, i64>(10)?,
                    row.get::<_, i64>(11)?,
                    row.get::<_, i64>(12)?,
                ],
                row.get::<_, i64>(13)?,
                row.get::<_, bool>(14)?,
            ))
        })?;
        rows.map(|row| {
            let (account_id, marketplace, week_start, counts, response_seconds, complete) = row?;
            let what = |field: &str| format!("metric week {marketplace} {week_start} field {field}");
            let count = |i: usize, field: &str| u32::try_from(counts[i]).map_err(|_| StoreError::corrupt(what(field)));
            Ok(MetricWeekRecord {
                account_id: AccountId(account_id),
                week: MetricWeek {
                    marketplace: codec::marketplace(&marketplace, || what("marketplace"))?,
                    week_start: week_start.parse::<NaiveDate>().map_err(|_| StoreError::corrupt(what("week_start")))?,
                    orders: count(0, "orders")?,
                    a_to_z_claims: count(1, "a_to_z_claims")?,
                    defects: count(2, "defects")?,
                    feedback: count(3, "feedback")?,
                    negative_feedback: count(4, "negative_feedback")?,
                    shipped: count(5, "shipped")?,
                    valid_tracking: count(6, "valid_tracking")?,
                    units: count(7, "units")?,
                    contacts: count(8, "contacts")?,
                    responses: count(9, "responses")?,
                    response_seconds: u64::try_from(response_seconds)
                        .map_err(|_| StoreError::corrupt(what("response_seconds")))?,
                    complete,
                },
            })
        })
        .collect()
    }
}
