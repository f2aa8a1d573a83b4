//! The demo seller's weekly figures from before the service held its data,
//! stored as "imported" weeks: JP with worse figures before CSBA took over
//! and better ones after (claims, negative feedback and defects down by
//! about two fifths, first replies six times faster), US a plain history.
//! The shape lives here, in the demo's data, never in the app: the app only
//! sums what it is given.

use crate::error::{Result, ServerError};
use crate::metric_weeks::put_week;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use csba_api::MetricWeek;
use csba_domain::metrics::week_start;
use csba_domain::Marketplace;
use sqlx::AnyConnection;

/// Weeks of history before the current week: JP from ~22 weeks before its
/// activation (150 days ago) on; US a quarter.
pub const JP_WEEKS: i64 = 43;
pub const US_WEEKS: i64 = 13;
/// Feed entries a freshly seeded history holds.
pub const HISTORY_CHANGES: usize = (JP_WEEKS + US_WEEKS) as usize;

/// Per-week counts before and after CSBA. Chosen so that over any 13 weeks
/// the rates move by the shape the demo tells: A-to-z claims 6 → 3.5 per
/// 500 orders (−42 %), negative feedback 8 → 5 per 100 (−37 %), defects
/// 7 → 4⅓ per 500 (−38 %), first replies 12 h → 2 h (6×).
struct Figures {
    claims: &'static [u32],
    defects: &'static [u32],
    negative: &'static [u32],
    reply_seconds: u64,
    valid_per_495: u32,
}

const BEFORE: Figures =
    Figures { claims: &[6], defects: &[7], negative: &[8], reply_seconds: 12 * 3600, valid_per_495: 471 };
const AFTER: Figures =
    Figures { claims: &[3, 4], defects: &[4, 4, 5], negative: &[5], reply_seconds: 2 * 3600, valid_per_495: 490 };

/// Small, fixed week-to-week variation so the charts do not look ruled.
const WOBBLE: [i64; 5] = [0, 12, -8, 5, -9];

fn week_of(index: usize, figures: &Figures, marketplace: Marketplace, week: NaiveDate, scale: u32) -> MetricWeek {
    let pick = |values: &[u32]| values[index % values.len()];
    let orders = u32::try_from(500 + WOBBLE[index % WOBBLE.len()]).unwrap_or(500) / scale;
    let responses = 30 / scale;
    MetricWeek {
        marketplace,
        week_start: week,
        orders,
        a_to_z_claims: pick(figures.claims) / scale,
        defects: pick(figures.defects) / scale,
        feedback: 100 / scale,
        negative_feedback: pick(figures.negative) / scale,
        shipped: 495 / scale,
        valid_tracking: figures.valid_per_495 / scale,
        units: 540 / scale,
        contacts: responses,
        responses,
        response_seconds: u64::from(responses) * figures.reply_seconds,
        complete: true,
    }
}

/// The imported weeks, oldest first, ending with the week before `now`'s.
/// `activated` is when CSBA took over: the first whole week after it is the
/// first "after" (the week it happened in is mostly "before", and a chart
/// would otherwise show the improvement starting days before CSBA did).
pub fn history(
    marketplace: Marketplace,
    activated: DateTime<Utc>,
    weeks: i64,
    now: DateTime<Utc>,
) -> Result<Vec<MetricWeek>> {
    let corrupt = |e: csba_domain::marketplace::DataError| ServerError::Corrupt(e.to_string());
    let current = week_start(marketplace, now).map_err(corrupt)?;
    let first_after = first_week_after(marketplace, activated)?;
    // The US shop is smaller.
    let scale = if marketplace == Marketplace::Us { 4 } else { 1 };
    Ok((1..=weeks)
        .rev()
        .enumerate()
        .map(|(index, back)| {
            let week = current - Duration::weeks(back);
            let figures = if week < first_after { &BEFORE } else { &AFTER };
            week_of(index, figures, marketplace, week, scale)
        })
        .collect())
}

/// The Monday of the first week that starts at or after `activated`.
fn first_week_after(marketplace: Marketplace, activated: DateTime<Utc>) -> Result<NaiveDate> {
    let corrupt = |e: csba_domain::marketplace::DataError| ServerError::Corrupt(e.to_string());
    // A week starting exactly at `activated` is its own; any later instant belongs to the next.
    Ok(week_start(marketplace, activated - Duration::milliseconds(1)).map_err(corrupt)? + Duration::weeks(1))
}

/// Stores `weeks` as imported weeks with their feed entries.
pub async fn write(conn: &mut AnyConnection, seller_id: &str, weeks: &[MetricWeek], now: DateTime<Utc>) -> Result<()> {
    for week in weeks {
        put_week(conn, seller_id, week, true, now).await?;
    }
    Ok(())
}

/// After a restart weeks later: imports the complete weeks the history
/// lacks (those after the newest stored week, up to the week before
/// `now`'s), continuing the "after" figures, so the charts have no hole.
/// Returns how many were written.
pub async fn top_up(
    conn: &mut AnyConnection,
    seller_id: &str,
    marketplace: Marketplace,
    activated: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<usize> {
    let newest: Option<String> =
        sqlx::query_scalar("SELECT MAX(week_start) FROM metric_weeks WHERE seller_id = $1 AND marketplace = $2")
            .bind(seller_id)
            .bind(marketplace.code())
            .fetch_one(&mut *conn)
            .await?;
    let Some(newest) = newest.and_then(|d| d.parse::<NaiveDate>().ok()) else { return Ok(0) };
    let wanted = history(marketplace, activated, JP_WEEKS.max(US_WEEKS), now)?;
    let missing: Vec<MetricWeek> = wanted.into_iter().filter(|w| w.week_start > newest).collect();
    write(conn, seller_id, &missing, now).await?;
    Ok(missing.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use csba_domain::metrics::{rates, WeekCounts};
    use rust_decimal::Decimal;

    fn change(before: Option<Decimal>, after: Option<Decimal>) -> Option<Decimal> {
        let (b, a) = (before?, after?);
        Some(((a - b) * Decimal::ONE_HUNDRED / b).round_dp(0))
    }

    #[test]
    fn the_jp_history_has_the_shape_the_demo_tells_on_any_day() -> std::result::Result<(), Box<dyn std::error::Error>> {
        let start = DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z")?;
        for day in 0..7 {
            let now = start.with_timezone(&Utc) + Duration::days(day);
            let activated = now - Duration::days(150);
            let weeks = history(Marketplace::Jp, activated, JP_WEEKS, now)?;
            assert_eq!(weeks.len() as i64, JP_WEEKS);
            assert_eq!(
                weeks.last().map(|w| w.week_start),
                Some(week_start(Marketplace::Jp, now)? - Duration::weeks(1))
            );
            let first_after = first_week_after(Marketplace::Jp, activated)?;
            // No week drawn before the activation day has the better figures.
            let (first_after_starts, _) = csba_domain::metrics::week_span(Marketplace::Jp, first_after)?;
            assert!(first_after_starts >= activated && first_after_starts - activated < Duration::weeks(1));
            let before: Vec<WeekCounts> =
                weeks.iter().filter(|w| w.week_start < first_after).map(MetricWeek::counts).collect();
            let after: Vec<WeekCounts> =
                weeks.iter().filter(|w| w.week_start >= first_after).map(MetricWeek::counts).collect();
            assert!(before.len() >= 21, "about 22 weeks before activation, got {}", before.len());
            // 13 weeks before activation against the last 13.
            let b = rates(&WeekCounts::total(&before[before.len() - 13..]));
            let a = rates(&WeekCounts::total(&after[after.len() - 13..]));
            let claims = change(b.a_to_z_claim_rate, a.a_to_z_claim_rate).ok_or("claims")?;
            let negative = change(b.negative_feedback_rate, a.negative_feedback_rate).ok_or("negative")?;
            let defects = change(b.order_defect_rate, a.order_defect_rate).ok_or("defects")?;
            assert!((Decimal::from(-45)..=Decimal::from(-39)).contains(&claims), "claims {claims}");
            assert!((Decimal::from(-40)..=Decimal::from(-34)).contains(&negative), "negative {negative}");
            assert!((Decimal::from(-41)..=Decimal::from(-35)).contains(&defects), "defects {defects}");
            assert_eq!(b.response_seconds.zip(a.response_seconds).map(|(b, a)| b / a), Some(6));
            assert!(weeks.iter().all(|w| w.complete && w.a_to_z_claims <= w.defects && w.defects <= w.orders));
        }
        Ok(())
    }
}
