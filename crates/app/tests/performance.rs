//! The performance screen and the refund deadlines on a real replica file,
//! fed the way the service's change feed feeds it: weekly counts, an
//! enrollment with a pause, returns that arrived.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use csba_api::{Change, ChangesPage, Resource};
use csba_app::{Desk, ViewFilter};
use csba_domain::Marketplace;
use csba_store::{SellerProfile, Store};
use serde_json::{json, Value};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn now() -> Result<DateTime<Utc>> {
    Ok(Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).single().ok_or("bad instant")?)
}

fn day(y: i32, m: u32, d: u32) -> Result<NaiveDate> {
    Ok(NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date")?)
}

fn resource(kind: &str, data: Value) -> Result<Resource> {
    Ok(serde_json::from_value(json!({ "kind": kind, "data": data }))?)
}

fn desk(dir: &std::path::Path, resources: Vec<Resource>) -> Result<Desk> {
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
    Ok(Desk::new(store, csba_i18n::Catalog::load()?))
}

/// A week of JP figures: `claims`, `defects` per 1,000 orders, replies in `seconds`.
fn week(start: NaiveDate, claims: u32, defects: u32, seconds: u64, complete: bool) -> Result<Resource> {
    resource(
        "metric_week",
        json!({ "marketplace": "JP", "week_start": start, "orders": 1000, "a_to_z_claims": claims, "defects": defects,
                "feedback": 100, "negative_feedback": 5, "shipped": 1000, "valid_tracking": 960, "units": 1200,
                "contacts": 60, "responses": 50, "response_seconds": 50 * seconds, "complete": complete }),
    )
}

#[test]
fn before_and_after_activation_from_summed_weeks() -> Result {
    // Active from Wednesday 2026-06-03 (JST), paused 2026-08-10 to 2026-08-24.
    let jst = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).single().map(|t| t - Duration::hours(9));
    let (activated, paused, resumed) =
        (jst(2026, 6, 3).ok_or("t")?, jst(2026, 8, 10).ok_or("t")?, jst(2026, 8, 24).ok_or("t")?);
    let mut feed = vec![resource(
        "enrollment",
        json!({ "marketplace": "JP", "state": "active", "enrolled_at": activated - Duration::days(1),
                "since": resumed, "active_periods": [{ "from": activated, "until": paused }, { "from": resumed }],
                "terms_version": "JP-2025-06", "eligibility": [] }),
    )?];
    // 20 weeks before the activation week (Monday 2026-06-01), 26 after; the last is under way.
    let first = day(2026, 1, 12)?;
    for i in 0..46 {
        let start = first + Duration::weeks(i);
        let before = start < day(2026, 6, 1)?;
        // Worse before; the oldest weeks are worse still, outside the 13-week window.
        let (claims, defects, seconds) = match (before, i < 7) {
            (true, true) => (30, 40, 72_000),
            (true, false) => (12, 21, 36_000),
            (false, _) => (7, 13, 6_000),
        };
        feed.push(week(start, claims, defects, seconds, i < 45)?);
    }
    let dir = tempfile::tempdir()?;
    let desk = desk(dir.path(), feed)?;
    let screen = desk.performance_screen(ViewFilter::default(), now()?)?;
    assert_eq!(screen.panels.len(), 1);
    let panel = &screen.panels[0];
    assert_eq!((panel.currency.as_str(), panel.weeks.len()), ("JPY", 46));
    assert_eq!(panel.activated_on, Some(day(2026, 6, 3)?));
    assert_eq!(panel.paused.len(), 1);
    assert_eq!((panel.paused[0].from, panel.paused[0].to), (day(2026, 8, 10)?, Some(day(2026, 8, 24)?)));
    assert_eq!((panel.odr_limit_percent, panel.valid_tracking_target_percent), (1.0, 95.0));
    assert_eq!(panel.weeks[0].a_to_z_claim_rate, Some(3.0));
    assert_eq!(panel.weeks[0].response_hours, Some(20.0));
    assert_eq!(panel.weeks[0].fee_minor, None, "no fee before CSBA was active");
    assert!(panel.weeks[25].fee_minor.is_some_and(|fee| fee > 0), "{:?}", panel.weeks[25]);
    assert_eq!((panel.weeks[30].week_start, panel.weeks[30].fee_minor), (day(2026, 8, 10)?, None), "paused all week");
    assert!(!panel.weeks[45].complete);

    let c = panel.comparison.as_ref().ok_or("no comparison")?;
    assert_eq!((c.before_from, c.before_to), (day(2026, 3, 2)?, day(2026, 5, 31)?), "13 weeks before");
    assert_eq!((c.after_from, c.after_to), (day(2026, 8, 24)?, day(2026, 11, 22)?), "the last 13 complete weeks");
    let row = |m: &str| c.rows.iter().find(|r| r.metric == m).ok_or(format!("no {m}"));
    let claims = row("a_to_z_claim_rate")?;
    assert_eq!(
        (claims.before.as_deref(), claims.after.as_deref(), claims.change_percent.as_deref(), claims.better),
        (Some("1.20"), Some("0.70"), Some("-41.7"), Some(true))
    );
    let reply = row("response_seconds")?;
    assert_eq!((reply.before.as_deref(), reply.after.as_deref()), (Some("36000"), Some("6000")));
    assert_eq!(row("valid_tracking_rate")?.better, None, "unchanged");
    Ok(())
}

#[test]
fn a_panel_without_an_activation_has_no_comparison() -> Result {
    let dir = tempfile::tempdir()?;
    let desk = desk(dir.path(), vec![week(day(2026, 11, 2)?, 1, 2, 600, true)?])?;
    let screen = desk.performance_screen(ViewFilter::default(), now()?)?;
    assert_eq!((screen.panels[0].activated_on, screen.panels[0].comparison.is_none()), (None, true));
    assert!(desk
        .performance_screen(ViewFilter { account_id: None, marketplace: Some(Marketplace::Us) }, now()?)?
        .panels
        .is_empty());
    Ok(())
}

#[test]
fn refunds_are_due_by_the_marketplaces_business_days() -> Result {
    let at = now()?;
    let order = |id: &str, received: Option<DateTime<Utc>>, refunded: Option<DateTime<Utc>>| {
        resource(
            "order",
            json!({ "id": id, "marketplace": "JP", "placed_at": at - Duration::days(20), "item_title": "<i>茶</i>",
                    "sku": "S", "quantity": 1, "status": "delivered", "return_received_at": received, "refunded_at": refunded }),
        )
    };
    let dir = tempfile::tempdir()?;
    let desk = desk(
        dir.path(),
        vec![
            // Tuesday 2026-12-01 12:00 JST: due Thursday 23:59.
            order("503-0000001-0000001", Some(at), None)?,
            // Friday 2026-11-27 12:00 JST: the weekend does not count, due Tuesday.
            order("503-0000002-0000002", Some(at - Duration::days(4)), None)?,
            order("503-0000003-0000003", Some(at - Duration::days(2)), Some(at))?,
            order("503-0000004-0000004", None, None)?,
        ],
    )?;
    let returns = desk.policy_screen(ViewFilter::default(), at)?.returns;
    let got: Vec<(&str, &str, &str)> =
        returns.iter().map(|r| (r.order_id.as_str(), r.refund_by_local.as_str(), r.zone.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("503-0000002-0000002", "2026-12-01T23:59", "Asia/Tokyo"),
            ("503-0000001-0000001", "2026-12-03T23:59", "Asia/Tokyo"),
        ]
    );
    assert_eq!(returns[0].refund_by, Utc.with_ymd_and_hms(2026, 12, 1, 14, 59, 59).single().ok_or("t")?);
    assert_eq!(returns[0].item_title, "<i>茶</i>");
    Ok(())
}
