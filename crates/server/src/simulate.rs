//! The simulator: sellers, MFN orders, buyer contacts escalated to cases,
//! returns, refunds and feedback over simulated days, in the marketplaces'
//! own languages. Everything comes from one seeded RNG and the given start,
//! so the same seed gives the same data (ids included), which tests, demos
//! and benchmarks rely on.
//!
//! Buyer contacts appear as the buyer's words quoted in the case CSBA opens
//! (contacts CSBA settles alone never reach the seller, so are not stored);
//! returns are `return` cases. Rules come from the domain: a case is due
//! `case_respond_by(opened)`, sellers answer in time or not at all, and the
//! final sweep resolves the unanswered ones exactly as the server would.

use crate::cases::put_case;
use crate::db::{truncate_ms, Db};
use crate::error::Result;
use crate::feedback::{put_feedback, NewFeedback};
use crate::orders::put_order;
use crate::sellers::insert_seller;
use crate::simulate_text::{buyer_quotes, case_text, feedback_comments, seller_replies, PRODUCTS, SELLER_NAMES};
use chrono::{DateTime, Duration, Utc};
use csba_api::{Case, CaseMessage, Order};
use csba_domain::feedback::Fulfillment;
use csba_domain::{case_respond_by, CaseKind, CaseStatus, Marketplace};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use sqlx::AnyConnection;

/// MFN orders per seller per simulated day, on average.
pub const ORDERS_PER_DAY: u32 = 30;
/// Share of orders whose buyer contact CSBA escalates to the seller.
const CASE_RATE: f64 = 0.34;
/// Share of cases the seller answers (always within the 24 hours).
const ANSWER_RATE: f64 = 0.8;
/// Share of delivered orders with feedback.
const FEEDBACK_RATE: f64 = 0.12;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub sellers: Vec<String>,
    pub orders: usize,
    pub cases: usize,
    pub returns: usize,
    pub answered: usize,
    pub resolved_by_csba: usize,
    pub feedback: usize,
}

/// Seller id, name, marketplaces, and every write in time order.
type SellerPlan = (String, String, Vec<Marketplace>, Vec<(DateTime<Utc>, Event)>);

/// One write, at its simulated time.
enum Event {
    Order(Order, i64),
    Case(Case),
    Feedback(NewFeedback),
}

/// Creates `sellers` sellers and simulates `days` days from `start`; the
/// last sweep runs at `start + days`. One transaction per seller per day.
pub async fn simulate(db: &Db, seed: u64, days: u32, sellers: u32, start: DateTime<Utc>) -> Result<Summary> {
    let start = truncate_ms(start);
    let end = start + Duration::days(i64::from(days));
    let mut summary = Summary::default();
    // All randomness is drawn here, before any await: StdRng is Send, but
    // keeping generation apart from writing also keeps the data independent
    // of the database.
    let plans: Vec<SellerPlan> = {
        let mut rng = StdRng::seed_from_u64(seed);
        (0..sellers)
            .map(|i| {
                let id = seller_id(&mut rng);
                let name = SELLER_NAMES[i as usize % SELLER_NAMES.len()];
                let name = if (i as usize) < SELLER_NAMES.len() { name.to_owned() } else { format!("{name} {i}") };
                let marketplaces = match rng.gen_range(0..3) {
                    0 => vec![Marketplace::Jp],
                    1 => vec![Marketplace::Us],
                    _ => vec![Marketplace::Jp, Marketplace::Us],
                };
                let events = plan_seller(&mut rng, &marketplaces, start, end, &mut summary);
                (id, name, marketplaces, events)
            })
            .collect()
    };
    for (seller_id, name, marketplaces, events) in plans {
        let mut tx = db.writes().begin().await?;
        insert_seller(&mut tx, &seller_id, &name, &marketplaces, start).await?;
        tx.commit().await?;
        for day in events.chunk_by(|a, b| (a.0 - start).num_days() == (b.0 - start).num_days()) {
            let mut tx = db.writes().begin().await?;
            for (at, event) in day {
                write(&mut tx, &seller_id, *at, event).await?;
            }
            tx.commit().await?;
        }
        summary.sellers.push(seller_id);
    }
    summary.resolved_by_csba = crate::sweeper::sweep(db, end).await?.resolved;
    Ok(summary)
}

async fn write(conn: &mut AnyConnection, seller_id: &str, at: DateTime<Utc>, event: &Event) -> Result<()> {
    match event {
        Event::Order(order, unit_price) => {
            put_order(conn, seller_id, order, at).await?;
            sqlx::query(
                "INSERT INTO order_amounts (seller_id, order_id, unit_price_minor, currency) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (seller_id, order_id) DO UPDATE SET unit_price_minor = excluded.unit_price_minor, \
                 currency = excluded.currency",
            )
            .bind(seller_id)
            .bind(&order.id)
            .bind(*unit_price)
            .bind(currency(order.marketplace))
            .execute(&mut *conn)
            .await?;
        }
        Event::Case(case) => {
            put_case(conn, seller_id, case, at).await?;
        }
        Event::Feedback(f) => put_feedback(conn, seller_id, f, at).await?,
    }
    Ok(())
}

pub(crate) fn currency(marketplace: Marketplace) -> &'static str {
    match marketplace {
        Marketplace::Jp => "JPY",
        Marketplace::Us => "USD",
    }
}

/// Every event of one seller, sorted by time (the feed is in time order).
fn plan_seller(
    rng: &mut StdRng,
    marketplaces: &[Marketplace],
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    summary: &mut Summary,
) -> Vec<(DateTime<Utc>, Event)> {
    let mut events = Vec::new();
    let days = (end - start).num_days();
    for day in 0..days {
        let orders_today = rng.gen_range(ORDERS_PER_DAY / 2..=ORDERS_PER_DAY * 3 / 2);
        for _ in 0..orders_today {
            let Some(&marketplace) = marketplaces.choose(rng) else { continue };
            let products: Vec<&_> = PRODUCTS.iter().filter(|p| p.marketplace == marketplace).collect();
            let Some(product) = products.choose(rng) else { continue };
            let placed_at = start + Duration::days(day) + Duration::seconds(rng.gen_range(0..86_400));
            let age = end - placed_at;
            let status = if age > Duration::days(5) {
                "delivered"
            } else if age > Duration::days(1) {
                "shipped"
            } else {
                "unshipped"
            };
            let order = Order {
                id: order_id(marketplace, rng),
                marketplace,
                placed_at,
                item_title: product.title.to_owned(),
                sku: product.sku.to_owned(),
                quantity: if rng.gen_bool(0.85) { 1 } else { rng.gen_range(2..=4) },
                status: status.to_owned(),
                tracking: None,
                // put_order gives it the default ship-by.
                ship_by: None,
                return_received_at: None,
                refunded_at: None,
            };
            summary.orders += 1;
            if rng.gen_bool(CASE_RATE) {
                let opened_at = placed_at + Duration::minutes(rng.gen_range(30..96 * 60));
                if opened_at < end {
                    let case = plan_case(rng, &order, opened_at, end, summary);
                    events.push((opened_at, Event::Case(case.0)));
                    if let Some((answered_at, answered)) = case.1 {
                        events.push((answered_at, Event::Case(answered)));
                    }
                }
            }
            if status == "delivered" && rng.gen_bool(FEEDBACK_RATE) {
                let left_at = placed_at + Duration::days(rng.gen_range(4..10));
                if left_at < end {
                    let language = buyer_language(rng, marketplace);
                    let comments = feedback_comments(language);
                    let (rating, comment) = comments[rng.gen_range(0..comments.len())];
                    events.push((
                        left_at,
                        Event::Feedback(NewFeedback {
                            id: uuid_from(rng),
                            order_id: order.id.clone(),
                            marketplace,
                            left_at,
                            rating,
                            comment: comment.to_owned(),
                            fulfillment: Fulfillment::Seller,
                            handled_by_csba: rng.gen_bool(0.5),
                        }),
                    ));
                    summary.feedback += 1;
                }
            }
            events.push((placed_at, Event::Order(order, product.price_minor)));
        }
    }
    // Stable: an order placed at the same instant as its case stays first
    // only if pushed first, so sort by time then kind (orders first).
    events.sort_by_key(|(at, e)| (*at, !matches!(e, Event::Order(..))));
    events
}

/// The case as opened and, if the seller answers, as answered.
fn plan_case(
    rng: &mut StdRng,
    order: &Order,
    opened_at: DateTime<Utc>,
    end: DateTime<Utc>,
    summary: &mut Summary,
) -> (Case, Option<(DateTime<Utc>, Case)>) {
    let kind = CaseKind::ALL[rng.gen_range(0..CaseKind::ALL.len())];
    let language = *order.marketplace.seller_languages().choose(rng).unwrap_or(&"en");
    let quote_language = buyer_language(rng, order.marketplace);
    let quotes = buyer_quotes(kind, quote_language);
    let quote = quotes[rng.gen_range(0..quotes.len())];
    let (subject, body) = case_text(kind, language);
    let fill = |s: &str| s.replace("{order}", &order.id).replace("{item}", &order.item_title).replace("{quote}", quote);
    let opened = Case {
        id: uuid_from(rng),
        order_id: order.id.clone(),
        marketplace: order.marketplace,
        kind,
        status: CaseStatus::Open,
        language: language.to_owned(),
        subject: fill(subject),
        messages: vec![CaseMessage {
            author: "csba".to_owned(),
            body: fill(body),
            sent_at: opened_at,
            language: None,
            late: false,
        }],
        opened_at,
        respond_by: case_respond_by(opened_at),
        outcome: None,
        resolved_at: None,
    };
    summary.cases += 1;
    if kind == CaseKind::Return {
        summary.returns += 1;
    }
    let answered_at = opened_at + Duration::minutes(rng.gen_range(20..23 * 60));
    if !rng.gen_bool(ANSWER_RATE) || answered_at >= end {
        return (opened, None);
    }
    let replies = seller_replies(language);
    let mut answered = opened.clone();
    answered.status = CaseStatus::Answered;
    answered.messages.push(CaseMessage {
        author: "seller".to_owned(),
        body: replies[rng.gen_range(0..replies.len())].to_owned(),
        sent_at: answered_at,
        language: Some(language.to_owned()),
        late: false,
    });
    summary.answered += 1;
    (opened, Some((answered_at, answered)))
}

/// Buyers write in the marketplace's buyer languages, mostly the first.
fn buyer_language(rng: &mut StdRng, marketplace: Marketplace) -> &'static str {
    match marketplace {
        Marketplace::Jp => ["ja", "ja", "ja", "zh", "en"].choose(rng).unwrap_or(&"ja"),
        Marketplace::Us => "en",
    }
}

fn seller_id(rng: &mut StdRng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let rest: String = (0..13).map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())])).collect();
    format!("A{rest}")
}

fn order_id(marketplace: Marketplace, rng: &mut StdRng) -> String {
    let prefix = match marketplace {
        Marketplace::Jp => 503,
        Marketplace::Us => rng.gen_range(111..=114),
    };
    format!("{prefix}-{:07}-{:07}", rng.gen_range(0..10_000_000), rng.gen_range(0..10_000_000))
}

fn uuid_from(rng: &mut StdRng) -> String {
    uuid::Builder::from_random_bytes(rng.gen()).into_uuid().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phrasebook_covers_every_kind_in_every_seller_language() {
        for mp in Marketplace::ALL {
            for lang in mp.seller_languages() {
                for kind in CaseKind::ALL {
                    let (subject, body) = case_text(kind, lang);
                    assert!(subject.contains("{order}") && body.contains("{quote}"), "{lang} {kind:?}");
                }
                assert!(!seller_replies(lang).is_empty());
            }
            assert!(PRODUCTS.iter().any(|p| p.marketplace == mp));
        }
    }

    #[test]
    fn same_seed_same_plan() {
        let start = DateTime::<Utc>::UNIX_EPOCH + Duration::days(20_000);
        let plan = |seed| {
            let mut rng = StdRng::seed_from_u64(seed);
            let mut summary = Summary::default();
            let events = plan_seller(
                &mut rng,
                &[Marketplace::Jp, Marketplace::Us],
                start,
                start + Duration::days(3),
                &mut summary,
            );
            let cases: Vec<String> = events
                .iter()
                .filter_map(|(_, e)| match e {
                    Event::Case(c) => Some(format!("{}{}", c.id, c.subject)),
                    _ => None,
                })
                .collect();
            (summary, cases)
        };
        assert_eq!(plan(7), plan(7));
        assert_ne!(plan(7).1, plan(8).1);
    }
}
