//! `csba fees`: the CSBA fee for a period, from contacts per unit.
use crate::{Out, Outcome};
use chrono::{NaiveDate, Utc};
use csba_domain::fees::{self, FeeEstimate};
use csba_domain::Marketplace;
use serde::Serialize;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct FeesArgs {
    /// JP or US.
    #[arg(long)]
    pub marketplace: String,
    /// Seller-fulfilled units shipped in the trailing period.
    #[arg(long)]
    pub units: u64,
    /// Contacts CSBA handled in the same period.
    #[arg(long)]
    pub contacts: u64,
    /// The day whose fee schedule applies (YYYY-MM-DD); default: today in the marketplace's zone.
    #[arg(long)]
    pub on: Option<String>,
    /// First day of the free trial (YYYY-MM-DD); its length comes from the marketplace's rules.
    #[arg(long)]
    pub trial_start: Option<String>,
    #[arg(long)]
    pub json: bool,
}

/// `csba fees --json`: exactly these fields, in this order.
#[derive(Serialize)]
struct FeesJson<'a> {
    cpu_percent: String,
    tier: u8,
    fee_per_unit_minor: i64,
    currency: &'a str,
    total_minor: i64,
}

pub fn run(args: FeesArgs, out: &Out) -> Outcome {
    let marketplace = parse_marketplace(&args.marketplace, out)?;
    let data = marketplace.data().map_err(|e| data_error(e.code(), out))?;
    let on = match &args.on {
        Some(text) => parse_date(text, out)?,
        // The edge of the program: the only place the clock is read.
        None => Utc::now().with_timezone(&data.time_zone).date_naive(),
    };
    let trial = match &args.trial_start {
        None => None,
        Some(text) => {
            let start = parse_date(text, out)?;
            let days = marketplace.rules(start).map_err(|e| data_error(e.code(), out))?.free_trial_days;
            Some((start, start + chrono::Duration::days(i64::from(days))))
        }
    };
    let estimate =
        fees::estimate(marketplace, on, args.units, args.contacts, trial).map_err(|e| data_error(e.code(), out))?;
    let line = if args.json {
        serde_json::to_string(&FeesJson {
            cpu_percent: estimate.cpu_percent.to_string(),
            tier: estimate.tier,
            fee_per_unit_minor: estimate.fee_per_unit_minor,
            currency: &estimate.currency,
            total_minor: estimate.total_minor,
        })
        .map_err(|e| e.to_string())?
    } else {
        human(marketplace, &estimate, args.units, data.minor_unit_exponent, out)
    };
    crate::deadline::print_line(&line)?;
    Ok(ExitCode::SUCCESS)
}

fn human(marketplace: Marketplace, e: &FeeEstimate, units: u64, exponent: u32, out: &Out) -> String {
    let money = |minor: i64| {
        let id = if e.currency == "JPY" { "fees-amount-jpy" } else { "fees-amount-usd" };
        out.t(id, &[("amount", amount(minor, exponent).into())])
    };
    let mut lines = vec![out.t(
        if e.tier == 0 { "fees-summary-unreliable" } else { "fees-summary" },
        &[
            ("marketplace", marketplace.code().into()),
            ("cpu", e.cpu_percent.to_string().into()),
            ("tier", i64::from(e.tier).into()),
            ("fee", money(e.fee_per_unit_minor).into()),
            ("units", group(units.to_string()).into()),
            ("total", money(e.total_minor).into()),
        ],
    )];
    if e.in_trial {
        lines.push(out.t("fees-in-trial", &[]));
    }
    lines.join("\n")
}

/// Minor units as a decimal amount with thousands separators ("1,630.25").
/// All four UI locales group by threes with a comma and use a point.
fn amount(minor: i64, exponent: u32) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let digits = minor.unsigned_abs().to_string();
    let exp = exponent as usize;
    let padded = format!("{digits:0>width$}", width = exp + 1);
    let (whole, frac) = padded.split_at(padded.len() - exp);
    let whole = group(whole.to_owned());
    if frac.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

fn group(digits: String) -> String {
    // Chunks of three from the right; the digits are ASCII.
    let first = match digits.len() % 3 {
        0 => 3.min(digits.len()),
        n => n,
    };
    let (head, rest) = digits.split_at(first);
    let mut out = head.to_owned();
    for chunk in rest.as_bytes().chunks(3) {
        out.push(',');
        out.push_str(&String::from_utf8_lossy(chunk));
    }
    out
}

pub(crate) fn parse_marketplace(text: &str, out: &Out) -> Result<Marketplace, String> {
    text.parse().map_err(|_| out.t("marketplace-data-unknown", &[("value", text.to_owned().into())]))
}

fn parse_date(text: &str, out: &Out) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| out.t("fees-error-date", &[("value", text.to_owned().into())]))
}

/// A domain error code as a localized sentence (`marketplace-data-error-…`,
/// `fees-error-…`, `holiday-error-…`, `deadline-error-…`).
pub(crate) fn data_error(code: &str, out: &Out) -> String {
    let id = code.replace('_', "-");
    let candidates = [
        format!("marketplace-data-error-{id}"),
        format!("fees-error-{id}"),
        format!("holiday-error-{id}"),
        format!("deadline-error-{id}"),
    ];
    candidates
        .iter()
        .map(|m| out.t(m, &[]))
        .zip(candidates.iter())
        .find(|(text, m)| text != *m)
        .map(|(text, _)| text)
        .unwrap_or_else(|| code.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_minor_units() {
        assert_eq!(amount(25, 2), "0.25");
        assert_eq!(amount(163_025, 2), "1,630.25");
        assert_eq!(amount(5, 2), "0.05");
        assert_eq!(amount(1_630_000, 0), "1,630,000");
        assert_eq!(amount(0, 0), "0");
        assert_eq!(amount(-1234, 2), "-12.34");
    }
}
