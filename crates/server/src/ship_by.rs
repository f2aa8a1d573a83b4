//! An order's ship-by instant: the latest moment the parcel may leave
//! without counting as a late shipment. Amazon dates it from the order and
//! the seller's handling time, counted in business days of the marketplace
//! (its weekends and public holidays, in its time zone), and the parcel may
//! leave any time on that last day.

use crate::error::{Result, ServerError};
use chrono::{DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use csba_domain::calendar::{self, CalendarError};
use csba_domain::Marketplace;

/// Amazon's default handling time for seller-fulfilled orders on both
/// marketplaces we serve. Sellers can set their own per SKU, which the
/// reference service does not model; callers that know better pass their
/// own `ship_by` (see `orders::put_order`).
pub const DEFAULT_HANDLING_BUSINESS_DAYS: u32 = 2;

/// The end of the `DEFAULT_HANDLING_BUSINESS_DAYS`th business day after the
/// local day the order was placed on (that day itself never counts, as with
/// Amazon's "ships within 2 business days"), as the last whole second of
/// that day in the marketplace's zone, 23:59:59 — what Amazon shows.
pub fn default_ship_by(marketplace: Marketplace, placed_at: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let zone = marketplace.time_zone().map_err(|e| ServerError::Corrupt(e.to_string()))?;
    let placed_on = placed_at.with_timezone(&zone).date_naive();
    let last_day = add_business_days(marketplace, placed_on, DEFAULT_HANDLING_BUSINESS_DAYS)?;
    end_of_day(marketplace, last_day)
}

/// The last whole second (23:59:59) of `day` in the marketplace's zone.
pub fn end_of_day(marketplace: Marketplace, day: NaiveDate) -> Result<DateTime<Utc>> {
    let zone = marketplace.time_zone().map_err(|e| ServerError::Corrupt(e.to_string()))?;
    let time = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
    match zone.from_local_datetime(&day.and_time(time)) {
        // In a repeated hour, the earlier instant: the stricter deadline.
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Ok(t.with_timezone(&Utc)),
        // Neither Tokyo nor Los Angeles skips 23:59:59; an hour earlier
        // exists in any zone that might.
        LocalResult::None => zone
            .from_local_datetime(&(day.and_time(time) - Duration::hours(1)))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| ServerError::Corrupt(format!("no 23:59:59 on {day} in {zone}"))),
    }
}

/// The domain's business days; outside the years the holiday data covers
/// (orders imported from long ago), weekdays alone, so an old order still
/// gets a ship-by instead of failing to load.
fn add_business_days(marketplace: Marketplace, from: NaiveDate, n: u32) -> Result<NaiveDate> {
    match calendar::add_business_days(marketplace, from, n) {
        Ok(day) => Ok(day),
        Err(CalendarError::YearOutOfRange { .. }) => {
            let mut day = from;
            let mut left = n;
            while left > 0 {
                day = day.succ_opt().ok_or_else(|| ServerError::Corrupt(format!("no day after {day}")))?;
                if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                    left -= 1;
                }
            }
            Ok(day)
        }
        Err(e) => Err(ServerError::Corrupt(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
    }

    #[test]
    fn two_business_days_then_the_end_of_the_local_day() -> Result<()> {
        // Wednesday 2026-03-04 10:00 in Tokyo → Friday 23:59:59 JST.
        assert_eq!(default_ship_by(Marketplace::Jp, utc("2026-03-04T01:00:00Z"))?, utc("2026-03-06T14:59:59Z"));
        // Thursday in Tokyo: the weekend does not count → Monday.
        assert_eq!(default_ship_by(Marketplace::Jp, utc("2026-03-05T01:00:00Z"))?, utc("2026-03-09T14:59:59Z"));
        // Thursday 2026-03-05 20:00 in Los Angeles (PST, UTC−8) is already
        // Friday in UTC; the local day decides → Monday 23:59:59 PDT (DST
        // began on Sunday 8 March).
        assert_eq!(default_ship_by(Marketplace::Us, utc("2026-03-06T04:00:00Z"))?, utc("2026-03-10T06:59:59Z"));
        Ok(())
    }

    #[test]
    fn holidays_do_not_count() -> Result<()> {
        // Tuesday 2026-04-28 in Tokyo; 29 April (Shōwa Day) is a holiday →
        // 30 April, 1 May.
        assert_eq!(default_ship_by(Marketplace::Jp, utc("2026-04-28T03:00:00Z"))?, utc("2026-05-01T14:59:59Z"));
        // Friday 2026-07-03 in Los Angeles is the observed Independence Day:
        // placed Thursday 2 July → Monday 6, Tuesday 7 July.
        assert_eq!(default_ship_by(Marketplace::Us, utc("2026-07-02T18:00:00Z"))?, utc("2026-07-08T06:59:59Z"));
        Ok(())
    }

    #[test]
    fn before_the_holiday_data_weekdays_still_count() -> Result<()> {
        // Friday 2000-01-07 in Tokyo, before the JP holiday data begins.
        assert_eq!(default_ship_by(Marketplace::Jp, utc("2000-01-07T03:00:00Z"))?, utc("2000-01-11T14:59:59Z"));
        Ok(())
    }
}
