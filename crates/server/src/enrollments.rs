//! CSBA enrollment per marketplace, stored as the domain's
//! [`Enrollment`] (state and active periods) and changed only through its
//! state machine, so the server and the app agree on every transition.

use crate::db::{to_ms, truncate_ms, Db};
use crate::error::{Result, ServerError};
use crate::feed;
use crate::write_tx::WriteTx;
use chrono::{DateTime, Duration, Utc};
use csba_api::{
    ActivePeriodView, EligibilityItem, EnrollmentView, FieldError, Problem, ProblemCode, Resource, TrialView,
};
use csba_domain::enrollment::{
    Eligibility, Enrollment, EnrollmentError, EnrollmentEvent, EnrollmentState, Requirement,
};
use csba_domain::Marketplace;
use sqlx::AnyConnection;

/// What the seller asks for.
#[derive(Debug, Clone)]
pub enum Action {
    Enroll { terms_version: String },
    Pause,
    Resume,
}

/// The enrollment as it stands at `now` (activation delays and lapses
/// applied), with the checklist.
pub async fn view(db: &Db, seller_id: &str, marketplace: Marketplace, now: DateTime<Utc>) -> Result<EnrollmentView> {
    let mut conn = db.reads().acquire().await?;
    let (enrollment, terms) = load(&mut conn, seller_id, marketplace).await?;
    let eligibility = eligibility_of(&mut conn, seller_id).await?;
    let current = enrollment.tick(now).map_err(domain_failure)?;
    to_view(&current, terms, eligibility, now)
}

/// Applies `action` at `now` in one transaction and records the result in
/// the feed. Refusals are problems with the domain's code.
pub async fn act(
    db: &Db,
    seller_id: &str,
    marketplace: Marketplace,
    action: Action,
    now: DateTime<Utc>,
) -> Result<EnrollmentView> {
    let now = truncate_ms(now);
    let mut tx = WriteTx::begin(db).await?;
    feed::lock_seller(&mut tx, seller_id).await?;
    let (enrollment, terms) = load(&mut tx, seller_id, marketplace).await?;
    let mut eligibility = eligibility_of(&mut tx, seller_id).await?;
    let (event, terms) = match action {
        Action::Enroll { terms_version } => {
            let terms_version = terms_version.trim().to_owned();
            eligibility.terms_accepted = !terms_version.is_empty();
            let rules = marketplace.rules(now.date_naive()).map_err(|e| ServerError::Corrupt(e.to_string()))?;
            let blocking: Vec<Requirement> =
                eligibility.missing(rules).into_iter().filter(|r| *r != Requirement::IdentityVerified).collect();
            if !blocking.is_empty() {
                return Err(ineligible(&blocking));
            }
            let event = EnrollmentEvent::Enroll {
                at: now,
                identity_verified: eligibility.identity_verified,
                invited: eligibility.invited,
            };
            (event, Some(terms_version))
        }
        Action::Pause => (EnrollmentEvent::Pause { at: now }, terms),
        Action::Resume => (EnrollmentEvent::Resume { at: now }, terms),
    };
    let next = enrollment.apply(event).map_err(refusal)?;
    let view = put_enrollment(&mut tx, seller_id, &next, terms, eligibility, now).await?;
    tx.commit().await?;
    Ok(view)
}

/// Stores `enrollment` (with the instant it next changes by itself, for the
/// sweeper) and records its view in the feed. Call inside a transaction
/// holding the seller's lock.
pub async fn put_enrollment(
    conn: &mut AnyConnection,
    seller_id: &str,
    enrollment: &Enrollment,
    terms: Option<String>,
    eligibility: Eligibility,
    now: DateTime<Utc>,
) -> Result<EnrollmentView> {
    let now = truncate_ms(now);
    let view = to_view(enrollment, terms.clone(), eligibility, now)?;
    feed::record(conn, seller_id, now, &Resource::Enrollment(view.clone())).await?;
    sqlx::query(
        "INSERT INTO enrollments (seller_id, marketplace, enrollment, terms_version, updated_at, wakes_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (seller_id, marketplace) DO UPDATE SET \
         enrollment = excluded.enrollment, terms_version = excluded.terms_version, \
         updated_at = excluded.updated_at, wakes_at = excluded.wakes_at",
    )
    .bind(seller_id)
    .bind(enrollment.marketplace.code())
    .bind(serde_json::to_string(enrollment)?)
    .bind(terms)
    .bind(to_ms(now))
    .bind(wakes_at(enrollment)?.map(to_ms))
    .execute(&mut *conn)
    .await?;
    Ok(view)
}

/// When `enrollment` turns into another state with nobody asking (what
/// [`Enrollment::tick`] would apply): the end of the activation delay, or
/// where the marketplace has a limit, the identity-verification lapse.
pub fn wakes_at(enrollment: &Enrollment) -> Result<Option<DateTime<Utc>>> {
    Ok(match enrollment.state {
        EnrollmentState::PendingActivation { activates_at, .. } => Some(activates_at),
        EnrollmentState::PendingIdentityVerification { enrolled_at } => enrollment
            .marketplace
            .rules(enrolled_at.date_naive())
            .map_err(|e| ServerError::Corrupt(e.to_string()))?
            .identity_verification_limit_days
            .map(|days| enrolled_at + Duration::days(i64::from(days))),
        _ => None,
    })
}

/// The stored enrollment, or a fresh "not enrolled" one.
pub async fn load(
    conn: &mut AnyConnection,
    seller_id: &str,
    marketplace: Marketplace,
) -> Result<(Enrollment, Option<String>)> {
    let row: Option<(String, Option<String>)> =
        sqlx::query_as("SELECT enrollment, terms_version FROM enrollments WHERE seller_id = $1 AND marketplace = $2")
            .bind(seller_id)
            .bind(marketplace.code())
            .fetch_optional(&mut *conn)
            .await?;
    match row {
        Some((json, terms)) => Ok((serde_json::from_str(&json)?, terms)),
        None => Ok((Enrollment::new(marketplace), None)),
    }
}

/// The seller's checklist; no stored checklist means every item is met.
pub async fn eligibility_of(conn: &mut AnyConnection, seller_id: &str) -> Result<Eligibility> {
    let stored: Option<Option<String>> = sqlx::query_scalar("SELECT eligibility FROM sellers WHERE id = $1")
        .bind(seller_id)
        .fetch_optional(&mut *conn)
        .await?;
    match stored.flatten() {
        Some(json) => Ok(serde_json::from_str(&json)?),
        None => Ok(Eligibility {
            professional_plan: true,
            good_standing: true,
            identity_verified: true,
            responsive_contact: true,
            terms_accepted: false,
            invited: true,
        }),
    }
}

/// Sets a seller's checklist (admin, simulator, tests).
pub async fn set_eligibility(db: &Db, seller_id: &str, eligibility: &Eligibility) -> Result<()> {
    sqlx::query("UPDATE sellers SET eligibility = $1 WHERE id = $2")
        .bind(serde_json::to_string(eligibility)?)
        .bind(seller_id)
        .execute(db.writes())
        .await?;
    Ok(())
}

fn to_view(
    e: &Enrollment,
    terms_version: Option<String>,
    eligibility: Eligibility,
    now: DateTime<Utc>,
) -> Result<EnrollmentView> {
    // Terms on record were accepted, whoever reads the checklist later.
    let accepted = terms_version.as_deref().is_some_and(|t| !t.trim().is_empty());
    let eligibility = Eligibility { terms_accepted: eligibility.terms_accepted || accepted, ..eligibility };
    let mut view = EnrollmentView {
        marketplace: e.marketplace,
        state: String::new(),
        enrolled_at: None,
        activates_at: None,
        since: None,
        lapsed_at: None,
        active_periods: e.active_periods.iter().map(|p| ActivePeriodView { from: p.from, until: p.until }).collect(),
        trial: e.trial().map_err(domain_failure)?.map(|(start, end)| TrialView { start, end }),
        terms_version,
        eligibility: checklist(e.marketplace, eligibility, now)?,
    };
    view.state = match e.state {
        EnrollmentState::NotEnrolled => "not_enrolled",
        EnrollmentState::PendingIdentityVerification { enrolled_at } => {
            view.enrolled_at = Some(enrolled_at);
            "pending_identity_verification"
        }
        EnrollmentState::PendingActivation { enrolled_at, activates_at } => {
            view.enrolled_at = Some(enrolled_at);
            view.activates_at = Some(activates_at);
            "pending_activation"
        }
        EnrollmentState::Active { since } => {
            view.since = Some(since);
            "active"
        }
        EnrollmentState::Paused { since } => {
            view.since = Some(since);
            "paused"
        }
        EnrollmentState::Lapsed { enrolled_at, lapsed_at } => {
            view.enrolled_at = Some(enrolled_at);
            view.lapsed_at = Some(lapsed_at);
            "lapsed"
        }
    }
    .to_owned();
    Ok(view)
}

fn checklist(marketplace: Marketplace, eligibility: Eligibility, now: DateTime<Utc>) -> Result<Vec<EligibilityItem>> {
    let rules = marketplace.rules(now.date_naive()).map_err(|e| ServerError::Corrupt(e.to_string()))?;
    let missing = eligibility.missing(rules);
    Ok(Requirement::ALL
        .iter()
        .filter(|r| **r != Requirement::Invitation || rules.invitation_only)
        .map(|r| EligibilityItem {
            requirement: r.code().to_owned(),
            met: !missing.contains(r),
            blocking: *r != Requirement::IdentityVerified,
        })
        .collect())
}

fn ineligible(missing: &[Requirement]) -> ServerError {
    ServerError::rejected(
        Problem::new(ProblemCode::EnrollmentIneligible, "Not eligible to enroll")
            .with_detail("Requirements of the eligibility checklist are not met.")
            .with_errors(missing.iter().map(|r| FieldError::new(None, r.code())).collect()),
    )
}

/// A transition the state machine refuses.
fn refusal(e: EnrollmentError) -> ServerError {
    match e {
        EnrollmentError::NotInvited(_) => ineligible(&[Requirement::Invitation]),
        EnrollmentError::Data(_) => domain_failure(e),
        e => ServerError::rejected(
            Problem::new(ProblemCode::EnrollmentConflict, "Enrollment cannot change this way now")
                .with_detail(e.to_string())
                .with_errors(vec![FieldError::new(None, e.code())]),
        ),
    }
}

/// The embedded marketplace data is broken: our bug, not the client's.
pub(crate) fn domain_failure(e: EnrollmentError) -> ServerError {
    ServerError::Corrupt(e.to_string())
}
