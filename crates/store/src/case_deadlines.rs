//! The answer-by deadline of every case waiting for the seller: what the
//! deadline alerts watch. A lean query of its own because the alert
//! scheduler reads it on every round, and decoding every conversation of
//! ten thousand cases each minute would break the idle-CPU goal.

use crate::codec;
use crate::{AccountId, Store, StoreError};
use chrono::{DateTime, Utc};
use csba_domain::Marketplace;

/// An open case and when its answer is due (on its service's clock).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDeadline {
    pub account_id: AccountId,
    pub case_id: String,
    /// What the seller knows the case by: its order.
    pub order_id: String,
    pub marketplace: Marketplace,
    pub respond_by: DateTime<Utc>,
}

impl Store {
    /// Open cases with no reply on its way (queued or being sent), the
    /// soonest deadline first. A refused reply does not count: the seller
    /// still owes an answer.
    pub fn open_case_deadlines(&self) -> Result<Vec<CaseDeadline>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT c.account_id, c.id, c.marketplace, c.respond_by, c.order_id FROM cases c
             WHERE c.status = 'open'
               AND NOT EXISTS (SELECT 1 FROM outbox q WHERE q.account_id = c.account_id
                               AND q.object_key = 'case:' || c.id AND q.state IN ('queued', 'sending'))
             ORDER BY c.respond_by, c.account_id, c.id",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, i64>(3)?,
                row.get::<_, String>(4)?,
            ))
        })?;
        rows.map(|row| {
            let (account_id, case_id, marketplace, respond_by, order_id) = row?;
            let what = |field: &str| format!("case {case_id} field {field}");
            Ok(CaseDeadline {
                account_id: AccountId(account_id),
                marketplace: codec::marketplace(&marketplace, || what("marketplace"))?,
                respond_by: codec::time(respond_by, || what("respond_by"))?,
                case_id,
                order_id,
            })
        })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::temp_store_with_account;
    use crate::StoreError;
    use chrono::{DateTime, Duration, TimeZone, Utc};

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, hour, 0, 0).single().unwrap_or_default()
    }

    #[test]
    fn open_cases_without_a_reply_on_its_way_soonest_first() -> Result<(), StoreError> {
        let (_dir, mut store, account) = temp_store_with_account()?;
        for (id, status, opened) in
            [("c-late", "open", 5), ("c-early", "open", 1), ("c-done", "answered", 0), ("c-replied", "open", 2)]
        {
            store.conn.execute(
                "INSERT INTO cases VALUES (?1, ?2, 'o-1', 'JP', 'product_question', ?3, 'ja', 's', '[]', ?4, ?5)",
                rusqlite::params![
                    account.0,
                    id,
                    status,
                    at(opened).timestamp_millis(),
                    (at(opened) + Duration::hours(24)).timestamp_millis()
                ],
            )?;
        }
        store.reply_to_case(account, "c-replied", "返信", Some("ja"), at(3))?;
        let got: Vec<(String, DateTime<Utc>)> =
            store.open_case_deadlines()?.into_iter().map(|c| (c.case_id, c.respond_by)).collect();
        assert_eq!(
            got,
            vec![
                ("c-early".to_owned(), at(1) + Duration::hours(24)),
                ("c-late".to_owned(), at(5) + Duration::hours(24))
            ]
        );

        // Refused, the reply no longer stands for an answer.
        let entry = store.outbox()?.into_iter().next().ok_or(StoreError::corrupt("no entry"))?;
        store.mark_failed(entry.id, "case_resolved", None)?;
        let ids: Vec<String> = store.open_case_deadlines()?.into_iter().map(|c| c.case_id).collect();
        assert_eq!(ids, vec!["c-early", "c-replied", "c-late"]);
        Ok(())
    }
}
