//! `csba cases reply` / `csba tracking upload`, then `csba sync`, against
//! the real reference service with the token in the real keychain: what
//! was queued reaches the service exactly once.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::keychain::{self, TokenGuard};
use common::server::Server;
use common::{csba_in, s10, Result, Run};
use serde_json::{json, Value};
use std::path::Path;

/// A data directory with the demo seller added (token in the keychain) and
/// synced once. The guard deletes the token when the test ends.
fn added_and_synced(server: &Server, data: &Path) -> Result<TokenGuard> {
    let url = server.url()?;
    let guard = TokenGuard(server.keychain_user(&url)?);
    let add = csba_in(data, &["account", "add", "--url", &url], Some(&server.token()?), &[])?;
    assert_eq!(add.code, 0, "{}", add.all());
    let sync = sync_json(data)?;
    assert_eq!(sync[0]["status"], json!("synced"), "{sync}");
    assert!(sync[0]["pulled"].as_u64() > Some(0), "{sync}");
    Ok(guard)
}

fn sync_json(data: &Path) -> Result<Value> {
    let sync = csba_in(data, &["sync", "--json"], None, &[])?;
    assert_eq!(sync.code, 0, "{}", sync.all());
    sync.json()
}

fn ok(run: Run) -> Result<Run> {
    if run.code == 0 {
        Ok(run)
    } else {
        Err(format!("exit {}: {}", run.code, run.all()).into())
    }
}

#[test]
fn a_queued_reply_reaches_the_service_exactly_once() -> Result {
    if !keychain::required("a_queued_reply_reaches_the_service_exactly_once") {
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let server = Server::start(dir.path())?;
    let _guard = added_and_synced(&server, &data)?;

    let cases = ok(csba_in(&data, &["cases", "list", "--json"], None, &[])?)?.json()?;
    let cases = cases.as_array().ok_or("not an array")?;
    let soon = Utc::now() + Duration::hours(2);
    let case = cases
        .iter()
        .find(|c| {
            c["status"] == json!("open")
                && c["respond_by"].as_str().and_then(|t| t.parse::<DateTime<Utc>>().ok()).is_some_and(|t| t > soon)
        })
        .ok_or("an open case that takes replies")?;
    for key in ["account_id", "has_draft", "pending_replies", "id", "respond_by"] {
        assert!(case.get(key).is_some(), "cases list --json lacks {key}: {case}");
    }
    assert_eq!(case["pending_replies"], json!(0));
    let case_id = case["id"].as_str().ok_or("no id")?.to_owned();

    let body = format!("Thank you for waiting. The replacement ships today. ({})", std::process::id());
    let body_file = dir.path().join("reply.txt");
    std::fs::write(&body_file, &body)?;
    let body_path = body_file.to_string_lossy().into_owned();
    ok(csba_in(&data, &["cases", "reply", &case_id, "--body-file", &body_path], None, &[])?)?;
    let listed = ok(csba_in(&data, &["cases", "list", "--json"], None, &[])?)?.json()?;
    let pending = listed.as_array().and_then(|all| all.iter().find(|c| c["id"] == json!(case_id)).cloned());
    assert_eq!(pending.map(|c| c["pending_replies"].clone()), Some(json!(1)));

    let sync = sync_json(&data)?;
    assert_eq!((sync[0]["sent"].clone(), sync[0]["failed"].clone()), (json!(1), json!(0)), "{sync}");
    let again = sync_json(&data)?;
    assert_eq!(again[0]["sent"], json!(0), "nothing is sent twice");

    let on_server = server.block_on(server.client()?.cases())?;
    let case = on_server.cases.iter().find(|c| c.id == case_id).ok_or("the case is gone")?;
    let copies = case.messages.iter().filter(|m| m.author == "seller" && m.body == body).count();
    assert_eq!(copies, 1, "the service has the reply exactly once");

    let outbox = ok(csba_in(&data, &["outbox", "--json"], None, &[])?)?.json()?;
    assert_eq!(outbox.as_array().map(|rows| rows.iter().all(|r| r["state"] == json!("sent"))), Some(true), "{outbox}");
    let listed = ok(csba_in(&data, &["cases", "list", "--json"], None, &[])?)?.json()?;
    let synced = listed.as_array().and_then(|all| all.iter().find(|c| c["id"] == json!(case_id)).cloned());
    assert_eq!(synced.map(|c| c["pending_replies"].clone()), Some(json!(0)));
    Ok(())
}

#[test]
fn an_uploaded_file_is_queued_then_confirmed_by_the_service() -> Result {
    if !keychain::required("an_uploaded_file_is_queued_then_confirmed_by_the_service") {
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let server = Server::start(dir.path())?;
    let _guard = added_and_synced(&server, &data)?;

    // Every order the demo seller may confirm, each with a fresh tracking ID;
    // no ship date: `csba` dates them today in each order's marketplace.
    let orders = server.block_on(server.client()?.orders(None))?.orders;
    let rows: Vec<(String, String)> = orders
        .iter()
        .filter(|o| o.status == "unshipped")
        .enumerate()
        .map(|(n, o)| (o.id.clone(), s10(40_000_000 + std::process::id() % 1000 * 100 + n as u32)))
        .collect();
    assert!(rows.len() >= 2, "the demo seller has orders");
    let mut csv = String::from("order_id,tracking_number\n");
    for (order, tracking) in &rows {
        csv.push_str(&format!("{order},{tracking}\n"));
    }
    let file = dir.path().join("shipments.csv");
    std::fs::write(&file, csv)?;

    let upload = ok(csba_in(&data, &["tracking", "upload", &file.to_string_lossy()], None, &[])?)?;
    assert!(upload.stdout.contains(&format!("Queued {} shipment confirmations", rows.len())), "{}", upload.stdout);
    assert!(upload.stdout.contains("in 1 batch") && upload.stdout.contains("csba sync"), "{}", upload.stdout);
    let outbox = ok(csba_in(&data, &["outbox", "--json"], None, &[])?)?.json()?;
    assert_eq!(outbox[0]["kind"], json!("tracking_upload"));
    assert_eq!(outbox[0]["state"], json!("queued"));

    let sync = sync_json(&data)?;
    assert_eq!((sync[0]["sent"].clone(), sync[0]["failed"].clone()), (json!(1), json!(0)), "{sync}");
    let after = server.block_on(server.client()?.orders(None))?.orders;
    for (order, tracking) in &rows {
        let on_server = after.iter().find(|o| &o.id == order).ok_or("an order vanished")?;
        assert_eq!(on_server.status, "shipped", "{order}");
        assert_eq!(on_server.tracking.as_ref().map(|t| t.tracking_number.as_str()), Some(tracking.as_str()), "{order}");
    }
    Ok(())
}
