//! Pushing the outbox to the real reference server over loopback HTTP.

use chrono::{Duration, Utc};
use csba_api::{ApiClient, ShipmentConfirmation, ShipmentConfirmationBatch};
use csba_domain::tracking::check_digit;
use csba_server::{ManualClock, Sandbox};
use csba_store::{Action, OutboxState};
use csba_sync::{push_all, Connectivity, RetryPolicy, IN_FLIGHT};
use std::sync::Arc;

mod common;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn policy() -> RetryPolicy {
    RetryPolicy::new(std::time::Duration::from_secs(1), std::time::Duration::from_secs(300), 1)
}

#[tokio::test]
async fn a_refused_action_is_kept_with_its_code_and_blocks_only_its_case() -> Result {
    let dir = tempfile::tempdir()?;
    let clock = Arc::new(ManualClock::new(Utc::now()));
    let sandbox = Sandbox::start(&dir.path().join("server.sqlite"), clock.clone()).await?;
    let client = ApiClient::new(sandbox.base_url(), sandbox.token())?;
    // CSBA resolves the demo's overdue case.
    csba_server::sweeper::sweep(sandbox.db(), csba_server::Clock::now(clock.as_ref())).await?;
    let cases = client.cases().await?.cases;
    let resolved = cases.iter().find(|c| c.status.as_str() == "resolved_by_csba").ok_or("a resolved demo case")?;
    let open = cases
        .iter()
        .find(|c| c.status.as_str() == "answered" || (c.status.as_str() == "open" && c.respond_by > Utc::now()))
        .ok_or("a case that takes replies")?;

    let (store, acct) = common::replica_for(&client, &dir.path().join("replica.sqlite")).await?;
    let (refused, later, fine) = {
        let mut s = store.lock().map_err(|_| "poisoned")?;
        s.save_draft(acct, &resolved.id, "draft", Utc::now())?;
        let refused = s.reply_to_case(acct, &resolved.id, "too late", None, Utc::now())?;
        let later = s.reply_to_case(acct, &resolved.id, "even later", None, Utc::now())?;
        let fine = s.reply_to_case(acct, &open.id, "thank you", None, Utc::now())?;
        (refused, later, fine)
    };

    let outcome = push_all(&client, &store, acct, &Utc::now, &policy()).await?;
    assert_eq!((outcome.sent, outcome.failed, outcome.retried), (1, 1, 0), "{outcome:?}");
    assert_eq!(outcome.connectivity, Some(Connectivity::Online));

    let s = store.lock().map_err(|_| "poisoned")?;
    let refused_now = s.outbox_entry(refused.id)?.ok_or("kept")?;
    assert!(matches!(&refused_now.state, OutboxState::Failed { code, .. } if code == "case_resolved"));
    assert_eq!(refused_now.body, refused.body, "its data is kept for fixing");
    assert_eq!(s.outbox_entry(later.id)?.ok_or("kept")?.state, OutboxState::Queued, "blocked behind the refusal");
    assert_eq!(s.outbox_entry(fine.id)?.ok_or("kept")?.state, OutboxState::Sent);
    Ok(())
}

#[tokio::test]
async fn offline_the_action_waits_with_backoff_and_goes_out_once_when_back() -> Result {
    let dir = tempfile::tempdir()?;
    let clock = Arc::new(ManualClock::new(Utc::now()));
    let sandbox = Sandbox::start(&dir.path().join("server.sqlite"), clock.clone()).await?;
    let online = ApiClient::new(sandbox.base_url(), sandbox.token())?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let offline = ApiClient::new(format!("http://127.0.0.1:{port}"), sandbox.token())?;
    let case = online
        .cases()
        .await?
        .cases
        .into_iter()
        .find(|c| c.status.as_str() == "answered" || (c.status.as_str() == "open" && c.respond_by > Utc::now()))
        .ok_or("a case that takes replies")?;

    let (store, acct) = common::replica_for(&online, &dir.path().join("replica.sqlite")).await?;
    let entry =
        store.lock().map_err(|_| "poisoned")?.reply_to_case(acct, &case.id, "offline reply", None, Utc::now())?;

    let t0 = Utc::now();
    let outcome = push_all(&offline, &store, acct, &|| t0, &policy()).await?;
    assert_eq!(outcome.connectivity, Some(Connectivity::Offline));
    assert_eq!(outcome.retried, 1);
    let waiting = store.lock().map_err(|_| "poisoned")?.outbox_entry(entry.id)?.ok_or("kept")?;
    assert_eq!(waiting.state, OutboxState::Queued);
    assert_eq!(waiting.idempotency_key, entry.idempotency_key, "the same key on every attempt");
    assert!(waiting.next_attempt_at >= t0 && waiting.next_attempt_at <= t0 + Duration::seconds(1));
    assert!(waiting.last_error.is_some());

    // Back online, after the backoff: sent once.
    let later = t0 + Duration::seconds(2);
    let outcome = push_all(&online, &store, acct, &|| later, &policy()).await?;
    assert_eq!((outcome.sent, outcome.connectivity), (1, Some(Connectivity::Online)));
    let again = push_all(&online, &store, acct, &|| later, &policy()).await?;
    assert_eq!((again.sent, again.connectivity), (0, None), "nothing left to send");
    let replies = online
        .cases()
        .await?
        .cases
        .into_iter()
        .find(|c| c.id == case.id)
        .ok_or("case")?
        .messages
        .into_iter()
        .filter(|m| m.body == "offline reply")
        .count();
    assert_eq!(replies, 1);
    Ok(())
}

/// The batches of one upload go out [`IN_FLIGHT`] at a time. A refused
/// batch stops the upload there: the batches already on their way beside it
/// are still settled (and applied: the batches are independent), nothing
/// after them is started, and it waits behind the refusal like any action.
#[tokio::test]
async fn an_uploads_batches_overlap_and_a_refusal_stops_what_has_not_left() -> Result {
    let dir = tempfile::tempdir()?;
    let clock = Arc::new(ManualClock::new(Utc::now()));
    let sandbox = Sandbox::start(&dir.path().join("server.sqlite"), clock).await?;
    let client = ApiClient::new(sandbox.base_url(), sandbox.token())?;
    let unshipped = client.orders(Some("unshipped")).await?.orders;
    // The first, the refused one, the rest of a window beside it, one more.
    let orders = unshipped.get(..IN_FLIGHT + 1).ok_or("the demo has enough unshipped orders")?;
    // Shipped today where the order was placed.
    let batch = |order: &csba_api::Order, order_id: &str, serial: u32| -> Result<Action> {
        let digits = format!("{serial:08}");
        let check = check_digit::s10(digits.as_bytes()).ok_or("an S10 check digit")?;
        let zone = order.marketplace.time_zone()?;
        Ok(Action::TrackingUpload {
            batch: ShipmentConfirmationBatch {
                confirmations: vec![ShipmentConfirmation {
                    order_id: order_id.to_owned(),
                    tracking_number: format!("EV{digits}{check}CN"),
                    carrier: None,
                    ship_date: Utc::now().with_timezone(&zone).date_naive(),
                }],
            },
        })
    };
    let mut actions = vec![batch(&orders[0], &orders[0].id, 31_000_001)?];
    actions.push(batch(&orders[0], "503-0000000-0000000", 31_000_002)?);
    for (serial, order) in (31_000_003..).zip(&orders[1..]) {
        actions.push(batch(order, &order.id, serial)?);
    }

    let (store, acct) = common::replica_for(&client, &dir.path().join("replica.sqlite")).await?;
    let entries = store.lock().map_err(|_| "poisoned")?.enqueue_group(acct, &actions, "upload-1", Utc::now())?;
    let outcome = push_all(&client, &store, acct, &Utc::now, &policy()).await?;
    // The first batch's answer started one more: IN_FLIGHT - 1 beside the refusal.
    assert_eq!((outcome.sent, outcome.failed, outcome.retried), (IN_FLIGHT, 1, 0), "{outcome:?}");

    let states: Vec<OutboxState> = {
        let s = store.lock().map_err(|_| "poisoned")?;
        entries.iter().map(|e| s.outbox_entry(e.id)?.map(|e| e.state).ok_or("kept".into())).collect::<Result<_>>()?
    };
    assert_eq!(states[0], OutboxState::Sent);
    assert!(matches!(&states[1], OutboxState::Failed { code, .. } if code == "shipment_rejected"), "{:?}", states[1]);
    for (i, state) in states.iter().enumerate().take(IN_FLIGHT + 1).skip(2) {
        assert_eq!(*state, OutboxState::Sent, "batch {i} was on its way beside the refused batch");
    }
    assert_eq!(states[IN_FLIGHT + 1], OutboxState::Queued, "it waits behind the refusal");
    let applied = |i: usize| i < IN_FLIGHT;
    let shipped = client.orders(Some("shipped")).await?.orders;
    for (i, order) in orders.iter().enumerate() {
        assert_eq!(shipped.iter().any(|o| o.id == order.id), applied(i), "order {}", order.id);
    }
    // The replica learns it from the feed, where each batch is one run.
    csba_sync::pull_all(&client, &store, acct, &Utc::now).await?;
    let s = store.lock().map_err(|_| "poisoned")?;
    for (i, order) in orders.iter().enumerate() {
        let stored = s.order(acct, &order.id)?.ok_or("the replica has the order")?;
        let status = if applied(i) { "shipped" } else { "unshipped" };
        assert_eq!(stored.status, status, "order {} in the replica", order.id);
    }
    Ok(())
}
