//! Public holidays and business days per marketplace.
//!
//! The holidays are computed from the law's rules, kept as data in
//! `data/holidays/*.toml` (fixed dates, "nth weekday" dates, equinoxes,
//! one-off days), plus the two mechanisms the data names:
//! - Japan: 振替休日 (a holiday on a Sunday gives the next non-holiday day
//!   off) and 国民の休日 (a day between two holidays is a holiday);
//! - US: observed days (Saturday → the Friday before, Sunday → the Monday
//!   after; New Year's Day on a Saturday is observed on December 31).
//!
//! A business day is a Monday–Friday that is not a holiday (nor an observed
//! holiday) of that marketplace.

mod equinox;
mod rules;

use crate::marketplace::{DataError, Marketplace};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rules::{HolidayFile, Shift};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

pub use equinox::{autumnal_equinox_day, vernal_equinox_day};

/// A day off in a marketplace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holiday {
    pub date: NaiveDate,
    /// Stable code; the localized name is the message `holiday-<code>`.
    pub code: String,
    pub kind: HolidayKind,
}

impl Holiday {
    /// The Fluent message id of the holiday's name.
    pub fn message_id(&self) -> String {
        format!("holiday-{}", self.code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HolidayKind {
    /// The day the law names.
    Statutory,
    /// 振替休日: the day off for `for_date`, a holiday that fell on a Sunday.
    Substitute { for_date: NaiveDate },
    /// 国民の休日: a day between two holidays.
    Citizens,
    /// The weekday a US federal holiday on a weekend is observed on.
    Observed { actual: NaiveDate },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("{marketplace} holidays are known for {first}–{last}, not {year}")]
    YearOutOfRange { marketplace: Marketplace, year: i32, first: i32, last: i32 },
    #[error(transparent)]
    Data(#[from] DataError),
}

impl CalendarError {
    /// Codes of its own; data errors add `DataError::CODES`.
    pub const CODES: &'static [&'static str] = &["holiday_year_out_of_range"];

    pub fn code(&self) -> &'static str {
        match self {
            CalendarError::YearOutOfRange { .. } => "holiday_year_out_of_range",
            CalendarError::Data(e) => e.code(),
        }
    }
}

pub(crate) const JP_HOLIDAYS: &str = include_str!("../../data/holidays/jp.toml");
pub(crate) const US_HOLIDAYS: &str = include_str!("../../data/holidays/us.toml");

fn file(marketplace: Marketplace) -> Result<&'static HolidayFile, CalendarError> {
    static FILES: OnceLock<Result<(HolidayFile, HolidayFile), DataError>> = OnceLock::new();
    let files = FILES
        .get_or_init(|| {
            Ok((rules::parse("holidays/jp.toml", JP_HOLIDAYS)?, rules::parse("holidays/us.toml", US_HOLIDAYS)?))
        })
        .as_ref()
        .map_err(|e| CalendarError::Data(e.clone()))?;
    Ok(match marketplace {
        Marketplace::Jp => &files.0,
        Marketplace::Us => &files.1,
    })
}

/// Every holiday of `marketplace` dated in `year`, in date order (a
/// statutory US holiday on a weekend is listed with its observed day).
pub fn holidays(marketplace: Marketplace, year: i32) -> Result<Vec<Holiday>, CalendarError> {
    let data = file(marketplace)?;
    if year < data.first_year || year > data.last_year {
        return Err(CalendarError::YearOutOfRange { marketplace, year, first: data.first_year, last: data.last_year });
    }
    let mut days: Vec<Holiday> = match data.shift {
        Shift::JapaneseSubstituteAndCitizens => japanese(data, year),
        Shift::UsObserved => {
            // December 31 may be the observed New Year's Day of next year.
            let next = if year < data.last_year { statutory(data, year + 1) } else { BTreeMap::new() };
            us_observed(statutory(data, year), next, year)
        }
    };
    days.sort_by(|a, b| a.date.cmp(&b.date).then(a.code.cmp(&b.code)));
    Ok(days)
}

/// Every holiday code `holidays` can return for `marketplace` (for catalog
/// checks and UI legends).
pub fn holiday_codes(marketplace: Marketplace) -> Result<Vec<String>, CalendarError> {
    let data = file(marketplace)?;
    let mut codes: Vec<String> = data.holiday.iter().map(|r| r.code.clone()).collect();
    codes.extend(data.one_off.iter().map(|o| o.code.clone()));
    if data.shift == Shift::JapaneseSubstituteAndCitizens {
        codes.extend(["substitute-holiday".to_owned(), "citizens-holiday".to_owned()]);
    }
    codes.sort();
    codes.dedup();
    Ok(codes)
}

/// Whether `date` is a holiday of `marketplace` (statutory, substitute,
/// citizens' or observed).
pub fn is_holiday(marketplace: Marketplace, date: NaiveDate) -> Result<bool, CalendarError> {
    Ok(holidays(marketplace, date.year())?.iter().any(|h| h.date == date))
}

/// Monday to Friday and not a holiday of `marketplace`.
pub fn is_business_day(marketplace: Marketplace, date: NaiveDate) -> Result<bool, CalendarError> {
    if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        return Ok(false);
    }
    Ok(!is_holiday(marketplace, date)?)
}

/// The `n`th business day after `date` (`date` itself never counts; n = 0
/// gives `date`).
pub fn add_business_days(marketplace: Marketplace, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        day = day.succ_opt().ok_or(CalendarError::YearOutOfRange {
            marketplace,
            year: day.year(),
            first: day.year(),
            last: day.year(),
        })?;
        if is_business_day(marketplace, day)? {
            left -= 1;
        }
    }
    Ok(day)
}

/// Statutory holidays of `year`: rules, then one-off days.
fn statutory(data: &HolidayFile, year: i32) -> BTreeMap<NaiveDate, String> {
    let mut days = BTreeMap::new();
    for rule in &data.holiday {
        if let Some(date) = rule.date_in(year, &data.equinox_announced) {
            days.insert(date, rule.code.clone());
        }
    }
    for one_off in data.one_off.iter().filter(|o| o.date.year() == year) {
        days.insert(one_off.date, one_off.code.clone());
    }
    days
}

fn japanese(data: &HolidayFile, year: i32) -> Vec<Holiday> {
    let base = statutory(data, year);
    let mut out: Vec<Holiday> =
        base.iter().map(|(d, c)| Holiday { date: *d, code: c.clone(), kind: HolidayKind::Statutory }).collect();
    // 振替休日 (Art. 3(2)): the nearest following day that is not a 国民の祝日.
    let mut substitutes = BTreeMap::new();
    for date in base.keys().filter(|d| d.weekday() == Weekday::Sun) {
        let mut day = *date + Duration::days(1);
        while base.contains_key(&day) {
            day += Duration::days(1);
        }
        substitutes.insert(day, *date);
    }
    for (day, for_date) in &substitutes {
        out.push(Holiday {
            date: *day,
            code: "substitute-holiday".into(),
            kind: HolidayKind::Substitute { for_date: *for_date },
        });
    }
    // 国民の休日 (Art. 3(3)): both neighbours are 国民の祝日, the day itself
    // is neither a 国民の祝日, a Sunday, nor a substitute holiday.
    for date in base.keys() {
        let between = *date + Duration::days(1);
        if between.year() == year
            && base.contains_key(&(between + Duration::days(1)))
            && !base.contains_key(&between)
            && !substitutes.contains_key(&between)
            && between.weekday() != Weekday::Sun
        {
            out.push(Holiday { date: between, code: "citizens-holiday".into(), kind: HolidayKind::Citizens });
        }
    }
    out
}

fn us_observed(this: BTreeMap<NaiveDate, String>, next: BTreeMap<NaiveDate, String>, year: i32) -> Vec<Holiday> {
    let mut out = Vec::new();
    for (date, code) in this.iter().chain(next.iter()) {
        if date.year() == year {
            out.push(Holiday { date: *date, code: code.clone(), kind: HolidayKind::Statutory });
        }
        let observed = match date.weekday() {
            Weekday::Sat => *date - Duration::days(1),
            Weekday::Sun => *date + Duration::days(1),
            _ => continue,
        };
        if observed.year() == year {
            out.push(Holiday { date: observed, code: code.clone(), kind: HolidayKind::Observed { actual: *date } });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn every_embedded_holiday_file_parses() -> Result<(), DataError> {
        rules::parse("jp", JP_HOLIDAYS)?;
        rules::parse("us", US_HOLIDAYS)?;
        Ok(())
    }

    #[test]
    fn japanese_substitute_and_citizens_holidays() -> Result<(), CalendarError> {
        let y2026 = holidays(Marketplace::Jp, 2026)?;
        let kind_on = |date| y2026.iter().find(|h| h.date == date).map(|h| h.kind);
        assert_eq!(kind_on(d(2026, 5, 6)), Some(HolidayKind::Substitute { for_date: d(2026, 5, 3) }));
        assert_eq!(kind_on(d(2026, 9, 22)), Some(HolidayKind::Citizens));
        // 2019: the enthronement made April 30 and May 2 citizens' holidays.
        let y2019 = holidays(Marketplace::Jp, 2019)?;
        assert!(y2019.iter().any(|h| h.date == d(2019, 4, 30) && h.kind == HolidayKind::Citizens));
        assert!(y2019.iter().any(|h| h.date == d(2019, 5, 2) && h.kind == HolidayKind::Citizens));
        assert!(!y2019.iter().any(|h| h.code == "emperors-birthday"));
        Ok(())
    }

    #[test]
    fn us_new_years_day_on_saturday_is_observed_the_year_before() -> Result<(), CalendarError> {
        // 2022-01-01 was a Saturday.
        assert!(holidays(Marketplace::Us, 2021)?
            .iter()
            .any(|h| h.date == d(2021, 12, 31) && h.kind == HolidayKind::Observed { actual: d(2022, 1, 1) }));
        assert!(!is_business_day(Marketplace::Us, d(2021, 12, 31))?);
        Ok(())
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() -> Result<(), CalendarError> {
        // Friday 2026-11-20 → Mon 23 is 勤労感謝の日 → Tue 24, Wed 25.
        assert_eq!(add_business_days(Marketplace::Jp, d(2026, 11, 20), 2)?, d(2026, 11, 25));
        // Thanksgiving 2026-11-26 (Thu): Wed 25 → Fri 27, Mon 30.
        assert_eq!(add_business_days(Marketplace::Us, d(2026, 11, 25), 2)?, d(2026, 11, 30));
        assert_eq!(add_business_days(Marketplace::Us, d(2026, 11, 25), 0)?, d(2026, 11, 25));
        Ok(())
    }

    #[test]
    fn out_of_range_years_are_an_error_with_a_code() {
        assert_eq!(holidays(Marketplace::Jp, 2006).err().map(|e| e.code()), Some("holiday_year_out_of_range"));
        assert_eq!(holidays(Marketplace::Us, 2100).err().map(|e| e.code()), Some("holiday_year_out_of_range"));
    }
}
