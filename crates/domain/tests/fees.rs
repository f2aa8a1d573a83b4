//! Fee estimates: tiers, boundaries, the small-volume rule, trials.

use chrono::NaiveDate;
use csba_domain::fees::{estimate, FeeEstimate};
use csba_domain::Marketplace;
use proptest::prelude::*;

fn on(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
}

fn fee(mp: Marketplace, units: u64, contacts: u64) -> Result<(String, u8, i64, i64), String> {
    let e: FeeEstimate = estimate(mp, on("2026-06-01"), units, contacts, None).map_err(|e| e.to_string())?;
    Ok((e.cpu_percent.to_string(), e.tier, e.fee_per_unit_minor, e.total_minor))
}

#[test]
fn us_boundaries_are_inclusive() -> Result<(), String> {
    let us = Marketplace::Us;
    assert_eq!(fee(us, 1000, 50)?, ("5.0".into(), 1, 10, 10_000)); // exactly 5 %
    assert_eq!(fee(us, 1000, 51)?, ("5.1".into(), 2, 25, 25_000));
    assert_eq!(fee(us, 1000, 150)?, ("15.0".into(), 2, 25, 25_000));
    assert_eq!(fee(us, 1000, 151)?, ("15.1".into(), 3, 50, 50_000));
    assert_eq!(fee(us, 1000, 300)?, ("30.0".into(), 3, 50, 50_000));
    assert_eq!(fee(us, 1000, 301)?, ("30.1".into(), 4, 70, 70_000));
    // Just above 5 % but displayed as 5.0: the exact ratio decides.
    assert_eq!(fee(us, 10_000, 501)?, ("5.0".into(), 2, 25, 250_000));
    Ok(())
}

#[test]
fn us_small_volume_cpu_is_unreliable() -> Result<(), String> {
    let us = Marketplace::Us;
    assert_eq!(fee(us, 30, 20)?, ("66.7".into(), 0, 25, 750));
    assert_eq!(fee(us, 31, 0)?, ("0.0".into(), 1, 10, 310));
    assert_eq!(fee(us, 0, 0)?, ("0.0".into(), 0, 25, 0));
    Ok(())
}

#[test]
fn jp_boundaries_in_yen() -> Result<(), String> {
    let jp = Marketplace::Jp;
    assert_eq!(fee(jp, 200, 10)?, ("5.0".into(), 1, 11, 2_200));
    assert_eq!(fee(jp, 2000, 101)?, ("5.1".into(), 2, 38, 76_000)); // 5.05 % rounds half-up
    assert_eq!(fee(jp, 100, 10)?, ("10.0".into(), 2, 38, 3_800));
    assert_eq!(fee(jp, 1000, 101)?, ("10.1".into(), 3, 76, 76_000));
    assert_eq!(fee(jp, 100, 20)?, ("20.0".into(), 3, 76, 7_600));
    assert_eq!(fee(jp, 1000, 201)?, ("20.1".into(), 4, 163, 163_000));
    // No small-volume rule on JP; zero units cost nothing.
    assert_eq!(fee(jp, 0, 0)?, ("0.0".into(), 1, 11, 0));
    assert_eq!(fee(jp, 5, 1)?, ("20.0".into(), 3, 76, 380));
    let e = estimate(jp, on("2026-06-01"), 10, 0, None).map_err(|e| e.to_string())?;
    assert_eq!(e.currency, "JPY");
    Ok(())
}

#[test]
fn jp_was_free_before_2021_09_06() -> Result<(), String> {
    let before = estimate(Marketplace::Jp, on("2021-09-05"), 1000, 300, None).map_err(|e| e.to_string())?;
    assert_eq!((before.tier, before.fee_per_unit_minor, before.total_minor), (1, 0, 0));
    let after = estimate(Marketplace::Jp, on("2021-09-06"), 1000, 300, None).map_err(|e| e.to_string())?;
    assert_eq!((after.tier, after.fee_per_unit_minor, after.total_minor), (4, 163, 163_000));
    Ok(())
}

#[test]
fn trial_is_honoured_half_open() -> Result<(), String> {
    let trial = Some((on("2026-01-01"), on("2026-04-01"))); // 90 days
    let inside = estimate(Marketplace::Jp, on("2026-03-31"), 1000, 30, trial).map_err(|e| e.to_string())?;
    assert_eq!((inside.in_trial, inside.tier, inside.fee_per_unit_minor, inside.total_minor), (true, 1, 0, 0));
    let after = estimate(Marketplace::Jp, on("2026-04-01"), 1000, 30, trial).map_err(|e| e.to_string())?;
    assert_eq!((after.in_trial, after.total_minor), (false, 11_000));
    let before = estimate(Marketplace::Jp, on("2025-12-31"), 1000, 30, trial).map_err(|e| e.to_string())?;
    assert!(!before.in_trial);
    Ok(())
}

#[test]
fn huge_volumes_overflow_with_a_code() {
    let e = estimate(Marketplace::Us, on("2026-06-01"), u64::MAX, 0, None);
    assert_eq!(e.err().map(|e| e.code()), Some("fee_overflow"));
}

proptest! {
    /// The fee never falls as CPU rises (for the same units), and the
    /// total is always fee × units.
    #[test]
    fn fee_is_monotonic_in_contacts(units in 31u64..1_000_000, a in 0u64..1_000_000, b in 0u64..1_000_000) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        for mp in Marketplace::ALL {
            let x = estimate(mp, on("2026-06-01"), units, lo, None);
            let y = estimate(mp, on("2026-06-01"), units, hi, None);
            prop_assert!(x.is_ok() && y.is_ok());
            if let (Ok(x), Ok(y)) = (x, y) {
                prop_assert!(x.fee_per_unit_minor <= y.fee_per_unit_minor);
                prop_assert!(x.tier <= y.tier);
                prop_assert_eq!(x.total_minor, x.fee_per_unit_minor * i64::try_from(units).unwrap_or(0));
            }
        }
    }
}
