//! Does CSBA pay off? Per store and marketplace, the weekly series the
//! replica keeps (counts, never rates) as chart points, the day CSBA became
//! active and every pause, and a plain before/after: the 13 weeks (90 days)
//! before activation against the last 13 complete weeks, each side's rates
//! computed from its summed counts, so quiet and busy weeks weigh as they
//! should. Nothing here knows the demo's shape: it is all in the data.

use crate::desk::Desk;
use crate::error::{AppError, ErrorCode};
use crate::filter::ViewFilter;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use csba_domain::metrics::{self, Rates, WeekCounts};
use csba_domain::{fees, Marketplace};
use csba_store::{AccountId, EnrollmentRecord, MetricWeekRecord};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use ts_rs::TS;

/// 90 days, in whole weeks: the comparison's window on each side.
const COMPARISON_WEEKS: usize = 13;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PerformanceScreen {
    /// One per account and marketplace with weekly figures, by account then marketplace.
    pub panels: Vec<PerformancePanel>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PerformancePanel {
    pub account_id: AccountId,
    pub marketplace: Marketplace,
    /// ISO 4217 code of `fee_minor` (JPY, USD).
    pub currency: String,
    /// Digits after the decimal point of the currency (JPY 0, USD 2).
    pub currency_exponent: u32,
    /// Oldest first.
    pub weeks: Vec<WeekPoint>,
    /// The local day CSBA first became active; `None` if it never did.
    pub activated_on: Option<NaiveDate>,
    /// Each pause since, `to: None` while it lasts.
    pub paused: Vec<PauseSpan>,
    /// `None` until there are weeks on both sides of the activation.
    pub comparison: Option<Comparison>,
    pub odr_limit_percent: f64,
    pub valid_tracking_target_percent: f64,
}

/// One week's figures, as the charts draw them: percentages, hours.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekPoint {
    /// Monday of the week, in the marketplace's time zone.
    pub week_start: NaiveDate,
    /// Mean time to a first answer to a buyer.
    pub response_hours: Option<f64>,
    pub a_to_z_claim_rate: Option<f64>,
    pub negative_feedback_rate: Option<f64>,
    pub order_defect_rate: Option<f64>,
    pub valid_tracking_rate: Option<f64>,
    /// Contacts ÷ units, in percent (the CPU the fee schedule is priced by).
    pub contacts_per_unit: Option<f64>,
    /// The CSBA fee the week's units and contacts imply under the schedule
    /// of that week (the trial's zero inside it), in the currency's minor
    /// unit; `None` for weeks CSBA was not active or nothing shipped.
    #[ts(type = "number | null")]
    pub fee_minor: Option<i64>,
    /// The week is over; its figures will not change.
    pub complete: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PauseSpan {
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

/// The before/after table: each side's weeks summed, then the rates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Comparison {
    pub before_from: NaiveDate,
    pub before_to: NaiveDate,
    pub after_from: NaiveDate,
    pub after_to: NaiveDate,
    pub rows: Vec<MetricChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MetricChange {
    /// `response_seconds`, `a_to_z_claim_rate`, `negative_feedback_rate`,
    /// `order_defect_rate`, `valid_tracking_rate`, `contacts_per_unit`.
    pub metric: String,
    /// Exact decimals as text: percentages with two places (`"1.24"`),
    /// the response time in whole seconds.
    pub before: Option<String>,
    pub after: Option<String>,
    /// (after − before) ÷ before, in percent with one place (`"-42.0"`).
    pub change_percent: Option<String>,
    /// Whether the change is for the better (lower, except the valid
    /// tracking rate); `None` when unchanged or unknown.
    pub better: Option<bool>,
}

impl Desk {
    /// `now` is not needed: each week says itself whether it is complete,
    /// on the service's calendar. It is taken like every screen's, so the
    /// front ends call all screens alike.
    pub fn performance_screen(&self, filter: ViewFilter, _now: DateTime<Utc>) -> Result<PerformanceScreen, AppError> {
        let store = self.store()?;
        let weeks = store.metric_weeks(filter.into())?;
        let enrollments = store.enrollments(filter.into())?;
        let mut panels = Vec::new();
        // The store orders by account, marketplace, week: each run is a panel.
        let mut start = 0;
        while start < weeks.len() {
            let key = (weeks[start].account_id, weeks[start].week.marketplace);
            let len = weeks[start..].iter().take_while(|w| (w.account_id, w.week.marketplace) == key).count();
            let enrollment = enrollments.iter().find(|e| (e.account_id, e.marketplace) == key);
            panels.push(panel(key.0, key.1, &weeks[start..start + len], enrollment)?);
            start += len;
        }
        Ok(PerformanceScreen { panels })
    }
}

fn panel(
    account_id: AccountId,
    marketplace: Marketplace,
    weeks: &[MetricWeekRecord],
    enrollment: Option<&EnrollmentRecord>,
) -> Result<PerformancePanel, AppError> {
    let data = marketplace.data().map_err(|_| AppError::new(ErrorCode::MarketplaceUnknown))?;
    let zone = data.time_zone;
    let local = |at: DateTime<Utc>| at.with_timezone(&zone).date_naive();
    let periods: Vec<(NaiveDate, Option<NaiveDate>)> = enrollment
        .map(|e| e.active_periods.iter().map(|p| (local(p.from), p.until.map(local))).collect())
        .unwrap_or_default();
    let activated_on = periods.iter().map(|p| p.0).min();
    let mut paused = Vec::new();
    for (i, (_, until)) in periods.iter().enumerate() {
        if let Some(from) = until {
            paused.push(PauseSpan { from: *from, to: periods.get(i + 1).map(|next| next.0) });
        }
    }
    let trial = enrollment.and_then(|e| e.trial.as_ref()).map(|t| (t.start, t.end));
    let active_in = |week: NaiveDate| {
        let end = week + Duration::days(7);
        periods.iter().any(|(from, until)| *from < end && until.is_none_or(|u| u > week))
    };
    let counts: Vec<WeekCounts> = weeks.iter().map(|w| w.week.counts()).collect();
    let points = weeks
        .iter()
        .zip(&counts)
        .map(|(w, c)| {
            let r = metrics::rates(c);
            let fee_minor = (active_in(w.week.week_start) && c.units > 0)
                .then(|| fees::estimate(marketplace, w.week.week_start, c.units, c.contacts, trial).ok())
                .flatten()
                .map(|f| f.total_minor);
            WeekPoint {
                week_start: w.week.week_start,
                response_hours: r.response_seconds.map(|s| s as f64 / 3600.0),
                a_to_z_claim_rate: float(r.a_to_z_claim_rate),
                negative_feedback_rate: float(r.negative_feedback_rate),
                order_defect_rate: float(r.order_defect_rate),
                valid_tracking_rate: float(r.valid_tracking_rate),
                contacts_per_unit: float(r.contacts_per_unit),
                fee_minor,
                complete: w.week.complete,
            }
        })
        .collect();
    Ok(PerformancePanel {
        account_id,
        marketplace,
        currency: data.currency.clone(),
        currency_exponent: data.minor_unit_exponent,
        weeks: points,
        comparison: activated_on.and_then(|on| comparison(weeks, &counts, on)),
        activated_on,
        paused,
        odr_limit_percent: float(Some(metrics::ODR_LIMIT_PERCENT)).unwrap_or(1.0),
        valid_tracking_target_percent: float(Some(metrics::VALID_TRACKING_TARGET_PERCENT)).unwrap_or(95.0),
    })
}

/// The 13 weeks before the week CSBA became active against the last 13
/// complete weeks since it did (fewer on either side when the replica has
/// fewer; none at all means no comparison).
fn comparison(weeks: &[MetricWeekRecord], counts: &[WeekCounts], activated_on: NaiveDate) -> Option<Comparison> {
    let first_active_week = metrics::monday_of(activated_on);
    let before_from = first_active_week - Duration::weeks(COMPARISON_WEEKS as i64);
    let before: Vec<usize> =
        (0..weeks.len()).filter(|&i| (before_from..first_active_week).contains(&weeks[i].week.week_start)).collect();
    let mut after: Vec<usize> =
        (0..weeks.len()).filter(|&i| weeks[i].week.complete && weeks[i].week.week_start >= first_active_week).collect();
    after = after.split_off(after.len().saturating_sub(COMPARISON_WEEKS));
    let (b0, b1, a0, a1) = (before.first()?, before.last()?, after.first()?, after.last()?);
    let sum = |idx: &[usize]| WeekCounts::total(idx.iter().map(|&i| &counts[i]));
    let (b, a) = (metrics::rates(&sum(&before)), metrics::rates(&sum(&after)));
    let sunday = |i: usize| weeks[i].week.week_start + Duration::days(6);
    Some(Comparison {
        before_from: weeks[*b0].week.week_start,
        before_to: sunday(*b1),
        after_from: weeks[*a0].week.week_start,
        after_to: sunday(*a1),
        rows: rows(&b, &a),
    })
}

fn rows(b: &Rates, a: &Rates) -> Vec<MetricChange> {
    let seconds = |s: Option<u64>| s.map(Decimal::from);
    [
        ("response_seconds", seconds(b.response_seconds), seconds(a.response_seconds), false),
        ("a_to_z_claim_rate", b.a_to_z_claim_rate, a.a_to_z_claim_rate, false),
        ("negative_feedback_rate", b.negative_feedback_rate, a.negative_feedback_rate, false),
        ("order_defect_rate", b.order_defect_rate, a.order_defect_rate, false),
        ("valid_tracking_rate", b.valid_tracking_rate, a.valid_tracking_rate, true),
        ("contacts_per_unit", b.contacts_per_unit, a.contacts_per_unit, false),
    ]
    .into_iter()
    .map(|(metric, before, after, higher_is_better)| {
        let change = match (before, after) {
            (Some(b), Some(a)) if !b.is_zero() => Some(
                ((a - b) * Decimal::ONE_HUNDRED / b).round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero),
            ),
            _ => None,
        };
        let better = match (before, after) {
            (Some(b), Some(a)) if a != b => Some((a > b) == higher_is_better),
            _ => None,
        };
        MetricChange {
            metric: metric.to_owned(),
            before: before.map(|d| d.to_string()),
            after: after.map(|d| d.to_string()),
            change_percent: change.map(|d| format!("{d:.1}")),
            better,
        }
    })
    .collect()
}

fn float(d: Option<Decimal>) -> Option<f64> {
    d.and_then(|d| d.to_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(orders: u64, claims: u64, defects: u64, responses: u64, seconds: u64) -> WeekCounts {
        WeekCounts {
            orders,
            a_to_z_claims: claims,
            defects,
            responses,
            response_seconds: seconds,
            shipped: orders,
            valid_tracking: orders,
            ..WeekCounts::default()
        }
    }

    #[test]
    fn the_change_is_from_summed_counts_and_knows_which_way_is_better() {
        let before = metrics::rates(&counts(1_000, 12, 21, 100, 100 * 36_000));
        let after = metrics::rates(&counts(2_000, 14, 26, 300, 300 * 6_000));
        let rows = rows(&before, &after);
        let row = |m: &str| rows.iter().find(|r| r.metric == m).cloned();
        let claims = row("a_to_z_claim_rate");
        assert_eq!(
            claims.map(|r| (r.before, r.after, r.change_percent, r.better)),
            Some((Some("1.20".into()), Some("0.70".into()), Some("-41.7".into()), Some(true)))
        );
        let response = row("response_seconds");
        assert_eq!(
            response.map(|r| (r.before, r.after, r.change_percent, r.better)),
            Some((Some("36000".into()), Some("6000".into()), Some("-83.3".into()), Some(true))),
            "six times faster"
        );
        let tracking = row("valid_tracking_rate");
        assert_eq!(tracking.map(|r| (r.change_percent, r.better)), Some((Some("0.0".into()), None)));
    }
}
