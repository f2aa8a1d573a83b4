//! The demo seller: a cross-border shop selling tea ware and accessories on
//! amazon.co.jp and amazon.com, with cases at every level of urgency, orders
//! to ship today and tomorrow, and CSBA enrollments in both marketplaces
//! (JP for months, US inside its free trial), so the app has something real
//! to show before the seller connects an account. Everything is written
//! through the same functions as real writes, so it all reaches the change
//! feed and a replica gets it like any other change.

use crate::cases::{count_open_due_after, put_case};
use crate::db::{truncate_ms, Db};
use crate::demo_script::{DemoOrder, Placed, CASES, ENROLLMENTS, ORDERS};
use crate::demo_tracking::tracking_number;
use crate::enrollments::{domain_failure, eligibility_of, put_enrollment};
use crate::error::{Result, ServerError};
use crate::feed::lock_seller;
use crate::orders::put_order;
use crate::sellers::{exists, insert_seller};
use crate::ship_by::{default_ship_by, end_of_day};
use crate::{demo_history, demo_rules};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use csba_api::{Case, CaseMessage, Order, OrderTracking};
use csba_domain::enrollment::{Enrollment, EnrollmentEvent};
use csba_domain::{case_respond_by, CaseStatus, Marketplace, CASE_RESPONSE_WINDOW};
use rand::{Rng, SeedableRng};
use sqlx::AnyConnection;

/// Fixed, so every start of the sandbox finds the same seller.
pub const DEMO_SELLER_ID: &str = "ADEMOSAKURA0JP";
pub const DEMO_SELLER_NAME: &str = "Sakura Trading Co.";

/// Orders in one batch.
pub const BATCH_ORDERS: usize = ORDERS.len() + demo_rules::RETURN_ORDERS;
/// Feed entries one batch adds: orders and cases, and the feedback,
/// requests, questions and returns of `demo_rules`.
pub const BATCH_CHANGES: usize = ORDERS.len() + CASES.len() + demo_rules::RULES_CHANGES;
/// Imported weeks of a freshly seeded demo (both marketplaces).
pub const HISTORY_WEEKS: usize = demo_history::HISTORY_CHANGES;
/// Feed entries a freshly seeded demo holds: a batch, the enrollments, the
/// return policies and the imported weekly history.
pub const SEED_CHANGES: usize =
    BATCH_CHANGES + ENROLLMENTS.len() + demo_rules::POLICY_CHANGES + demo_history::HISTORY_CHANGES;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSeller {
    pub seller_id: String,
    pub display_name: String,
    /// False when the demo seller already existed and nothing was written.
    pub created: bool,
}

/// Creates the demo seller with its orders, cases and enrollments, all
/// relative to `now`, in one transaction. If the demo seller already
/// exists, writes nothing (see [`ensure_demo_is_fresh`] for topping it up).
pub async fn seed_demo(db: &Db, now: DateTime<Utc>) -> Result<DemoSeller> {
    let created = if exists(db, DEMO_SELLER_ID).await? {
        false
    } else {
        let mut tx = db.writes().begin().await?;
        insert_seller(&mut tx, DEMO_SELLER_ID, DEMO_SELLER_NAME, &[Marketplace::Jp, Marketplace::Us], now).await?;
        write_batch(&mut tx, DEMO_SELLER_ID, now).await?;
        write_enrollments(&mut tx, DEMO_SELLER_ID, now).await?;
        demo_rules::write_policies(&mut tx, DEMO_SELLER_ID, now).await?;
        write_history(&mut tx, DEMO_SELLER_ID, now).await?;
        tx.commit().await?;
        true
    };
    Ok(DemoSeller { seller_id: DEMO_SELLER_ID.to_owned(), display_name: DEMO_SELLER_NAME.to_owned(), created })
}

/// The app restarts days later and every demo case is long overdue: then a
/// fresh batch of orders and cases (relative to `now`) is added. Returns
/// whether it added one; with any open case still answerable, it does
/// nothing. Enrollments are the seller's to change and are left as they are.
///
/// A demo written before the weekly figures existed (no `metric_weeks`
/// rows: an older sandbox.sqlite) gets what this version adds at once: the
/// history, the return policies, and a batch with feedback, questions and
/// returns. Otherwise the history is topped up to last week, so the charts
/// have no hole after the app was closed for a while.
pub async fn ensure_demo_is_fresh(db: &Db, now: DateTime<Utc>) -> Result<bool> {
    let mut tx = db.writes().begin().await?;
    // Lock first so two concurrent starts cannot both decide to add a batch.
    lock_seller(&mut tx, DEMO_SELLER_ID).await?;
    let weeks: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM metric_weeks WHERE seller_id = $1")
        .bind(DEMO_SELLER_ID)
        .fetch_one(&mut *tx)
        .await?;
    if weeks == 0 {
        let policies: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM return_policies WHERE seller_id = $1")
            .bind(DEMO_SELLER_ID)
            .fetch_one(&mut *tx)
            .await?;
        if policies == 0 {
            demo_rules::write_policies(&mut tx, DEMO_SELLER_ID, now).await?;
        }
        write_history(&mut tx, DEMO_SELLER_ID, now).await?;
        write_batch(&mut tx, DEMO_SELLER_ID, now).await?;
        tx.commit().await?;
        return Ok(true);
    }
    let mut topped_up = 0;
    for marketplace in [Marketplace::Jp, Marketplace::Us] {
        // Weeks after the stored history are all after CSBA took over.
        topped_up +=
            demo_history::top_up(&mut tx, DEMO_SELLER_ID, marketplace, DateTime::<Utc>::UNIX_EPOCH, now).await?;
    }
    if count_open_due_after(&mut tx, DEMO_SELLER_ID, now).await? > 0 {
        if topped_up > 0 {
            tx.commit().await?;
        } else {
            tx.rollback().await?;
        }
        return Ok(false);
    }
    write_batch(&mut tx, DEMO_SELLER_ID, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// The imported weekly history of both marketplaces, each relative to when
/// its enrollment became active (the script's `active_for_days`).
async fn write_history(conn: &mut AnyConnection, seller_id: &str, now: DateTime<Utc>) -> Result<()> {
    let now = truncate_ms(now);
    for script in &ENROLLMENTS {
        let weeks = match script.marketplace {
            Marketplace::Jp => demo_history::JP_WEEKS,
            Marketplace::Us => demo_history::US_WEEKS,
        };
        let activated = now - Duration::days(script.active_for_days);
        let history = demo_history::history(script.marketplace, activated, weeks, now)?;
        demo_history::write(conn, seller_id, &history, now).await?;
    }
    Ok(())
}

/// The script's enrollments, each enrolled `active_for_days` (and the
/// activation delay) ago and run through the state machine to `now`.
async fn write_enrollments(conn: &mut AnyConnection, seller_id: &str, now: DateTime<Utc>) -> Result<()> {
    let now = truncate_ms(now);
    let eligibility = eligibility_of(conn, seller_id).await?;
    for script in &ENROLLMENTS {
        let active_since = now - Duration::days(script.active_for_days);
        let rules =
            script.marketplace.rules(active_since.date_naive()).map_err(|e| ServerError::Corrupt(e.to_string()))?;
        let enroll = EnrollmentEvent::Enroll {
            at: active_since - rules.activation_delay(),
            identity_verified: true,
            invited: true,
        };
        let enrollment =
            Enrollment::new(script.marketplace).apply(enroll).and_then(|e| e.tick(now)).map_err(domain_failure)?;
        put_enrollment(conn, seller_id, &enrollment, Some(script.terms_version.to_owned()), eligibility, now).await?;
    }
    Ok(())
}

/// One batch: the script's orders with fresh ids (and tracking numbers),
/// and its cases on them.
async fn write_batch(conn: &mut AnyConnection, seller_id: &str, now: DateTime<Utc>) -> Result<()> {
    let now = truncate_ms(now);
    // Drawn before the first await: the thread-local RNG must not be held
    // across one, or the future could not move between threads.
    let (order_ids, numbers): (Vec<String>, Vec<Option<String>>) = {
        let mut rng = rand::thread_rng();
        ORDERS
            .iter()
            .map(|script| {
                let number = script.tracking.map(|t| tracking_number(t.carrier, &mut rng));
                (order_id(script.marketplace, &mut rng), number)
            })
            .unzip()
    };
    let mut orders = Vec::with_capacity(ORDERS.len());
    for (index, ((script, id), number)) in ORDERS.iter().zip(&order_ids).zip(&numbers).enumerate() {
        let order = demo_order(script, index, id, number.as_deref(), now)?;
        put_order(conn, seller_id, &order, now).await?;
        sqlx::query(
            "INSERT INTO order_amounts (seller_id, order_id, unit_price_minor, currency) VALUES ($1, $2, $3, $4)",
        )
        .bind(seller_id)
        .bind(&order.id)
        .bind(script.unit_price_minor)
        .bind(crate::simulate::currency(order.marketplace))
        .execute(&mut *conn)
        .await?;
        orders.push(order);
    }
    let jp_order = orders
        .iter()
        .find(|o| o.marketplace == Marketplace::Jp && o.tracking.is_some())
        .ok_or_else(|| ServerError::Corrupt("the demo script has no shipped JP order".to_owned()))?
        .clone();
    let mut ids = rand::rngs::StdRng::from_entropy();
    let mut new_id = move |marketplace| order_id(marketplace, &mut ids);
    let mut numbers = rand::rngs::StdRng::from_entropy();
    let mut new_tracking = move |carrier| tracking_number(carrier, &mut numbers);
    demo_rules::write_rules_batch(conn, seller_id, DEMO_SELLER_NAME, &jp_order, &mut new_id, &mut new_tracking, now)
        .await?;
    for script in &CASES {
        let Some(order) = orders.get(script.order) else {
            continue;
        };
        let order_id = order.id.as_str();
        let number = order.tracking.as_ref().map_or("", |t| t.tracking_number.as_str());
        let fill = |text: &str| text.replace("{order}", order_id).replace("{tracking}", number);
        let respond_by = now + Duration::minutes(script.due_in_minutes);
        let opened_at = respond_by - CASE_RESPONSE_WINDOW;
        debug_assert_eq!(case_respond_by(opened_at), respond_by);
        let case = Case {
            id: uuid::Uuid::new_v4().to_string(),
            order_id: order_id.to_owned(),
            marketplace: order.marketplace,
            kind: script.kind,
            status: CaseStatus::Open,
            language: script.language.to_owned(),
            subject: fill(script.subject),
            messages: script
                .messages
                .iter()
                .map(|(after, body)| CaseMessage {
                    author: "csba".to_owned(),
                    body: fill(body),
                    sent_at: (opened_at + Duration::minutes(*after)).min(now),
                    language: None,
                    late: false,
                })
                .collect(),
            opened_at,
            respond_by,
            outcome: None,
            resolved_at: None,
        };
        put_case(conn, seller_id, &case, now).await?;
    }
    Ok(())
}

/// The `index`th order of the script as of `now`.
fn demo_order(script: &DemoOrder, index: usize, id: &str, number: Option<&str>, now: DateTime<Utc>) -> Result<Order> {
    let (placed_at, ship_by) = match script.placed {
        Placed::HoursAgo(hours) => (now - Duration::hours(hours), None),
        Placed::ShipBy { days_from_today } => placed_to_ship_by(script.marketplace, days_from_today, index, now)?,
    };
    let tracking = match (script.tracking, number) {
        (Some(t), Some(number)) => {
            let zone = script.marketplace.time_zone().map_err(|e| ServerError::Corrupt(e.to_string()))?;
            let handed_over = (placed_at + Duration::hours(t.shipped_after_hours)).min(now);
            Some(OrderTracking {
                tracking_number: number.to_owned(),
                carrier: t.carrier.code().to_owned(),
                ship_date: handed_over.with_timezone(&zone).date_naive(),
                // Confirmed to Amazon an hour after handing it over.
                confirmed_at: (handed_over + Duration::hours(1)).min(now),
            })
        }
        _ => None,
    };
    Ok(Order {
        id: id.to_owned(),
        marketplace: script.marketplace,
        placed_at,
        item_title: script.item_title.to_owned(),
        sku: script.sku.to_owned(),
        quantity: script.quantity,
        status: script.status.to_owned(),
        tracking,
        ship_by,
        return_received_at: None,
        refunded_at: None,
    })
}

/// When to have placed an order that must ship by the end of the local day
/// `days_from_today` after today: on the latest day from which the default
/// handling time ends exactly then, so its `ship_by` is the one any order
/// gets (left `None` for `put_order` to compute). A weekend or holiday is
/// never the end of a handling time counted in business days; then the
/// order carries that day as its own ship-by, as an order of a SKU whose
/// handling time includes weekends would. The time of day is spread by
/// `index` and never after `now`.
fn placed_to_ship_by(
    marketplace: Marketplace,
    days_from_today: i64,
    index: usize,
    now: DateTime<Utc>,
) -> Result<(DateTime<Utc>, Option<DateTime<Utc>>)> {
    let zone = marketplace.time_zone().map_err(|e| ServerError::Corrupt(e.to_string()))?;
    let today = now.with_timezone(&zone).date_naive();
    let target = today + Duration::days(days_from_today);
    let deadline = end_of_day(marketplace, target)?;
    let at_local = |day: NaiveDate, time: NaiveTime| {
        zone.from_local_datetime(&day.and_time(time))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| ServerError::Corrupt(format!("no {time} on {day} in {zone}")))
    };
    let minutes = i64::try_from(index % 12).unwrap_or(0) * 37;
    let time = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN) + Duration::minutes(minutes);
    // Latest first: default_ship_by only grows with the day placed.
    for back in 1..=10 {
        let day = target - Duration::days(back);
        if day > today {
            continue;
        }
        let start = at_local(day, NaiveTime::MIN)?;
        let placed_at = at_local(day, time)?.min(now - Duration::minutes(5)).max(start);
        if default_ship_by(marketplace, placed_at)? == deadline {
            return Ok((placed_at, None));
        }
    }
    let day = target - Duration::days(2);
    Ok((at_local(day, time)?, Some(deadline)))
}

/// Amazon order ids: a 3-digit prefix by marketplace (503 on .co.jp, 11x on
/// .com), then 7 and 7 digits.
fn order_id(marketplace: Marketplace, rng: &mut impl Rng) -> String {
    let prefix = match marketplace {
        Marketplace::Jp => 503,
        Marketplace::Us => rng.gen_range(111..=114),
    };
    format!("{prefix}-{:07}-{:07}", rng.gen_range(0..10_000_000), rng.gen_range(0..10_000_000))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        s.parse().unwrap_or(DateTime::<Utc>::UNIX_EPOCH)
    }

    #[test]
    fn work_due_today_and_tomorrow_on_any_day() -> Result<()> {
        // Every hour of two weeks, holidays included (Golden Week in Tokyo,
        // Memorial Day in Los Angeles), on both marketplaces.
        for start in ["2026-04-25T00:00:00Z", "2026-05-20T00:00:00Z"] {
            for hour in 0..24 * 14 {
                let now = utc(start) + Duration::hours(hour) + Duration::minutes(7);
                for mp in Marketplace::ALL {
                    let zone = mp.time_zone().map_err(|e| ServerError::Corrupt(e.to_string()))?;
                    for days in [0, 1] {
                        let (placed_at, given) = placed_to_ship_by(mp, days, 3, now)?;
                        let ship_by = match given {
                            Some(t) => t,
                            None => default_ship_by(mp, placed_at)?,
                        };
                        let today = now.with_timezone(&zone).date_naive();
                        assert_eq!(ship_by, end_of_day(mp, today + Duration::days(days))?, "{mp:?} {now} +{days}");
                        assert!(placed_at <= now && ship_by > now, "{mp:?} {now} +{days}: {placed_at} {ship_by}");
                    }
                }
            }
        }
        Ok(())
    }

    #[test]
    fn order_ids_have_amazon_shape() {
        let mut rng = rand::thread_rng();
        for mp in Marketplace::ALL {
            let id = order_id(mp, &mut rng);
            let parts: Vec<&str> = id.split('-').collect();
            assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), vec![3, 7, 7]);
            assert!(id.chars().all(|c| c.is_ascii_digit() || c == '-'));
            assert_eq!(mp == Marketplace::Jp, id.starts_with("503-"));
        }
    }

    #[test]
    fn script_is_consistent() {
        for case in &CASES {
            let order = &ORDERS[case.order];
            assert!(order.marketplace.seller_languages().contains(&case.language), "{}", case.subject);
            // The order exists before the case about it is opened.
            let opened_minutes_ago = 24 * 60 - case.due_in_minutes;
            let Placed::HoursAgo(hours) = order.placed else {
                panic!("a case on an order placed relative to its ship-by: {}", case.subject);
            };
            assert!(hours * 60 > opened_minutes_ago, "{}", case.subject);
            // {tracking} only where there is one.
            let mentions =
                case.subject.contains("{tracking}") || case.messages.iter().any(|m| m.1.contains("{tracking}"));
            assert!(!mentions || order.tracking.is_some(), "{}", case.subject);
        }
        for order in &ORDERS {
            let shipped = matches!(order.status, "shipped" | "delivered");
            assert_eq!(shipped, order.tracking.is_some(), "{}", order.sku);
            assert!(
                order.tracking.is_none_or(|t| {
                    let Placed::HoursAgo(hours) = order.placed else { return false };
                    t.shipped_after_hours < hours
                }),
                "{}: shipped in the future",
                order.sku
            );
        }
        let due_soon = CASES.iter().filter(|c| (0..=180).contains(&c.due_in_minutes)).count();
        let overdue = CASES.iter().filter(|c| c.due_in_minutes < 0).count();
        assert_eq!((due_soon, overdue), (2, 1));
    }
}
