//! What part of the seller's business a screen shows: one store or all,
//! one marketplace or all.

use csba_domain::Marketplace;
use csba_store::{AccountId, ReplicaFilter};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct ViewFilter {
    pub account_id: Option<AccountId>,
    pub marketplace: Option<Marketplace>,
}

impl From<ViewFilter> for ReplicaFilter {
    fn from(f: ViewFilter) -> Self {
        ReplicaFilter { account: f.account_id, marketplace: f.marketplace }
    }
}

impl ViewFilter {
    pub fn admits(&self, account: AccountId, marketplace: Marketplace) -> bool {
        self.account_id.is_none_or(|a| a == account) && self.marketplace.is_none_or(|m| m == marketplace)
    }
}
