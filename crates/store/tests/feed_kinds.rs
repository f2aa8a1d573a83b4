//! Every kind the change feed carries, replicated and read back, against
//! real SQLite files.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use csba_api::{
    ActivePeriodView, Change, ChangesPage, EligibilityItem, EnrollmentView, Feedback, Order, OrderTracking,
    PossibleGroundView, RemovalEligibility, RemovalRequestView, Resource, ReturnPolicyVersion, ServiceQuestionView,
    TrialView,
};
use csba_domain::Marketplace;
use csba_store::{
    AccountId, Action, ReplicaFilter, SellerProfile, ServiceQuestionRecord, Store, StoreError, TrialPeriod,
};
use std::path::PathBuf;

mod common;
use common::open;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).single().unwrap_or_default()
}

fn temp_path() -> std::result::Result<(tempfile::TempDir, PathBuf), StoreError> {
    let dir = tempfile::tempdir().map_err(|e| StoreError::Io { path: "tmp".into(), source: e })?;
    let path = dir.path().join("replica.sqlite");
    Ok((dir, path))
}

fn page(resources: Vec<Resource>, cursor: &str) -> ChangesPage {
    ChangesPage {
        changes: resources
            .into_iter()
            .enumerate()
            .map(|(i, resource)| Change { seq: i as i64 + 1, at: at(20, 0), resource })
            .collect(),
        next_cursor: cursor.into(),
        has_more: false,
        server_time: at(20, 0),
    }
}

fn order(id: &str, marketplace: Marketplace, status: &str, placed: DateTime<Utc>) -> Order {
    Order {
        id: id.into(),
        marketplace,
        placed_at: placed,
        item_title: format!("item {id}"),
        sku: "SKU".into(),
        quantity: 1,
        status: status.into(),
        ship_by: None,
        tracking: None,
        return_received_at: None,
        refunded_at: None,
    }
}

fn shipped(id: &str, number: &str, confirmed: DateTime<Utc>) -> Order {
    Order {
        tracking: Some(OrderTracking {
            tracking_number: number.into(),
            carrier: "japan-post".into(),
            ship_date: confirmed.date_naive(),
            confirmed_at: confirmed,
        }),
        ..order(id, Marketplace::Jp, "shipped", confirmed - Duration::days(2))
    }
}

fn enrollment() -> EnrollmentView {
    EnrollmentView {
        marketplace: Marketplace::Jp,
        state: "active".into(),
        enrolled_at: Some(at(1, 0)),
        activates_at: None,
        since: Some(at(1, 4)),
        lapsed_at: None,
        active_periods: vec![ActivePeriodView { from: at(1, 4), until: None }],
        trial: Some(TrialView {
            start: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default(),
            end: NaiveDate::from_ymd_opt(2027, 1, 30).unwrap_or_default(),
        }),
        terms_version: Some("2026-01".into()),
        eligibility: vec![EligibilityItem { requirement: "professional_plan".into(), met: true, blocking: true }],
    }
}

fn policy(version: i64, window: u32) -> Result<ReturnPolicyVersion> {
    Ok(ReturnPolicyVersion {
        marketplace: Marketplace::Jp,
        version,
        submitted_at: at(version as u32, 0),
        policy: serde_json::from_value(serde_json::json!({
            "return_window_days": window, "returns": "returnless", "refund_within_business_days": 2
        }))?,
    })
}

fn feedback(id: &str, left: DateTime<Utc>, grounds: &[&str]) -> Feedback {
    Feedback {
        id: id.into(),
        order_id: format!("o-{id}"),
        marketplace: Marketplace::Jp,
        left_at: left,
        rating: 1,
        comment: "対応が悪い".into(),
        fulfillment: "seller".into(),
        handled_by_csba: true,
        removal: RemovalEligibility {
            sentiment: "negative".into(),
            in_time: true,
            deadline: left + Duration::days(90),
            possible_grounds: grounds
                .iter()
                .map(|g| PossibleGroundView { ground: (*g).into(), evidence: vec!["対応".into()] })
                .collect(),
        },
        removal_request: None,
    }
}

fn removal_request(id: &str, feedback_id: &str, status: &str) -> RemovalRequestView {
    RemovalRequestView {
        id: id.into(),
        feedback_id: feedback_id.into(),
        ground: "caused_by_csba".into(),
        recipient: "csba_team".into(),
        subject: Some("【CSBA】評価削除依頼".into()),
        explanation: "CSBA answered this buyer".into(),
        status: status.into(),
        requested_at: at(12, 0),
        decided_at: None,
    }
}

fn question(id: &str, order_id: &str, status: &str, asked: DateTime<Utc>) -> ServiceQuestionView {
    ServiceQuestionView {
        id: id.into(),
        order_id: order_id.into(),
        subject: format!("subject {id}"),
        question: "Why was the buyer refunded?".into(),
        asked_at: asked,
        answer_by: asked + Duration::hours(48),
        status: status.into(),
        answer: None,
        answered_at: None,
    }
}

fn second_account(store: &mut Store) -> std::result::Result<AccountId, StoreError> {
    let seller = SellerProfile { seller_id: "A2US".into(), display_name: "US".into(), marketplaces: vec![] };
    Ok(store.add_remote_account("https://us.example", &seller, at(1, 0))?.id)
}

fn every_kind() -> Result<Vec<Resource>> {
    let mut with_request = feedback("f-2", at(5, 0), &["caused_by_csba"]);
    with_request.removal_request = Some(removal_request("r-2", "f-2", "submitted"));
    Ok(vec![
        Resource::Order(Order { ship_by: Some(at(21, 14)), ..order("o-1", Marketplace::Jp, "unshipped", at(19, 0)) }),
        Resource::Order(shipped("o-2", "EV876297563CN", at(18, 9))),
        Resource::Enrollment(enrollment()),
        Resource::ReturnPolicy(policy(1, 30)?),
        Resource::ReturnPolicy(policy(2, 45)?),
        Resource::Feedback(feedback("f-1", at(10, 0), &["caused_by_csba"])),
        Resource::Feedback(with_request),
        Resource::RemovalRequest(removal_request("r-9", "f-9", "declined")),
        Resource::ServiceQuestion(question("q-1", "o-2", "awaiting_answer", at(19, 0))),
        Resource::MetricWeek(csba_api::MetricWeek {
            marketplace: Marketplace::Jp,
            week_start: NaiveDate::from_ymd_opt(2026, 11, 16).unwrap_or_default(),
            orders: 40,
            a_to_z_claims: 1,
            defects: 2,
            feedback: 9,
            negative_feedback: 1,
            shipped: 38,
            valid_tracking: 37,
            units: 44,
            contacts: 3,
            responses: 3,
            response_seconds: 5_400,
            complete: false,
        }),
    ])
}

#[test]
fn one_of_every_kind_is_replicated_read_back_and_reapplying_it_changes_nothing() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, acct) = open(&path)?;
    let resources = every_kind()?;
    store.apply_changes(acct, &page(resources.clone(), "9"), at(20, 0))?;

    let read = |store: &Store| -> Result<String> {
        let all = ReplicaFilter::all();
        Ok(format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
            store.replica_orders(acct)?,
            store.orders_needing_tracking(all)?,
            store.shipped_orders(all, 10)?,
            store.enrollments(all)?,
            store.current_return_policies(all)?,
            store.return_policy_history(acct, Marketplace::Jp)?,
            store.feedback(all)?,
            store.removal_requests(all)?,
            store.service_questions(all)?,
            store.metric_weeks(all)?,
            (store.unshipped_order_count(all)?, store.questions_awaiting_answer_count(all)?),
        ))
    };

    // Orders, with ship-by and tracking.
    let orders = store.replica_orders(acct)?;
    let expected: Vec<Order> = resources
        .iter()
        .filter_map(|r| match r {
            Resource::Order(o) => Some(o.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(orders, expected);
    let o2 = store.order(acct, "o-2")?.ok_or("o-2 missing")?;
    assert_eq!(o2.tracking.as_ref().map(|t| t.tracking_number.as_str()), Some("EV876297563CN"));
    assert_eq!(store.order(acct, "nope")?, None);

    // The enrollment, whole.
    let enrollments = store.enrollments(ReplicaFilter::all())?;
    assert_eq!(enrollments.len(), 1);
    assert_eq!((enrollments[0].account_id, enrollments[0].state.as_str()), (acct, "active"));
    assert_eq!(enrollments[0].trial.as_ref().map(|t: &TrialPeriod| t.end.to_string()), Some("2027-01-30".into()));
    assert_eq!(enrollments[0].eligibility.len(), 1);
    assert_eq!(store.enrollment_view(acct, Marketplace::Jp)?, Some(enrollment()));
    assert_eq!(store.enrollment_view(acct, Marketplace::Us)?, None);

    // Return policy: the current one is the highest version.
    let current = store.current_return_policies(ReplicaFilter::all())?;
    assert_eq!(current.iter().map(|p| (p.version, p.policy.return_window_days)).collect::<Vec<_>>(), vec![(2, 45)]);
    let history = store.return_policy_history(acct, Marketplace::Jp)?;
    assert_eq!(history.iter().map(|p| p.version).collect::<Vec<_>>(), vec![2, 1]);
    assert_eq!(history[1].policy, policy(1, 30)?.policy);

    // Feedback, newest first, with the request that came inside it.
    let feedback = store.feedback(ReplicaFilter::all())?;
    assert_eq!(feedback.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), vec!["f-1", "f-2"]);
    assert_eq!(feedback[0].removal_request, None);
    assert_eq!(feedback[0].possible_grounds.len(), 1);
    assert_eq!(
        (feedback[0].sentiment.as_str(), feedback[0].rating, feedback[0].handled_by_csba),
        ("negative", 1, true)
    );
    assert_eq!(feedback[0].removal_deadline, at(10, 0) + Duration::days(90));
    assert_eq!(feedback[1].removal_request.as_ref().map(|r| r.id.as_str()), Some("r-2"));
    let requests = store.removal_requests(ReplicaFilter::all())?;
    assert_eq!(
        requests.iter().map(|r| (r.id.as_str(), r.status.as_str())).collect::<Vec<_>>(),
        [("r-2", "submitted"), ("r-9", "declined")]
    );
    assert_eq!(requests[0].marketplace, Some(Marketplace::Jp));
    assert_eq!(requests[1].marketplace, None, "its feedback is not in the replica");

    // The question, with its order's marketplace and item.
    let questions = store.service_questions(ReplicaFilter::all())?;
    assert_eq!(
        questions,
        vec![ServiceQuestionRecord {
            account_id: acct,
            id: "q-1".into(),
            order_id: "o-2".into(),
            marketplace: Some(Marketplace::Jp),
            item_title: Some("item o-2".into()),
            subject: "subject q-1".into(),
            question: "Why was the buyer refunded?".into(),
            asked_at: at(19, 0),
            answer_by: at(21, 0),
            status: "awaiting_answer".into(),
            answer: None,
            answered_at: None,
        }]
    );

    let before = read(&store)?;
    store.apply_changes(acct, &page(resources.clone(), "9"), at(20, 1))?;
    assert_eq!(read(&store)?, before, "re-applying a page is harmless");
    drop(store);
    let (store, _) = open(&path)?;
    assert_eq!(read(&store)?, before, "and it survives reopening");
    Ok(())
}

#[test]
fn a_later_state_replaces_the_earlier_one_including_tracking_and_requests() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, acct) = open(&path)?;
    store.apply_changes(acct, &page(every_kind()?, "9"), at(20, 0))?;
    let mut later = enrollment();
    later.state = "paused".into();
    let later = vec![
        // Shipped now; and a tracking correction that drops the old number.
        Resource::Order(shipped("o-1", "EJ000000005JP", at(20, 3))),
        Resource::Order(Order { tracking: None, ..shipped("o-2", "x", at(18, 9)) }),
        Resource::Enrollment(later),
        Resource::RemovalRequest(removal_request("r-2", "f-2", "removed")),
        Resource::ServiceQuestion(question("q-1", "o-2", "answered", at(19, 0))),
    ];
    store.apply_changes(acct, &page(later, "15"), at(20, 4))?;
    let all = ReplicaFilter::all();
    assert!(store.orders_needing_tracking(all)?.is_empty());
    assert_eq!(store.order(acct, "o-2")?.and_then(|o| o.tracking), None);
    assert_eq!(store.enrollments(all)?.iter().map(|e| e.state.as_str()).collect::<Vec<_>>(), ["paused"]);
    let f2 = store.feedback(all)?.into_iter().find(|f| f.id == "f-2").ok_or("f-2")?;
    assert_eq!(f2.removal_request.map(|r| r.status), Some("removed".into()));
    assert_eq!(store.questions_awaiting_answer_count(all)?, 0);
    assert_eq!(store.tracking_numbers_in_use(acct)?.into_keys().collect::<Vec<_>>(), ["EJ000000005JP"]);
    Ok(())
}

#[test]
fn orders_to_ship_come_most_urgent_first_and_filters_narrow_them() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, jp) = open(&path)?;
    let us = second_account(&mut store)?;
    let due = |id: &str, ship_by: Option<DateTime<Utc>>, placed: DateTime<Utc>| {
        Resource::Order(Order { ship_by, ..order(id, Marketplace::Jp, "unshipped", placed) })
    };
    store.apply_changes(
        jp,
        &page(
            vec![
                due("no-date-old", None, at(1, 0)),
                due("later", Some(at(22, 0)), at(2, 0)),
                due("no-date-new", None, at(3, 0)),
                due("soonest", Some(at(20, 0)), at(18, 0)),
                due("tie-new", Some(at(21, 0)), at(19, 0)),
                due("tie-old", Some(at(21, 0)), at(4, 0)),
                Resource::Order(order("pending", Marketplace::Jp, "pending", at(1, 0))),
                Resource::Order(order("cancelled", Marketplace::Jp, "cancelled", at(1, 0))),
                Resource::Order(shipped("done", "EV876297563CN", at(10, 0))),
            ],
            "1",
        ),
        at(20, 0),
    )?;
    store.apply_changes(
        us,
        &page(
            vec![
                Resource::Order(Order {
                    ship_by: Some(at(21, 12)),
                    ..order("us-1", Marketplace::Us, "unshipped", at(1, 0))
                }),
                Resource::Order(order("us-jp", Marketplace::Jp, "unshipped", at(1, 0))),
            ],
            "1",
        ),
        at(20, 0),
    )?;

    let ids = |filter| -> Result<Vec<String>> {
        Ok(store.orders_needing_tracking(filter)?.into_iter().map(|o| o.id).collect())
    };
    assert_eq!(
        ids(ReplicaFilter::account(jp))?,
        ["soonest", "tie-old", "tie-new", "later", "no-date-old", "no-date-new"]
    );
    assert_eq!(
        ids(ReplicaFilter::all())?,
        ["soonest", "tie-old", "tie-new", "us-1", "later", "no-date-old", "us-jp", "no-date-new"]
    );
    assert_eq!(ids(ReplicaFilter::all().in_marketplace(Marketplace::Us))?, ["us-1"]);
    assert_eq!(ids(ReplicaFilter::account(us).in_marketplace(Marketplace::Jp))?, ["us-jp"]);
    assert_eq!(store.unshipped_order_count(ReplicaFilter::all())?, 8);
    assert_eq!(store.unshipped_order_count(ReplicaFilter::account(jp))?, 6);
    assert_eq!(store.unshipped_order_count(ReplicaFilter::all().in_marketplace(Marketplace::Us))?, 1);
    assert_eq!(store.unshipped_order_count(ReplicaFilter::account(jp).in_marketplace(Marketplace::Us))?, 0);
    Ok(())
}

#[test]
fn shipments_newest_first_the_tracking_window_and_numbers_in_use() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, jp) = open(&path)?;
    let us = second_account(&mut store)?;
    let delivered = Order { status: "delivered".into(), ..shipped("s-old", "EE000000000JP", at(2, 0)) };
    store.apply_changes(
        jp,
        &page(
            vec![
                Resource::Order(delivered),
                Resource::Order(shipped("s-mid", "EB000000000JP", at(10, 0))),
                Resource::Order(shipped("s-new", "EA000000000JP", at(19, 0))),
                // One parcel for two orders of the same buyer.
                Resource::Order(shipped("s-same", "EA000000000JP", at(19, 1))),
                Resource::Order(Order { tracking: None, ..shipped("s-none", "-", at(1, 0)) }),
                Resource::Order(order("u", Marketplace::Jp, "unshipped", at(1, 0))),
            ],
            "1",
        ),
        at(20, 0),
    )?;
    store.apply_changes(
        us,
        &page(vec![Resource::Order(shipped("other", "EZ000000000JP", at(19, 2)))], "1"),
        at(20, 0),
    )?;

    let shipped_ids = |filter, limit| -> Result<Vec<String>> {
        Ok(store.shipped_orders(filter, limit)?.into_iter().map(|o| o.id).collect())
    };
    assert_eq!(shipped_ids(ReplicaFilter::account(jp), 10)?, ["s-same", "s-new", "s-mid", "s-old", "s-none"]);
    assert_eq!(shipped_ids(ReplicaFilter::all(), 2)?, ["other", "s-same"]);
    assert!(shipped_ids(ReplicaFilter::all().in_marketplace(Marketplace::Us), 10)?.is_empty());

    let window = store.confirmed_shipments_since(ReplicaFilter::account(jp), at(10, 0))?;
    assert_eq!(
        window
            .iter()
            .map(|s| (s.order_id.as_str(), s.tracking_number.as_str(), s.carrier.as_str()))
            .collect::<Vec<_>>(),
        [
            ("s-mid", "EB000000000JP", "japan-post"),
            ("s-new", "EA000000000JP", "japan-post"),
            ("s-same", "EA000000000JP", "japan-post")
        ]
    );
    assert_eq!(window[0].confirmed_at, at(10, 0), "the window includes its start");
    assert_eq!(store.confirmed_shipments_since(ReplicaFilter::all(), at(19, 2))?.len(), 1);

    let in_use = store.tracking_numbers_in_use(jp)?;
    assert_eq!(in_use.get("EA000000000JP"), Some(&vec!["s-new".to_owned(), "s-same".to_owned()]));
    assert_eq!(in_use.len(), 3);
    assert!(!in_use.contains_key("EZ000000000JP"), "another account's number is not this one's");
    Ok(())
}

#[test]
fn removable_feedback_is_counted_at_the_given_time() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, jp) = open(&path)?;
    let us = second_account(&mut store)?;
    let mut late = feedback("late", at(1, 0) - Duration::days(95), &["caused_by_csba"]);
    late.removal.in_time = false;
    store.apply_changes(
        jp,
        &page(
            vec![
                Resource::Feedback(feedback("open", at(1, 0), &["caused_by_csba"])),
                Resource::Feedback(feedback("no-grounds", at(2, 0), &[])),
                Resource::Feedback(feedback("requested", at(3, 0), &["obscene_language"])),
                Resource::RemovalRequest(removal_request("r-1", "requested", "submitted")),
                Resource::Feedback(feedback("queued", at(4, 0), &["caused_by_csba"])),
                Resource::Feedback(late),
            ],
            "1",
        ),
        at(20, 0),
    )?;
    store.apply_changes(
        us,
        &page(vec![Resource::Feedback(feedback("us", at(5, 0), &["caused_by_csba"]))], "1"),
        at(20, 0),
    )?;
    let request = csba_api::RemovalRequestCreate { ground: "caused_by_csba".into(), explanation: "CSBA".into() };
    store.enqueue(jp, &Action::RemovalRequest { feedback_id: "queued".into(), request }, at(20, 0))?;

    let now = at(20, 0);
    assert_eq!(store.removable_feedback_count(ReplicaFilter::account(jp), now)?, 1, "only `open`");
    assert_eq!(store.removable_feedback_count(ReplicaFilter::all(), now)?, 2);
    assert_eq!(store.removable_feedback_count(ReplicaFilter::all().in_marketplace(Marketplace::Us), now)?, 0);
    // The deadline itself is still in time; a moment later it is not.
    let deadline = at(1, 0) + Duration::days(90);
    assert_eq!(store.removable_feedback_count(ReplicaFilter::account(jp), deadline)?, 1);
    assert_eq!(store.removable_feedback_count(ReplicaFilter::account(jp), deadline + Duration::seconds(1))?, 0);

    let listed = store.feedback(ReplicaFilter::account(jp))?;
    let possible: Vec<&str> = listed.iter().filter(|f| f.removal_possible(now)).map(|f| f.id.as_str()).collect();
    assert_eq!(possible, ["open"]);
    assert!(listed.iter().any(|f| f.id == "queued" && f.removal_asked));
    Ok(())
}

#[test]
fn questions_awaiting_an_answer_come_first_and_are_counted() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, jp) = open(&path)?;
    let us = second_account(&mut store)?;
    store.apply_changes(
        jp,
        &page(
            vec![
                Resource::Order(order("o-jp", Marketplace::Jp, "shipped", at(1, 0))),
                Resource::ServiceQuestion(question("answered-old", "o-jp", "answered", at(1, 0))),
                Resource::ServiceQuestion(question("awaiting-late", "o-jp", "awaiting_answer", at(10, 0))),
                Resource::ServiceQuestion(question("answered-new", "o-jp", "answered", at(5, 0))),
                Resource::ServiceQuestion(question("awaiting-soon", "unknown", "awaiting_answer", at(9, 0))),
            ],
            "1",
        ),
        at(20, 0),
    )?;
    store.apply_changes(
        us,
        &page(
            vec![
                Resource::Order(order("o-us", Marketplace::Us, "shipped", at(1, 0))),
                Resource::ServiceQuestion(question("us", "o-us", "awaiting_answer", at(11, 0))),
            ],
            "1",
        ),
        at(20, 0),
    )?;
    let ids =
        |filter| -> Result<Vec<String>> { Ok(store.service_questions(filter)?.into_iter().map(|q| q.id).collect()) };
    assert_eq!(ids(ReplicaFilter::account(jp))?, ["awaiting-soon", "awaiting-late", "answered-new", "answered-old"]);
    assert_eq!(ids(ReplicaFilter::all().in_marketplace(Marketplace::Us))?, ["us"]);
    assert_eq!(
        ids(ReplicaFilter::all().in_marketplace(Marketplace::Jp))?,
        ["awaiting-late", "answered-new", "answered-old"],
        "a question about an order the replica does not have has no marketplace"
    );
    assert_eq!(store.questions_awaiting_answer_count(ReplicaFilter::all())?, 3);
    assert_eq!(store.questions_awaiting_answer_count(ReplicaFilter::account(jp))?, 2);
    assert_eq!(store.questions_awaiting_answer_count(ReplicaFilter::all().in_marketplace(Marketplace::Us))?, 1);
    Ok(())
}

fn replicated_rows(path: &std::path::Path, account: AccountId) -> Result<i64> {
    let conn = rusqlite::Connection::open(path)?;
    let mut total = 0;
    for table in [
        "orders",
        "cases",
        "enrollments",
        "return_policies",
        "feedback",
        "removal_requests",
        "service_questions",
        "metric_weeks",
    ] {
        let n: i64 =
            conn.query_row(&format!("SELECT COUNT(*) FROM {table} WHERE account_id = ?1"), [account.0], |r| r.get(0))?;
        total += n;
    }
    Ok(total)
}

#[test]
fn a_resync_and_removing_an_account_clear_every_kind() -> Result {
    let (_dir, path) = temp_path()?;
    let (mut store, jp) = open(&path)?;
    let us = second_account(&mut store)?;
    store.apply_changes(jp, &page(every_kind()?, "9"), at(20, 0))?;
    store.apply_changes(us, &page(every_kind()?, "9"), at(20, 0))?;
    // 2 orders, 1 enrollment, 2 policy versions, 2 feedback, 2 removal
    // requests (one of them inside its feedback), 1 question, 1 week.
    assert_eq!(replicated_rows(&path, jp)?, 11);

    store.reset_replica(jp)?;
    assert_eq!(replicated_rows(&path, jp)?, 0);
    assert_eq!(store.sync_state(jp)?.cursor, None);
    assert_eq!(replicated_rows(&path, us)?, 11, "the other account keeps its rows");

    assert!(store.remove_account(us)?);
    assert_eq!(replicated_rows(&path, us)?, 0, "removing an account removes its rows");
    Ok(())
}
