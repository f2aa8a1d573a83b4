//! The holiday data files: their shape, their checks, and how one rule gives
//! a date in a year.

use super::equinox;
use crate::marketplace::DataError;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

/// How days off move; named in the file so a reader sees which law applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shift {
    JapaneseSubstituteAndCitizens,
    UsObserved,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    first_year: i32,
    last_year: i32,
    #[serde(default)]
    substitute: Option<String>,
    #[serde(default)]
    citizens_holiday: bool,
    #[serde(default)]
    observed: Option<String>,
    holiday: Vec<Rule>,
    #[serde(default)]
    one_off: Vec<OneOff>,
    #[serde(default)]
    equinox_announced: Vec<Announced>,
}

#[derive(Debug, Clone)]
pub(super) struct HolidayFile {
    pub first_year: i32,
    pub last_year: i32,
    pub shift: Shift,
    pub holiday: Vec<Rule>,
    pub one_off: Vec<OneOff>,
    pub equinox_announced: Vec<Announced>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Rule {
    pub code: String,
    /// "MM-DD": the same date every year.
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    month: Option<u32>,
    /// 1..=5, or -1 for the last such weekday of the month.
    #[serde(default)]
    nth: Option<i8>,
    #[serde(default)]
    weekday: Option<Weekday>,
    #[serde(default)]
    equinox: Option<Equinox>,
    #[serde(default)]
    from: Option<i32>,
    #[serde(default)]
    until: Option<i32>,
    #[serde(default)]
    except: Vec<i32>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Equinox {
    Vernal,
    Autumnal,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OneOff {
    pub date: NaiveDate,
    pub code: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Announced {
    year: i32,
    vernal: NaiveDate,
    autumnal: NaiveDate,
}

impl Rule {
    /// The rule's date in `year`, if the rule applies that year.
    pub fn date_in(&self, year: i32, announced: &[Announced]) -> Option<NaiveDate> {
        if self.from.is_some_and(|f| year < f) || self.until.is_some_and(|u| year > u) || self.except.contains(&year) {
            return None;
        }
        if let Some(md) = &self.date {
            let (m, d) = month_day(md)?;
            return NaiveDate::from_ymd_opt(year, m, d);
        }
        if let Some(which) = self.equinox {
            let listed = announced.iter().find(|a| a.year == year);
            return match which {
                Equinox::Vernal => listed.map(|a| a.vernal).or_else(|| equinox::vernal_equinox_day(year)),
                Equinox::Autumnal => listed.map(|a| a.autumnal).or_else(|| equinox::autumnal_equinox_day(year)),
            };
        }
        nth_weekday(year, self.month?, self.weekday?, self.nth?)
    }

    fn check(&self) -> Result<(), String> {
        let forms = [self.date.is_some(), self.equinox.is_some(), self.month.is_some()];
        if forms.iter().filter(|f| **f).count() != 1 {
            return Err(format!("`{}`: give exactly one of date, equinox, month+nth+weekday", self.code));
        }
        if let Some(md) = &self.date {
            month_day(md).ok_or_else(|| format!("`{}`: date must be MM-DD", self.code))?;
        }
        if self.month.is_some()
            && !(self.nth.is_some_and(|n| n == -1 || (1..=5).contains(&n)) && self.weekday.is_some())
        {
            return Err(format!("`{}`: month needs nth (1..=5 or -1) and weekday", self.code));
        }
        Ok(())
    }
}

fn month_day(md: &str) -> Option<(u32, u32)> {
    let (m, d) = md.split_once('-')?;
    let (m, d) = (m.parse().ok()?, d.parse().ok()?);
    // 2000 is a leap year, so Feb 29 would validate; no holiday uses it.
    NaiveDate::from_ymd_opt(2000, m, d).map(|_| (m, d))
}

fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: i8) -> Option<NaiveDate> {
    if nth == -1 {
        let next_month = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let mut day = next_month - Duration::days(1);
        while day.weekday() != weekday {
            day -= Duration::days(1);
        }
        return Some(day);
    }
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(nth).ok()?)
}

pub(super) fn parse(file: &'static str, text: &str) -> Result<HolidayFile, DataError> {
    let invalid = |message: String| DataError::Invalid { file, message };
    let raw: Raw = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
    let shift = match (raw.substitute.as_deref(), raw.citizens_holiday, raw.observed.as_deref()) {
        (Some("next_non_holiday"), true, None) => Shift::JapaneseSubstituteAndCitizens,
        (None, false, Some("saturday_to_friday_sunday_to_monday")) => Shift::UsObserved,
        _ => return Err(invalid("unknown combination of substitute / citizens_holiday / observed".into())),
    };
    if raw.first_year > raw.last_year {
        return Err(invalid("first_year is after last_year".into()));
    }
    for rule in &raw.holiday {
        rule.check().map_err(invalid)?;
    }
    for a in &raw.equinox_announced {
        if a.vernal.year() != a.year || a.autumnal.year() != a.year {
            return Err(invalid(format!("equinox dates for {} are in another year", a.year)));
        }
    }
    Ok(HolidayFile {
        first_year: raw.first_year,
        last_year: raw.last_year,
        shift,
        holiday: raw.holiday,
        one_off: raw.one_off,
        equinox_announced: raw.equinox_announced,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_and_nth_weekdays() {
        assert_eq!(nth_weekday(2026, 5, Weekday::Mon, -1), NaiveDate::from_ymd_opt(2026, 5, 25));
        assert_eq!(nth_weekday(2026, 12, Weekday::Thu, -1), NaiveDate::from_ymd_opt(2026, 12, 31));
        assert_eq!(nth_weekday(2026, 11, Weekday::Thu, 4), NaiveDate::from_ymd_opt(2026, 11, 26));
    }

    #[test]
    fn rejects_ambiguous_rules() {
        let text = "first_year = 2000\nlast_year = 2001\nobserved = \"saturday_to_friday_sunday_to_monday\"\n\
                    [[holiday]]\ncode = \"x\"\ndate = \"01-01\"\nmonth = 1\n";
        assert!(parse("t", text).is_err());
        let bad_date = text.replace("date = \"01-01\"\nmonth = 1\n", "date = \"02-30\"\n");
        assert!(parse("t", &bad_date).is_err());
    }
}
