//! Deadline alerts over a real replica file: the obligations the desk reads
//! (one of each kind, on a service clock 90 s ahead), the scheduler's
//! rounds through `DeskAlerts` with a recording sink (told once, across a
//! reopened replica, held by a snooze), the settings with every refusal at
//! its field, the snooze choices across DST, and the close-to-tray hint.

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Tz;
use csba_alerts::{step, Alert, AlertSettings, AlertSink, KindThresholds, ObligationKind, QuietHours, Summary};
use csba_api::{Change, ChangesPage, Resource};
use csba_app::alerts::{paused_label, DesktopSupport, SnoozeChoice};
use csba_app::{Desk, DeskAlerts, ErrorCode};
use csba_domain::Marketplace;
use csba_i18n::{Catalog, Locale};
use csba_store::{AccountId, SellerProfile, Store};
use serde_json::{json, Value};
use std::path::Path;
use std::sync::{Arc, Mutex};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The local clock: Wednesday 2026-12-02 12:00 JST.
fn now() -> Result<DateTime<Utc>> {
    Ok(Utc.with_ymd_and_hms(2026, 12, 2, 3, 0, 0).single().ok_or("bad instant")?)
}

/// The service's clock runs this far ahead of ours.
const OFFSET_MS: i64 = 90_000;

fn resource(kind: &str, data: Value) -> Result<Resource> {
    Ok(serde_json::from_value(json!({ "kind": kind, "data": data }))?)
}

fn case(id: &str, status: &str, respond_by: DateTime<Utc>) -> Result<Resource> {
    resource(
        "case",
        json!({
            "id": id, "order_id": "503-0000001-0000001", "marketplace": "JP", "kind": "product_question",
            "status": status, "language": "ja", "subject": "件名",
            "messages": [{ "author": "csba", "body": "ご確認ください", "sent_at": respond_by - Duration::hours(24) }],
            "opened_at": respond_by - Duration::hours(24), "respond_by": respond_by
        }),
    )
}

fn order(id: &str, status: &str, extra: Value) -> Result<Resource> {
    let mut data = json!({
        "id": id, "marketplace": "JP", "placed_at": now()? - Duration::days(3), "item_title": "陶器茶香炉",
        "sku": "SKU-1", "quantity": 1, "status": status
    });
    if let (Some(data), Some(extra)) = (data.as_object_mut(), extra.as_object()) {
        data.extend(extra.clone());
    }
    resource("order", data)
}

/// One of each kind that alerts, and beside each one that must not.
fn feed() -> Result<Vec<Resource>> {
    let at = now()?;
    Ok(vec![
        case("113-0001", "open", at + Duration::hours(4))?,
        case("113-0002", "answered", at + Duration::hours(1))?,
        case("113-0003", "open", at + Duration::hours(2))?, // a reply is queued below
        // Arrived Monday 2026-11-30 10:00 JST: refund by Wednesday 23:59:59 JST.
        order("114-2222", "delivered", json!({ "return_received_at": "2026-11-30T01:00:00Z" }))?,
        order(
            "114-3333",
            "delivered",
            json!({ "return_received_at": "2026-11-30T01:00:00Z",
                                                "refunded_at": "2026-12-01T01:00:00Z" }),
        )?,
        order("503-7", "unshipped", json!({ "ship_by": at + Duration::hours(3) }))?,
        order("503-8", "unshipped", json!({ "ship_by": at + Duration::hours(1) }))?, // tracking queued below
        order("503-9", "unshipped", json!({}))?,                                     // no ship-by: nothing to time
        resource(
            "service_question",
            json!({ "id": "q-1", "order_id": "503-7", "subject": "s", "question": "なぜ？",
                    "asked_at": at - Duration::hours(18), "answer_by": at + Duration::hours(30),
                    "status": "awaiting_answer" }),
        )?,
        resource(
            "service_question",
            json!({ "id": "q-2", "order_id": "503-7", "subject": "s", "question": "なぜ？",
                    "asked_at": at - Duration::hours(40), "answer_by": at + Duration::hours(8),
                    "status": "answered", "answer": "こうです", "answered_at": at - Duration::hours(1) }),
        )?,
        resource(
            "enrollment",
            json!({ "marketplace": "JP", "state": "pending_identity_verification",
                    "enrolled_at": at - Duration::days(12), "active_periods": [], "eligibility": [] }),
        )?,
        resource(
            "enrollment",
            json!({ "marketplace": "US", "state": "active", "enrolled_at": at - Duration::days(40),
                    "since": at - Duration::days(30), "active_periods": [{ "from": at - Duration::days(30) }],
                    "eligibility": [] }),
        )?,
        feedback("fb-1", 1, at + Duration::days(5), json!([{ "ground": "caused_by_csba", "evidence": ["対応"] }]))?,
        feedback("fb-2", 5, at + Duration::days(5), json!([]))?,
        // Its window closes 60 s from now on our clock, but the service's
        // clock is 90 s ahead: closed already.
        feedback("fb-3", 1, at + Duration::seconds(60), json!([{ "ground": "caused_by_csba", "evidence": ["対応"] }]))?,
    ])
}

fn feedback(id: &str, rating: u8, deadline: DateTime<Utc>, grounds: Value) -> Result<Resource> {
    let sentiment = if rating <= 2 { "negative" } else { "positive" };
    resource(
        "feedback",
        json!({
            "id": id, "order_id": format!("503-{id}"), "marketplace": "JP", "left_at": deadline - Duration::days(90),
            "rating": rating, "comment": "対応が悪い", "fulfillment": "seller", "handled_by_csba": true,
            "removal": { "sentiment": sentiment, "in_time": true, "deadline": deadline, "possible_grounds": grounds }
        }),
    )
}

/// A replica file with one account on JP and US, synced from `feed` with
/// the service's clock 90 s ahead, and the desk over it (zone pinned).
fn desk(path: &Path, resources: Vec<Resource>, zone: Tz) -> Result<(Arc<Desk>, AccountId)> {
    let at = now()?;
    let mut store = Store::open(path)?;
    let seller = SellerProfile {
        seller_id: "A1".into(),
        display_name: "茶店".into(),
        marketplaces: vec![Marketplace::Jp, Marketplace::Us],
    };
    let account = store.add_remote_account("http://127.0.0.1:9", &seller, at)?;
    let changes =
        resources.into_iter().enumerate().map(|(i, resource)| Change { seq: i as i64 + 1, at, resource }).collect();
    let server_time = at + Duration::milliseconds(OFFSET_MS);
    store.apply_changes(
        account.id,
        &ChangesPage { changes, next_cursor: "1".into(), has_more: false, server_time },
        at,
    )?;
    let desk = Arc::new(Desk::new(store, Catalog::load()?));
    desk.pin_alert_zone(Some(zone));
    Ok((desk, account.id))
}

/// The same replica file opened again, as after a restart.
fn reopen(path: &Path, zone: Tz) -> Result<Arc<Desk>> {
    let desk = Arc::new(Desk::new(Store::open(path)?, Catalog::load()?));
    desk.pin_alert_zone(Some(zone));
    Ok(desk)
}

/// Keeps what it was asked to deliver: (ledger key, minutes) per delivery.
#[derive(Default)]
struct Recording {
    delivered: Mutex<Vec<Vec<(String, u32)>>>,
    summaries: Mutex<Vec<(u32, u32)>>,
    reaches: bool,
}

impl AlertSink for Recording {
    fn deliver(&self, alerts: &[Alert], _now: DateTime<Utc>) -> bool {
        let told = alerts.iter().map(|a| (a.obligation.key.ledger_key(), a.minutes)).collect();
        if let Ok(mut d) = self.delivered.lock() {
            d.push(told);
        }
        self.reaches
    }

    fn show_summary(&self, summary: &Summary, _now: DateTime<Utc>) {
        if let Ok(mut s) = self.summaries.lock() {
            s.push((summary.overdue, summary.due_soon));
        }
    }
}

impl Recording {
    fn reaching() -> Self {
        Recording { reaches: true, ..Recording::default() }
    }

    fn deliveries(&self) -> Vec<Vec<(String, u32)>> {
        self.delivered.lock().map(|d| d.clone()).unwrap_or_default()
    }
}

fn pairs(items: &[(&str, u32)]) -> Vec<(String, u32)> {
    items.iter().map(|(k, m)| ((*k).to_owned(), *m)).collect()
}

/// The queued reply and tracking ID that take two obligations off.
fn queue_answers(desk: &Desk, account: AccountId) -> Result {
    desk.send_reply(account, "113-0003", "確認しました。", None, now()?)?;
    desk.confirm_shipment(account, "503-8", "EV876297563CN", None, "2026-12-02", now()?)?;
    Ok(())
}

/// kind, account, object id, label, marketplace, due (service clock), offset in ms.
type Row = (ObligationKind, i64, String, String, Marketplace, DateTime<Utc>, i64);

#[test]
fn the_replica_gives_one_obligation_of_each_kind_on_its_service_clock() -> Result {
    let dir = tempfile::tempdir()?;
    let (desk, account) = desk(&dir.path().join("replica.sqlite"), feed()?, chrono_tz::Asia::Tokyo)?;
    queue_answers(&desk, account)?;
    let at = now()?;
    let got: Vec<Row> = desk
        .obligations(at)?
        .into_iter()
        .map(|o| {
            let offset = o.server_offset.num_milliseconds();
            (o.key.kind, o.key.account_id, o.key.object_id, o.label, o.marketplace, o.due, offset)
        })
        .collect();
    let a = account.0;
    let row =
        |kind, id: &str, label: &str, due| (kind, a, id.to_owned(), label.to_owned(), Marketplace::Jp, due, OFFSET_MS);
    let refund_due = Utc.with_ymd_and_hms(2026, 12, 2, 14, 59, 59).single().ok_or("bad instant")?;
    assert_eq!(
        got,
        vec![
            row(ObligationKind::Tracking, "503-7", "503-7", at + Duration::hours(3)),
            row(ObligationKind::CaseReply, "113-0001", "503-0000001-0000001", at + Duration::hours(4)),
            row(ObligationKind::Refund, "114-2222", "114-2222", refund_due),
            row(ObligationKind::ServiceQuestion, "q-1", "503-7", at + Duration::hours(30)),
            row(ObligationKind::IdentityVerification, "JP", "JP", at + Duration::days(2)),
            row(ObligationKind::FeedbackRemoval, "fb-1", "503-fb-1", at + Duration::days(5)),
        ]
    );
    // Timed on our clock: the service's deadline comes 90 s earlier here.
    let first = desk.obligations(at)?.into_iter().next().ok_or("no obligation")?;
    assert_eq!(first.due_local(), at + Duration::hours(3) - Duration::seconds(90));
    Ok(())
}

#[test]
fn each_threshold_is_told_once_even_after_the_replica_is_reopened() -> Result {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("replica.sqlite");
    let zone = chrono_tz::Asia::Tokyo;
    let at = now()?;
    let (desk, account) = desk(&path, feed()?, zone)?;
    queue_answers(&desk, account)?;
    // A row told 61 days ago goes at the next recording.
    desk.store
        .lock()
        .map_err(|_| "lock")?
        .record_alerts_told(&pairs(&[("case_reply/1/ancient", 0)]), at - Duration::days(61))?;

    let sink = Recording::reaching();
    step(&DeskAlerts(desk.clone()), &sink, at);
    // One grouped delivery, soonest deadline first, the most urgent level
    // crossed for each: the tracking ID's 4 h, the case's 6 h, the refund's
    // day before, identity verification's 3 days, feedback's week.
    let first = pairs(&[
        ("tracking/1/503-7", 240),
        ("case_reply/1/113-0001", 360),
        ("refund/1/114-2222", 1440),
        ("identity_verification/1/JP", 4320),
        ("feedback_removal/1/fb-1", 10080),
    ]);
    assert_eq!(sink.deliveries(), vec![first.clone()]);
    let mut ledger = first.clone();
    ledger.sort();
    assert_eq!(desk.store.lock().map_err(|_| "lock")?.alerts_told()?, ledger);
    assert_eq!(sink.summaries.lock().map_err(|_| "lock")?.last(), Some(&(0, 5)));

    // The next round, and a restart, tell nothing new.
    step(&DeskAlerts(desk.clone()), &sink, at + Duration::minutes(1));
    drop(desk);
    let desk = reopen(&path, zone)?;
    step(&DeskAlerts(desk.clone()), &sink, at + Duration::minutes(2));
    assert_eq!(sink.deliveries().len(), 1);

    // Two hours on (on our clock, 90 s ahead of the service's crossing),
    // the tracking ID's 1 h and the case's 2 h, grouped.
    step(&DeskAlerts(desk.clone()), &sink, at + Duration::hours(2) - Duration::seconds(90));
    assert_eq!(sink.deliveries().last(), Some(&pairs(&[("tracking/1/503-7", 60), ("case_reply/1/113-0001", 120)])));
    assert_eq!(desk.store.lock().map_err(|_| "lock")?.alerts_told()?.len(), 7);
    Ok(())
}

#[test]
fn a_snooze_holds_alerts_and_a_failed_delivery_is_not_recorded() -> Result {
    let dir = tempfile::tempdir()?;
    let at = now()?;
    let (desk, _) =
        desk(&dir.path().join("replica.sqlite"), vec![case("113-0001", "open", at + Duration::hours(5))?], Tz::UTC)?;
    desk.snooze_alerts(SnoozeChoice::OneHour, DesktopSupport::default(), at)?;
    let sink = Recording::reaching();
    step(&DeskAlerts(desk.clone()), &sink, at + Duration::minutes(59));
    assert_eq!(sink.deliveries(), Vec::<Vec<(String, u32)>>::new());

    // The hour is over; the desktop cannot show it: asked, not recorded.
    let unreachable = Recording::default();
    step(&DeskAlerts(desk.clone()), &unreachable, at + Duration::hours(1));
    assert_eq!(unreachable.deliveries(), vec![pairs(&[("case_reply/1/113-0001", 360)])]);
    assert_eq!(desk.store.lock().map_err(|_| "lock")?.alerts_told()?, vec![]);
    step(&DeskAlerts(desk.clone()), &sink, at + Duration::hours(1) + Duration::minutes(1));
    assert_eq!(sink.deliveries(), vec![pairs(&[("case_reply/1/113-0001", 360)])]);
    Ok(())
}

#[test]
fn a_kind_without_thresholds_is_not_told() -> Result {
    let dir = tempfile::tempdir()?;
    let at = now()?;
    let (desk, _) =
        desk(&dir.path().join("replica.sqlite"), vec![case("113-0001", "open", at + Duration::hours(1))?], Tz::UTC)?;
    let mut settings = AlertSettings::default();
    settings.thresholds[0] = KindThresholds { kind: ObligationKind::CaseReply, minutes: vec![] };
    desk.set_alert_settings(settings, DesktopSupport::default(), at)?;
    let sink = Recording::reaching();
    step(&DeskAlerts(desk), &sink, at);
    assert_eq!(sink.deliveries(), Vec::<Vec<(String, u32)>>::new());
    Ok(())
}

/// Whether the scheduler was told to look again since last asked.
async fn woken(desk: &Desk) -> bool {
    tokio::time::timeout(std::time::Duration::from_millis(20), desk.alerts_changed.notified()).await.is_ok()
}

fn with_case(minutes: Vec<u32>) -> AlertSettings {
    let mut s = AlertSettings::default();
    s.thresholds[0] = KindThresholds { kind: ObligationKind::CaseReply, minutes };
    s
}

fn with_quiet(start: u16, end: u16) -> AlertSettings {
    AlertSettings { quiet_hours: Some(QuietHours { start, end, alert_due_inside: false }), ..AlertSettings::default() }
}

#[tokio::test]
async fn settings_round_trip_and_every_refusal_is_at_its_field_with_nothing_saved() -> Result {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("replica.sqlite");
    let at = now()?;
    let (desk, _) = desk(&path, vec![], chrono_tz::Asia::Tokyo)?;
    let desktop = DesktopSupport { autostart: Some(false), ..DesktopSupport::default() };
    let first = desk.alert_settings(desktop.clone(), at)?;
    assert_eq!(
        (first.settings.clone(), first.snoozed_until, first.zone.as_str()),
        (AlertSettings::default(), None, "Asia/Tokyo")
    );
    assert_eq!(first.defaults, AlertSettings::default());
    assert_eq!(first.desktop, desktop);
    let _ = woken(&desk).await; // pinning the zone woke it

    let mut mine = with_case(vec![30, 360, 120]);
    mine.quiet_hours = Some(QuietHours { start: 22 * 60, end: 7 * 60, alert_due_inside: true });
    mine.close_to_tray = false;
    let saved = desk.set_alert_settings(mine.clone(), desktop.clone(), at)?;
    assert!(woken(&desk).await, "saving wakes the scheduler");
    assert_eq!(saved.settings, mine.normalized());
    assert_eq!(saved.settings.thresholds_for(ObligationKind::CaseReply), &[360, 120, 30]);
    drop(desk);
    let desk = reopen(&path, chrono_tz::Asia::Tokyo)?;
    let _ = woken(&desk).await; // pinning the zone woke it
    assert_eq!(desk.alert_settings(desktop.clone(), at)?.settings, mine.normalized());

    let mut nine = AlertSettings::default();
    nine.thresholds[1] = KindThresholds { kind: ObligationKind::Refund, minutes: (1..=9).collect() };
    let refusals = [
        (
            with_case(vec![60, 43_201]),
            ErrorCode::AlertThresholdOutOfRange,
            "thresholds.case_reply.1",
            Some(("max_days", "30")),
        ),
        (with_case(vec![30, 30]), ErrorCode::AlertThresholdRepeated, "thresholds.case_reply.1", None),
        (nine, ErrorCode::AlertTooManyThresholds, "thresholds.refund", Some(("max", "8"))),
        (with_quiet(1440, 60), ErrorCode::QuietMinuteOutOfRange, "quiet_hours.start", None),
        (with_quiet(60, 1500), ErrorCode::QuietMinuteOutOfRange, "quiet_hours.end", None),
        (with_quiet(600, 600), ErrorCode::QuietHoursEmpty, "quiet_hours", None),
    ];
    let catalog = Catalog::load()?;
    for (settings, code, field, arg) in refusals {
        let Err(e) = desk.set_alert_settings(settings, desktop.clone(), at) else {
            return Err(format!("{field} was accepted").into());
        };
        assert_eq!((e.code, e.field.as_deref()), (code, Some(field)));
        if let Some((name, value)) = arg {
            assert_eq!(e.args.get(name).map(String::as_str), Some(value), "{field}");
        }
        assert!(!woken(&desk).await, "a refusal changes nothing to look at again");
        assert_eq!(desk.alert_settings(desktop.clone(), at)?.settings, mine.normalized(), "nothing saved at {field}");
        for locale in Locale::ALL {
            assert!(!e.message(&catalog, locale).starts_with("error-"), "{field} in {locale}");
        }
    }
    let Err(e) = desk.set_alert_settings(with_case(vec![43_201]), desktop, at) else {
        return Err("accepted".into());
    };
    assert_eq!(e.message(&catalog, Locale::Ja), "通知は期限の 30 日前までしか設定できません。");

    // A new language: the tray's text is rebuilt at once.
    desk.set_locale("ko")?;
    assert!(woken(&desk).await, "choosing a language wakes the scheduler");
    Ok(())
}

#[test]
fn snoozing_until_tomorrow_morning_in_tokyo_and_across_us_dst_changes() -> Result {
    let dir = tempfile::tempdir()?;
    let (desk, _) = desk(&dir.path().join("replica.sqlite"), vec![], chrono_tz::Asia::Tokyo)?;
    let desktop = DesktopSupport::default();
    let utc = |m, d, h, min| Utc.with_ymd_and_hms(2026, m, d, h, min, 0).single().ok_or("bad instant");

    // 22:30 JST → 08:00 JST the next day.
    let late = utc(12, 2, 13, 30)?;
    let screen = desk.snooze_alerts(SnoozeChoice::UntilTomorrowMorning, desktop.clone(), late)?;
    assert_eq!(screen.snoozed_until, Some(utc(12, 2, 23, 0)?));
    let catalog = Catalog::load()?;
    let until = screen.snoozed_until.ok_or("snoozed")?;
    assert_eq!(paused_label(&catalog, Locale::En, until, chrono_tz::Asia::Tokyo), "Alerts paused until 08:00");
    assert_eq!(paused_label(&catalog, Locale::Ja, until, chrono_tz::Asia::Tokyo), "08:00まで通知を停止中");
    // Once it has passed, nothing is paused.
    assert_eq!(desk.alert_settings(desktop.clone(), utc(12, 2, 23, 0)?)?.snoozed_until, None);

    let screen = desk.snooze_alerts(SnoozeChoice::OneHour, desktop.clone(), late)?;
    assert_eq!(screen.snoozed_until, Some(late + Duration::hours(1)));
    let screen = desk.snooze_alerts(SnoozeChoice::Off, desktop.clone(), late)?;
    assert_eq!(screen.snoozed_until, None);
    assert_eq!(desk.alert_settings(desktop.clone(), late)?.snoozed_until, None);

    desk.pin_alert_zone(Some(chrono_tz::America::New_York));
    // Saturday 2026-10-31 22:00 EDT; clocks fall back overnight: 08:00 EST.
    let fall = desk.snooze_alerts(SnoozeChoice::UntilTomorrowMorning, desktop.clone(), utc(11, 1, 2, 0)?)?;
    assert_eq!((fall.snoozed_until, fall.zone.as_str()), (Some(utc(11, 1, 13, 0)?), "America/New_York"));
    // Saturday 2026-03-07 23:00 EST; clocks spring forward: 08:00 EDT.
    let spring = desk.snooze_alerts(SnoozeChoice::UntilTomorrowMorning, desktop, utc(3, 8, 4, 0)?)?;
    assert_eq!(spring.snoozed_until, Some(utc(3, 8, 12, 0)?));
    Ok(())
}

#[test]
fn closing_keeps_the_app_in_the_tray_is_said_once() -> Result {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("replica.sqlite");
    let (desk, _) = desk(&path, vec![], Tz::UTC)?;
    assert!(desk.close_to_tray_hint());
    assert!(desk.close_to_tray_hint(), "asking does not use it up");
    desk.mark_close_to_tray_hint_shown()?;
    assert!(!desk.close_to_tray_hint());
    drop(desk);
    assert!(!reopen(&path, Tz::UTC)?.close_to_tray_hint());
    Ok(())
}
