//! The CSBA fee: a fee per seller-fulfilled unit, chosen by the contacts per
//! unit (CPU = contacts CSBA handled ÷ seller-fulfilled units shipped, over
//! the trailing period), from the marketplace's fee schedule in force.
//!
//! Arithmetic is exact: the tier is chosen by comparing integers
//! (contacts × 100 × 10ⁿ against units × bound), never a rounded or float
//! CPU. The CPU shown is rounded half-up to one decimal place (4.05 % →
//! "4.1"), for display only: 5.04 % shows as "5.0" yet is above 5 % and so in
//! the second tier, as the exact ratio is what the schedule speaks of.

use crate::marketplace::{DataError, FeeSchedule, Marketplace};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// An estimate of the fee for one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeeEstimate {
    /// CPU in percent, one decimal place, rounded half-up; 0.0 when no units.
    #[serde(with = "rust_decimal::serde::str")]
    pub cpu_percent: Decimal,
    /// 1..=4: the tier by CPU, in schedule order. 0: the CPU is unknown or
    /// unreliable (US: 30 units or fewer) and the flat "unreliable" fee
    /// applies.
    pub tier: u8,
    /// In the currency's minor unit (cents, whole yen). 0 inside the trial.
    pub fee_per_unit_minor: i64,
    /// ISO 4217.
    pub currency: String,
    pub total_minor: i64,
    /// The date fell inside the free trial.
    pub in_trial: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeeError {
    #[error(transparent)]
    Data(#[from] DataError),
    #[error("the fee does not fit in a 64-bit amount")]
    Overflow,
}

impl FeeError {
    /// Codes of its own; data errors add `DataError::CODES`.
    pub const CODES: &'static [&'static str] = &["fee_overflow"];

    pub fn code(&self) -> &'static str {
        match self {
            FeeError::Data(e) => e.code(),
            FeeError::Overflow => "fee_overflow",
        }
    }
}

/// The fee for `units` seller-fulfilled units and `contacts` CSBA contacts,
/// under the schedule in force `on`. `trial` is the free trial as `[start,
/// end)` (see `Enrollment::trial`); a date inside it costs nothing, though
/// the CPU and tier are still reported so the seller sees what is coming.
pub fn estimate(
    marketplace: Marketplace,
    on: NaiveDate,
    units: u64,
    contacts: u64,
    trial: Option<(NaiveDate, NaiveDate)>,
) -> Result<FeeEstimate, FeeError> {
    let data = marketplace.data()?;
    let schedule = marketplace.fee_schedule(on)?;
    let (tier, fee) = tier_and_fee(schedule, units, contacts);
    let in_trial = trial.is_some_and(|(start, end)| start <= on && on < end);
    let fee_per_unit_minor = if in_trial { 0 } else { fee };
    let total_minor =
        i64::try_from(units).ok().and_then(|u| u.checked_mul(fee_per_unit_minor)).ok_or(FeeError::Overflow)?;
    Ok(FeeEstimate {
        cpu_percent: cpu_percent(units, contacts),
        tier,
        fee_per_unit_minor,
        currency: data.currency.clone(),
        total_minor,
        in_trial,
    })
}

/// CPU in percent, rounded half-up to one decimal place.
pub fn cpu_percent(units: u64, contacts: u64) -> Decimal {
    if units == 0 {
        return Decimal::new(0, 1);
    }
    // Tenths of a percent, exactly, then one rounding step.
    let (num, den) = (u128::from(contacts) * 1000, u128::from(units));
    let tenths = (num * 2 + den) / (den * 2); // half-up
                                              // Decimal holds 96 bits; a CPU beyond that is not a real figure, so saturate.
    let tenths = i64::try_from(tenths).unwrap_or(i64::MAX);
    Decimal::new(tenths, 1)
}

fn tier_and_fee(schedule: &FeeSchedule, units: u64, contacts: u64) -> (u8, i64) {
    if let (Some(limit), Some(fee)) = (schedule.unreliable_at_or_below_units, schedule.unreliable_fee_minor) {
        if units <= limit {
            return (0, fee);
        }
    }
    for (i, tier) in schedule.tiers.iter().enumerate() {
        let within = match tier.up_to_percent {
            None => true,
            Some(bound) => cpu_at_most(units, contacts, bound),
        };
        if within {
            return (u8::try_from(i + 1).unwrap_or(u8::MAX), tier.fee_minor);
        }
    }
    // The data check guarantees an unbounded last tier; be safe anyway.
    (0, schedule.tiers.last().map_or(0, |t| t.fee_minor))
}

/// contacts / units × 100 ≤ bound, in integers: contacts × 100 × 10^s ≤
/// units × m where bound = m / 10^s.
fn cpu_at_most(units: u64, contacts: u64, bound: Decimal) -> bool {
    if units == 0 {
        return true;
    }
    let scale = bound.scale();
    let mantissa = bound.mantissa();
    let lhs = i128::from(contacts).saturating_mul(100).saturating_mul(10i128.saturating_pow(scale));
    let rhs = i128::from(units).saturating_mul(mantissa);
    lhs <= rhs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn cpu_rounds_half_up() {
        assert_eq!(cpu_percent(1000, 40).to_string(), "4.0");
        assert_eq!(cpu_percent(2000, 81).to_string(), "4.1"); // 4.05
        assert_eq!(cpu_percent(3, 1).to_string(), "33.3");
        assert_eq!(cpu_percent(3, 2).to_string(), "66.7");
        assert_eq!(cpu_percent(0, 5).to_string(), "0.0");
    }

    #[test]
    fn us_tiers_and_the_small_volume_rule() -> Result<(), FeeError> {
        let on = date(2026, 1, 1);
        let e = estimate(Marketplace::Us, on, 1000, 40, None)?;
        assert_eq!((e.tier, e.fee_per_unit_minor, e.total_minor, e.currency.as_str()), (1, 10, 10_000, "USD"));
        let e = estimate(Marketplace::Us, on, 30, 0, None)?;
        assert_eq!((e.tier, e.fee_per_unit_minor, e.total_minor), (0, 25, 750));
        Ok(())
    }

    #[test]
    fn trial_days_cost_nothing() -> Result<(), FeeError> {
        let trial = Some((date(2026, 1, 1), date(2026, 1, 31)));
        assert!(estimate(Marketplace::Us, date(2026, 1, 30), 100, 1, trial)?.in_trial);
        assert_eq!(estimate(Marketplace::Us, date(2026, 1, 30), 100, 1, trial)?.total_minor, 0);
        assert_eq!(estimate(Marketplace::Us, date(2026, 1, 31), 100, 1, trial)?.total_minor, 1000);
        Ok(())
    }
}
