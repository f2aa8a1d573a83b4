//! The enrollment state machine and which orders CSBA covers.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use csba_domain::enrollment::{Eligibility, Enrollment, EnrollmentEvent as E, EnrollmentState as S, Requirement};
use csba_domain::Marketplace;

fn at(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).map_err(|e| format!("{s}: {e}"))
}

fn run(mp: Marketplace, events: &[E]) -> Result<Enrollment, String> {
    events.iter().try_fold(Enrollment::new(mp), |e, ev| e.apply(*ev).map_err(|err| err.code().to_owned()))
}

fn code(mp: Marketplace, events: &[E]) -> String {
    match run(mp, events) {
        Ok(e) => format!("ok {:?}", e.state),
        Err(code) => code,
    }
}

#[test]
fn jp_unverified_enrollment_activates_a_few_hours_after_verification() -> Result<(), String> {
    let enrolled = at("2026-03-01T00:00:00Z")?;
    let verified = at("2026-03-05T10:00:00Z")?;
    let e = run(
        Marketplace::Jp,
        &[E::Enroll { at: enrolled, identity_verified: false, invited: false }, E::IdentityVerified { at: verified }],
    )?;
    assert_eq!(e.state, S::PendingActivation { enrolled_at: enrolled, activates_at: verified + Duration::hours(4) });
    let e = e.tick(verified + Duration::hours(4)).map_err(|e| e.to_string())?;
    assert_eq!(e.state, S::Active { since: verified + Duration::hours(4) });
    assert!(!e.covers(verified));
    assert!(e.covers(verified + Duration::hours(4)));
    Ok(())
}

#[test]
fn jp_enrollment_lapses_after_14_days_unverified() -> Result<(), String> {
    let enrolled = at("2026-03-01T00:00:00Z")?;
    let e = run(Marketplace::Jp, &[E::Enroll { at: enrolled, identity_verified: false, invited: false }])?;
    let day13 = e.tick(enrolled + Duration::days(13)).map_err(|e| e.to_string())?;
    assert_eq!(day13.state, S::PendingIdentityVerification { enrolled_at: enrolled });
    let day14 = e.tick(enrolled + Duration::days(14)).map_err(|e| e.to_string())?;
    assert_eq!(day14.state, S::Lapsed { enrolled_at: enrolled, lapsed_at: enrolled + Duration::days(14) });
    // Verifying afterwards is too late; enrolling again works.
    let late = E::IdentityVerified { at: enrolled + Duration::days(15) };
    assert_eq!(day14.apply(late).err().map(|e| e.code()), Some("lapsed_reenroll_required"));
    let again = day14
        .apply(E::Enroll { at: enrolled + Duration::days(15), identity_verified: true, invited: false })
        .map_err(|e| e.to_string())?;
    assert!(matches!(again.state, S::PendingActivation { .. }));
    Ok(())
}

#[test]
fn us_is_invitation_only_and_starts_within_an_hour() -> Result<(), String> {
    let t0 = at("2026-03-01T00:00:00Z")?;
    assert_eq!(code(Marketplace::Us, &[E::Enroll { at: t0, identity_verified: true, invited: false }]), "not_invited");
    let e = run(Marketplace::Us, &[E::Enroll { at: t0, identity_verified: true, invited: true }])?;
    assert_eq!(e.state, S::PendingActivation { enrolled_at: t0, activates_at: t0 + Duration::hours(1) });
    Ok(())
}

#[test]
fn after_a_pause_orders_placed_while_active_stay_covered() -> Result<(), String> {
    let t0 = at("2026-03-01T00:00:00Z")?;
    let h = Duration::hours;
    let e = run(
        Marketplace::Us,
        &[
            E::Enroll { at: t0, identity_verified: true, invited: true },
            E::Pause { at: t0 + h(10) }, // activation at +1 h happens first
            E::Resume { at: t0 + h(20) },
            E::Tick { now: t0 + h(30) },
        ],
    )?;
    assert_eq!(e.state, S::Active { since: t0 + h(21) });
    assert!(!e.covers(t0 + Duration::minutes(30))); // before activation
    assert!(e.covers(t0 + h(1)));
    assert!(e.covers(t0 + h(9))); // placed while active, answered by Amazon after the pause
    assert!(!e.covers(t0 + h(10))); // placed while paused
    assert!(!e.covers(t0 + h(20) + Duration::minutes(30))); // resumed, not yet active
    assert!(e.covers(t0 + h(21)));
    assert_eq!(e.active_periods.len(), 2);
    Ok(())
}

#[test]
fn every_illegal_transition_has_a_code() -> Result<(), String> {
    let t0 = at("2026-03-01T00:00:00Z")?;
    let h = Duration::hours;
    let jp = Marketplace::Jp;
    let enroll = |t| E::Enroll { at: t, identity_verified: true, invited: false };
    assert_eq!(code(jp, &[E::Pause { at: t0 }]), "not_enrolled");
    assert_eq!(code(jp, &[E::Resume { at: t0 }]), "not_enrolled");
    assert_eq!(code(jp, &[E::IdentityVerified { at: t0 }]), "not_pending_verification");
    assert_eq!(code(jp, &[enroll(t0), enroll(t0 + h(1))]), "already_enrolled");
    assert_eq!(code(jp, &[enroll(t0), E::Pause { at: t0 + h(1) }]), "not_active");
    assert_eq!(code(jp, &[enroll(t0), E::Resume { at: t0 + h(5) }]), "not_paused");
    assert_eq!(code(jp, &[enroll(t0), E::Pause { at: t0 + h(5) }, E::Pause { at: t0 + h(6) }]), "not_active");
    assert_eq!(code(jp, &[enroll(t0), enroll(t0 - h(1))]), "event_before_last_change");
    assert_eq!(
        code(jp, &[E::Enroll { at: at("2010-01-01T00:00:00Z")?, identity_verified: true, invited: false }]),
        "no_rules_in_force"
    );
    Ok(())
}

#[test]
fn a_failed_event_changes_nothing() -> Result<(), String> {
    let t0 = at("2026-03-01T00:00:00Z")?;
    let e = run(Marketplace::Jp, &[E::Enroll { at: t0, identity_verified: true, invited: false }])?;
    let before = e.clone();
    assert!(e.apply(E::Resume { at: t0 + Duration::hours(5) }).is_err());
    assert_eq!(e, before);
    Ok(())
}

#[test]
fn trial_starts_at_first_activation() -> Result<(), String> {
    let t0 = at("2026-03-01T22:00:00Z")?;
    let e = run(
        Marketplace::Jp,
        &[E::Enroll { at: t0, identity_verified: true, invited: false }, E::Tick { now: t0 + Duration::days(1) }],
    )?;
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    assert_eq!(e.trial().map_err(|e| e.to_string())?, Some((start, start + Duration::days(90))));
    assert_eq!(Enrollment::new(Marketplace::Us).trial().map_err(|e| e.to_string())?, None);
    Ok(())
}

#[test]
fn eligibility_lists_what_is_missing() -> Result<(), String> {
    let on = NaiveDate::from_ymd_opt(2026, 3, 1).ok_or("date")?;
    let us = Marketplace::Us.rules(on).map_err(|e| e.to_string())?;
    let jp = Marketplace::Jp.rules(on).map_err(|e| e.to_string())?;
    let seller =
        Eligibility { professional_plan: true, good_standing: true, terms_accepted: true, ..Default::default() };
    assert_eq!(
        seller.missing(us),
        vec![Requirement::IdentityVerified, Requirement::ResponsiveContact, Requirement::Invitation]
    );
    assert_eq!(seller.missing(jp), vec![Requirement::IdentityVerified, Requirement::ResponsiveContact]);
    let all = Eligibility {
        professional_plan: true,
        good_standing: true,
        identity_verified: true,
        responsive_contact: true,
        terms_accepted: true,
        invited: true,
    };
    assert!(all.missing(us).is_empty());
    Ok(())
}

mod properties {
    use chrono::{DateTime, Duration, Utc};
    use csba_domain::enrollment::{Enrollment, EnrollmentEvent as E, EnrollmentState as S};
    use csba_domain::Marketplace;
    use proptest::prelude::*;

    fn event(kind: u8, at: DateTime<Utc>, flag: bool) -> E {
        match kind % 5 {
            0 => E::Enroll { at, identity_verified: flag, invited: !flag || kind > 100 },
            1 => E::IdentityVerified { at },
            2 => E::Tick { now: at },
            3 => E::Pause { at },
            _ => E::Resume { at },
        }
    }

    proptest! {
        /// Any sequence of events: no panic, failed events change nothing,
        /// active periods stay ordered and disjoint, and CSBA never covers an
        /// order placed while it was paused or before it first started.
        #[test]
        fn history_stays_consistent(
            steps in proptest::collection::vec((any::<u8>(), 0i64..400_000, any::<bool>()), 1..40),
            jp in any::<bool>(),
        ) {
            let mp = if jp { Marketplace::Jp } else { Marketplace::Us };
            let mut now = DateTime::<Utc>::from_timestamp(1_767_225_600, 0).unwrap_or_default(); // 2026-01-01
            let mut e = Enrollment::new(mp);
            for (kind, gap_secs, flag) in steps {
                now += Duration::seconds(gap_secs);
                match e.apply(event(kind, now, flag)) {
                    Ok(next) => e = next,
                    Err(err) => prop_assert!(!err.code().is_empty()),
                }
            }
            for pair in e.active_periods.windows(2) {
                prop_assert!(pair[0].until.is_some_and(|u| u <= pair[1].from));
            }
            if let Some(first) = e.active_periods.first() {
                prop_assert!(!e.covers(first.from - Duration::seconds(1)));
            }
            if let S::Paused { since } = e.state {
                prop_assert!(!e.covers(since));
                prop_assert!(!e.covers(since + Duration::days(365)));
            }
        }
    }
}
