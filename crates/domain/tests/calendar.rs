//! Holiday calendars against the official lists.

use chrono::{Datelike, NaiveDate, Weekday};
use csba_domain::calendar::{self, HolidayKind};
use csba_domain::Marketplace;

fn d(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{s}: {e}"))
}

/// 内閣府「国民の祝日について」: the official list for 2024–2027, transcribed
/// (振替休日 and 国民の休日 included).
const CABINET_OFFICE: &[(i32, &[&str])] = &[
    (
        2024,
        &[
            "2024-01-01",
            "2024-01-08",
            "2024-02-11",
            "2024-02-12",
            "2024-02-23",
            "2024-03-20",
            "2024-04-29",
            "2024-05-03",
            "2024-05-04",
            "2024-05-05",
            "2024-05-06",
            "2024-07-15",
            "2024-08-11",
            "2024-08-12",
            "2024-09-16",
            "2024-09-22",
            "2024-09-23",
            "2024-10-14",
            "2024-11-03",
            "2024-11-04",
            "2024-11-23",
        ],
    ),
    (
        2025,
        &[
            "2025-01-01",
            "2025-01-13",
            "2025-02-11",
            "2025-02-23",
            "2025-02-24",
            "2025-03-20",
            "2025-04-29",
            "2025-05-03",
            "2025-05-04",
            "2025-05-05",
            "2025-05-06",
            "2025-07-21",
            "2025-08-11",
            "2025-09-15",
            "2025-09-23",
            "2025-10-13",
            "2025-11-03",
            "2025-11-23",
            "2025-11-24",
        ],
    ),
    (
        2026,
        &[
            "2026-01-01",
            "2026-01-12",
            "2026-02-11",
            "2026-02-23",
            "2026-03-20",
            "2026-04-29",
            "2026-05-03",
            "2026-05-04",
            "2026-05-05",
            "2026-05-06",
            "2026-07-20",
            "2026-08-11",
            "2026-09-21",
            "2026-09-22",
            "2026-09-23",
            "2026-10-12",
            "2026-11-03",
            "2026-11-23",
        ],
    ),
    (
        2027,
        &[
            "2027-01-01",
            "2027-01-11",
            "2027-02-11",
            "2027-02-23",
            "2027-03-21",
            "2027-03-22",
            "2027-04-29",
            "2027-05-03",
            "2027-05-04",
            "2027-05-05",
            "2027-07-19",
            "2027-08-11",
            "2027-09-20",
            "2027-09-23",
            "2027-10-11",
            "2027-11-03",
            "2027-11-23",
        ],
    ),
];

#[test]
fn japanese_holidays_2024_to_2027_match_the_cabinet_office() -> Result<(), String> {
    for (year, official) in CABINET_OFFICE {
        let ours: Vec<NaiveDate> =
            calendar::holidays(Marketplace::Jp, *year).map_err(|e| e.to_string())?.iter().map(|h| h.date).collect();
        let official: Vec<NaiveDate> = official.iter().map(|s| d(s)).collect::<Result<_, _>>()?;
        assert_eq!(ours, official, "{year}");
    }
    Ok(())
}

#[test]
fn japanese_substitute_and_citizens_days_are_labelled() -> Result<(), String> {
    let kinds = |year| -> Result<Vec<(NaiveDate, HolidayKind)>, String> {
        Ok(calendar::holidays(Marketplace::Jp, year)
            .map_err(|e| e.to_string())?
            .into_iter()
            .filter(|h| h.kind != HolidayKind::Statutory)
            .map(|h| (h.date, h.kind))
            .collect())
    };
    let sub =
        |s, f| -> Result<(NaiveDate, HolidayKind), String> { Ok((d(s)?, HolidayKind::Substitute { for_date: d(f)? })) };
    assert_eq!(
        kinds(2024)?,
        vec![
            sub("2024-02-12", "2024-02-11")?,
            sub("2024-05-06", "2024-05-05")?,
            sub("2024-08-12", "2024-08-11")?,
            sub("2024-09-23", "2024-09-22")?,
            sub("2024-11-04", "2024-11-03")?,
        ]
    );
    assert_eq!(kinds(2026)?, vec![sub("2026-05-06", "2026-05-03")?, (d("2026-09-22")?, HolidayKind::Citizens)]);
    assert_eq!(kinds(2027)?, vec![sub("2027-03-22", "2027-03-21")?]);
    Ok(())
}

#[test]
fn japanese_holiday_names_are_codes() -> Result<(), String> {
    let y = calendar::holidays(Marketplace::Jp, 2026).map_err(|e| e.to_string())?;
    let name = |date: &str| -> Result<Option<String>, String> {
        let date = d(date)?;
        Ok(y.iter().find(|h| h.date == date).map(|h| h.message_id()))
    };
    assert_eq!(name("2026-02-23")?.as_deref(), Some("holiday-emperors-birthday"));
    assert_eq!(name("2026-09-22")?.as_deref(), Some("holiday-citizens-holiday"));
    assert_eq!(name("2026-05-06")?.as_deref(), Some("holiday-substitute-holiday"));
    Ok(())
}

#[test]
fn olympic_years_moved_three_holidays() -> Result<(), String> {
    let y2021: Vec<NaiveDate> =
        calendar::holidays(Marketplace::Jp, 2021).map_err(|e| e.to_string())?.iter().map(|h| h.date).collect();
    for day in ["2021-07-22", "2021-07-23", "2021-08-08", "2021-08-09"] {
        assert!(y2021.contains(&d(day)?), "{day}");
    }
    for day in ["2021-07-19", "2021-08-11", "2021-10-11"] {
        assert!(!y2021.contains(&d(day)?), "{day}");
    }
    Ok(())
}

/// OPM's federal holiday tables, observed days only.
#[test]
fn us_federal_holidays_with_observed_days() -> Result<(), String> {
    let observed = |year| -> Result<Vec<NaiveDate>, String> {
        Ok(calendar::holidays(Marketplace::Us, year)
            .map_err(|e| e.to_string())?
            .into_iter()
            .filter(|h| !matches!(h.date.weekday(), Weekday::Sat | Weekday::Sun))
            .map(|h| h.date)
            .collect())
    };
    let expect = |days: &[&str]| -> Result<Vec<NaiveDate>, String> { days.iter().map(|s| d(s)).collect() };
    assert_eq!(
        observed(2026)?,
        expect(&[
            "2026-01-01",
            "2026-01-19",
            "2026-02-16",
            "2026-05-25",
            "2026-06-19",
            "2026-07-03",
            "2026-09-07",
            "2026-10-12",
            "2026-11-11",
            "2026-11-26",
            "2026-12-25",
        ])?
    );
    assert_eq!(
        observed(2027)?,
        expect(&[
            "2027-01-01",
            "2027-01-18",
            "2027-02-15",
            "2027-05-31",
            "2027-06-18",
            "2027-07-05",
            "2027-09-06",
            "2027-10-11",
            "2027-11-11",
            "2027-11-25",
            "2027-12-24",
            "2027-12-31",
        ])?
    );
    assert_eq!(
        observed(2028)?,
        expect(&[
            "2028-01-17",
            "2028-02-21",
            "2028-05-29",
            "2028-06-19",
            "2028-07-04",
            "2028-09-04",
            "2028-10-09",
            "2028-11-10",
            "2028-11-23",
            "2028-12-25",
        ])?
    );
    // Juneteenth only from 2021.
    assert!(!observed(2020)?.contains(&d("2020-06-19")?));
    Ok(())
}

#[test]
fn business_days() -> Result<(), String> {
    let jp =
        |s| -> Result<bool, String> { calendar::is_business_day(Marketplace::Jp, d(s)?).map_err(|e| e.to_string()) };
    let us =
        |s| -> Result<bool, String> { calendar::is_business_day(Marketplace::Us, d(s)?).map_err(|e| e.to_string()) };
    assert!(!jp("2026-09-22")?); // citizens' holiday, a Tuesday
    assert!(jp("2026-09-24")?);
    assert!(us("2026-09-22")?);
    assert!(!us("2026-07-03")?); // July 4 on a Saturday
    assert!(!us("2026-07-04")?);
    assert!(jp("2026-07-03")?);
    Ok(())
}

/// The law's mechanisms hold in every supported year, not just the fixture.
#[test]
fn japanese_rules_hold_for_every_supported_year() -> Result<(), String> {
    for year in 2007..=2099 {
        let days = calendar::holidays(Marketplace::Jp, year).map_err(|e| e.to_string())?;
        let statutory: Vec<NaiveDate> =
            days.iter().filter(|h| h.kind == HolidayKind::Statutory).map(|h| h.date).collect();
        let all: Vec<NaiveDate> = days.iter().map(|h| h.date).collect();
        let mut unique = all.clone();
        unique.dedup();
        assert_eq!(unique, all, "{year}: two holidays on one day");
        for h in &days {
            match h.kind {
                HolidayKind::Substitute { for_date } => {
                    assert_eq!(for_date.weekday(), Weekday::Sun, "{year}");
                    // Every day between the Sunday and the substitute is a holiday.
                    let mut d = for_date.succ_opt().ok_or("date")?;
                    while d < h.date {
                        assert!(statutory.contains(&d), "{year}: gap before {}", h.date);
                        d = d.succ_opt().ok_or("date")?;
                    }
                }
                HolidayKind::Citizens => {
                    let (before, after) = (h.date.pred_opt().ok_or("date")?, h.date.succ_opt().ok_or("date")?);
                    assert!(statutory.contains(&before) && statutory.contains(&after), "{year}: {}", h.date);
                    assert_ne!(h.date.weekday(), Weekday::Sun);
                }
                HolidayKind::Statutory => {
                    if h.date.weekday() == Weekday::Sun && h.date.month() != 12 {
                        assert!(days.iter().any(|s| s.kind == HolidayKind::Substitute { for_date: h.date }), "{year}");
                    }
                }
                HolidayKind::Observed { .. } => return Err(format!("{year}: observed day in Japan")),
            }
        }
        // The equinoxes are always there, in March and September.
        assert!(days.iter().any(|h| h.code == "vernal-equinox-day" && h.date.month() == 3), "{year}");
        assert!(days.iter().any(|h| h.code == "autumnal-equinox-day" && h.date.month() == 9), "{year}");
    }
    Ok(())
}

#[test]
fn us_observed_days_are_weekdays_next_to_the_holiday() -> Result<(), String> {
    for year in 1990..=2099 {
        for h in calendar::holidays(Marketplace::Us, year).map_err(|e| e.to_string())? {
            if let HolidayKind::Observed { actual } = h.kind {
                assert!(!matches!(h.date.weekday(), Weekday::Sat | Weekday::Sun), "{year}");
                assert_eq!((h.date - actual).num_days().abs(), 1, "{year}");
                assert!(!calendar::is_business_day(Marketplace::Us, h.date).map_err(|e| e.to_string())?);
            }
        }
    }
    Ok(())
}
