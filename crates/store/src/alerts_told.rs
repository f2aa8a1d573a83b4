//! The told-ledger of deadline alerts: which threshold of which obligation
//! reached the seller. The alert scheduler reads it on every round and adds
//! to it after a delivery, so an alert is never given twice for the same
//! reason, even after a restart.

use crate::{Store, StoreError};
use chrono::{DateTime, SecondsFormat, Utc};

/// `told_at` as stored: fixed width, so comparing text compares instants.
fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

impl Store {
    /// Every (obligation ledger key, threshold minutes) told, in key order.
    pub fn alerts_told(&self) -> Result<Vec<(String, u32)>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT obligation, minutes FROM alerts_told ORDER BY obligation, minutes")?;
        let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?)))?;
        rows.map(|row| {
            let (key, minutes) = row?;
            let minutes = u32::try_from(minutes)
                .map_err(|_| StoreError::corrupt(format!("alerts_told {key} minutes {minutes}")))?;
            Ok((key, minutes))
        })
        .collect()
    }

    /// Records `told` at `now`, all or nothing. Recording a pair again keeps
    /// its first time: a retried delivery must not make a row look younger.
    pub fn record_alerts_told(&mut self, told: &[(String, u32)], now: DateTime<Utc>) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO alerts_told (obligation, minutes, told_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (obligation, minutes) DO NOTHING",
            )?;
            let at = stamp(now);
            for (key, minutes) in told {
                insert.execute(rusqlite::params![key, i64::from(*minutes), at])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Forgets what was told before `before`; returns how many rows went.
    /// Deadlines that old have long passed, so their keys never come back
    /// as something to tell.
    pub fn purge_alerts_told(&self, before: DateTime<Utc>) -> Result<usize, StoreError> {
        Ok(self.conn.execute("DELETE FROM alerts_told WHERE told_at < ?1", [stamp(before)])?)
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::temp_store;
    use crate::StoreError;
    use chrono::{DateTime, Duration, TimeZone, Utc};

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0).single().unwrap_or_default()
    }

    fn told(pairs: &[(&str, u32)]) -> Vec<(String, u32)> {
        pairs.iter().map(|(k, m)| ((*k).to_owned(), *m)).collect()
    }

    #[test]
    fn recording_twice_keeps_one_row_and_its_first_time() -> Result<(), StoreError> {
        let (_dir, mut store) = temp_store()?;
        assert_eq!(store.alerts_told()?, vec![]);
        store.record_alerts_told(&told(&[("case_reply/1/113-0001", 120), ("case_reply/1/113-0001", 360)]), at(1, 0))?;
        store.record_alerts_told(&told(&[("case_reply/1/113-0001", 120), ("refund/2/114-2222", 0)]), at(3, 0))?;
        assert_eq!(
            store.alerts_told()?,
            told(&[("case_reply/1/113-0001", 120), ("case_reply/1/113-0001", 360), ("refund/2/114-2222", 0)])
        );
        // The repeat did not refresh the first rows: purging between the two
        // times takes both of them and leaves the refund.
        assert_eq!(store.purge_alerts_told(at(2, 0))?, 2);
        assert_eq!(store.alerts_told()?, told(&[("refund/2/114-2222", 0)]));
        Ok(())
    }

    #[test]
    fn purge_keeps_rows_told_at_or_after_the_cut() -> Result<(), StoreError> {
        let (_dir, mut store) = temp_store()?;
        let cut = at(2, 12);
        store.record_alerts_told(&told(&[("tracking/1/o-1", 60)]), cut - Duration::milliseconds(1))?;
        store.record_alerts_told(&told(&[("tracking/1/o-2", 60)]), cut)?;
        assert_eq!(store.purge_alerts_told(cut)?, 1);
        assert_eq!(store.alerts_told()?, told(&[("tracking/1/o-2", 60)]));
        Ok(())
    }

    #[test]
    fn a_failing_batch_records_nothing() -> Result<(), StoreError> {
        let (_dir, mut store) = temp_store()?;
        // A trigger makes the second insert fail inside the transaction.
        store.conn.execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON alerts_told WHEN NEW.obligation = 'bad'
             BEGIN SELECT RAISE(ABORT, 'refused'); END;",
        )?;
        let result = store.record_alerts_told(&told(&[("case_reply/1/c-1", 30), ("bad", 0)]), at(1, 0));
        assert!(result.is_err());
        assert_eq!(store.alerts_told()?, vec![]);
        Ok(())
    }
}
