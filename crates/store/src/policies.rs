//! The return-policy read model: every submitted version per account and
//! marketplace; the current one is the highest version.

use crate::codec;
use crate::{AccountId, ReplicaFilter, Store, StoreError};
use chrono::{DateTime, Utc};
use csba_domain::policy::ReturnPolicy;
use csba_domain::Marketplace;
use rusqlite::{params, params_from_iter, Row};
use serde::Serialize;
use ts_rs::TS;

/// One submitted version of a return policy.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReturnPolicyRecord {
    pub account_id: AccountId,
    pub marketplace: Marketplace,
    /// 1, 2, … per account and marketplace.
    #[ts(type = "number")]
    pub version: i64,
    pub submitted_at: DateTime<Utc>,
    pub policy: ReturnPolicy,
}

const COLUMNS: &str = "p.account_id, p.marketplace, p.version, p.submitted_at, p.policy";

impl Store {
    /// The current policy (highest version) of every account and
    /// marketplace that has one, by account then marketplace.
    pub fn current_return_policies(&self, filter: ReplicaFilter) -> Result<Vec<ReturnPolicyRecord>, StoreError> {
        let (conditions, values) = filter.conditions("p.account_id", "p.marketplace");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM return_policies p
             WHERE p.version = (SELECT MAX(q.version) FROM return_policies q
                                WHERE q.account_id = p.account_id AND q.marketplace = p.marketplace){conditions}
             ORDER BY p.account_id, p.marketplace"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), raw)?;
        rows.map(|row| row?.into_record()).collect()
    }

    /// Every version of one account's policy in `marketplace`, newest
    /// first: the first is the current one.
    pub fn return_policy_history(
        &self,
        account: AccountId,
        marketplace: Marketplace,
    ) -> Result<Vec<ReturnPolicyRecord>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM return_policies p WHERE p.account_id = ?1 AND p.marketplace = ?2
             ORDER BY p.version DESC"
        ))?;
        let rows = stmt.query_map(params![account.0, marketplace.code()], raw)?;
        rows.map(|row| row?.into_record()).collect()
    }
}

struct RawPolicy {
    account_id: i64,
    marketplace: String,
    version: i64,
    submitted_at: i64,
    policy: String,
}

fn raw(row: &Row<'_>) -> rusqlite::Result<RawPolicy> {
    Ok(RawPolicy {
        account_id: row.get(0)?,
        marketplace: row.get(1)?,
        version: row.get(2)?,
        submitted_at: row.get(3)?,
        policy: row.get(4)?,
    })
}

impl RawPolicy {
    fn into_record(self) -> Result<ReturnPolicyRecord, StoreError> {
        let what = |field: &str| {
            format!("return policy {}/{} v{} field {field}", self.account_id, self.marketplace, self.version)
        };
        Ok(ReturnPolicyRecord {
            account_id: AccountId(self.account_id),
            marketplace: codec::marketplace(&self.marketplace, || what("marketplace"))?,
            version: self.version,
            submitted_at: codec::time(self.submitted_at, || what("submitted_at"))?,
            policy: codec::json(&self.policy, || what("policy"))?,
        })
    }
}
