//! The demo seller: a cross-border shop selling tea ware and accessories on
//! amazon.co.jp and amazon.com, with cases at every level of urgency, so the
//! app has something real to show before the seller connects an account.

use crate::cases::{count_open_due_after, put_case};
use crate::db::{truncate_ms, Db};
use crate::demo_script::{CASES, ORDERS};
use crate::error::Result;
use crate::feed::lock_seller;
use crate::orders::put_order;
use crate::sellers::{exists, insert_seller};
use chrono::{DateTime, Duration, Utc};
use csba_api::{Case, CaseMessage, Order};
use csba_domain::{case_respond_by, CaseStatus, Marketplace, CASE_RESPONSE_WINDOW};
use rand::Rng;
use sqlx::AnyConnection;

/// Fixed, so every start of the sandbox finds the same seller.
pub const DEMO_SELLER_ID: &str = "ADEMOSAKURA0JP";
pub const DEMO_SELLER_NAME: &str = "Sakura Trading Co.";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSeller {
    pub seller_id: String,
    pub display_name: String,
    /// False when the demo seller already existed and nothing was written.
    pub created: bool,
}

/// Creates the demo seller with its orders and cases, all relative to
/// `now`, in one transaction. If the demo seller already exists, writes
/// nothing (see [`ensure_demo_is_fresh`] for topping it up).
pub async fn seed_demo(db: &Db, now: DateTime<Utc>) -> Result<DemoSeller> {
    let created = if exists(db, DEMO_SELLER_ID).await? {
        false
    } else {
        let mut tx = db.pool().begin().await?;
        insert_seller(&mut tx, DEMO_SELLER_ID, DEMO_SELLER_NAME, &[Marketplace::Jp, Marketplace::Us], now).await?;
        write_batch(&mut tx, DEMO_SELLER_ID, now).await?;
        tx.commit().await?;
        true
    };
    Ok(DemoSeller { seller_id: DEMO_SELLER_ID.to_owned(), display_name: DEMO_SELLER_NAME.to_owned(), created })
}

/// The app restarts days later and every demo case is long overdue: then a
/// fresh batch of orders and cases (relative to `now`) is added. Returns
/// whether it added one; with any open case still answerable, it does
/// nothing.
pub async fn ensure_demo_is_fresh(db: &Db, now: DateTime<Utc>) -> Result<bool> {
    let mut tx = db.pool().begin().await?;
    // Lock first so two concurrent starts cannot both decide to add a batch.
    lock_seller(&mut tx, DEMO_SELLER_ID).await?;
    if count_open_due_after(&mut tx, DEMO_SELLER_ID, now).await? > 0 {
        tx.rollback().await?;
        return Ok(false);
    }
    write_batch(&mut tx, DEMO_SELLER_ID, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// One batch: the script's orders with fresh ids, and its cases on them.
async fn write_batch(conn: &mut AnyConnection, seller_id: &str, now: DateTime<Utc>) -> Result<()> {
    let now = truncate_ms(now);
    // Ids are drawn before the first await: the thread-local RNG must not
    // be held across one, or the future could not move between threads.
    let order_ids: Vec<String> = {
        let mut rng = rand::thread_rng();
        ORDERS.iter().map(|script| order_id(script.marketplace, &mut rng)).collect()
    };
    for (script, id) in ORDERS.iter().zip(&order_ids) {
        let order = Order {
            id: id.clone(),
            marketplace: script.marketplace,
            placed_at: now - Duration::hours(script.placed_hours_ago),
            item_title: script.item_title.to_owned(),
            sku: script.sku.to_owned(),
            quantity: script.quantity,
            status: script.status.to_owned(),
            tracking: None,
        };
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
    }
    for script in &CASES {
        let (Some(order_id), Some(order)) = (order_ids.get(script.order), ORDERS.get(script.order)) else {
            continue;
        };
        let respond_by = now + Duration::minutes(script.due_in_minutes);
        let opened_at = respond_by - CASE_RESPONSE_WINDOW;
        debug_assert_eq!(case_respond_by(opened_at), respond_by);
        let case = Case {
            id: uuid::Uuid::new_v4().to_string(),
            order_id: order_id.clone(),
            marketplace: order.marketplace,
            kind: script.kind,
            status: CaseStatus::Open,
            language: script.language.to_owned(),
            subject: script.subject.replace("{order}", order_id),
            messages: script
                .messages
                .iter()
                .map(|(after, body)| CaseMessage {
                    author: "csba".to_owned(),
                    body: body.replace("{order}", order_id),
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
            assert!(order.placed_hours_ago * 60 > opened_minutes_ago, "{}", case.subject);
        }
        let due_soon = CASES.iter().filter(|c| (0..=180).contains(&c.due_in_minutes)).count();
        let overdue = CASES.iter().filter(|c| c.due_in_minutes < 0).count();
        assert_eq!((due_soon, overdue), (2, 1));
    }
}
