//! `csba alerts`: what the app's deadline alerts would do now — the tray's
//! tooltip, the notification a round would show, every deadline with its
//! time left — from the same app core. Read only: the running app's alerts
//! are never used up by looking.

use crate::replica::writeln;
use crate::text::printable;
use crate::{exit, Out, Outcome};
use chrono::{DateTime, Utc};
use clap::Args;
use csba_app::alerts::{notification, open_target, paused_label, tray_tooltip, upcoming_label, AlertsPreview};
use serde_json::json;
use std::process::ExitCode;

#[derive(Args)]
pub struct AlertsArgs {
    /// The time zone quiet hours and "tomorrow morning" are read in (IANA
    /// name, e.g. Asia/Tokyo); default: this computer's.
    #[arg(long)]
    zone: Option<String>,
    /// Look at this instant instead of now (RFC 3339), e.g. to see what
    /// would alert tomorrow at 09:00.
    #[arg(long)]
    at: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(args: AlertsArgs, out: &Out) -> Outcome {
    let zone = match args.zone.as_deref().map(str::parse::<chrono_tz::Tz>) {
        None => None,
        Some(Ok(zone)) => Some(zone),
        Some(Err(_)) => {
            let zone = printable(args.zone.as_deref().unwrap_or_default());
            return exit::fail(exit::USAGE, &out.t("cli-alerts-zone-unknown", &[("zone", zone.into())]));
        }
    };
    let now = match args.at.as_deref().map(DateTime::parse_from_rfc3339) {
        None => Utc::now(),
        Some(Ok(at)) => at.with_timezone(&Utc),
        Some(Err(_)) => {
            let at = printable(args.at.as_deref().unwrap_or_default());
            return exit::fail(exit::USAGE, &out.t("cli-alerts-at-invalid", &[("at", at.into())]));
        }
    };
    let desk = crate::replica::open_desk(out)?;
    desk.pin_alert_zone(zone);
    let preview = desk.alerts_preview(now).map_err(|e| e.message(&out.catalog, out.locale))?;
    if args.json {
        print_json(&preview, now, out)
    } else {
        print_text(&preview, now, out)
    }
}

fn print_text(p: &AlertsPreview, now: DateTime<Utc>, out: &Out) -> Outcome {
    let mut stdout = std::io::stdout().lock();
    writeln(&mut stdout, &printable(&tray_tooltip(&out.catalog, out.locale, &p.summary, now)))?;
    if let Some(until) = p.snoozed_until {
        writeln(&mut stdout, &paused_label(&out.catalog, out.locale, until, p.zone))?;
    }
    writeln(&mut stdout, "")?;
    if p.would_tell.is_empty() {
        writeln(&mut stdout, &out.t("cli-alerts-nothing-to-tell", &[]))?;
    } else {
        writeln(&mut stdout, &out.t("cli-alerts-would-tell", &[]))?;
        let notice = notification(&out.catalog, out.locale, &p.would_tell, now);
        writeln(&mut stdout, &format!("  {}", printable(&notice.title)))?;
        for line in notice.body.lines() {
            writeln(&mut stdout, &format!("    {}", printable(line)))?;
        }
    }
    if p.held > 0 {
        writeln(&mut stdout, &out.t("cli-alerts-held", &[("count", p.held.into())]))?;
    }
    writeln(&mut stdout, "")?;
    if p.obligations.is_empty() {
        writeln(&mut stdout, &out.t("cli-alerts-no-deadlines", &[]))?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln(&mut stdout, &out.t("cli-alerts-deadlines", &[]))?;
    for o in &p.summary.upcoming {
        writeln(&mut stdout, &format!("  {}", printable(&upcoming_label(&out.catalog, out.locale, o, now))))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_json(p: &AlertsPreview, now: DateTime<Utc>, out: &Out) -> Outcome {
    let deadlines: Vec<serde_json::Value> = p
        .summary
        .upcoming
        .iter()
        .map(|o| {
            json!({
                "obligation": o.key.ledger_key(),
                "kind": o.key.kind,
                "account_id": o.key.account_id,
                "label": o.label,
                "marketplace": o.marketplace,
                "due": o.due,
                "due_local": o.due_local(),
                "open": open_target(&o.key),
                "text": upcoming_label(&out.catalog, out.locale, o, now),
            })
        })
        .collect();
    let would_alert: Vec<serde_json::Value> = p
        .would_tell
        .iter()
        .map(|a| json!({ "obligation": a.obligation.key.ledger_key(), "minutes": a.minutes }))
        .collect();
    let value = json!({
        "at": now,
        "zone": p.zone.name(),
        "tooltip": tray_tooltip(&out.catalog, out.locale, &p.summary, now),
        "level": p.summary.level,
        "overdue": p.summary.overdue,
        "due_soon": p.summary.due_soon,
        "paused_until": p.snoozed_until,
        "would_alert": would_alert,
        "notification": (!p.would_tell.is_empty()).then(|| notification(&out.catalog, out.locale, &p.would_tell, now)),
        "held": p.held,
        "deadlines": deadlines,
    });
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, &value).map_err(|e| e.to_string())?;
    writeln(&mut stdout, "").map(|()| ExitCode::SUCCESS)
}
