//! Weekly account-health figures: which week an instant belongs to, and
//! the rates a run of weeks implies.
//!
//! Weeks are kept as counts, never rates, so any window adds up exactly: the
//! claim rate over 13 weeks is the claims of the 13 weeks over their orders,
//! not the mean of 13 weekly rates (a quiet week would weigh as much as a
//! busy one). Rates are percentages as exact decimals, rounded half away
//! from zero to two places, like the service's `/v1/metrics`.

use crate::marketplace::{DataError, Marketplace};
use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// Amazon's order defect rate limit: above 1 % the account is at risk.
pub const ODR_LIMIT_PERCENT: Decimal = Decimal::ONE;
/// Amazon's valid-tracking-rate target: at least 95 % of shipments.
pub const VALID_TRACKING_TARGET_PERCENT: Decimal = Decimal::from_parts(95, 0, 0, false, 0);

/// The Monday of the week `at` falls in, on the marketplace's calendar (a
/// Sunday 23:30 in Tokyo is still the week before, a Monday 00:30 the new
/// one, whatever UTC says). Dates, not instants, so a DST change inside a
/// week moves nothing.
pub fn week_start(marketplace: Marketplace, at: DateTime<Utc>) -> Result<NaiveDate, DataError> {
    let zone = marketplace.time_zone()?;
    Ok(monday_of(at.with_timezone(&zone).date_naive()))
}

/// The Monday on or before `date`.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    // Only the first days of the calendar have no Monday before them; they
    // stay as they are rather than panic.
    date.checked_sub_signed(Duration::days(i64::from(date.weekday().num_days_from_monday()))).unwrap_or(date)
}

/// The instants a week spans, `[start, end)`: local midnight of its Monday
/// to local midnight of the next Monday, so a week across a DST change is
/// 167 or 169 hours long, not 168.
pub fn week_span(marketplace: Marketplace, week_start: NaiveDate) -> Result<(DateTime<Utc>, DateTime<Utc>), DataError> {
    let zone = marketplace.time_zone()?;
    let midnight = |date: NaiveDate| -> Result<DateTime<Utc>, DataError> {
        let local = date.and_time(NaiveTime::MIN);
        // In an overlap the earlier instant; in a gap (no zone of ours skips
        // midnight today) the first minute that exists.
        let found = match zone.from_local_datetime(&local) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t),
            LocalResult::None => {
                (1..=180).find_map(|m| zone.from_local_datetime(&(local + Duration::minutes(m))).earliest())
            }
        };
        found.map(|t| t.with_timezone(&Utc)).ok_or_else(|| DataError::Invalid {
            file: "time zone",
            message: format!("no local midnight on {date} in {zone}"),
        })
    };
    Ok((midnight(week_start)?, midnight(week_start + Duration::days(7))?))
}

/// The counts of one week (or of a run of weeks, added up).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WeekCounts {
    /// Seller-fulfilled orders placed (ODR and claim-rate denominator).
    pub orders: u64,
    /// Of those, with an A-to-z claim.
    pub a_to_z_claims: u64,
    /// Of those, with a claim or negative feedback (ODR numerator).
    pub defects: u64,
    /// Feedback left.
    pub feedback: u64,
    /// Of those, 1–2 stars.
    pub negative_feedback: u64,
    /// Orders shipped (valid-tracking denominator).
    pub shipped: u64,
    /// Of those, with a valid tracking ID.
    pub valid_tracking: u64,
    /// Units shipped.
    pub units: u64,
    /// Buyer contacts (cases opened).
    pub contacts: u64,
    /// First answers to buyer contacts.
    pub responses: u64,
    /// The sum of those first-answer times, in seconds.
    pub response_seconds: u64,
}

impl WeekCounts {
    /// Adds `other` in. Saturating: no real seller comes near u64::MAX, and
    /// a corrupt row must not panic the screen that sums it.
    pub fn add(&mut self, other: &WeekCounts) {
        self.orders = self.orders.saturating_add(other.orders);
        self.a_to_z_claims = self.a_to_z_claims.saturating_add(other.a_to_z_claims);
        self.defects = self.defects.saturating_add(other.defects);
        self.feedback = self.feedback.saturating_add(other.feedback);
        self.negative_feedback = self.negative_feedback.saturating_add(other.negative_feedback);
        self.shipped = self.shipped.saturating_add(other.shipped);
        self.valid_tracking = self.valid_tracking.saturating_add(other.valid_tracking);
        self.units = self.units.saturating_add(other.units);
        self.contacts = self.contacts.saturating_add(other.contacts);
        self.responses = self.responses.saturating_add(other.responses);
        self.response_seconds = self.response_seconds.saturating_add(other.response_seconds);
    }

    /// The sum of a run of weeks.
    pub fn total<'a>(weeks: impl IntoIterator<Item = &'a WeekCounts>) -> WeekCounts {
        let mut sum = WeekCounts::default();
        for week in weeks {
            sum.add(week);
        }
        sum
    }
}

/// What a [`WeekCounts`] implies. Percentages with two places; `None` where
/// there is nothing to divide by (no orders, no feedback, nothing shipped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rates {
    pub a_to_z_claim_rate: Option<Decimal>,
    pub negative_feedback_rate: Option<Decimal>,
    pub order_defect_rate: Option<Decimal>,
    pub valid_tracking_rate: Option<Decimal>,
    /// Contacts ÷ units, in percent (the CPU of the fee schedule).
    pub contacts_per_unit: Option<Decimal>,
    /// Mean first-answer time, whole seconds (rounded half away from zero).
    pub response_seconds: Option<u64>,
}

pub fn rates(c: &WeekCounts) -> Rates {
    Rates {
        a_to_z_claim_rate: percent(c.a_to_z_claims, c.orders),
        negative_feedback_rate: percent(c.negative_feedback, c.feedback),
        order_defect_rate: percent(c.defects, c.orders),
        valid_tracking_rate: percent(c.valid_tracking, c.shipped),
        contacts_per_unit: percent(c.contacts, c.units),
        response_seconds: (c.responses > 0).then(|| {
            let mean = Decimal::from(c.response_seconds) / Decimal::from(c.responses);
            let rounded = mean.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
            u64::try_from(rounded).unwrap_or(u64::MAX)
        }),
    }
}

/// `part / whole` in percent, two places, half away from zero.
fn percent(part: u64, whole: u64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let ratio = Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole);
    Some(ratio.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap_or(DateTime::UNIX_EPOCH)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn sunday_night_and_monday_morning_in_tokyo_are_different_weeks() -> Result<(), DataError> {
        // Sunday 2026-03-08 23:30 JST = 14:30 UTC; Monday 00:30 JST = 15:30 UTC
        // (the same UTC day).
        assert_eq!(week_start(Marketplace::Jp, utc(2026, 3, 8, 14, 30))?, date(2026, 3, 2));
        assert_eq!(week_start(Marketplace::Jp, utc(2026, 3, 8, 15, 30))?, date(2026, 3, 9));
        // The same Monday 00:30 JST is still Sunday in Seattle.
        assert_eq!(week_start(Marketplace::Us, utc(2026, 3, 8, 15, 30))?, date(2026, 3, 2));
        Ok(())
    }

    #[test]
    fn a_us_week_across_the_dst_change_is_one_week_of_169_or_167_hours() -> Result<(), DataError> {
        // DST starts Sunday 2026-03-08 in Pacific time, ends Sunday 2026-11-01.
        let (start, end) = week_span(Marketplace::Us, date(2026, 3, 2))?;
        assert_eq!(start, utc(2026, 3, 2, 8, 0)); // PST midnight
        assert_eq!(end, utc(2026, 3, 9, 7, 0)); // PDT midnight
        assert_eq!((end - start).num_hours(), 167);
        let (start, end) = week_span(Marketplace::Us, date(2026, 10, 26))?;
        assert_eq!((end - start).num_hours(), 169);
        // Either side of the change, an instant lands in the week it spans.
        for at in [utc(2026, 3, 8, 9, 59), utc(2026, 3, 8, 10, 1), utc(2026, 3, 9, 6, 59)] {
            assert_eq!(week_start(Marketplace::Us, at)?, date(2026, 3, 2), "{at}");
        }
        assert_eq!(week_start(Marketplace::Us, utc(2026, 3, 9, 7, 0))?, date(2026, 3, 9));
        Ok(())
    }

    #[test]
    fn the_first_iso_week_starts_in_the_old_year() -> Result<(), DataError> {
        // 2027-01-01 is a Friday: its week (ISO week 53 of 2026) began
        // Monday 2026-12-28; 2026-01-01 (Thursday) is in ISO week 1 of 2026,
        // which began Monday 2025-12-29.
        assert_eq!(week_start(Marketplace::Jp, utc(2027, 1, 1, 3, 0))?, date(2026, 12, 28));
        assert_eq!(week_start(Marketplace::Jp, utc(2026, 1, 1, 3, 0))?, date(2025, 12, 29));
        assert_eq!(date(2025, 12, 29).iso_week().week(), 1);
        let (start, end) = week_span(Marketplace::Jp, date(2025, 12, 29))?;
        assert_eq!(start, utc(2025, 12, 28, 15, 0));
        assert_eq!(end - start, Duration::days(7));
        Ok(())
    }

    #[test]
    fn monday_of_a_monday_is_itself() {
        assert_eq!(monday_of(date(2026, 12, 7)), date(2026, 12, 7));
        assert_eq!(monday_of(date(2026, 12, 13)), date(2026, 12, 7));
        assert_eq!(monday_of(NaiveDate::MIN), NaiveDate::MIN, "no panic at the start of the calendar");
    }

    fn week(orders: u64, claims: u64, defects: u64) -> WeekCounts {
        WeekCounts { orders, a_to_z_claims: claims, defects, ..WeekCounts::default() }
    }

    #[test]
    fn rates_over_weeks_come_from_summed_counts() {
        // One busy week with no claim, one quiet week with one: 1 / 101, not
        // the mean of 0 % and 100 %.
        let sum = WeekCounts::total(&[week(100, 0, 0), week(1, 1, 1)]);
        assert_eq!(sum, week(101, 1, 1));
        let r = rates(&sum);
        assert_eq!(r.a_to_z_claim_rate, Some(Decimal::new(99, 2)));
        assert_eq!(r.order_defect_rate, Some(Decimal::new(99, 2)));
        assert_eq!(r.negative_feedback_rate, None);
        assert_eq!(r.valid_tracking_rate, None);
        assert_eq!(r.response_seconds, None);
    }

    #[test]
    fn rates_round_half_away_from_zero_and_means_are_whole_seconds() {
        let c = WeekCounts {
            feedback: 8,
            negative_feedback: 1, // 12.5 %
            shipped: 3,
            valid_tracking: 2, // 66.666… → 66.67
            units: 200,
            contacts: 1, // 0.5 %
            responses: 2,
            response_seconds: 3, // 1.5 s → 2
            ..WeekCounts::default()
        };
        let r = rates(&c);
        assert_eq!(r.negative_feedback_rate.map(|d| d.to_string()).as_deref(), Some("12.50"));
        assert_eq!(r.valid_tracking_rate.map(|d| d.to_string()).as_deref(), Some("66.67"));
        assert_eq!(r.contacts_per_unit.map(|d| d.to_string()).as_deref(), Some("0.50"));
        assert_eq!(r.response_seconds, Some(2));
        assert_eq!(r.a_to_z_claim_rate, None);
    }

    #[test]
    fn adding_saturates_instead_of_overflowing() {
        let mut a = WeekCounts { response_seconds: u64::MAX - 1, ..WeekCounts::default() };
        a.add(&WeekCounts { response_seconds: 5, orders: 2, ..WeekCounts::default() });
        assert_eq!(a.response_seconds, u64::MAX);
        assert_eq!(a.orders, 2);
    }

    #[test]
    fn thresholds_are_amazons() {
        assert_eq!(ODR_LIMIT_PERCENT.to_string(), "1");
        assert_eq!(VALID_TRACKING_TARGET_PERCENT.to_string(), "95");
    }
}
