//! Reply drafts: what the seller is typing, saved as they type so a crash
//! or a `kill -9` loses nothing.

use crate::{AccountId, Store, StoreError};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// The reply a seller is writing to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub account_id: AccountId,
    pub case_id: String,
    pub body: String,
    pub updated_at: DateTime<Utc>,
    /// The case got a new message or a new status from the service since
    /// the draft was started: the seller should reread it before sending.
    pub case_changed: bool,
}

impl Store {
    /// Saves (or replaces) the draft for `case_id`. Committed with a full
    /// fsync (see `Store::open`): once this returns, the draft survives a
    /// crash. Saving again keeps the `case_changed` flag: the seller has
    /// not necessarily seen the change just because they kept typing.
    pub fn save_draft(
        &self,
        account: AccountId,
        case_id: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO drafts (account_id, case_id, body, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (account_id, case_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![account.0, case_id, body, now.timestamp_millis()],
        )?;
        Ok(())
    }

    pub fn draft(&self, account: AccountId, case_id: &str) -> Result<Option<Draft>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT body, updated_at, case_changed FROM drafts WHERE account_id = ?1 AND case_id = ?2",
                params![account.0, case_id],
                |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?, row.get::<_, bool>(2)?)),
            )
            .optional()?;
        row.map(|(body, updated_at, case_changed)| {
            Ok(Draft {
                account_id: account,
                case_id: case_id.to_owned(),
                body,
                updated_at: DateTime::from_timestamp_millis(updated_at)
                    .ok_or_else(|| StoreError::corrupt(format!("draft {case_id} updated_at")))?,
                case_changed,
            })
        })
        .transpose()
    }

    pub fn discard_draft(&self, account: AccountId, case_id: &str) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM drafts WHERE account_id = ?1 AND case_id = ?2", params![account.0, case_id])?;
        Ok(())
    }

    /// The seller saw the change (reopened the case): stop warning.
    pub fn acknowledge_case_change(&self, account: AccountId, case_id: &str) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE drafts SET case_changed = 0 WHERE account_id = ?1 AND case_id = ?2",
            params![account.0, case_id],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::temp_store_with_account;
    use crate::StoreError;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_draft_survives_reopening_exactly() -> Result<(), StoreError> {
        let (dir, store, account) = temp_store_with_account()?;
        let now = Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0).single().ok_or_else(|| StoreError::corrupt("t"))?;
        let body = "お問い合わせありがとうございます。\n  trailing spaces  \u{1F600}";
        store.save_draft(account, "case-1", "first", now)?;
        store.save_draft(account, "case-1", body, now)?;
        drop(store);
        let store = crate::Store::open(&dir.path().join("replica.sqlite"))?;
        let draft = store.draft(account, "case-1")?.ok_or_else(|| StoreError::corrupt("draft missing"))?;
        assert_eq!(draft.body, body);
        assert_eq!(draft.updated_at, now);
        assert!(!draft.case_changed);
        assert_eq!(store.draft(account, "case-2")?, None);
        store.discard_draft(account, "case-1")?;
        assert_eq!(store.draft(account, "case-1")?, None);
        Ok(())
    }
}
