//! What the feed brings since issue 10: weekly figures, the CSBA team's
//! answers and decisions, returns awaiting their refund; and text that
//! looks like markup stays text.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use csba_api::{Change, ChangesPage, MetricWeek, Order, RemovalRequestView, Resource, ServiceQuestionView};
use csba_domain::metrics::{rates, WeekCounts};
use csba_domain::Marketplace;
use csba_store::{AccountId, MetricWeekRecord, ReplicaFilter, ReturnAwaitingRefund, SellerProfile, Store, StoreError};
use std::path::PathBuf;

mod common;
use common::open;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const MARKUP: &str = "<script>alert(1)</script> <b>bold</b> &amp; <img src=x onerror=alert(2)> \"quoted\" 'single'";

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).single().unwrap_or_default()
}

fn monday(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap_or_default()
}

fn temp_path() -> std::result::Result<(tempfile::TempDir, PathBuf), StoreError> {
    let dir = tempfile::tempdir().map_err(|e| StoreError::Io { path: "tmp".into(), source: e })?;
    let path = dir.path().join("replica.sqlite");
    Ok((dir, path))
}

fn page(resources: Vec<Resource>) -> ChangesPage {
    ChangesPage {
        changes: resources
            .into_iter()
            .enumerate()
            .map(|(i, resource)| Change { seq: i as i64 + 1, at: at(30, 0), resource })
            .collect(),
        next_cursor: "99".into(),
        has_more: false,
        server_time: at(30, 0),
    }
}

fn week(marketplace: Marketplace, start: NaiveDate, orders: u32, claims: u32, complete: bool) -> MetricWeek {
    MetricWeek {
        marketplace,
        week_start: start,
        orders,
        a_to_z_claims: claims,
        defects: claims + 1,
        feedback: 10,
        negative_feedback: 2,
        shipped: orders,
        valid_tracking: orders.saturating_sub(1),
        units: orders + 3,
        contacts: 4,
        responses: 4,
        response_seconds: 4 * 3_600,
        complete,
    }
}

fn order(
    id: &str,
    marketplace: Marketplace,
    received: Option<DateTime<Utc>>,
    refunded: Option<DateTime<Utc>>,
) -> Order {
    Order {
        id: id.into(),
        marketplace,
        placed_at: at(1, 0),
        item_title: format!("item {id}"),
        sku: "SKU".into(),
        quantity: 1,
        status: "delivered".into(),
        ship_by: None,
        tracking: None,
        return_received_at: received,
        refunded_at: refunded,
    }
}

fn question(answer: Option<&str>) -> ServiceQuestionView {
    ServiceQuestionView {
        id: "q-1".into(),
        order_id: "o-1".into(),
        subject: format!("subject {MARKUP}"),
        question: MARKUP.into(),
        asked_at: at(10, 0),
        answer_by: at(12, 0),
        status: if answer.is_some() { "answered" } else { "awaiting_answer" }.into(),
        answer: answer.map(str::to_owned),
        answered_at: answer.map(|_| at(11, 6)),
    }
}

fn request(status: &str, decided: Option<DateTime<Utc>>) -> RemovalRequestView {
    RemovalRequestView {
        id: "r-1".into(),
        feedback_id: "f-1".into(),
        ground: "obscene_language".into(),
        recipient: "feedback_manager".into(),
        subject: None,
        explanation: MARKUP.into(),
        status: status.into(),
        requested_at: at(10, 0),
        decided_at: decided,
    }
}

fn second_account(store: &mut Store) -> std::result::Result<AccountId, StoreError> {
    let seller = SellerProfile { seller_id: "A2US".into(), display_name: "US".into(), marketplaces: vec![] };
    Ok(store.add_remote_account("https://us.example", &seller, at(1, 0))?.id)
}

#[test]
fn weeks_are_replicated_ordered_and_a_later_version_replaces_the_week() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, jp) = open(&path)?;
    let us = second_account(&mut store)?;
    store.apply_changes(
        jp,
        &page(vec![
            Resource::MetricWeek(week(Marketplace::Jp, monday(23), 30, 0, false)),
            Resource::MetricWeek(week(Marketplace::Us, monday(16), 50, 1, true)),
            Resource::MetricWeek(week(Marketplace::Jp, monday(16), 40, 2, true)),
        ]),
        at(30, 0),
    )?;
    store.apply_changes(
        us,
        &page(vec![Resource::MetricWeek(week(Marketplace::Us, monday(9), 7, 0, true))]),
        at(30, 0),
    )?;

    let keys = |records: &[MetricWeekRecord]| -> Vec<(i64, Marketplace, String)> {
        records.iter().map(|r| (r.account_id.0, r.week.marketplace, r.week.week_start.to_string())).collect()
    };
    let all = store.metric_weeks(ReplicaFilter::all())?;
    assert_eq!(
        keys(&all),
        [
            (jp.0, Marketplace::Jp, "2026-11-16".into()),
            (jp.0, Marketplace::Jp, "2026-11-23".into()),
            (jp.0, Marketplace::Us, "2026-11-16".into()),
            (us.0, Marketplace::Us, "2026-11-09".into()),
        ]
    );
    assert_eq!(all[0].week, week(Marketplace::Jp, monday(16), 40, 2, true), "every count comes back");
    let jp_only = store.metric_weeks(ReplicaFilter::account(jp).in_marketplace(Marketplace::Jp))?;
    assert_eq!(jp_only.len(), 2);

    // The running week grows and then completes: one row, the latest counts.
    store.apply_changes(
        jp,
        &page(vec![Resource::MetricWeek(week(Marketplace::Jp, monday(23), 45, 1, true))]),
        at(30, 1),
    )?;
    let jp_only = store.metric_weeks(ReplicaFilter::account(jp).in_marketplace(Marketplace::Jp))?;
    assert_eq!(jp_only.len(), 2);
    assert_eq!(jp_only[1].week, week(Marketplace::Jp, monday(23), 45, 1, true));

    // What the screen does with them: rates from the summed counts.
    let sum = WeekCounts::total(&jp_only.iter().map(|r| r.week.counts()).collect::<Vec<_>>());
    assert_eq!((sum.orders, sum.a_to_z_claims), (85, 3));
    assert_eq!(rates(&sum).a_to_z_claim_rate.map(|d| d.to_string()).as_deref(), Some("3.53"));

    // The record serializes flat, as the UI reads it.
    let json = serde_json::to_value(&jp_only[0])?;
    assert_eq!(json["account_id"], serde_json::json!(jp.0));
    assert_eq!(json["week_start"], serde_json::json!("2026-11-16"));
    assert_eq!(json["orders"], serde_json::json!(40));
    Ok(())
}

#[test]
fn answers_and_decisions_arrive_and_markup_stays_text_byte_for_byte() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, acct) = open(&path)?;
    store.apply_changes(
        acct,
        &page(vec![
            Resource::Order(order("o-1", Marketplace::Jp, None, None)),
            Resource::ServiceQuestion(question(None)),
            Resource::RemovalRequest(request("submitted", None)),
        ]),
        at(30, 0),
    )?;
    let all = ReplicaFilter::all();
    let asked = store.service_questions(all)?;
    assert_eq!((asked[0].question.as_str(), asked[0].answer.as_deref()), (MARKUP, None));
    assert_eq!(store.removal_requests(all)?[0].explanation, MARKUP);

    let answer = format!("ご質問ありがとうございます。{MARKUP}");
    store.apply_changes(
        acct,
        &page(vec![
            Resource::ServiceQuestion(question(Some(&answer))),
            Resource::RemovalRequest(request("removed", Some(at(13, 0)))),
        ]),
        at(30, 1),
    )?;
    drop(store);
    let (store, _) = open(&path)?;
    let answered = store.service_questions(all)?;
    assert_eq!(answered.len(), 1);
    let q = &answered[0];
    assert_eq!(q.status, "answered");
    assert_eq!(q.answer.as_deref().map(str::as_bytes), Some(answer.as_bytes()));
    assert_eq!(q.question.as_bytes(), MARKUP.as_bytes());
    assert_eq!(q.subject, format!("subject {MARKUP}"));
    assert_eq!(q.answered_at, Some(at(11, 6)));
    assert_eq!(store.questions_awaiting_answer_count(all)?, 0);
    let r = &store.removal_requests(all)?[0];
    assert_eq!((r.status.as_str(), r.decided_at), ("removed", Some(at(13, 0))));
    assert_eq!(r.explanation.as_bytes(), MARKUP.as_bytes());
    Ok(())
}

#[test]
fn returns_awaiting_refund_are_the_received_unrefunded_ones_oldest_first() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, acct) = open(&path)?;
    store.apply_changes(
        acct,
        &page(vec![
            Resource::Order(order("o-new", Marketplace::Jp, Some(at(20, 3)), None)),
            Resource::Order(order("o-old", Marketplace::Jp, Some(at(18, 3)), None)),
            Resource::Order(order("o-us", Marketplace::Us, Some(at(19, 3)), None)),
            Resource::Order(order("o-refunded", Marketplace::Jp, Some(at(17, 3)), Some(at(18, 0)))),
            Resource::Order(order("o-kept", Marketplace::Jp, None, None)),
        ]),
        at(30, 0),
    )?;
    let ids = |rows: Vec<ReturnAwaitingRefund>| rows.into_iter().map(|r| r.order_id).collect::<Vec<_>>();
    assert_eq!(ids(store.returns_awaiting_refund(ReplicaFilter::all())?), ["o-old", "o-us", "o-new"]);
    let jp = store.returns_awaiting_refund(ReplicaFilter::all().in_marketplace(Marketplace::Jp))?;
    assert_eq!(
        jp[0],
        ReturnAwaitingRefund {
            account_id: acct,
            order_id: "o-old".into(),
            marketplace: Marketplace::Jp,
            item_title: "item o-old".into(),
            return_received_at: at(18, 3),
        }
    );
    let view = store.order(acct, "o-refunded")?.ok_or("o-refunded")?;
    assert_eq!((view.return_received_at, view.refunded_at), (Some(at(17, 3)), Some(at(18, 0))));

    // The refund arrives in the feed: the return leaves the list.
    store.apply_changes(
        acct,
        &page(vec![Resource::Order(order("o-old", Marketplace::Jp, Some(at(18, 3)), Some(at(19, 0))))]),
        at(30, 1),
    )?;
    assert_eq!(ids(store.returns_awaiting_refund(ReplicaFilter::all())?), ["o-us", "o-new"]);
    // And the wire shape round-trips through the replica.
    let back = store.order(acct, "o-old")?.ok_or("o-old")?.into_order();
    assert_eq!(back, order("o-old", Marketplace::Jp, Some(at(18, 3)), Some(at(19, 0))));
    assert_eq!(back.refunded_at.map(|t| t - at(18, 3)), Some(Duration::hours(21)));
    Ok(())
}
