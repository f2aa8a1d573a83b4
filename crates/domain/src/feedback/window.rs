//! The feedback-removal window (data/feedback/window.toml).

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Deserialize;
use std::sync::OnceLock;

const WINDOW: &str = include_str!("../../data/feedback/window.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Version {
    effective_from: NaiveDate,
    removal_window_days: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WindowFile {
    version: Vec<Version>,
}

/// The embedded window file does not parse (caught by the unit tests).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("data/feedback/window.toml: {0}")]
pub struct WindowError(String);

impl WindowError {
    pub fn code(&self) -> &'static str {
        "feedback_window_unreadable"
    }
}

fn versions() -> Result<&'static [Version], WindowError> {
    static CELL: OnceLock<Result<Vec<Version>, WindowError>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut v = toml::from_str::<WindowFile>(WINDOW).map_err(|e| WindowError(e.to_string()))?.version;
        if v.is_empty() {
            return Err(WindowError("no version".into()));
        }
        v.sort_by_key(|v| v.effective_from);
        Ok(v)
    })
    .as_deref()
    .map_err(Clone::clone)
}

/// How long a removal request may be made for feedback left at `left_at`
/// (90 days today). The version in effect on the (UTC) day it was left applies.
pub fn removal_window(left_at: DateTime<Utc>) -> Result<Duration, WindowError> {
    let all = versions()?;
    let day = left_at.date_naive();
    let version = all.iter().rev().find(|v| v.effective_from <= day).or_else(|| all.first());
    version.map(|v| Duration::days(i64::from(v.removal_window_days))).ok_or_else(|| WindowError("no version".into()))
}

/// The last instant a removal request can be made: `left_at` + the window.
pub fn removal_deadline(left_at: DateTime<Utc>) -> Result<DateTime<Utc>, WindowError> {
    Ok(left_at + removal_window(left_at)?)
}

/// Whether a removal request made at `now` is still in time (the deadline
/// instant itself included).
pub fn removal_in_time(left_at: DateTime<Utc>, now: DateTime<Utc>) -> Result<bool, WindowError> {
    Ok(now <= removal_deadline(left_at)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Result<DateTime<Utc>, String> {
        DateTime::parse_from_rfc3339(s).map(|d| d.with_timezone(&Utc)).map_err(|e| e.to_string())
    }

    #[test]
    fn the_window_file_parses() -> Result<(), WindowError> {
        assert!(!versions()?.is_empty());
        Ok(())
    }

    #[test]
    fn ninety_days_to_the_second() -> Result<(), String> {
        let left = at("2026-01-10T08:00:00Z")?;
        assert_eq!(removal_deadline(left).map_err(|e| e.to_string())?, at("2026-04-10T08:00:00Z")?);
        assert!(removal_in_time(left, at("2026-04-10T08:00:00Z")?).map_err(|e| e.to_string())?);
        assert!(!removal_in_time(left, at("2026-04-10T08:00:01Z")?).map_err(|e| e.to_string())?);
        Ok(())
    }
}
