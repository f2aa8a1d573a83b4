//! Every text of the tray, the notifications and the window title, from
//! the Rust catalog (`locales/*/alerts.ftl`) in the seller's language. The
//! shell only places it, and rebuilds it when the language changes.
//!
//! Times left are the truth at `now`, not the threshold crossed: woken from
//! sleep ten minutes before a deadline, the alert says "10 min left", not
//! "30 min". Deadlines are shown on the marketplace's wall clock, as every
//! screen shows them.

use crate::alerts::target::{open_target, OpenTarget};
use chrono::{DateTime, Datelike, Duration, Utc};
use chrono_tz::Tz;
use csba_alerts::{Alert, Obligation, ObligationKind, Summary};
use csba_i18n::{Catalog, FluentValue, Locale};
use serde::Serialize;
use ts_rs::TS;

/// Lines a grouped notification lists before "and 3 more".
const MAX_LINES: usize = 5;

/// The tray menu's own labels, formatted by the shell (`tray-more-deadlines`
/// takes `$count`).
pub const MENU_IDS: [&str; 9] = [
    "tray-sync-now",
    "tray-pause-menu",
    "tray-pause-hour",
    "tray-pause-morning",
    "tray-resume",
    "tray-open",
    "tray-quit",
    "tray-nothing-due",
    "tray-more-deadlines",
];

/// One desktop notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NoticeText {
    pub title: String,
    pub body: String,
}

/// The same, shown in the window where the desktop has no notification
/// daemon (the `desk-alert` event): with where each alert leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DeskAlert {
    pub title: String,
    pub body: String,
    pub targets: Vec<OpenTarget>,
    /// What the seller knows each target by (its order), in `targets` order.
    pub labels: Vec<String>,
}

/// One alert: its time left (or overdue) and what to do by when; several:
/// how many, then one line each (at most five, then "and 3 more").
pub fn notification(catalog: &Catalog, locale: Locale, alerts: &[Alert], now: DateTime<Utc>) -> NoticeText {
    let text = Text { catalog, locale };
    match alerts {
        [] => NoticeText { title: String::new(), body: String::new() },
        [one] => single(&text, &one.obligation, now),
        several => {
            let mut lines: Vec<String> =
                several.iter().take(MAX_LINES).map(|a| upcoming_label(catalog, locale, &a.obligation, now)).collect();
            if several.len() > MAX_LINES {
                lines.push(text.format("alert-group-more", &[("count", count(several.len() - MAX_LINES))]));
            }
            NoticeText {
                title: text.format("alert-group-title", &[("count", count(several.len()))]),
                body: lines.join("\n"),
            }
        }
    }
}

/// [`notification`] with the targets, for the in-window fallback.
pub fn desk_alert(catalog: &Catalog, locale: Locale, alerts: &[Alert], now: DateTime<Utc>) -> DeskAlert {
    let NoticeText { title, body } = notification(catalog, locale, alerts, now);
    DeskAlert {
        title,
        body,
        targets: alerts.iter().map(|a| open_target(&a.obligation.key)).collect(),
        labels: alerts.iter().map(|a| a.obligation.label.clone()).collect(),
    }
}

/// "3 cases due · next in 1 h 12 min", "5 deadlines due · …", "2 overdue · …",
/// "Nothing due".
pub fn tray_tooltip(catalog: &Catalog, locale: Locale, summary: &Summary, now: DateTime<Utc>) -> String {
    let text = Text { catalog, locale };
    let next = summary.next.as_ref().map(|o| text.duration(o.due_local() - now));
    if summary.overdue + summary.due_soon == 0 {
        return match next {
            Some(time) => text.format("tray-tooltip-calm-next", &[("time", time.into())]),
            None => text.format("tray-nothing-due", &[]),
        };
    }
    let counts = match (summary.overdue, summary.due_soon, summary.by_kind.as_slice()) {
        (0, due, [(kind, _)]) => text.format(&format!("tray-due-{}", kind_id(*kind)), &[("count", due.into())]),
        (0, due, _) => text.format("tray-due-mixed", &[("count", due.into())]),
        (overdue, 0, _) => text.format("tray-overdue", &[("count", overdue.into())]),
        (overdue, due, _) => text.format("tray-overdue-and-due", &[("overdue", overdue.into()), ("due", due.into())]),
    };
    match next {
        Some(time) => text.format("tray-tooltip-next", &[("counts", counts.into()), ("time", time.into())]),
        None => counts,
    }
}

/// "Case on order 503-… — in 1 h 12 min", "Refund 114-2222 — 3 h overdue".
pub fn upcoming_label(catalog: &Catalog, locale: Locale, o: &Obligation, now: DateTime<Utc>) -> String {
    let text = Text { catalog, locale };
    let what = text.what(o);
    let left = o.due_local() - now;
    if left > Duration::zero() {
        text.format("alert-upcoming-in", &[("what", what.into()), ("time", text.duration(left).into())])
    } else if rounded_minutes(-left) == 0 {
        text.format("alert-upcoming-now", &[("what", what.into())])
    } else {
        text.format("alert-upcoming-overdue", &[("what", what.into()), ("time", text.duration(-left).into())])
    }
}

/// "CSBA Desk", or "CSBA Desk (3)" with 3 deadlines overdue or due soon:
/// the count that stays visible in the taskbar where there is no tray.
pub fn window_title(catalog: &Catalog, locale: Locale, summary: &Summary) -> String {
    let text = Text { catalog, locale };
    match summary.overdue + summary.due_soon {
        0 => text.format("desk-window-title", &[]),
        n => text.format("alerts-window-title-count", &[("count", n.into())]),
    }
}

/// "Alerts paused until 08:00", on the desktop's clock.
pub fn paused_label(catalog: &Catalog, locale: Locale, until: DateTime<Utc>, zone: Tz) -> String {
    let time = until.with_timezone(&zone).format("%H:%M").to_string();
    Text { catalog, locale }.format("alert-paused-until", &[("time", time.into())])
}

/// "1 h 12 min", "1小时12分钟", "1時間12分", "1시간 12분": to the nearest
/// minute, to the nearest hour from a day on; the sign is ignored.
pub fn duration(catalog: &Catalog, locale: Locale, d: Duration) -> String {
    Text { catalog, locale }.duration(d)
}

fn single(text: &Text<'_>, o: &Obligation, now: DateTime<Utc>) -> NoticeText {
    let what = text.what(o);
    let left = o.due_local() - now;
    let overdue = left <= Duration::zero();
    let title = if !overdue {
        text.format("alert-title-left", &[("what", what.into()), ("time", text.duration(left).into())])
    } else if rounded_minutes(-left) == 0 {
        text.format("alert-title-due-now", &[("what", what.into())])
    } else {
        text.format("alert-title-overdue", &[("what", what.into()), ("time", text.duration(-left).into())])
    };
    let id = format!("alert-body-{}{}", kind_id(o.key.kind), if overdue { "-overdue" } else { "" });
    NoticeText { title, body: text.format(&id, &[("deadline", text.deadline(o, now).into())]) }
}

/// `case_reply` → `case-reply`, as the catalog's ids spell kinds.
fn kind_id(kind: ObligationKind) -> String {
    kind.code().replace('_', "-")
}

fn count(n: usize) -> FluentValue<'static> {
    FluentValue::from(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Half a minute rounds up: a notification given at the 2-hour crossing,
/// a few seconds late, still says "2 h".
fn rounded_minutes(d: Duration) -> i64 {
    (d.num_seconds().abs() + 30) / 60
}

struct Text<'a> {
    catalog: &'a Catalog,
    locale: Locale,
}

impl Text<'_> {
    fn format(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        #[cfg(test)]
        tests::USED.with(|used| used.borrow_mut().insert(id.to_owned()));
        self.catalog.format(self.locale, id, args)
    }

    fn what(&self, o: &Obligation) -> String {
        let id = format!("alert-what-{}", kind_id(o.key.kind));
        self.format(&id, &[("label", o.label.clone().into())])
    }

    /// The deadline on the marketplace's wall clock with its zone, the date
    /// only when it is not today there.
    fn deadline(&self, o: &Obligation, now: DateTime<Utc>) -> String {
        let zone = o.marketplace.time_zone().unwrap_or(Tz::UTC);
        let due = o.due.with_timezone(&zone);
        let today = (now + o.server_offset).with_timezone(&zone).date_naive();
        let time = due.format("%H:%M").to_string();
        let abbreviation = due.format("%Z").to_string();
        if due.date_naive() == today {
            self.format("alert-deadline-today", &[("time", time.into()), ("zone", abbreviation.into())])
        } else {
            self.format(
                "alert-deadline-date",
                &[
                    ("month", due.month().into()),
                    ("day", due.day().into()),
                    ("time", time.into()),
                    ("zone", abbreviation.into()),
                ],
            )
        }
    }

    fn duration(&self, d: Duration) -> String {
        let minutes = rounded_minutes(d);
        match minutes {
            0 => self.format("duration-under-a-minute", &[]),
            1..=59 => self.format("duration-minutes", &[("minutes", minutes.into())]),
            60..=1439 => match (minutes / 60, minutes % 60) {
                (hours, 0) => self.format("duration-hours", &[("hours", hours.into())]),
                (hours, rest) => {
                    self.format("duration-hours-minutes", &[("hours", hours.into()), ("minutes", rest.into())])
                }
            },
            _ => {
                let hours = (minutes + 30) / 60;
                match (hours / 24, hours % 24) {
                    (days, 0) => self.format("duration-days", &[("days", days.into())]),
                    (days, rest) => {
                        self.format("duration-days-hours", &[("days", days.into()), ("hours", rest.into())])
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use csba_alerts::{ObligationKey, TrayLevel};
    use csba_domain::Marketplace;
    use std::cell::RefCell;
    use std::collections::BTreeSet;

    thread_local! {
        /// Every message id formatted on this test thread.
        pub(super) static USED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    }

    type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

    /// 2026-12-02 05:00 UTC = 14:00 JST.
    fn now() -> Result<DateTime<Utc>> {
        Ok(Utc.with_ymd_and_hms(2026, 12, 2, 5, 0, 0).single().ok_or("instant")?)
    }

    fn obligation(kind: ObligationKind, label: &str, due: DateTime<Utc>) -> Obligation {
        Obligation {
            key: ObligationKey::new(kind, 1, label),
            marketplace: Marketplace::Jp,
            due,
            server_offset: Duration::zero(),
            label: label.to_owned(),
        }
    }

    fn alert(o: Obligation, minutes: u32) -> Alert {
        Alert { crossed_at: o.due_local() - Duration::minutes(i64::from(minutes)), obligation: o, minutes }
    }

    fn summary(overdue: u32, due_soon: u32, by_kind: Vec<(ObligationKind, u32)>, next: Option<Obligation>) -> Summary {
        let level = match (overdue, due_soon) {
            (0, 0) => TrayLevel::Calm,
            (0, _) => TrayLevel::DueSoon,
            _ => TrayLevel::Overdue,
        };
        Summary { level, overdue, due_soon, by_kind, next, upcoming: Vec::new() }
    }

    #[test]
    fn durations_round_to_the_minute_then_to_the_hour() -> Result {
        let catalog = Catalog::load()?;
        let en = |d: Duration| duration(&catalog, Locale::En, d);
        assert_eq!(en(Duration::seconds(29)), "under 1 min");
        assert_eq!(en(Duration::seconds(30)), "1 min");
        assert_eq!(en(Duration::minutes(72)), "1 h 12 min");
        assert_eq!(en(Duration::seconds(7_170)), "2 h", "two hours, a few seconds short");
        assert_eq!(en(Duration::minutes(-180)), "3 h");
        assert_eq!(en(Duration::minutes(1_439)), "23 h 59 min");
        assert_eq!(en(Duration::minutes(1_440 + 29)), "1 d");
        assert_eq!(en(Duration::minutes(3 * 1_440 + 5 * 60 + 40)), "3 d 6 h");
        let d = Duration::minutes(72);
        assert_eq!(duration(&catalog, Locale::ZhCn, d), "1小时12分钟");
        assert_eq!(duration(&catalog, Locale::Ja, d), "1時間12分");
        assert_eq!(duration(&catalog, Locale::Ko, d), "1시간 12분");
        Ok(())
    }

    #[test]
    fn one_case_alert_in_each_locale() -> Result {
        let catalog = Catalog::load()?;
        let at = now()?;
        let case = alert(obligation(ObligationKind::CaseReply, "113-0001", at + Duration::hours(2)), 120);
        let rendered = |locale| notification(&catalog, locale, std::slice::from_ref(&case), at);
        assert_eq!(
            rendered(Locale::En),
            NoticeText {
                title: "Case on order 113-0001: 2 h left".into(),
                body: "Answer by 16:00 (JST) or CSBA decides without you.".into()
            }
        );
        assert_eq!(
            rendered(Locale::ZhCn),
            NoticeText {
                title: "订单 113-0001 的案例：还剩 2小时".into(),
                body: "请在 16:00（JST）前回复，否则 CSBA 将不等您的回复直接处理。".into()
            }
        );
        assert_eq!(
            rendered(Locale::Ja),
            NoticeText {
                title: "注文 113-0001 のケース：残り2時間".into(),
                body: "16:00（JST）までに回答してください。過ぎると CSBA が回答を待たずに判断します。".into()
            }
        );
        assert_eq!(
            rendered(Locale::Ko),
            NoticeText {
                title: "주문 113-0001 케이스: 2시간 남음".into(),
                body: "16:00(JST)까지 답변해 주세요. 기한이 지나면 CSBA가 답변을 기다리지 않고 결정합니다.".into()
            }
        );
        Ok(())
    }

    #[test]
    fn overdue_says_so_and_another_day_names_the_date() -> Result {
        let catalog = Catalog::load()?;
        let at = now()?;
        let refund = obligation(ObligationKind::Refund, "114-2222", at - Duration::hours(3));
        let notice = notification(&catalog, Locale::En, &[alert(refund.clone(), 0)], at);
        assert_eq!(notice.title, "Refund 114-2222: 3 h overdue");
        assert_eq!(notice.body, "The refund was due 11:00 (JST). Refund the buyer now.");
        // At the deadline itself: due now.
        let now_due = notification(&catalog, Locale::En, &[alert(refund.clone(), 0)], refund.due_local());
        assert_eq!(now_due.title, "Refund 114-2222: due now");
        // Three days out, on the marketplace's calendar.
        let id = obligation(ObligationKind::IdentityVerification, "JP", at + Duration::days(3));
        let ahead = notification(&catalog, Locale::Ja, &[alert(id, 4320)], at);
        assert_eq!(ahead.title, "本人確認 JP：残り3日");
        assert_eq!(
            ahead.body,
            "12月5日 14:00（JST）までにセラーセントラルで本人確認を済ませてください。過ぎると CSBA の登録が失効します。"
        );
        Ok(())
    }

    #[test]
    fn the_service_clock_sets_the_time_left() -> Result {
        let catalog = Catalog::load()?;
        let at = now()?;
        // The service runs 10 minutes ahead: its 16:00 is our 15:50.
        let mut case = obligation(ObligationKind::CaseReply, "113-0001", at + Duration::hours(2));
        case.server_offset = Duration::minutes(10);
        assert_eq!(upcoming_label(&catalog, Locale::En, &case, at), "Case on order 113-0001 — in 1 h 50 min");
        Ok(())
    }

    #[test]
    fn several_alerts_become_one_notification_of_at_most_five_lines() -> Result {
        let catalog = Catalog::load()?;
        let at = now()?;
        let alerts: Vec<Alert> = (1..=8)
            .map(|i| alert(obligation(ObligationKind::Tracking, &format!("o-{i}"), at + Duration::minutes(10 * i)), 60))
            .collect();
        let notice = notification(&catalog, Locale::En, &alerts, at);
        assert_eq!(notice.title, "8 deadlines need you");
        assert_eq!(
            notice.body,
            "Tracking o-1 — in 10 min\nTracking o-2 — in 20 min\nTracking o-3 — in 30 min\n\
             Tracking o-4 — in 40 min\nTracking o-5 — in 50 min\nand 3 more"
        );
        let two = notification(&catalog, Locale::ZhCn, &alerts[..2], at);
        assert_eq!(two.title, "有 2 项截止事项需要您处理");
        assert_eq!(two.body, "追踪号 o-1 — 10分钟后截止\n追踪号 o-2 — 20分钟后截止");
        let shown = desk_alert(&catalog, Locale::En, &alerts[..2], at);
        assert_eq!(shown.targets.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["o-1", "o-2"]);
        assert_eq!(shown.title, "2 deadlines need you");
        Ok(())
    }

    #[test]
    fn the_tooltip_counts_by_kind_and_says_the_next() -> Result {
        let catalog = Catalog::load()?;
        let at = now()?;
        let next = obligation(ObligationKind::CaseReply, "113-0001", at + Duration::minutes(72));
        let cases = summary(0, 3, vec![(ObligationKind::CaseReply, 3)], Some(next.clone()));
        assert_eq!(tray_tooltip(&catalog, Locale::En, &cases, at), "3 cases due · next in 1 h 12 min");
        let one = summary(0, 1, vec![(ObligationKind::CaseReply, 1)], Some(next.clone()));
        assert_eq!(tray_tooltip(&catalog, Locale::En, &one, at), "1 case due · next in 1 h 12 min");
        let mixed =
            summary(0, 5, vec![(ObligationKind::CaseReply, 3), (ObligationKind::Tracking, 2)], Some(next.clone()));
        assert_eq!(tray_tooltip(&catalog, Locale::En, &mixed, at), "5 deadlines due · next in 1 h 12 min");
        let late = summary(2, 0, vec![(ObligationKind::Refund, 2)], Some(next.clone()));
        assert_eq!(tray_tooltip(&catalog, Locale::En, &late, at), "2 overdue · next in 1 h 12 min");
        let both = summary(2, 1, vec![(ObligationKind::Refund, 3)], None);
        assert_eq!(tray_tooltip(&catalog, Locale::En, &both, at), "2 overdue, 1 due soon");
        assert_eq!(tray_tooltip(&catalog, Locale::En, &summary(0, 0, vec![], None), at), "Nothing due");
        let calm = summary(0, 0, vec![], Some(obligation(ObligationKind::CaseReply, "c", at + Duration::hours(20))));
        assert_eq!(tray_tooltip(&catalog, Locale::En, &calm, at), "Nothing due · next in 20 h");
        assert_eq!(tray_tooltip(&catalog, Locale::Ja, &cases, at), "回答待ちのケース 3件 · 次の期限まで1時間12分");
        assert_eq!(tray_tooltip(&catalog, Locale::Ko, &mixed, at), "마감 임박 5건 · 다음 마감까지 1시간 12분");
        Ok(())
    }

    #[test]
    fn window_title_and_paused_label() -> Result {
        let catalog = Catalog::load()?;
        let at = now()?;
        assert_eq!(window_title(&catalog, Locale::En, &summary(0, 0, vec![], None)), "CSBA Desk");
        assert_eq!(
            window_title(&catalog, Locale::En, &summary(1, 2, vec![(ObligationKind::CaseReply, 3)], None)),
            "CSBA Desk (3)"
        );
        let morning = Utc.with_ymd_and_hms(2026, 12, 2, 23, 0, 0).single().ok_or("instant")?;
        assert_eq!(paused_label(&catalog, Locale::En, morning, chrono_tz::Asia::Tokyo), "Alerts paused until 08:00");
        assert_eq!(paused_label(&catalog, Locale::Ko, at, chrono_tz::America::New_York), "00:00까지 알림 중지됨");
        Ok(())
    }

    /// Renders every text for every kind, level and locale, and checks that
    /// each id it used, and each menu id, is in all four catalogs.
    #[test]
    fn every_id_used_exists_in_all_four_locales() -> Result {
        let catalog = Catalog::load()?;
        let at = now()?;
        USED.with(|used| used.borrow_mut().clear());
        for locale in Locale::ALL {
            for kind in ObligationKind::ALL {
                for due in [at + Duration::minutes(90), at + Duration::days(2), at, at - Duration::hours(5)] {
                    let o = obligation(kind, "x-1", due);
                    notification(&catalog, locale, &[alert(o.clone(), 0)], at);
                    upcoming_label(&catalog, locale, &o, at);
                    let s = summary(0, 2, vec![(kind, 2)], Some(o.clone()));
                    tray_tooltip(&catalog, locale, &s, at);
                    window_title(&catalog, locale, &s);
                }
            }
            let many: Vec<Alert> = (0..7)
                .map(|i| alert(obligation(ObligationKind::Refund, "r", at + Duration::minutes(i * 61)), 0))
                .collect();
            notification(&catalog, locale, &many, at);
            for s in [
                summary(1, 0, vec![], None),
                summary(1, 1, vec![], None),
                summary(0, 2, vec![(ObligationKind::Refund, 1), (ObligationKind::Tracking, 1)], None),
                summary(0, 0, vec![], None),
            ] {
                tray_tooltip(&catalog, locale, &s, at);
                window_title(&catalog, locale, &s);
            }
            paused_label(&catalog, locale, at, Tz::UTC);
            for d in [0, 5, 60, 61, 1_440, 1_500] {
                duration(&catalog, locale, Duration::minutes(d));
            }
        }
        let used = USED.with(|used| used.borrow().clone());
        // Every message family was reached (a branch never taken would hide its id).
        for family in ["alert-what-", "alert-body-", "alert-title-", "alert-upcoming-", "tray-due-", "duration-"] {
            assert!(used.iter().any(|id| id.starts_with(family)), "{family}");
        }
        assert_eq!(used.iter().filter(|id| id.starts_with("alert-body-")).count(), 12, "{used:?}");
        assert_eq!(used.iter().filter(|id| id.starts_with("duration-")).count(), 6, "{used:?}");
        let mut missing = Vec::new();
        for id in used.iter().map(String::as_str).chain(MENU_IDS) {
            for locale in Locale::ALL {
                if !catalog.has_message(locale, id) {
                    missing.push(format!("{id} in {}", locale.tag()));
                }
            }
        }
        assert!(missing.is_empty(), "missing: {missing:?}");
        Ok(())
    }
}
