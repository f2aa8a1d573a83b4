//! The seller accounts (stores) this replica holds. A token is never stored
//! here: only what identifies the account, so the keychain entry can be found.

use crate::{Store, StoreError};
use chrono::{DateTime, Utc};
use csba_domain::Marketplace;
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

/// The local id of an account; every replicated row carries one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize, TS)]
#[ts(type = "number")]
pub struct AccountId(pub i64);

impl std::fmt::Display for AccountId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Where an account's service lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccountService {
    /// The reference service embedded in the app, with demo data. Its
    /// address changes every launch, so none is stored.
    Sandbox,
    Remote {
        url: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub service: AccountService,
    pub seller_id: String,
    pub display_name: String,
    pub marketplaces: Vec<Marketplace>,
    pub added_at: DateTime<Utc>,
}

impl Account {
    /// The keychain entry's user name for a remote account: the seller at
    /// the service, readable in the OS keychain's own UI.
    pub fn keychain_user(&self) -> Option<String> {
        match &self.service {
            AccountService::Sandbox => None,
            AccountService::Remote { url } => Some(keychain_user(&self.seller_id, url)),
        }
    }

    pub fn is_sandbox(&self) -> bool {
        self.service == AccountService::Sandbox
    }
}

/// `seller@url`, the key of a remote account's token in the keychain.
pub fn keychain_user(seller_id: &str, url: &str) -> String {
    format!("{seller_id}@{url}")
}

/// What the service said about the seller a token belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SellerProfile {
    pub seller_id: String,
    pub display_name: String,
    pub marketplaces: Vec<Marketplace>,
}

impl Store {
    /// Every account, oldest first.
    pub fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        let mut stmt = self.conn.prepare(&format!("SELECT {COLUMNS} FROM accounts ORDER BY id"))?;
        let rows = stmt.query_map([], raw)?;
        rows.map(|row| row?.into_account()).collect()
    }

    pub fn account(&self, id: AccountId) -> Result<Option<Account>, StoreError> {
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM accounts WHERE id = ?1"), [id.0], raw)
            .optional()?
            .map(RawAccount::into_account)
            .transpose()
    }

    /// Registers (or refreshes) a remote account. The demo account and its
    /// data go in the same transaction: once a seller works with a real
    /// store, demo cases must never sit among real deadlines.
    pub fn add_remote_account(
        &mut self,
        url: &str,
        seller: &SellerProfile,
        now: DateTime<Utc>,
    ) -> Result<Account, StoreError> {
        let marketplaces = marketplaces_json(&seller.marketplaces)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM accounts WHERE kind = 'sandbox'", [])?;
        tx.execute(
            "INSERT INTO accounts (kind, service_url, seller_id, display_name, marketplaces, added_at)
             VALUES ('remote', ?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (service_url, seller_id) DO UPDATE SET display_name = excluded.display_name,
                 marketplaces = excluded.marketplaces",
            params![url, seller.seller_id, seller.display_name, marketplaces, now.timestamp_millis()],
        )?;
        let id: i64 = tx.query_row(
            "SELECT id FROM accounts WHERE service_url = ?1 AND seller_id = ?2",
            params![url, seller.seller_id],
            |row| row.get(0),
        )?;
        tx.commit()?;
        self.account(AccountId(id))?.ok_or_else(|| StoreError::corrupt("account vanished after insert"))
    }

    /// The demo account, created on first use and refreshed with the
    /// sandbox's seller. `None` when a real account exists: the demo is only
    /// for a desk with no store of its own.
    pub fn sandbox_account(&self, seller: &SellerProfile, now: DateTime<Utc>) -> Result<Option<Account>, StoreError> {
        let has_remote: bool =
            self.conn.query_row("SELECT EXISTS (SELECT 1 FROM accounts WHERE kind = 'remote')", [], |r| r.get(0))?;
        if has_remote {
            return Ok(None);
        }
        let marketplaces = marketplaces_json(&seller.marketplaces)?;
        self.conn.execute(
            "INSERT INTO accounts (kind, service_url, seller_id, display_name, marketplaces, added_at)
             VALUES ('sandbox', NULL, ?1, ?2, ?3, ?4)
             ON CONFLICT (kind) WHERE kind = 'sandbox' DO UPDATE SET seller_id = excluded.seller_id,
                 display_name = excluded.display_name, marketplaces = excluded.marketplaces",
            params![seller.seller_id, seller.display_name, marketplaces, now.timestamp_millis()],
        )?;
        self.conn
            .query_row(&format!("SELECT {COLUMNS} FROM accounts WHERE kind = 'sandbox'"), [], raw)
            .optional()?
            .map(RawAccount::into_account)
            .transpose()
    }

    /// Forgets an account and everything replicated, drafted or queued for it.
    pub fn remove_account(&self, id: AccountId) -> Result<bool, StoreError> {
        Ok(self.conn.execute("DELETE FROM accounts WHERE id = ?1", [id.0])? == 1)
    }
}

fn marketplaces_json(marketplaces: &[Marketplace]) -> Result<String, StoreError> {
    let codes: Vec<&str> = marketplaces.iter().map(|m| m.code()).collect();
    serde_json::to_string(&codes).map_err(|e| StoreError::corrupt(e.to_string()))
}

const COLUMNS: &str = "id, kind, service_url, seller_id, display_name, marketplaces, added_at";

struct RawAccount {
    id: i64,
    kind: String,
    service_url: Option<String>,
    seller_id: String,
    display_name: String,
    marketplaces: String,
    added_at: i64,
}

fn raw(row: &Row<'_>) -> rusqlite::Result<RawAccount> {
    Ok(RawAccount {
        id: row.get(0)?,
        kind: row.get(1)?,
        service_url: row.get(2)?,
        seller_id: row.get(3)?,
        display_name: row.get(4)?,
        marketplaces: row.get(5)?,
        added_at: row.get(6)?,
    })
}

impl RawAccount {
    fn into_account(self) -> Result<Account, StoreError> {
        let corrupt = |field: &str| StoreError::corrupt(format!("account {} field {field}", self.id));
        let service = match (self.kind.as_str(), self.service_url) {
            ("sandbox", None) => AccountService::Sandbox,
            ("remote", Some(url)) => AccountService::Remote { url },
            _ => return Err(corrupt("kind")),
        };
        let codes: Vec<String> = serde_json::from_str(&self.marketplaces).map_err(|_| corrupt("marketplaces"))?;
        let marketplaces = codes
            .iter()
            .map(|c| c.parse::<Marketplace>().map_err(|_| corrupt("marketplaces")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Account {
            id: AccountId(self.id),
            service,
            seller_id: self.seller_id,
            display_name: self.display_name,
            marketplaces,
            added_at: DateTime::from_timestamp_millis(self.added_at).ok_or_else(|| corrupt("added_at"))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::temp_store;
    use chrono::TimeZone;

    fn seller(id: &str) -> SellerProfile {
        SellerProfile { seller_id: id.into(), display_name: format!("{id} store"), marketplaces: vec![Marketplace::Jp] }
    }

    #[test]
    fn a_real_account_replaces_the_demo_and_accounts_are_unique_per_service_and_seller() -> Result<(), StoreError> {
        let (_dir, mut store) = temp_store()?;
        let now = Utc.timestamp_millis_opt(1_700_000_000_000).single().ok_or_else(|| StoreError::corrupt("t"))?;
        let demo = store.sandbox_account(&seller("DEMO"), now)?.ok_or_else(|| StoreError::corrupt("no demo"))?;
        assert!(demo.is_sandbox());
        // Starting the sandbox again refreshes the same row.
        assert_eq!(store.sandbox_account(&seller("DEMO"), now)?.map(|a| a.id), Some(demo.id));

        let a = store.add_remote_account("https://a.example", &seller("A1"), now)?;
        let again = store.add_remote_account("https://a.example", &seller("A1"), now)?;
        let b = store.add_remote_account("https://b.example", &seller("A1"), now)?;
        assert_eq!(a.id, again.id);
        assert_ne!(a.id, b.id);
        assert_eq!(a.keychain_user().as_deref(), Some("A1@https://a.example"));
        let ids: Vec<AccountId> = store.accounts()?.iter().map(|a| a.id).collect();
        assert_eq!(ids, vec![a.id, b.id], "the demo account is gone");
        assert_eq!(store.sandbox_account(&seller("DEMO"), now)?, None);
        assert!(store.remove_account(b.id)?);
        assert_eq!(store.accounts()?.len(), 1);
        Ok(())
    }
}
