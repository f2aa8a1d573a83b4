//! The enrollment read model: where CSBA stands in each marketplace of
//! each account, with its checklist.

use crate::codec;
use crate::{AccountId, ReplicaFilter, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use csba_api::EnrollmentView;
use csba_domain::Marketplace;
use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// The stored `EnrollmentView` of one account and marketplace, in a shape
/// the UI has bindings for.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EnrollmentRecord {
    pub account_id: AccountId,
    pub marketplace: Marketplace,
    /// `not_enrolled`, `pending_identity_verification`, `pending_activation`,
    /// `active`, `paused` or `lapsed`.
    pub state: String,
    pub enrolled_at: Option<DateTime<Utc>>,
    /// When CSBA takes over (pending activation).
    pub activates_at: Option<DateTime<Utc>>,
    /// Since when the state holds (active, paused).
    pub since: Option<DateTime<Utc>>,
    pub lapsed_at: Option<DateTime<Utc>>,
    /// Every span CSBA handled new orders, oldest first; the last may be open.
    pub active_periods: Vec<ActivePeriod>,
    pub trial: Option<TrialPeriod>,
    pub terms_version: Option<String>,
    /// The checklist, in order.
    pub eligibility: Vec<EligibilityCheck>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ActivePeriod {
    pub from: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
}

/// The free trial, `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrialPeriod {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EligibilityCheck {
    pub requirement: String,
    pub met: bool,
    /// Enrolling is refused while a blocking requirement is unmet.
    pub blocking: bool,
}

impl EnrollmentRecord {
    pub fn from_view(account_id: AccountId, view: EnrollmentView) -> Self {
        EnrollmentRecord {
            account_id,
            marketplace: view.marketplace,
            state: view.state,
            enrolled_at: view.enrolled_at,
            activates_at: view.activates_at,
            since: view.since,
            lapsed_at: view.lapsed_at,
            active_periods: view
                .active_periods
                .into_iter()
                .map(|p| ActivePeriod { from: p.from, until: p.until })
                .collect(),
            trial: view.trial.map(|t| TrialPeriod { start: t.start, end: t.end }),
            terms_version: view.terms_version,
            eligibility: view
                .eligibility
                .into_iter()
                .map(|e| EligibilityCheck { requirement: e.requirement, met: e.met, blocking: e.blocking })
                .collect(),
        }
    }
}

impl Store {
    /// The enrollment of every account and marketplace the feed reported,
    /// by account then marketplace.
    pub fn enrollments(&self, filter: ReplicaFilter) -> Result<Vec<EnrollmentRecord>, StoreError> {
        let (conditions, values) = filter.conditions("account_id", "marketplace");
        let mut stmt = self.conn.prepare(&format!(
            "SELECT account_id, marketplace, view FROM enrollments WHERE 1 = 1{conditions}
             ORDER BY account_id, marketplace"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?))
        })?;
        rows.map(|row| {
            let (account, marketplace, view) = row?;
            let view: EnrollmentView = codec::json(&view, || format!("enrollment {account}/{marketplace} field view"))?;
            Ok(EnrollmentRecord::from_view(AccountId(account), view))
        })
        .collect()
    }

    /// The stored wire view of one enrollment, for the rules that take it.
    pub fn enrollment_view(
        &self,
        account: AccountId,
        marketplace: Marketplace,
    ) -> Result<Option<EnrollmentView>, StoreError> {
        let view: Option<String> = self
            .conn
            .query_row(
                "SELECT view FROM enrollments WHERE account_id = ?1 AND marketplace = ?2",
                params![account.0, marketplace.code()],
                |row| row.get(0),
            )
            .optional()?;
        view.map(|v| codec::json(&v, || format!("enrollment {account}/{} field view", marketplace.code()))).transpose()
    }
}
