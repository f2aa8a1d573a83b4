//! Which accounts and marketplaces a read model covers.

use crate::AccountId;
use csba_domain::Marketplace;
use rusqlite::types::Value;

/// Every account and marketplace unless narrowed: the screens show all the
/// seller's stores together, or one store, or one marketplace of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReplicaFilter {
    pub account: Option<AccountId>,
    pub marketplace: Option<Marketplace>,
}

impl ReplicaFilter {
    /// Every account, every marketplace.
    pub fn all() -> Self {
        Self::default()
    }

    /// One account, every marketplace.
    pub fn account(account: AccountId) -> Self {
        ReplicaFilter { account: Some(account), marketplace: None }
    }

    /// The same, narrowed to one marketplace.
    pub fn in_marketplace(self, marketplace: Marketplace) -> Self {
        ReplicaFilter { marketplace: Some(marketplace), ..self }
    }

    /// The `AND …` conditions on the given columns, with their values in
    /// order, for statements written with plain `?` placeholders. Conditions
    /// are left out rather than written `(? IS NULL OR …)`, so SQLite can
    /// use the `account_id` indexes.
    pub(crate) fn conditions(&self, account_column: &str, marketplace_column: &str) -> (String, Vec<Value>) {
        let mut sql = String::new();
        let mut values = Vec::new();
        if let Some(account) = self.account {
            sql.push_str(&format!(" AND {account_column} = ?"));
            values.push(Value::Integer(account.0));
        }
        if let Some(marketplace) = self.marketplace {
            sql.push_str(&format!(" AND {marketplace_column} = ?"));
            values.push(Value::Text(marketplace.code().to_owned()));
        }
        (sql, values)
    }
}
