//! The CSBA program per store and marketplace: where the enrollment stands
//! with its timeline, the eligibility checklist, enrolling, pausing and
//! resuming (through the outbox), the free trial, and the fee — now, from
//! the replica's own figures, and as a what-if.

use crate::desk::Desk;
use crate::error::{AppError, ErrorCode};
use crate::filter::ViewFilter;
use crate::orders::offsets;
use crate::pending::server_now;
use crate::views::QueueItem;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use csba_api::EnrollRequest;
use csba_domain::{fees, Marketplace};
use csba_store::{AccountId, Action, ActionKind, EnrollmentRecord, ReplicaFilter, Store};
use serde::Serialize;
use ts_rs::TS;

/// CPU is measured over the trailing three months.
const CPU_WINDOW_DAYS: i64 = 91;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProgramScreen {
    pub programs: Vec<ProgramView>,
}

/// One enrollment as the program screen shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProgramView {
    #[serde(flatten)]
    pub enrollment: EnrollmentRecord,
    /// The state now, on the service's clock: a pending activation whose
    /// time has come reads `active` even before the feed says so.
    pub state_now: String,
    /// JP: when a pending identity verification lapses (14 days).
    pub lapses_at: Option<DateTime<Utc>>,
    /// Days of the free trial left, counting today; `None` outside it.
    pub trial_days_left: Option<u32>,
    pub can_enroll: bool,
    pub can_pause: bool,
    pub can_resume: bool,
    /// Eligibility items that block enrolling and are unmet.
    pub blocking_unmet: Vec<String>,
    /// An enroll, pause or resume queued and not confirmed yet.
    pub pending_action: Option<PendingAction>,
    /// The terms version enrolling accepts now.
    pub terms_version_now: String,
    /// Hours from enrolling (or identity verification) to CSBA taking over.
    pub activation_delay_hours: u32,
    /// The delay is our reading of a vague phrase in Amazon's guide.
    pub activation_delay_is_estimate: bool,
    /// The fee implied by the last three months in the replica.
    pub fee_now: Option<FeeQuote>,
    #[ts(type = "number")]
    pub server_offset_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PendingAction {
    pub kind: ActionKind,
    /// `queued`, `sending` or `failed` (`sent` only for a question the feed
    /// has not brought back yet).
    pub state: String,
    /// The service's refusal, when it refused.
    pub problem: Option<AppError>,
    #[ts(type = "number")]
    pub entry_id: i64,
}

/// A fee estimate, from `csba_domain::fees`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FeeQuote {
    pub marketplace: Marketplace,
    #[ts(type = "number")]
    pub units: u64,
    #[ts(type = "number")]
    pub contacts: u64,
    /// One decimal place.
    pub cpu_percent: String,
    /// 1..=4; 0 when the CPU is unreliable and the flat fee applies.
    pub tier: u8,
    #[ts(type = "number")]
    pub fee_per_unit_minor: i64,
    #[ts(type = "number")]
    pub total_minor: i64,
    pub currency: String,
    pub in_trial: bool,
}

impl Desk {
    pub fn program_screen(&self, filter: ViewFilter, now: DateTime<Utc>) -> Result<ProgramScreen, AppError> {
        let store = self.store()?;
        let offsets = offsets(&store)?;
        let unsent = store.unsent_outbox()?;
        let programs = with_unreported(&store, filter, store.enrollments(filter.into())?)?
            .into_iter()
            .map(|record| {
                let offset = offsets.get(&record.account_id).copied().unwrap_or(0);
                let server_now = now + Duration::milliseconds(offset);
                let pending = crate::pending::pending_for(&unsent, record.account_id, &object_key(record.marketplace));
                program_view(&store, record, pending, server_now, offset)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ProgramScreen { programs })
    }

    /// Enrolls `account` in CSBA on `marketplace`, accepting `terms_version`
    /// (the one the screen showed: a newer version must be read first).
    pub fn enroll(
        &self,
        account: AccountId,
        marketplace: Marketplace,
        terms_version: &str,
        now: DateTime<Utc>,
    ) -> Result<QueueItem, AppError> {
        let entry = {
            let mut store = self.store()?;
            let server_now = server_now(&store, account, now)?;
            let program = program_of(&store, account, marketplace, server_now)?;
            if terms_version.trim() != program.terms_version_now {
                return Err(AppError::new(ErrorCode::TermsNotAccepted)
                    .with_arg("version", program.terms_version_now.clone())
                    .at("terms_version"));
            }
            if !program.can_enroll {
                return Err(not_allowed(&program));
            }
            let action = Action::Enroll {
                marketplace,
                request: EnrollRequest { terms_version: program.terms_version_now.clone() },
            };
            store.enqueue(account, &action, now)?
        };
        self.wake(account);
        Ok(entry.into())
    }

    /// Pauses CSBA: new seller-fulfilled orders become the seller's to
    /// answer; orders placed while it was active stay covered.
    pub fn pause_enrollment(
        &self,
        account: AccountId,
        marketplace: Marketplace,
        now: DateTime<Utc>,
    ) -> Result<QueueItem, AppError> {
        self.queue_transition(account, marketplace, now, |p| p.can_pause, Action::PauseEnrollment { marketplace })
    }

    /// Resumes CSBA, which waits the activation delay again.
    pub fn resume_enrollment(
        &self,
        account: AccountId,
        marketplace: Marketplace,
        now: DateTime<Utc>,
    ) -> Result<QueueItem, AppError> {
        self.queue_transition(account, marketplace, now, |p| p.can_resume, Action::ResumeEnrollment { marketplace })
    }

    fn queue_transition(
        &self,
        account: AccountId,
        marketplace: Marketplace,
        now: DateTime<Utc>,
        allowed: impl Fn(&ProgramView) -> bool,
        action: Action,
    ) -> Result<QueueItem, AppError> {
        let entry = {
            let mut store = self.store()?;
            let program = program_of(&store, account, marketplace, server_now(&store, account, now)?)?;
            if !allowed(&program) {
                return Err(not_allowed(&program));
            }
            store.enqueue(account, &action, now)?
        };
        self.wake(account);
        Ok(entry.into())
    }
}

/// The fee for `units` and `contacts` on `marketplace` under the schedule
/// in force `on` (outside any trial): the what-if.
pub fn fee_what_if(marketplace: Marketplace, units: u64, contacts: u64, on: NaiveDate) -> Result<FeeQuote, AppError> {
    if contacts > units.saturating_mul(100) {
        return Err(AppError::new(ErrorCode::FeeInputInvalid).at("contacts"));
    }
    quote(marketplace, units, contacts, on, None)
}

fn quote(
    marketplace: Marketplace,
    units: u64,
    contacts: u64,
    on: NaiveDate,
    trial: Option<(NaiveDate, NaiveDate)>,
) -> Result<FeeQuote, AppError> {
    let estimate = fees::estimate(marketplace, on, units, contacts, trial)
        .map_err(|e| AppError::new(ErrorCode::FeeInputInvalid).with_arg("reason", e.code()))?;
    Ok(FeeQuote {
        marketplace,
        units,
        contacts,
        cpu_percent: estimate.cpu_percent.to_string(),
        tier: estimate.tier,
        fee_per_unit_minor: estimate.fee_per_unit_minor,
        total_minor: estimate.total_minor,
        currency: estimate.currency,
        in_trial: estimate.in_trial,
    })
}

/// The enrollments the feed reported, and for every other marketplace an
/// account sells on, a "not enrolled" one: a service need not announce
/// what has never happened, and the seller must still be able to enroll.
/// Its checklist is unknown here (empty); the service checks it on enroll.
fn with_unreported(
    store: &Store,
    filter: ViewFilter,
    mut reported: Vec<EnrollmentRecord>,
) -> Result<Vec<EnrollmentRecord>, AppError> {
    for account in store.accounts()? {
        for &marketplace in &account.marketplaces {
            let known = reported.iter().any(|r| r.account_id == account.id && r.marketplace == marketplace);
            if !known && filter.admits(account.id, marketplace) {
                reported.push(not_enrolled(account.id, marketplace));
            }
        }
    }
    reported.sort_by_key(|r| (r.account_id, r.marketplace));
    Ok(reported)
}

fn not_enrolled(account_id: AccountId, marketplace: Marketplace) -> EnrollmentRecord {
    EnrollmentRecord {
        account_id,
        marketplace,
        state: "not_enrolled".to_owned(),
        enrolled_at: None,
        activates_at: None,
        since: None,
        lapsed_at: None,
        active_periods: Vec::new(),
        trial: None,
        terms_version: None,
        eligibility: Vec::new(),
    }
}

fn object_key(marketplace: Marketplace) -> String {
    format!("enrollment:{}", marketplace.code())
}

fn program_of(
    store: &Store,
    account: AccountId,
    marketplace: Marketplace,
    server_now: DateTime<Utc>,
) -> Result<ProgramView, AppError> {
    let filter = ViewFilter { account_id: Some(account), marketplace: Some(marketplace) };
    let record = with_unreported(store, filter, store.enrollments(filter.into())?)?
        .into_iter()
        .next()
        .ok_or_else(|| AppError::new(ErrorCode::EnrollmentNotFound).with_arg("marketplace", marketplace.code()))?;
    program_view(store, record, None, server_now, 0)
}

fn not_allowed(program: &ProgramView) -> AppError {
    AppError::new(ErrorCode::EnrollmentNotAllowed).with_arg("state", program.state_now.clone())
}

fn program_view(
    store: &Store,
    enrollment: EnrollmentRecord,
    pending_action: Option<PendingAction>,
    server_now: DateTime<Utc>,
    server_offset_ms: i64,
) -> Result<ProgramView, AppError> {
    let marketplace = enrollment.marketplace;
    let today = server_now.date_naive();
    let rules = marketplace.rules(today).map_err(|_| AppError::new(ErrorCode::MarketplaceUnknown))?;
    let state_now = match enrollment.state.as_str() {
        "pending_activation" if enrollment.activates_at.is_some_and(|at| at <= server_now) => "active",
        "pending_identity_verification"
            if lapse_instant(&enrollment, rules.identity_verification_limit_days)
                .is_some_and(|at| at <= server_now) =>
        {
            "lapsed"
        }
        state => state,
    }
    .to_owned();
    let blocking_unmet: Vec<String> =
        enrollment.eligibility.iter().filter(|e| e.blocking && !e.met).map(|e| e.requirement.clone()).collect();
    // Terms are accepted by enrolling itself, so they never block the button.
    let blocked = blocking_unmet.iter().any(|r| r != "terms_accepted");
    let idle = pending_action.as_ref().is_none_or(|p| p.state == "failed");
    let trial_days_left = enrollment.trial.as_ref().and_then(|t| {
        (t.start <= today && today < t.end).then(|| u32::try_from((t.end - today).num_days()).unwrap_or(0))
    });
    let fee_now = {
        let since = server_now - Duration::days(CPU_WINDOW_DAYS);
        let filter = ReplicaFilter::account(enrollment.account_id).in_marketplace(marketplace);
        let (units, contacts) = store.units_and_contacts_since(filter, since)?;
        let trial = enrollment.trial.as_ref().map(|t| (t.start, t.end));
        matches!(state_now.as_str(), "active" | "paused")
            .then(|| quote(marketplace, units, contacts, today, trial))
            .transpose()?
    };
    Ok(ProgramView {
        lapses_at: (enrollment.state == "pending_identity_verification")
            .then(|| lapse_instant(&enrollment, rules.identity_verification_limit_days))
            .flatten(),
        can_enroll: idle && !blocked && matches!(state_now.as_str(), "not_enrolled" | "lapsed"),
        can_pause: idle && state_now == "active",
        can_resume: idle && state_now == "paused",
        blocking_unmet,
        pending_action,
        terms_version_now: format!("{}-{}", marketplace.code(), rules.effective_from),
        activation_delay_hours: rules.activation_delay_hours,
        activation_delay_is_estimate: rules.activation_delay_is_estimate,
        trial_days_left,
        fee_now,
        state_now,
        enrollment,
        server_offset_ms,
    })
}

fn lapse_instant(enrollment: &EnrollmentRecord, limit_days: Option<u32>) -> Option<DateTime<Utc>> {
    Some(enrollment.enrolled_at? + Duration::days(i64::from(limit_days?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_what_if_follows_the_published_tiers() -> Result<(), AppError> {
        let on = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or(AppError::new(ErrorCode::FeeInputInvalid))?;
        // US: CPU 4 % is tier 1, $0.10 a unit.
        let us = fee_what_if(Marketplace::Us, 1_000, 40, on)?;
        assert_eq!((us.cpu_percent.as_str(), us.tier, us.fee_per_unit_minor, us.total_minor), ("4.0", 1, 10, 10_000));
        // JP: CPU 12 % is the third tier, ¥76.
        let jp = fee_what_if(Marketplace::Jp, 100, 12, on)?;
        assert_eq!((jp.tier, jp.fee_per_unit_minor, jp.currency.as_str()), (3, 76, "JPY"));
        assert_eq!(fee_what_if(Marketplace::Jp, 1, 1_000, on).map_err(|e| e.field), Err(Some("contacts".into())));
        Ok(())
    }
}
