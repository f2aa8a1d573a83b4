use crate::common::{expect_problem, harness, TestResult};
use crate::fixtures::{changes_since, get_json, order, post, put_orders, s10};
use chrono::Duration;
use csba_api::{ProblemCode, ShipmentConfirmationResult};
use csba_domain::Marketplace;
use csba_server::Clock;
use serde_json::json;

crate::common::every_backend! {
#[tokio::test]
async fn a_bad_row_refuses_the_whole_batch_with_every_rows_problem() -> TestResult {
    let h = harness().await?;
    let seller = h.sandbox.seller_id().to_owned();
    let now = h.clock.now();
    let placed = now - Duration::hours(30);
    put_orders(&h, &seller, &[
        order("503-1000000-0000001", Marketplace::Jp, placed, "unshipped"),
        order("503-1000000-0000002", Marketplace::Jp, placed, "unshipped"),
        order("503-1000000-0000003", Marketplace::Jp, placed, "cancelled"),
        order("503-1000000-0000004", Marketplace::Jp, placed, "unshipped"),
    ]).await?;
    let today = now.date_naive().to_string();
    let mut wrong_digit = s10(12345678, "CN");
    wrong_digit.replace_range(9..10, if &wrong_digit[9..10] == "1" { "2" } else { "1" });
    let batch = json!({ "confirmations": [
        { "order_id": "503-1000000-0000001", "tracking_number": s10(11111111, "CN"), "ship_date": today },
        { "order_id": "503-1000000-0000002", "tracking_number": wrong_digit, "ship_date": today },
        { "order_id": "503-1000000-0000003", "tracking_number": s10(22222222, "CN"), "ship_date": today },
        { "order_id": "503-9999999-9999999", "tracking_number": s10(33333333, "CN"), "ship_date": today },
        { "order_id": "503-1000000-0000004", "tracking_number": s10(11111111, "CN"), "ship_date": today },
        { "order_id": "503-1000000-0000001", "tracking_number": s10(44444444, "CN"), "ship_date": today },
    ]});
    let problem = expect_problem(post(&h, "/v1/shipment-confirmations", &batch).await?, 422).await?;
    assert_eq!(problem.code, ProblemCode::ShipmentRejected);
    let found: Vec<(String, String)> =
        problem.errors.iter().map(|e| (e.field.clone().unwrap_or_default(), e.code.clone())).collect();
    for expected in [
        ("/confirmations/1/tracking_number", "check_digit_mismatch"),
        ("/confirmations/2/order_id", "order_cancelled"),
        ("/confirmations/3/order_id", "unknown_order"),
        ("/confirmations/4/tracking_number", "duplicate_tracking_in_batch"),
        ("/confirmations/5/order_id", "duplicate_order_in_batch"),
    ] {
        assert!(found.contains(&(expected.0.to_owned(), expected.1.to_owned())), "{expected:?} in {found:?}");
    }
    assert!(!found.iter().any(|(f, _)| f.starts_with("/confirmations/0/")), "row 0 is fine: {found:?}");

    // Nothing was applied, not even the good row.
    let unshipped = get_json(&h, h.sandbox.token(), "/v1/orders?status=unshipped").await?;
    let ids: Vec<&str> = unshipped["orders"].as_array().into_iter().flatten().filter_map(|o| o["id"].as_str()).collect();
    assert!(ids.contains(&"503-1000000-0000001"));
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn order_ids_with_the_characters_of_a_list_are_found_as_themselves() -> TestResult {
    // A batch's ids go to the database as one parameter: ids with quotes,
    // backslashes, commas, braces or spelling NULL are found as
    // themselves, and an unknown one like them is not.
    let h = harness().await?;
    let seller = h.sandbox.seller_id().to_owned();
    let now = h.clock.now();
    let placed = now - Duration::hours(30);
    let ids = [r#"503-"quoted""#, r"503-back\slash", "503-a,b", "503-{braces}", "NULL", "503-注文 1"];
    let orders: Vec<_> = ids.iter().map(|id| order(id, Marketplace::Jp, placed, "unshipped")).collect();
    put_orders(&h, &seller, &orders).await?;
    let today = now.date_naive().to_string();
    let rows: Vec<_> = ids
        .iter()
        .zip(51_000_001..)
        .map(|(id, serial)| json!({ "order_id": id, "tracking_number": s10(serial, "CN"), "ship_date": today }))
        .collect();
    let mut with_stranger = rows.clone();
    with_stranger.push(json!({ "order_id": r#"503-"quoted"\,NULL"#, "tracking_number": s10(51_000_099, "CN"), "ship_date": today }));
    let problem =
        expect_problem(post(&h, "/v1/shipment-confirmations", &json!({ "confirmations": with_stranger })).await?, 422)
            .await?;
    let found: Vec<(String, String)> =
        problem.errors.iter().map(|e| (e.field.clone().unwrap_or_default(), e.code.clone())).collect();
    assert_eq!(found, vec![(format!("/confirmations/{}/order_id", ids.len()), "unknown_order".to_owned())]);

    let response = post(&h, "/v1/shipment-confirmations", &json!({ "confirmations": rows })).await?;
    assert_eq!(response.status(), 200);
    let result: ShipmentConfirmationResult = response.json().await?;
    assert_eq!(result.results.iter().map(|r| r.order_id.as_str()).collect::<Vec<_>>(), ids);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn a_good_batch_ships_every_order_in_the_feed_and_guards_tracking_reuse() -> TestResult {
    let h = harness().await?;
    let seller = h.sandbox.seller_id().to_owned();
    let now = h.clock.now();
    let placed = now - Duration::hours(30);
    put_orders(&h, &seller, &[
        order("503-2000000-0000001", Marketplace::Jp, placed, "unshipped"),
        order("503-2000000-0000002", Marketplace::Jp, placed, "unshipped"),
        order("503-2000000-0000003", Marketplace::Jp, placed, "unshipped"),
    ]).await?;
    let cursor = get_json(&h, h.sandbox.token(), "/v1/changes?limit=1000").await?["next_cursor"].as_str().unwrap_or("0").to_owned();
    let today = now.date_naive().to_string();
    let first = s10(55555555, "CN");
    let batch = json!({ "confirmations": [
        // Typed with full-width digits and spaces, as sellers do.
        { "order_id": "503-2000000-0000001", "tracking_number": format!(" {} ", first.replace('5', "５")), "ship_date": today },
        { "order_id": "503-2000000-0000002", "tracking_number": s10(66666666, "JP"), "carrier": "japan-post", "ship_date": today },
    ]});
    let response = post(&h, "/v1/shipment-confirmations", &batch).await?;
    assert_eq!(response.status().as_u16(), 200);
    let result: ShipmentConfirmationResult = response.json().await?;
    assert_eq!(result.results.len(), 2);
    assert_eq!(result.results[0].tracking_number, first);
    assert_eq!(result.results[0].carrier, "china-post");

    let shipped = get_json(&h, h.sandbox.token(), "/v1/orders?status=shipped").await?;
    let ours: Vec<&serde_json::Value> = shipped["orders"].as_array().into_iter().flatten()
        .filter(|o| o["id"].as_str().is_some_and(|id| id.starts_with("503-2000000-"))).collect();
    assert_eq!(ours.len(), 2);
    assert!(ours.iter().all(|o| o["tracking"]["tracking_number"].is_string()));

    let feed = get_json(&h, h.sandbox.token(), &format!("/v1/changes?cursor={cursor}")).await?;
    let kinds: Vec<(&str, &str)> = feed["changes"].as_array().into_iter().flatten()
        .map(|c| (c["kind"].as_str().unwrap_or(""), c["data"]["status"].as_str().unwrap_or(""))).collect();
    assert_eq!(kinds, vec![("order", "shipped"), ("order", "shipped")]);
    // Each with its tracking and ship-by, as the order list shows it.
    for change in feed["changes"].as_array().into_iter().flatten() {
        let listed = ours.iter().find(|o| o["id"] == change["data"]["id"]).ok_or("a shipped order not listed")?;
        assert_eq!(&change["data"], *listed);
        assert!(change["data"]["ship_by"].is_string() && change["data"]["tracking"]["carrier"].is_string());
    }
    assert_eq!(feed["changes"][0]["data"]["tracking"]["tracking_number"], first.as_str());

    // The same tracking ID for another order is refused…
    let reuse = json!({ "confirmations": [
        { "order_id": "503-2000000-0000003", "tracking_number": first, "ship_date": today },
    ]});
    let problem = expect_problem(post(&h, "/v1/shipment-confirmations", &reuse).await?, 422).await?;
    assert_eq!(problem.errors[0].code, "tracking_reused");
    // …and a ship date in the future or before the order too.
    let tomorrow = (now + Duration::days(2)).date_naive().to_string();
    let future = json!({ "confirmations": [
        { "order_id": "503-2000000-0000003", "tracking_number": s10(77777777, "CN"), "ship_date": tomorrow },
    ]});
    let problem = expect_problem(post(&h, "/v1/shipment-confirmations", &future).await?, 422).await?;
    assert_eq!(problem.errors[0].code, "ship_date_in_future");
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn pending_and_already_shipped_orders_are_refused_with_their_own_codes() -> TestResult {
    let h = harness().await?;
    let seller = h.sandbox.seller_id().to_owned();
    let now = h.clock.now();
    let placed = now - Duration::hours(30);
    put_orders(&h, &seller, &[
        order("503-4000000-0000001", Marketplace::Jp, placed, "pending"),
        order("503-4000000-0000002", Marketplace::Jp, placed, "unshipped"),
        order("503-4000000-0000003", Marketplace::Jp, placed, "unshipped"),
    ]).await?;
    let today = now.date_naive().to_string();
    let shipped_with = s10(81818181, "CN");
    let ship = json!({ "confirmations": [
        { "order_id": "503-4000000-0000002", "tracking_number": shipped_with, "ship_date": today },
    ]});
    assert_eq!(post(&h, "/v1/shipment-confirmations", &ship).await?.status().as_u16(), 200);
    let seq = get_json(&h, h.sandbox.token(), "/v1/changes?limit=1000").await?["next_cursor"].as_str().unwrap_or("0").to_owned();

    let batch = json!({ "confirmations": [
        { "order_id": "503-4000000-0000001", "tracking_number": s10(82828282, "CN"), "ship_date": today },
        { "order_id": "503-4000000-0000002", "tracking_number": s10(83838383, "CN"), "ship_date": today },
        { "order_id": "503-4000000-0000003", "tracking_number": s10(84848484, "CN"), "ship_date": today },
    ]});
    let problem = expect_problem(post(&h, "/v1/shipment-confirmations", &batch).await?, 422).await?;
    let found: Vec<(String, String)> =
        problem.errors.iter().map(|e| (e.field.clone().unwrap_or_default(), e.code.clone())).collect();
    assert_eq!(found, vec![
        ("/confirmations/0/order_id".to_owned(), "order_pending".to_owned()),
        ("/confirmations/1/order_id".to_owned(), "order_already_shipped".to_owned()),
    ]);
    // The refusal says what the order was shipped with.
    assert!(problem.errors[1].detail.as_deref().is_some_and(|d| d.contains(&shipped_with)), "{:?}", problem.errors[1]);

    // Sending the confirmed tracking again (the same file from a second
    // device) is accepted and changes nothing: no feed entry.
    let again = json!({ "confirmations": [
        { "order_id": "503-4000000-0000002", "tracking_number": shipped_with, "ship_date": today },
        { "order_id": "503-4000000-0000003", "tracking_number": s10(84848484, "CN"), "ship_date": today },
    ]});
    let response = post(&h, "/v1/shipment-confirmations", &again).await?;
    assert_eq!(response.status().as_u16(), 200);
    let result: ShipmentConfirmationResult = response.json().await?;
    assert_eq!(result.results.iter().map(|r| r.order_id.as_str()).collect::<Vec<_>>(), vec!["503-4000000-0000002", "503-4000000-0000003"]);
    let feed = get_json(&h, h.sandbox.token(), &format!("/v1/changes?cursor={seq}")).await?;
    let ids: Vec<&str> = feed["changes"].as_array().into_iter().flatten().filter_map(|c| c["data"]["id"].as_str()).collect();
    assert_eq!(ids, vec!["503-4000000-0000003"]);

    // The demo's own pending order is refused the same way.
    let pending = get_json(&h, h.sandbox.token(), "/v1/orders?status=pending").await?;
    let demo_pending = pending["orders"].as_array().into_iter().flatten()
        .filter_map(|o| o["id"].as_str()).find(|id| !id.starts_with("503-4000000-")).ok_or("no demo pending order")?.to_owned();
    let demo = json!({ "confirmations": [
        { "order_id": demo_pending, "tracking_number": s10(85858585, "CN"), "ship_date": today },
    ]});
    let problem = expect_problem(post(&h, "/v1/shipment-confirmations", &demo).await?, 422).await?;
    assert_eq!(problem.errors[0].code, "order_pending");
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn an_empty_batch_is_invalid() -> TestResult {
    let h = harness().await?;
    let problem = expect_problem(post(&h, "/v1/shipment-confirmations", &json!({"confirmations": []})).await?, 400).await?;
    assert_eq!(problem.code, ProblemCode::InvalidRequest);
    assert_eq!(problem.field.as_deref(), Some("/confirmations"));
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn racing_batches_for_one_order_ship_it_once() -> TestResult {
    // The checks read the stored orders before taking the seller's lock (see
    // `shipments::confirm`); batches racing for one order and one tracking ID
    // must still see each other: exactly one ships it, the others are refused.
    const RACERS: usize = 6;
    const OWN: usize = 300;
    let h = harness().await?;
    let seller = h.sandbox.seller_id().to_owned();
    let now = h.clock.now();
    let placed = now - Duration::hours(30);
    let id = |racer: usize, n: usize| format!("503-{:07}-{:07}", 3_000_000 + racer, n);
    let mut orders = vec![order("503-3999999-0000001", Marketplace::Jp, placed, "unshipped")];
    orders.extend((0..RACERS).flat_map(|r| (0..OWN).map(move |n| (r, n))).map(|(r, n)| {
        order(&id(r, n), Marketplace::Jp, placed, "unshipped")
    }));
    put_orders(&h, &seller, &orders).await?;
    let (_, cursor) = changes_since(&h, "", 500).await?;
    let today = now.date_naive().to_string();
    // Each racer ships orders of its own, then the shared order; half of
    // them with one shared tracking ID on another order of their own.
    let batch = |r: usize| {
        let serial = |n: usize| u32::try_from(r * 1_000 + n).unwrap_or(0);
        let mut rows: Vec<serde_json::Value> = (0..OWN - 1)
            .map(|n| json!({ "order_id": id(r, n), "tracking_number": s10(5_000_000 + serial(n), "CN"), "ship_date": today }))
            .collect();
        let shared_tracking = if r.is_multiple_of(2) { s10(4_999_999, "CN") } else { s10(5_000_000 + serial(OWN - 1), "CN") };
        rows.push(json!({ "order_id": id(r, OWN - 1), "tracking_number": shared_tracking, "ship_date": today }));
        rows.push(json!({ "order_id": "503-3999999-0000001", "tracking_number": s10(6_000_000 + serial(0), "CN"), "ship_date": today }));
        json!({ "confirmations": rows })
    };
    let answers = post_together(&h, (0..RACERS).map(batch)).await;
    let mut shipped = 0;
    for answer in answers {
        match answer?.status().as_u16() {
            200 => shipped += 1,
            422 => {}
            other => return Err(format!("answered {other}").into()),
        }
    }
    assert_eq!(shipped, 1, "exactly one batch ships the shared order");
    let (changes, _) = changes_since(&h, &cursor, 500).await?;
    let shipped_ids: Vec<&str> = changes.iter().filter(|c| c["data"]["status"] == "shipped")
        .filter_map(|c| c["data"]["id"].as_str()).collect();
    assert_eq!(shipped_ids.len(), OWN + 1, "one racer's orders and the shared one, nothing of the refused batches");
    assert_eq!(shipped_ids.iter().filter(|id| **id == "503-3999999-0000001").count(), 1);
    let listed = get_json(&h, h.sandbox.token(), "/v1/orders?status=shipped&limit=500").await?;
    let ours = listed["orders"].as_array().into_iter().flatten()
        .filter(|o| orders.iter().any(|mine| o["id"] == mine.id.as_str())).count();
    assert_eq!(ours, OWN + 1);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn racing_batches_for_one_tracking_id_on_different_orders_use_it_once() -> TestResult {
    // No order is in two batches here, so only the tracking numbers in use,
    // checked again under the lock (from the feed's runs), can tell the
    // racers apart.
    const RACERS: usize = 6;
    const OWN: usize = 200;
    let h = harness().await?;
    let seller = h.sandbox.seller_id().to_owned();
    let now = h.clock.now();
    let placed = now - Duration::hours(30);
    let id = |racer: usize, n: usize| format!("503-{:07}-{:07}", 3_100_000 + racer, n);
    let orders: Vec<_> = (0..RACERS).flat_map(|r| (0..OWN).map(move |n| (r, n)))
        .map(|(r, n)| order(&id(r, n), Marketplace::Jp, placed, "unshipped")).collect();
    put_orders(&h, &seller, &orders).await?;
    let today = now.date_naive().to_string();
    let shared = s10(7_999_999, "CN");
    let batch = |r: usize| {
        let serial = |n: usize| u32::try_from(r * 1_000 + n).unwrap_or(0);
        let mut rows: Vec<serde_json::Value> = (0..OWN - 1)
            .map(|n| json!({ "order_id": id(r, n), "tracking_number": s10(8_000_000 + serial(n), "CN"), "ship_date": today }))
            .collect();
        rows.push(json!({ "order_id": id(r, OWN - 1), "tracking_number": shared, "ship_date": today }));
        json!({ "confirmations": rows })
    };
    let answers = post_together(&h, (0..RACERS).map(batch)).await;
    let mut shipped = 0;
    for answer in answers {
        let answer = answer?;
        match answer.status().as_u16() {
            200 => shipped += 1,
            422 => {
                let problem: serde_json::Value = answer.json().await?;
                let codes: Vec<(&str, &str)> = problem["errors"].as_array().into_iter().flatten()
                    .filter_map(|e| Some((e["field"].as_str()?, e["code"].as_str()?))).collect();
                let field = format!("/confirmations/{}/tracking_number", OWN - 1);
                assert_eq!(codes, vec![(field.as_str(), "tracking_reused")], "{problem}");
            }
            other => return Err(format!("answered {other}").into()),
        }
    }
    assert_eq!(shipped, 1, "exactly one batch uses the shared tracking ID");
    let listed = get_json(&h, h.sandbox.token(), "/v1/orders?status=shipped&limit=500").await?;
    let with_shared = listed["orders"].as_array().into_iter().flatten()
        .filter(|o| o["tracking"]["tracking_number"] == shared.as_str()).count();
    assert_eq!(with_shared, 1);
    h.sandbox.shutdown().await?;
    Ok(())
}
}

/// Shipment batches sent all at once, their answers in the same order.
async fn post_together(
    h: &crate::common::Harness,
    batches: impl Iterator<Item = serde_json::Value>,
) -> Vec<TestResult<reqwest::Response>> {
    let batches: Vec<_> = batches.collect();
    futures_util::future::join_all(batches.iter().map(|body| post(h, "/v1/shipment-confirmations", body))).await
}
