//! Enrollment in CSBA, per marketplace, as a state machine.
//!
//! ```text
//! NotEnrolled ──Enroll──▶ PendingActivation ──(delay)──▶ Active ──Pause──▶ Paused
//!      │                      ▲                            ▲                 │
//!      └──Enroll (unverified)─┼─▶ PendingIdentityVerification│ ◀──(delay)── Resume
//!                             └───IdentityVerified──┘       │
//!                  PendingIdentityVerification ──(14 days, JP)──▶ Lapsed ──Enroll──▶ …
//! ```
//!
//! Time-driven transitions (activation after the delay, the JP lapse after
//! 14 days unverified) happen in [`Enrollment::tick`], which every event
//! runs first, so the history is right whatever order the app learns things.
//! Resuming is enrolling again (the US page: "you can enroll again later"),
//! so it waits for the activation delay like a first enrollment; orders
//! placed in that gap are the seller's to answer — the conservative reading.
//!
//! The delays, limits and invitation rule come from the marketplace's data
//! in force on the day of the event.

use crate::marketplace::{DataError, Marketplace, Rules};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum EnrollmentState {
    NotEnrolled,
    /// Enrolled, waiting for the seller's identity to be verified.
    PendingIdentityVerification {
        enrolled_at: DateTime<Utc>,
    },
    /// Waiting for CSBA to take over at `activates_at`.
    PendingActivation {
        enrolled_at: DateTime<Utc>,
        activates_at: DateTime<Utc>,
    },
    Active {
        since: DateTime<Utc>,
    },
    Paused {
        since: DateTime<Utc>,
    },
    /// Identity verification took too long; the seller must enroll again.
    Lapsed {
        enrolled_at: DateTime<Utc>,
        lapsed_at: DateTime<Utc>,
    },
}

/// A span during which CSBA handled the seller's new orders: `[from, until)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivePeriod {
    pub from: DateTime<Utc>,
    pub until: Option<DateTime<Utc>>,
}

impl ActivePeriod {
    pub fn contains(&self, at: DateTime<Utc>) -> bool {
        self.from <= at && self.until.is_none_or(|u| at < u)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrollmentEvent {
    /// The seller enrolls (or enrolls again after a lapse).
    Enroll {
        at: DateTime<Utc>,
        identity_verified: bool,
        invited: bool,
    },
    IdentityVerified {
        at: DateTime<Utc>,
    },
    /// Nothing happened but time passed.
    Tick {
        now: DateTime<Utc>,
    },
    Pause {
        at: DateTime<Utc>,
    },
    Resume {
        at: DateTime<Utc>,
    },
}

impl EnrollmentEvent {
    fn at(&self) -> DateTime<Utc> {
        match *self {
            EnrollmentEvent::Enroll { at, .. }
            | EnrollmentEvent::IdentityVerified { at }
            | EnrollmentEvent::Pause { at }
            | EnrollmentEvent::Resume { at } => at,
            EnrollmentEvent::Tick { now } => now,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnrollmentError {
    #[error("{0} accepts enrollments by invitation only")]
    NotInvited(Marketplace),
    #[error("already enrolled")]
    AlreadyEnrolled,
    #[error("not enrolled")]
    NotEnrolled,
    #[error("CSBA is not active")]
    NotActive,
    #[error("CSBA is not paused")]
    NotPaused,
    #[error("identity is not awaiting verification")]
    NotPendingVerification,
    #[error("the enrollment lapsed; enroll again")]
    LapsedReenrollRequired,
    #[error("event at {event} is before the last change at {last}")]
    EventBeforeLastChange { event: DateTime<Utc>, last: DateTime<Utc> },
    #[error(transparent)]
    Data(#[from] DataError),
}

impl EnrollmentError {
    /// Codes of its own; data errors add `DataError::CODES`.
    pub const CODES: &'static [&'static str] = &[
        "not_invited",
        "already_enrolled",
        "not_enrolled",
        "not_active",
        "not_paused",
        "not_pending_verification",
        "lapsed_reenroll_required",
        "event_before_last_change",
    ];

    /// Stable code; the explanation is the message `enrollment-error-<code with - for _>`.
    pub fn code(&self) -> &'static str {
        match self {
            EnrollmentError::NotInvited(_) => "not_invited",
            EnrollmentError::AlreadyEnrolled => "already_enrolled",
            EnrollmentError::NotEnrolled => "not_enrolled",
            EnrollmentError::NotActive => "not_active",
            EnrollmentError::NotPaused => "not_paused",
            EnrollmentError::NotPendingVerification => "not_pending_verification",
            EnrollmentError::LapsedReenrollRequired => "lapsed_reenroll_required",
            EnrollmentError::EventBeforeLastChange { .. } => "event_before_last_change",
            EnrollmentError::Data(e) => e.code(),
        }
    }
}

/// A seller's CSBA enrollment in one marketplace, with the history needed to
/// say which orders CSBA covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrollment {
    pub marketplace: Marketplace,
    pub state: EnrollmentState,
    /// Every span CSBA was active, oldest first; the last may be open.
    pub active_periods: Vec<ActivePeriod>,
    /// The instant of the last change applied, so events cannot go back.
    pub last_change: Option<DateTime<Utc>>,
}

impl Enrollment {
    pub fn new(marketplace: Marketplace) -> Self {
        Enrollment { marketplace, state: EnrollmentState::NotEnrolled, active_periods: Vec::new(), last_change: None }
    }

    fn rules(&self, at: DateTime<Utc>) -> Result<&'static Rules, EnrollmentError> {
        Ok(self.marketplace.rules(at.date_naive())?)
    }

    /// Applies `event`, first running the time-driven transitions up to the
    /// event's instant. Returns the new enrollment; `self` is unchanged on
    /// error, so nothing is half-applied.
    pub fn apply(&self, event: EnrollmentEvent) -> Result<Enrollment, EnrollmentError> {
        let at = event.at();
        if let Some(last) = self.last_change.filter(|last| at < *last) {
            return Err(EnrollmentError::EventBeforeLastChange { event: at, last });
        }
        let mut next = self.tick(at)?;
        use EnrollmentEvent as E;
        use EnrollmentState as S;
        next.state = match (next.state, event) {
            (_, E::Tick { .. }) => return Ok(next),
            (S::NotEnrolled | S::Lapsed { .. }, E::Enroll { at, identity_verified, invited }) => {
                let rules = self.rules(at)?;
                if rules.invitation_only && !invited {
                    return Err(EnrollmentError::NotInvited(self.marketplace));
                }
                if identity_verified {
                    S::PendingActivation { enrolled_at: at, activates_at: at + rules.activation_delay() }
                } else {
                    S::PendingIdentityVerification { enrolled_at: at }
                }
            }
            (S::Lapsed { .. }, _) => return Err(EnrollmentError::LapsedReenrollRequired),
            (_, E::Enroll { .. }) => return Err(EnrollmentError::AlreadyEnrolled),
            (S::PendingIdentityVerification { enrolled_at }, E::IdentityVerified { at }) => {
                S::PendingActivation { enrolled_at, activates_at: at + self.rules(at)?.activation_delay() }
            }
            (_, E::IdentityVerified { .. }) => return Err(EnrollmentError::NotPendingVerification),
            (S::Active { .. }, E::Pause { at }) => {
                if let Some(open) = next.active_periods.last_mut().filter(|p| p.until.is_none()) {
                    open.until = Some(at);
                }
                S::Paused { since: at }
            }
            (S::NotEnrolled, E::Pause { .. } | E::Resume { .. }) => return Err(EnrollmentError::NotEnrolled),
            (_, E::Pause { .. }) => return Err(EnrollmentError::NotActive),
            (S::Paused { .. }, E::Resume { at }) => {
                S::PendingActivation { enrolled_at: at, activates_at: at + self.rules(at)?.activation_delay() }
            }
            (_, E::Resume { .. }) => return Err(EnrollmentError::NotPaused),
        };
        next.last_change = Some(at);
        Ok(next)
    }

    /// The enrollment as it stands at `now`: activations whose delay has
    /// passed, and (where the marketplace has a limit) lapses.
    pub fn tick(&self, now: DateTime<Utc>) -> Result<Enrollment, EnrollmentError> {
        let mut next = self.clone();
        match self.state {
            EnrollmentState::PendingActivation { activates_at, .. } if activates_at <= now => {
                next.state = EnrollmentState::Active { since: activates_at };
                next.active_periods.push(ActivePeriod { from: activates_at, until: None });
                next.last_change = Some(activates_at);
            }
            EnrollmentState::PendingIdentityVerification { enrolled_at } => {
                if let Some(days) = self.rules(enrolled_at)?.identity_verification_limit_days {
                    let lapsed_at = enrolled_at + Duration::days(i64::from(days));
                    if lapsed_at <= now {
                        next.state = EnrollmentState::Lapsed { enrolled_at, lapsed_at };
                        next.last_change = Some(lapsed_at);
                    }
                }
            }
            _ => {}
        }
        Ok(next)
    }

    /// Whether CSBA answers buyers about an order placed at `placed_at`: it
    /// was placed while CSBA was active. Orders placed before activation or
    /// while paused are the seller's; orders placed while active stay with
    /// Amazon after a pause (US page). A pending activation counts from its
    /// `activates_at`, which nothing but a later event can change.
    pub fn covers(&self, placed_at: DateTime<Utc>) -> bool {
        self.active_periods.iter().any(|p| p.contains(placed_at))
            || matches!(self.state, EnrollmentState::PendingActivation { activates_at, .. } if activates_at <= placed_at)
    }

    /// The free trial, `[start, end)` as dates in UTC: it starts when CSBA
    /// first became active and lasts the marketplace's trial length (JP 90
    /// days, US 30). Only the first enrollment has one (US page: "처음 가입하면").
    pub fn trial(&self) -> Result<Option<(NaiveDate, NaiveDate)>, EnrollmentError> {
        let Some(first) = self.active_periods.first() else { return Ok(None) };
        let start = first.from.date_naive();
        let days = self.rules(first.from)?.free_trial_days;
        Ok(Some((start, start + Duration::days(i64::from(days)))))
    }
}

/// What a seller needs before enrolling (DESIGN.md, both seeds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Eligibility {
    pub professional_plan: bool,
    pub good_standing: bool,
    pub identity_verified: bool,
    /// A contact that answers CSBA within 24 hours, holidays included.
    pub responsive_contact: bool,
    pub terms_accepted: bool,
    /// Only read where the marketplace is invitation-only.
    pub invited: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    ProfessionalPlan,
    GoodStanding,
    IdentityVerified,
    ResponsiveContact,
    TermsAccepted,
    Invitation,
}

impl Requirement {
    pub const ALL: [Requirement; 6] = [
        Requirement::ProfessionalPlan,
        Requirement::GoodStanding,
        Requirement::IdentityVerified,
        Requirement::ResponsiveContact,
        Requirement::TermsAccepted,
        Requirement::Invitation,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Requirement::ProfessionalPlan => "professional_plan",
            Requirement::GoodStanding => "good_standing",
            Requirement::IdentityVerified => "identity_verified",
            Requirement::ResponsiveContact => "responsive_contact",
            Requirement::TermsAccepted => "terms_accepted",
            Requirement::Invitation => "invitation",
        }
    }
}

impl Eligibility {
    /// What is missing, in checklist order. Identity verification is listed
    /// but does not block enrolling: CSBA starts after it (JP seed).
    pub fn missing(&self, rules: &Rules) -> Vec<Requirement> {
        [
            (self.professional_plan, Requirement::ProfessionalPlan),
            (self.good_standing, Requirement::GoodStanding),
            (self.identity_verified, Requirement::IdentityVerified),
            (self.responsive_contact, Requirement::ResponsiveContact),
            (self.terms_accepted, Requirement::TermsAccepted),
            (self.invited || !rules.invitation_only, Requirement::Invitation),
        ]
        .into_iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, r)| r)
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).single().unwrap_or_default()
    }

    #[test]
    fn jp_activates_after_the_delay_and_covers_from_then() -> Result<(), EnrollmentError> {
        let e = Enrollment::new(Marketplace::Jp).apply(EnrollmentEvent::Enroll {
            at: t(1, 0),
            identity_verified: true,
            invited: false,
        })?;
        assert_eq!(e.state, EnrollmentState::PendingActivation { enrolled_at: t(1, 0), activates_at: t(1, 4) });
        assert!(!e.covers(t(1, 3)));
        assert!(e.covers(t(1, 4)));
        let e = e.tick(t(1, 5))?;
        assert_eq!(e.state, EnrollmentState::Active { since: t(1, 4) });
        Ok(())
    }

    #[test]
    fn us_needs_an_invitation() {
        let e = Enrollment::new(Marketplace::Us).apply(EnrollmentEvent::Enroll {
            at: t(1, 0),
            identity_verified: true,
            invited: false,
        });
        assert_eq!(e.err().map(|e| e.code()), Some("not_invited"));
    }
}
