//! What happens when time passes, with nobody asking: CSBA resolves the
//! cases a seller did not answer within 24 hours, charges the seller for the
//! refunds it issued for parcels that never arrived, enrollments become
//! active after their delay (or lapse, see `enrollment_wakes`), and old
//! change-feed entries are compacted. [`sweep`] does one round at a given instant; the
//! server runs it on an interval, and right after the test clock moves.
//! Every instance on one database sweeps; [`sweep_and_announce`] takes the
//! round's turn first (`sweep_lock`), and each job acts only on what is
//! still due, so a round never acts twice.

use crate::cases::{overdue_open_cases, put_case};
use crate::db::{from_ms, to_ms, truncate_ms, Db};
use crate::enrollment_wakes;
use crate::error::Result;
use crate::events::Events;
use crate::feed::{self, lock_seller};
use crate::sweep_lock::{self, WhenBusy};
use crate::team::TeamPace;
use chrono::{DateTime, Duration, Utc};
use csba_api::{Case, CaseOutcome};
use csba_domain::{CaseKind, CaseStatus};
use sqlx::AnyConnection;
use std::collections::BTreeSet;
use std::sync::Arc;

/// How long the change feed keeps superseded entries; a cursor older than
/// this answers 410 `cursor_expired`.
pub const FEED_RETENTION: Duration = Duration::days(90);

/// How often the background task sweeps. Deadlines are in hours, so a
/// minute of lateness is invisible; the test clock sweeps at once anyway.
pub const SWEEP_INTERVAL: std::time::Duration = std::time::Duration::from_secs(60);

/// Why CSBA charged the seller (the only reason so far).
pub const REFUND_REASON: &str = "parcel_not_delivered";

/// Overdue cases resolved per seller per transaction, so one seller with a
/// huge backlog does not hold its lock for long.
const BATCH: usize = 500;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// (seller, latest seq) for every seller whose feed moved.
    pub moved: Vec<(String, i64)>,
    pub resolved: usize,
    pub refunds: usize,
    /// Enrollments that changed state by themselves (activated, lapsed).
    pub enrollments: usize,
    pub compacted: u64,
    /// Idempotency keys past their 30 days.
    pub purged_keys: u64,
    /// Questions the CSBA team answered, removal requests it decided.
    pub answered: usize,
    pub decided: usize,
    /// Weeks whose figures changed and were recorded.
    pub weeks_moved: usize,
}

/// CSBA's decision on a case the seller left unanswered, by kind. Fixed
/// rather than random so tests and demos can rely on it.
pub fn outcome_for(kind: CaseKind) -> CaseOutcome {
    match kind {
        // CSBA answers from the listing what the seller did not.
        CaseKind::ProductQuestion => CaseOutcome::AnsweredFromDetailPage,
        // The parcel did not arrive: the buyer is refunded at the seller's cost.
        CaseKind::Delivery => CaseOutcome::Refund,
        // The buyer asked for their money back; CSBA grants it.
        CaseKind::Refund => CaseOutcome::Refund,
        // A faulty item: CSBA has the seller send another.
        CaseKind::Return => CaseOutcome::Replacement,
        // An order cannot be changed without the seller.
        CaseKind::OrderChange => CaseOutcome::Denial,
    }
}

/// One round at `now`: writes the enrollments whose state changed by itself
/// (one transaction each, with its feed entry), resolves every overdue open
/// case (one transaction per seller and batch, with its feed entries and
/// refunds) and compacts feed entries older than [`FEED_RETENTION`].
pub async fn sweep(db: &Db, now: DateTime<Utc>) -> Result<SweepReport> {
    sweep_with(db, &TeamPace::default(), now).await
}

/// [`sweep`] with the CSBA team working at `team`'s pace: it also answers
/// questions and decides removal requests that are due, and recomputes the
/// current and previous week's figures of every seller and marketplace.
pub async fn sweep_with(db: &Db, team: &TeamPace, now: DateTime<Utc>) -> Result<SweepReport> {
    let now = truncate_ms(now);
    let mut report = SweepReport::default();
    let mut moved = BTreeSet::new();
    for (seller_id, marketplace) in enrollment_wakes::due(db, now).await? {
        let mut tx = db.writes().begin().await?;
        let changed = enrollment_wakes::wake(&mut tx, &seller_id, marketplace, now).await?;
        tx.commit().await?;
        if changed {
            report.enrollments += 1;
            moved.insert(seller_id);
        }
    }
    let sellers: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT seller_id FROM cases WHERE status = $1 AND respond_by <= $2 ORDER BY seller_id",
    )
    .bind(CaseStatus::Open.as_str())
    .bind(to_ms(now))
    .fetch_all(db.reads())
    .await?;
    for seller_id in sellers {
        let mut resolved_here = 0;
        loop {
            let mut tx = db.writes().begin().await?;
            let (resolved, refunds) = resolve_overdue(&mut tx, &seller_id, now).await?;
            tx.commit().await?;
            resolved_here += resolved;
            report.refunds += refunds;
            if resolved < BATCH {
                break;
            }
        }
        report.resolved += resolved_here;
        if resolved_here > 0 {
            moved.insert(seller_id);
        }
    }
    let work = crate::team::work(db, team, now).await?;
    report.answered = work.answered;
    report.decided = work.decided;
    moved.extend(work.sellers);
    let weeks = crate::metric_weeks::refresh_all(db, now).await?;
    report.weeks_moved = weeks.len();
    moved.extend(weeks);
    for seller_id in moved {
        if let Some(seq) = feed::latest_seq(db, &seller_id).await? {
            report.moved.push((seller_id, seq));
        }
    }
    report.compacted = feed::compact(db, now - FEED_RETENTION).await?;
    report.purged_keys = crate::idempotency::purge(db, now).await?;
    if report.resolved > 0 || report.enrollments > 0 || report.compacted > 0 || work.answered + work.decided > 0 {
        tracing::info!(
            resolved = report.resolved,
            answered = report.answered,
            decided = report.decided,
            refunds = report.refunds,
            enrollments = report.enrollments,
            compacted = report.compacted,
            "swept"
        );
    }
    Ok(report)
}

/// Takes the round's turn ([`sweep_lock`](crate::sweep_lock)), sweeps and
/// tells connected clients, on every instance, about it. None when the
/// round was skipped (`when_busy` is `Skip` and another instance sweeps) or
/// failed; errors are logged: the next round tries again.
pub async fn sweep_and_announce(
    db: &Db,
    events: &Events,
    team: &TeamPace,
    now: DateTime<Utc>,
    when_busy: WhenBusy,
) -> Option<SweepReport> {
    let turn = match sweep_lock::take(db, when_busy).await {
        Ok(Some(turn)) => turn,
        Ok(None) => {
            tracing::debug!("another instance is sweeping; skipping this round");
            return None;
        }
        Err(e) => {
            tracing::error!(error = %e, "taking the sweep's turn failed");
            return None;
        }
    };
    let swept = sweep_with(db, team, now).await;
    if let Err(e) = turn.end().await {
        // The transaction ends with its connection anyway.
        tracing::warn!(error = %e, "ending the sweep's turn failed");
    }
    match swept {
        Ok(report) => {
            for (seller_id, seq) in &report.moved {
                events.announce(db, seller_id, *seq).await;
            }
            Some(report)
        }
        Err(e) => {
            tracing::error!(error = %e, "sweep failed");
            None
        }
    }
}

/// The background task: sweeps every [`SWEEP_INTERVAL`], or sooner when
/// the CSBA team's next answer or decision is due (a sandbox team answers
/// in 2 minutes, or seconds in end-to-end tests: a minute late would show),
/// until the process (or the sandbox's runtime) ends. The first round is
/// at most one interval after start, so a freshly started sandbox shows its
/// demo as seeded.
pub fn spawn(db: Db, events: Events, clock: Arc<dyn crate::Clock>, team: TeamPace) -> tokio::task::JoinHandle<()> {
    // A question asked while the sweeper sleeps is not seen until it wakes:
    // with a team quicker than the interval, it never sleeps longer than
    // the team takes, so an answer is at most one pace late.
    let longest = team.answer_after.min(team.decide_after).to_std().unwrap_or(SWEEP_INTERVAL).min(SWEEP_INTERVAL);
    tokio::spawn(async move {
        tokio::time::sleep(longest).await;
        sweep_and_announce(&db, &events, &team, clock.now(), WhenBusy::Skip).await;
        loop {
            let wait = match crate::team::next_due(&db, &team).await {
                Ok(Some(due)) => until(due, clock.now()).min(longest),
                Ok(None) => longest,
                Err(e) => {
                    tracing::error!(error = %e, "reading the team's next task failed");
                    longest
                }
            };
            tokio::time::sleep(wait).await;
            sweep_and_announce(&db, &events, &team, clock.now(), WhenBusy::Skip).await;
        }
    })
}

/// How long to sleep for something due at `due`: never longer than the
/// interval, and a little past the instant (milliseconds are what is
/// stored, so waking a hair early would find nothing due).
fn until(due: DateTime<Utc>, now: DateTime<Utc>) -> std::time::Duration {
    let left = (due - now).to_std().unwrap_or(std::time::Duration::ZERO);
    (left + std::time::Duration::from_millis(5)).min(SWEEP_INTERVAL)
}

/// Resolves up to [`BATCH`] of the seller's overdue cases. Returns
/// (cases resolved, refunds charged).
async fn resolve_overdue(conn: &mut AnyConnection, seller_id: &str, now: DateTime<Utc>) -> Result<(usize, usize)> {
    // The seller lock first: a reply committed before it is seen (the case
    // is no longer open); one after it waits and finds the case resolved.
    lock_seller(conn, seller_id).await?;
    let overdue = overdue_open_cases(conn, seller_id, now).await?;
    let mut refunds = 0;
    let count = overdue.len().min(BATCH);
    for case in overdue.into_iter().take(BATCH) {
        let outcome = outcome_for(case.kind);
        // Resolved at the deadline, not at the sweep: that is when CSBA
        // stopped waiting, whenever we got round to noticing.
        let resolved = Case {
            status: CaseStatus::ResolvedByCsba,
            outcome: Some(outcome),
            resolved_at: Some(case.respond_by),
            ..case
        };
        put_case(conn, seller_id, &resolved, now).await?;
        if resolved.kind == CaseKind::Delivery && outcome == CaseOutcome::Refund {
            charge_refund(conn, seller_id, &resolved).await?;
            refunds += 1;
        }
    }
    Ok((count, refunds))
}

/// Records CSBA's refund for an undelivered parcel against the seller: the
/// order's price times its quantity, when the price is known.
async fn charge_refund(conn: &mut AnyConnection, seller_id: &str, case: &Case) -> Result<()> {
    let price: Option<(i64, String)> =
        sqlx::query_as("SELECT unit_price_minor, currency FROM order_amounts WHERE seller_id = $1 AND order_id = $2")
            .bind(seller_id)
            .bind(&case.order_id)
            .fetch_optional(&mut *conn)
            .await?;
    let quantity: Option<i64> = sqlx::query_scalar("SELECT quantity FROM orders WHERE seller_id = $1 AND id = $2")
        .bind(seller_id)
        .bind(&case.order_id)
        .fetch_optional(&mut *conn)
        .await?;
    let (amount, currency) = match price {
        Some((unit, currency)) => (unit.saturating_mul(quantity.unwrap_or(1)), currency),
        None => (0, fallback_currency(case)),
    };
    let at = case.resolved_at.unwrap_or(case.respond_by);
    sqlx::query(
        "INSERT INTO csba_refunds (seller_id, case_id, order_id, amount_minor, currency, reason, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (seller_id, case_id) DO NOTHING",
    )
    .bind(seller_id)
    .bind(&case.id)
    .bind(&case.order_id)
    .bind(amount)
    .bind(currency)
    .bind(REFUND_REASON)
    .bind(to_ms(at))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn fallback_currency(case: &Case) -> String {
    case.marketplace.data().map(|d| d.currency.clone()).unwrap_or_default()
}

/// A refund CSBA charged to the seller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsbaRefund {
    pub case_id: String,
    pub order_id: String,
    pub amount_minor: i64,
    pub currency: String,
    pub reason: String,
    pub at: DateTime<Utc>,
}

/// The seller's CSBA refunds from `since` on, oldest first: for the metrics
/// (refunds charged, amount per currency).
pub async fn csba_refunds(db: &Db, seller_id: &str, since: DateTime<Utc>) -> Result<Vec<CsbaRefund>> {
    let rows: Vec<(String, String, i64, String, String, i64)> = sqlx::query_as(
        "SELECT case_id, order_id, amount_minor, currency, reason, at FROM csba_refunds \
         WHERE seller_id = $1 AND at >= $2 ORDER BY at ASC, case_id ASC",
    )
    .bind(seller_id)
    .bind(to_ms(since))
    .fetch_all(db.reads())
    .await?;
    rows.into_iter()
        .map(|(case_id, order_id, amount_minor, currency, reason, at)| {
            Ok(CsbaRefund { case_id, order_id, amount_minor, currency, reason, at: from_ms(at)? })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_undelivered_parcels_and_refund_requests_are_refunded() {
        let refunded: Vec<CaseKind> =
            CaseKind::ALL.into_iter().filter(|k| outcome_for(*k) == CaseOutcome::Refund).collect();
        assert_eq!(refunded, vec![CaseKind::Delivery, CaseKind::Refund]);
        assert_eq!(outcome_for(CaseKind::ProductQuestion), CaseOutcome::AnsweredFromDetailPage);
    }

    #[test]
    fn the_sweeper_wakes_for_the_next_team_task_but_at_least_every_interval() {
        let now = DateTime::<Utc>::UNIX_EPOCH + Duration::days(20_000);
        assert_eq!(until(now + Duration::seconds(3), now), std::time::Duration::from_millis(3_005));
        assert_eq!(until(now - Duration::seconds(3), now), std::time::Duration::from_millis(5));
        assert_eq!(until(now + Duration::hours(5), now), SWEEP_INTERVAL);
    }
}
