//! The app core's rules on a real replica file: what the app's buttons and
//! the `csba` commands both refuse, with the code and the field.

use chrono::{DateTime, Duration, TimeZone, Utc};
use csba_api::{
    ActivePeriodView, Case, CaseMessage, Change, ChangesPage, EligibilityItem, EnrollmentView, Order, OrderTracking,
    Resource,
};
use csba_app::upload::{check_upload, UploadOptions};
use csba_app::{queue_reply, Desk, ErrorCode, ViewFilter};
use csba_domain::{CaseKind, CaseStatus, Marketplace};
use csba_store::{AccountId, SellerProfile, Store};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn now() -> Result<DateTime<Utc>> {
    Ok(Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).single().ok_or("bad instant")?)
}

fn order(id: &str, status: &str, at: DateTime<Utc>) -> Order {
    Order {
        id: id.into(),
        marketplace: Marketplace::Jp,
        placed_at: at - Duration::days(1),
        item_title: "陶器茶香炉".into(),
        sku: "SKU".into(),
        quantity: 1,
        status: status.into(),
        ship_by: Some(at + Duration::hours(10)),
        tracking: (status == "shipped").then(|| OrderTracking {
            tracking_number: "EV876297563CN".into(),
            carrier: "china-post".into(),
            ship_date: at.date_naive(),
            confirmed_at: at,
        }),
        return_received_at: None,
        refunded_at: None,
    }
}

fn case(id: &str, status: CaseStatus, at: DateTime<Utc>) -> Case {
    Case {
        id: id.into(),
        order_id: "503-0000001-0000001".into(),
        marketplace: Marketplace::Jp,
        kind: CaseKind::ProductQuestion,
        status,
        language: "ja".into(),
        subject: "質問".into(),
        messages: vec![CaseMessage {
            author: "csba".into(),
            body: "?".into(),
            sent_at: at,
            language: None,
            late: false,
        }],
        opened_at: at,
        respond_by: at + Duration::hours(24),
        outcome: None,
        resolved_at: None,
    }
}

fn enrollment(state: &str, at: DateTime<Utc>) -> EnrollmentView {
    EnrollmentView {
        marketplace: Marketplace::Jp,
        state: state.into(),
        enrolled_at: Some(at - Duration::days(150)),
        activates_at: None,
        since: Some(at - Duration::days(150)),
        lapsed_at: None,
        active_periods: vec![ActivePeriodView { from: at - Duration::days(150), until: None }],
        trial: None,
        terms_version: Some("2025-06".into()),
        eligibility: vec![EligibilityItem { requirement: "professional_plan".into(), met: true, blocking: true }],
    }
}

/// A replica file with one JP account and the given feed.
fn desk(dir: &std::path::Path, resources: Vec<Resource>) -> Result<(Desk, AccountId)> {
    let at = now()?;
    let mut store = Store::open(&dir.join("replica.sqlite"))?;
    let seller =
        SellerProfile { seller_id: "A1".into(), display_name: "茶店".into(), marketplaces: vec![Marketplace::Jp] };
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, at)?;
    let changes =
        resources.into_iter().enumerate().map(|(i, resource)| Change { seq: i as i64 + 1, at, resource }).collect();
    store.apply_changes(
        account.id,
        &ChangesPage { changes, next_cursor: "1".into(), has_more: false, server_time: at },
        at,
    )?;
    Ok((Desk::new(store, csba_i18n::Catalog::load()?), account.id))
}

#[test]
fn a_reply_follows_one_rule_whoever_sends_it() -> Result {
    let at = now()?;
    let dir = tempfile::tempdir()?;
    let mut store = Store::open(&dir.path().join("replica.sqlite"))?;
    let seller =
        SellerProfile { seller_id: "A1".into(), display_name: "茶店".into(), marketplaces: vec![Marketplace::Jp] };
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, at)?.id;
    let changes = vec![
        Change { seq: 1, at, resource: Resource::Case(case("open", CaseStatus::Open, at)) },
        Change { seq: 2, at, resource: Resource::Case(case("done", CaseStatus::ResolvedByCsba, at)) },
    ];
    store.apply_changes(
        account,
        &ChangesPage { changes, next_cursor: "2".into(), has_more: false, server_time: at },
        at,
    )?;

    let code = |r: std::result::Result<_, csba_app::AppError>| r.map(|_| ()).map_err(|e| (e.code, e.field));
    assert_eq!(code(queue_reply(&mut store, account, "done", "はい", None, at)), Err((ErrorCode::CaseResolved, None)));
    assert_eq!(
        code(queue_reply(&mut store, account, "open", "  \n", None, at)),
        Err((ErrorCode::ReplyEmpty, Some("body".into())))
    );
    let long = "あ".repeat(csba_api::limits::MAX_REPLY_CHARS + 1);
    assert_eq!(
        code(queue_reply(&mut store, account, "open", &long, None, at)),
        Err((ErrorCode::ReplyTooLong, Some("body".into())))
    );
    assert_eq!(
        code(queue_reply(&mut store, account, "open", "Hello", Some("en"), at)),
        Err((ErrorCode::ReplyLanguageInvalid, Some("language".into()))),
        "JP takes replies in Chinese or Japanese only"
    );
    assert_eq!(code(queue_reply(&mut store, account, "nope", "はい", None, at)), Err((ErrorCode::CaseNotFound, None)));

    let queued = queue_reply(&mut store, account, "open", "<b>はい</b>", Some("zh-cn"), at)?;
    let body: serde_json::Value = queued.body.ok_or("no body")?.decode()?;
    assert_eq!(body["language"], "zh-CN", "the language is the marketplace's spelling");
    assert_eq!(body["body"], "<b>はい</b>", "markup stays text");
    Ok(())
}

#[test]
fn a_single_shipment_is_checked_before_it_is_queued() -> Result {
    let at = now()?;
    let dir = tempfile::tempdir()?;
    let (desk, account) = desk(
        dir.path(),
        vec![
            Resource::Order(order("503-0000001-0000001", "unshipped", at)),
            Resource::Order(order("503-0000002-0000002", "shipped", at)),
        ],
    )?;
    let today = at.with_timezone(&chrono_tz::Asia::Tokyo).date_naive().to_string();
    let tomorrow = (at.with_timezone(&chrono_tz::Asia::Tokyo).date_naive() + Duration::days(1)).to_string();
    let refused = |order: &str, number: &str, carrier: Option<&str>, date: &str| {
        desk.confirm_shipment(account, order, number, carrier, date, at).map(|_| ()).map_err(|e| (e.code, e.field))
    };
    assert_eq!(refused("503-0000009-0000009", "EV876297563CN", None, &today), Err((ErrorCode::OrderNotFound, None)));
    assert_eq!(
        refused("503-0000002-0000002", "EV876297563CN", None, &today),
        Err((ErrorCode::OrderNotShippable, None))
    );
    assert_eq!(
        refused("503-0000001-0000001", "EV876297564CN", None, &today),
        Err((ErrorCode::TrackingInvalid, Some("tracking_number".into())))
    );
    assert_eq!(
        refused("503-0000001-0000001", "EV876297563CN", None, &tomorrow),
        Err((ErrorCode::ShipDateInFuture, Some("ship_date".into()))),
        "tomorrow in Tokyo"
    );
    assert_eq!(
        refused("503-0000001-0000001", "EV876297563CN", None, "12/01/2026"),
        Err((ErrorCode::ShipDateInvalid, Some("ship_date".into())))
    );
    let item = desk.confirm_shipment(account, "503-0000001-0000001", "ev 8762 9756 3cn", None, &today, at)?;
    assert_eq!(item.kind, csba_store::ActionKind::TrackingUpload);
    let screen = desk.orders_screen(ViewFilter::default(), at)?;
    let queued = screen.to_ship.first().and_then(|r| r.queued.clone()).ok_or("the order shows its queued tracking")?;
    assert_eq!(queued.tracking_number, "EV876297563CN", "normalized before it is queued");
    assert_eq!(desk.badges(ViewFilter::default(), at)?.orders_without_tracking, 0);
    Ok(())
}

#[test]
fn an_upload_is_checked_against_the_replicas_orders_and_nothing_is_queued_with_a_problem() -> Result {
    let at = now()?;
    let dir = tempfile::tempdir()?;
    let (desk, account) = desk(
        dir.path(),
        vec![
            Resource::Order(order("503-0000001-0000001", "unshipped", at)),
            Resource::Order(order("503-0000002-0000002", "shipped", at)),
            Resource::Order(order("503-0000003-0000003", "cancelled", at)),
            Resource::Order(order("503-0000004-0000004", "pending", at)),
        ],
    )?;
    let file = "order-id,tracking-number\n\
                503-0000001-0000001,EV876297563CN\n\
                503-0000002-0000002,EV000000014CN\n\
                503-0000003-0000003,EV000000028CN\n\
                503-0000004-0000004,EV000000031CN\n\
                503-0000009-0000009,EV000000045CN\n";
    let preview = desk.preview_upload(file.as_bytes(), "upload.csv", &UploadOptions::default(), at)?;
    let codes: Vec<(u32, &str)> = preview.preview.problems.iter().map(|p| (p.line, p.code.as_str())).collect();
    for (line, code) in [
        (2, "tracking_reused_across_orders"),
        (3, "already_shipped"),
        (4, "cancelled_order"),
        (5, "pending_order"),
        (6, "unknown_order"),
    ] {
        assert!(codes.contains(&(line, code)), "line {line} {code} in {codes:?}");
    }
    let refused = desk.queue_previewed_upload(&preview.id, at).map_err(|e| e.code);
    assert_eq!(refused, Err(ErrorCode::UploadHasProblems));
    assert_eq!(desk.badges(ViewFilter::default(), at)?.queued_actions, 0, "nothing half-queued");

    let store = Store::open(&dir.path().join("replica.sqlite"))?;
    let accounts = store.accounts()?;
    let account = accounts.iter().find(|a| a.id == account).ok_or("account")?;
    let clean = check_upload(
        &store,
        account,
        b"order-id,tracking-number\n503-0000001-0000001,EV000000014CN\n",
        "u.csv",
        &UploadOptions::default(),
        at,
    )?;
    assert!(clean.preview.is_clean(), "{:?}", clean.preview.problems);
    Ok(())
}

#[test]
fn enrollment_changes_follow_the_state_and_the_terms() -> Result {
    let at = now()?;
    let dir = tempfile::tempdir()?;
    let (desk, account) = desk(dir.path(), vec![Resource::Enrollment(enrollment("active", at))])?;
    let program = desk.program_screen(ViewFilter::default(), at)?;
    let jp = program.programs.first().ok_or("the JP enrollment")?;
    assert!(jp.can_pause && !jp.can_resume && !jp.can_enroll);
    assert_eq!(
        desk.enroll(account, Marketplace::Jp, &jp.terms_version_now, at).map_err(|e| e.code).err(),
        Some(ErrorCode::EnrollmentNotAllowed),
        "already active"
    );
    assert_eq!(
        desk.resume_enrollment(account, Marketplace::Jp, at).map_err(|e| e.code).err(),
        Some(ErrorCode::EnrollmentNotAllowed)
    );
    desk.pause_enrollment(account, Marketplace::Jp, at)?;
    let again = desk.program_screen(ViewFilter::default(), at)?;
    let jp = again.programs.first().ok_or("the JP enrollment")?;
    assert!(jp.pending_action.is_some() && !jp.can_pause, "one change at a time");
    Ok(())
}

#[test]
fn a_marketplace_the_feed_never_mentioned_can_be_enrolled() -> Result {
    let at = now()?;
    let dir = tempfile::tempdir()?;
    let (desk, account) = desk(dir.path(), Vec::new())?;
    let program = desk.program_screen(ViewFilter::default(), at)?;
    let jp = program.programs.first().ok_or("a card for the account's marketplace")?;
    assert_eq!((jp.enrollment.marketplace, jp.state_now.as_str()), (Marketplace::Jp, "not_enrolled"));
    assert!(jp.can_enroll && !jp.can_pause);
    assert_eq!(
        desk.enroll(account, Marketplace::Jp, "an old version", at).map_err(|e| (e.code, e.field)).err(),
        Some((ErrorCode::TermsNotAccepted, Some("terms_version".into())))
    );
    let item = desk.enroll(account, Marketplace::Jp, &jp.terms_version_now, at)?;
    assert_eq!(item.kind, csba_store::ActionKind::Enroll);
    Ok(())
}
