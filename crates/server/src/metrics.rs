//! The figures of DESIGN.md point 7, computed from what the service stores:
//! cases and replies, orders and their tracking, feedback, A-to-z claims.
//! Rates are exact decimals (rounded half away from zero to two places, as
//! text), never floats; the fee comes from `csba_domain::fees::estimate`.

use crate::cases::list_cases;
use crate::db::{from_ms, to_ms, Db};
use crate::enrollments;
use crate::error::{Result, ServerError};
use crate::orders::{status, WITH_CONFIRMATION};
use chrono::{DateTime, Duration, Utc};
use csba_api::{FeeView, MarketplaceMetrics, MetricsReport};
use csba_domain::{fees, tracking, CaseStatus, Marketplace};
use rust_decimal::{Decimal, RoundingStrategy};

/// Account-health windows (Amazon's): ODR over 60 days, valid tracking over
/// 30; claims, feedback and CPU over the trailing 3 months (90 days).
const ODR_WINDOW: Duration = Duration::days(60);
const TRACKING_WINDOW: Duration = Duration::days(30);
const TRAILING: Duration = Duration::days(90);

type OrderRow = (String, i64, String, i64, i64, Option<String>, Option<String>);

pub async fn report(
    db: &Db,
    seller_id: &str,
    marketplaces: &[Marketplace],
    now: DateTime<Utc>,
) -> Result<MetricsReport> {
    let (cases, _) = list_cases(db, seller_id, &crate::page::Page::ALL).await?;
    let mut out = Vec::with_capacity(marketplaces.len());
    for &mp in marketplaces {
        let orders: Vec<OrderRow> = sqlx::query_as(&format!(
            "SELECT o.id, o.placed_at, {}, o.quantity, o.a_to_z_claim, s.tracking_number, s.carrier \
             FROM {WITH_CONFIRMATION} WHERE o.seller_id = $1 AND o.marketplace = $2 AND o.placed_at >= $3",
            status!()
        ))
        .bind(seller_id)
        .bind(mp.code())
        .bind(to_ms(now - TRAILING))
        .fetch_all(db.reads())
        .await?;
        let feedback: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT order_id, left_at, rating FROM feedback WHERE seller_id = $1 AND marketplace = $2 AND left_at >= $3",
        )
        .bind(seller_id)
        .bind(mp.code())
        .bind(to_ms(now - TRAILING))
        .fetch_all(db.reads())
        .await?;

        let cases: Vec<_> = cases.iter().filter(|c| c.marketplace == mp).collect();
        let mut answered = 0i64;
        let mut late = 0i64;
        let mut total_response = 0i64;
        for case in &cases {
            if let Some(first) = case.messages.iter().find(|m| m.author == "seller") {
                answered += 1;
                late += i64::from(first.late);
                total_response += (first.sent_at - case.opened_at).num_seconds();
            }
        }
        let resolved = cases.iter().filter(|c| c.status == CaseStatus::ResolvedByCsba).count();
        let contacts = cases.iter().filter(|c| c.opened_at >= now - TRAILING).count();

        let since = |window: Duration| to_ms(now - window);
        let negative: std::collections::HashSet<&str> =
            feedback.iter().filter(|(_, _, r)| *r <= 2).map(|(o, _, _)| o.as_str()).collect();
        let claims = orders.iter().filter(|o| o.4 != 0).count();
        let recent: Vec<&OrderRow> = orders.iter().filter(|o| o.1 >= since(ODR_WINDOW)).collect();
        let defects = recent.iter().filter(|o| o.4 != 0 || negative.contains(o.0.as_str())).count();
        let shipped: Vec<&OrderRow> = orders
            .iter()
            .filter(|o| o.1 >= since(TRACKING_WINDOW) && (o.2 == "shipped" || o.2 == "delivered"))
            .collect();
        let valid_tracking = shipped
            .iter()
            .filter(|o| o.5.as_deref().is_some_and(|n| tracking::check_with_code(n, o.6.as_deref()).is_valid()))
            .count();
        let units: i64 = orders.iter().filter(|o| o.2 == "shipped" || o.2 == "delivered").map(|o| o.3).sum();

        let mut conn = db.reads().acquire().await?;
        let (enrollment, _) = enrollments::load(&mut conn, seller_id, mp).await?;
        drop(conn);
        let trial = enrollment.tick(now).and_then(|e| e.trial()).map_err(|e| ServerError::Corrupt(e.to_string()))?;
        let zone = mp.time_zone().map_err(|e| ServerError::Corrupt(e.to_string()))?;
        let today = now.with_timezone(&zone).date_naive();
        let fee = fees::estimate(mp, today, u64::try_from(units).unwrap_or(0), contacts as u64, trial).ok().map(|f| {
            FeeView {
                cpu_percent: f.cpu_percent.to_string(),
                tier: f.tier,
                fee_per_unit_minor: f.fee_per_unit_minor,
                total_minor: f.total_minor,
                currency: f.currency,
                in_trial: f.in_trial,
            }
        });
        out.push(MarketplaceMetrics {
            marketplace: mp,
            response_time_seconds: (answered > 0).then(|| total_response / answered),
            cases_answered: answered,
            cases_answered_late: late,
            cases_resolved_by_csba: resolved as i64,
            a_to_z_claim_rate: percent(claims, orders.len()),
            negative_feedback_rate: percent(feedback.iter().filter(|f| f.2 <= 2).count(), feedback.len()),
            order_defect_rate: percent(defects, recent.len()),
            valid_tracking_rate: percent(valid_tracking, shipped.len()),
            units,
            contacts: contacts as i64,
            fee,
        });
    }
    // Read back through from_ms so the figure has the stored precision.
    Ok(MetricsReport { computed_at: from_ms(to_ms(now))?, marketplaces: out })
}

/// `part / whole` in percent, two places, half away from zero; `None` for
/// an empty whole.
pub fn percent(part: usize, whole: usize) -> Option<String> {
    if whole == 0 {
        return None;
    }
    let ratio = Decimal::from(part as u64) * Decimal::ONE_HUNDRED / Decimal::from(whole as u64);
    let rounded = ratio.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    Some(format!("{rounded:.2}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_exact_with_two_places() {
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(1, 3).as_deref(), Some("33.33"));
        assert_eq!(percent(2, 3).as_deref(), Some("66.67"));
        assert_eq!(percent(1, 8).as_deref(), Some("12.50"));
        assert_eq!(percent(5, 5).as_deref(), Some("100.00"));
        assert_eq!(percent(1, 200_000).as_deref(), Some("0.00"));
    }
}
