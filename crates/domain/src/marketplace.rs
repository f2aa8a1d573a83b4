//! Marketplaces and the CSBA rules in force in each one.
//!
//! The rules (languages, channels, activation delay, trial length, fee
//! schedule, …) are data under `data/marketplaces/`, embedded at build time,
//! each version with the date it takes effect: Amazon changes them, and an
//! estimate for last year must use last year's fees.
//!
//! Germany (DE) is not modelled: neither seed covers it, and we could not
//! establish from a source we have its CSBA fees, trial, activation delay or
//! seller languages. Adding it is a new data file plus an enum variant.

use chrono::NaiveDate;
use chrono_tz::Tz;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use ts_rs::TS;

/// An Amazon marketplace in which a seller can enroll in CSBA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "UPPERCASE")]
pub enum Marketplace {
    /// amazon.co.jp
    Jp,
    /// amazon.com
    Us,
}

impl Marketplace {
    pub const ALL: [Marketplace; 2] = [Marketplace::Jp, Marketplace::Us];

    /// The two-letter code used on the wire and in storage.
    pub fn code(self) -> &'static str {
        match self {
            Marketplace::Jp => "JP",
            Marketplace::Us => "US",
        }
    }

    /// Languages CSBA uses when it writes to the seller (seeds: JP speaks
    /// Chinese or Japanese with sellers, US speaks English or Chinese).
    /// Kept as a constant-time answer for the UI; `data_files_agree` checks it
    /// against the data files.
    pub fn seller_languages(self) -> &'static [&'static str] {
        match self {
            Marketplace::Jp => &["zh-CN", "ja"],
            Marketplace::Us => &["en", "zh-CN"],
        }
    }

    /// Everything the data file says about this marketplace.
    pub fn data(self) -> Result<&'static MarketplaceData, DataError> {
        let all = embedded()?;
        match self {
            Marketplace::Jp => Ok(&all.jp),
            Marketplace::Us => Ok(&all.us),
        }
    }

    /// The time zone deadlines and business days are counted in.
    pub fn time_zone(self) -> Result<Tz, DataError> {
        Ok(self.data()?.time_zone)
    }

    /// The rules in force on `on` (the latest version whose
    /// `effective_from` is not after `on`).
    pub fn rules(self, on: NaiveDate) -> Result<&'static Rules, DataError> {
        let data = self.data()?;
        in_force(&data.rules, on, |r| r.effective_from).ok_or(DataError::NothingInForce { marketplace: self, on })
    }

    /// The fee schedule in force on `on`.
    pub fn fee_schedule(self, on: NaiveDate) -> Result<&'static FeeSchedule, DataError> {
        let data = self.data()?;
        in_force(&data.fee_schedule, on, |r| r.effective_from)
            .ok_or(DataError::NothingInForce { marketplace: self, on })
    }
}

fn in_force<T>(versions: &[T], on: NaiveDate, from: impl Fn(&T) -> NaiveDate) -> Option<&T> {
    versions.iter().filter(|v| from(v) <= on).max_by_key(|v| from(v))
}

impl std::str::FromStr for Marketplace {
    type Err = UnknownMarketplace;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "JP" => Ok(Marketplace::Jp),
            "US" => Ok(Marketplace::Us),
            _ => Err(UnknownMarketplace(s.to_owned())),
        }
    }
}

impl std::fmt::Display for Marketplace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown marketplace `{0}`")]
pub struct UnknownMarketplace(pub String);

impl UnknownMarketplace {
    pub const CODE: &'static str = "unknown_marketplace";

    pub fn code(&self) -> &'static str {
        Self::CODE
    }
}

/// One marketplace's data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketplaceData {
    pub code: String,
    pub time_zone: Tz,
    /// ISO 4217 code of the currency fees are charged in.
    pub currency: String,
    /// Digits after the decimal point in the currency (JPY 0, USD 2).
    pub minor_unit_exponent: u32,
    pub rules: Vec<Rules>,
    pub fee_schedule: Vec<FeeSchedule>,
}

/// The CSBA rules of one marketplace from `effective_from` on.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub effective_from: NaiveDate,
    /// Where the figures come from.
    pub source: String,
    pub buyer_languages: Vec<String>,
    pub seller_languages: Vec<String>,
    pub buyer_channels: Vec<Channel>,
    pub seller_channels: Vec<Channel>,
    pub csba_team_emails: Vec<String>,
    pub excluded_categories: Vec<String>,
    pub excluded_inquiries: Vec<String>,
    /// Enrolling needs an invitation from Amazon.
    pub invitation_only: bool,
    /// Hours from enrolling (or from identity verification when that was
    /// pending) until CSBA takes over.
    pub activation_delay_hours: u32,
    /// The delay is our reading of a vague phrase ("a few hours").
    pub activation_delay_is_estimate: bool,
    /// Days an enrollment may wait for identity verification before it
    /// lapses; `None` where no limit is published.
    #[serde(default)]
    pub identity_verification_limit_days: Option<u32>,
    pub free_trial_days: u32,
    pub case_response_hours: u32,
    pub service_question_answer_hours: u32,
    /// Business days after a return arrives within which it must be refunded.
    pub refund_business_days: u32,
    /// Country a return address must be in, where the marketplace says so.
    #[serde(default)]
    pub return_address_country: Option<String>,
}

impl Rules {
    pub fn activation_delay(&self) -> chrono::Duration {
        chrono::Duration::hours(i64::from(self.activation_delay_hours))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Phone,
    Chat,
    Sms,
}

/// Fees per seller-fulfilled unit, by contacts per unit (CPU).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeSchedule {
    pub effective_from: NaiveDate,
    pub source: String,
    /// At or below this many units the CPU is "unknown or unreliable" and
    /// `unreliable_fee_minor` applies instead of a tier (US: 30).
    #[serde(default)]
    pub unreliable_at_or_below_units: Option<u64>,
    #[serde(default)]
    pub unreliable_fee_minor: Option<i64>,
    /// In ascending order of `up_to_percent`; the last has no bound.
    pub tiers: Vec<FeeTier>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeTier {
    /// The tier applies while CPU ≤ this percentage (inclusive).
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub up_to_percent: Option<Decimal>,
    pub fee_minor: i64,
}

/// The embedded data could not be read, or says nothing about a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    #[error("embedded data file {file} is invalid: {message}")]
    Invalid { file: &'static str, message: String },
    #[error("no {marketplace} rules in force on {on}")]
    NothingInForce { marketplace: Marketplace, on: NaiveDate },
}

impl DataError {
    /// Every code `code()` can return.
    pub const CODES: &'static [&'static str] = &["data_invalid", "no_rules_in_force"];

    pub fn code(&self) -> &'static str {
        match self {
            DataError::Invalid { .. } => "data_invalid",
            DataError::NothingInForce { .. } => "no_rules_in_force",
        }
    }
}

pub(crate) const JP_FILE: &str = include_str!("../data/marketplaces/jp.toml");
pub(crate) const US_FILE: &str = include_str!("../data/marketplaces/us.toml");

struct Embedded {
    jp: MarketplaceData,
    us: MarketplaceData,
}

fn embedded() -> Result<&'static Embedded, DataError> {
    static DATA: OnceLock<Result<Embedded, DataError>> = OnceLock::new();
    DATA.get_or_init(|| Ok(Embedded { jp: parse("jp.toml", JP_FILE)?, us: parse("us.toml", US_FILE)? }))
        .as_ref()
        .map_err(Clone::clone)
}

/// Parses and checks one marketplace file. Public so tools can validate a
/// data change before it is embedded.
pub fn parse(file: &'static str, text: &str) -> Result<MarketplaceData, DataError> {
    let invalid = |message: String| DataError::Invalid { file, message };
    let data: MarketplaceData = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
    if data.rules.is_empty() || data.fee_schedule.is_empty() {
        return Err(invalid("needs at least one [[rules]] and one [[fee_schedule]]".into()));
    }
    for schedule in &data.fee_schedule {
        let bounds: Vec<Option<Decimal>> = schedule.tiers.iter().map(|t| t.up_to_percent).collect();
        let (last, rest) = bounds.split_last().ok_or_else(|| invalid("a fee schedule has no tiers".into()))?;
        if last.is_some() || rest.iter().any(Option::is_none) {
            return Err(invalid("only the last fee tier may (and must) be unbounded".into()));
        }
        if rest.windows(2).any(|w| w[0] >= w[1]) {
            return Err(invalid("fee tiers must ascend".into()));
        }
        if schedule.unreliable_at_or_below_units.is_some() != schedule.unreliable_fee_minor.is_some() {
            return Err(invalid("unreliable_at_or_below_units and unreliable_fee_minor go together".into()));
        }
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn parses_codes_case_insensitively() {
        assert_eq!("jp".parse::<Marketplace>(), Ok(Marketplace::Jp));
        assert_eq!(" US ".parse::<Marketplace>(), Ok(Marketplace::Us));
        assert!("DE-X".parse::<Marketplace>().is_err());
    }

    #[test]
    fn code_round_trips() {
        for mp in Marketplace::ALL {
            assert_eq!(mp.code().parse::<Marketplace>(), Ok(mp));
        }
    }

    #[test]
    fn every_embedded_marketplace_file_parses() -> Result<(), DataError> {
        for (name, text) in [("jp.toml", JP_FILE), ("us.toml", US_FILE)] {
            parse(name, text)?;
        }
        Ok(())
    }

    #[test]
    fn data_files_agree_with_the_enum() -> Result<(), DataError> {
        for mp in Marketplace::ALL {
            let data = mp.data()?;
            assert_eq!(data.code, mp.code());
            for rules in &data.rules {
                assert_eq!(rules.seller_languages, mp.seller_languages());
            }
        }
        Ok(())
    }

    #[test]
    fn seed_facts_are_in_the_data() -> Result<(), DataError> {
        let jp = Marketplace::Jp.rules(date(2026, 1, 1))?;
        assert_eq!(jp.buyer_languages, ["ja", "zh", "en"]);
        assert_eq!(jp.buyer_channels, [Channel::Email, Channel::Phone, Channel::Chat]);
        assert_eq!(jp.excluded_categories, ["drugs", "medical_devices"]);
        assert_eq!((jp.free_trial_days, jp.identity_verification_limit_days), (90, Some(14)));
        assert!(!jp.invitation_only && jp.activation_delay_is_estimate);
        let us = Marketplace::Us.rules(date(2026, 1, 1))?;
        assert!(us.invitation_only);
        assert_eq!((us.free_trial_days, us.activation_delay_hours), (30, 1));
        assert_eq!(Marketplace::Jp.time_zone()?, chrono_tz::Asia::Tokyo);
        Ok(())
    }

    #[test]
    fn picks_the_version_in_force() -> Result<(), DataError> {
        let before = Marketplace::Jp.fee_schedule(date(2021, 9, 5))?;
        let after = Marketplace::Jp.fee_schedule(date(2021, 9, 6))?;
        assert_eq!(before.tiers.iter().map(|t| t.fee_minor).collect::<Vec<_>>(), [0]);
        assert_eq!(after.tiers.iter().map(|t| t.fee_minor).collect::<Vec<_>>(), [11, 38, 76, 163]);
        let err = Marketplace::Us.rules(date(2000, 1, 1)).err();
        assert_eq!(err.map(|e| e.code()), Some("no_rules_in_force"));
        Ok(())
    }

    #[test]
    fn rejects_a_schedule_with_an_unbounded_middle_tier() {
        let bad = US_FILE.replace("{ up_to_percent = \"15\", fee_minor = 25 }", "{ fee_minor = 25 }");
        assert_eq!(parse("bad", &bad).err().map(|e| e.code()), Some("data_invalid"));
    }
}
