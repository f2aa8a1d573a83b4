//! `csba metrics [--history] [--json]`: the performance screen's model from
//! the replica — per store and marketplace, the latest complete week, when
//! CSBA became active, and the before/after comparison; `--history` adds
//! every week. Built by the app core, so it shows what the app's charts do.

use crate::replica::writeln;
use crate::{Out, Outcome};
use chrono::Utc;
use csba_app::performance::{MetricChange, PerformancePanel, WeekPoint};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct MetricsArgs {
    /// Every week, not only the latest complete one.
    #[arg(long)]
    history: bool,
    #[arg(long)]
    account: Option<i64>,
    #[arg(long)]
    marketplace: Option<String>,
    /// Print JSON (the performance screen's model; without --history, the latest complete week only).
    #[arg(long)]
    json: bool,
}

pub fn run(args: MetricsArgs, out: &Out) -> Outcome {
    let filter = crate::orders::filter(args.account, args.marketplace.as_deref(), out)?;
    let desk = crate::replica::open_desk(out)?;
    let mut screen = desk.performance_screen(filter, Utc::now()).map_err(|e| e.message(&out.catalog, out.locale))?;
    if !args.history {
        for panel in &mut screen.panels {
            let latest = panel.weeks.iter().rposition(|w| w.complete);
            panel.weeks = latest.map(|i| vec![panel.weeks[i].clone()]).unwrap_or_default();
        }
    }
    let mut stdout = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut stdout, &screen).map_err(|e| e.to_string())?;
        return writeln(&mut stdout, "").map(|()| ExitCode::SUCCESS);
    }
    if screen.panels.is_empty() {
        writeln(&mut stdout, &out.t("cli-metrics-none", &[]))?;
    }
    for panel in &screen.panels {
        print_panel(&mut stdout, panel, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_panel(w: &mut impl std::io::Write, panel: &PerformancePanel, out: &Out) -> Result<(), String> {
    let since = match panel.activated_on {
        Some(day) => out.t("cli-metrics-active-since", &[("day", day.to_string().into())]),
        None => out.t("cli-metrics-never-active", &[]),
    };
    writeln(w, &format!("#{} {}  {since}", panel.account_id, panel.marketplace))?;
    for pause in &panel.paused {
        let to = pause.to.map(|d| d.to_string()).unwrap_or_else(|| "…".into());
        writeln(
            w,
            &format!(
                "  {}",
                out.t("cli-metrics-paused", &[("from", pause.from.to_string().into()), ("to", to.into())])
            ),
        )?;
    }
    for week in &panel.weeks {
        writeln(w, &format!("  {}", week_line(week, panel, out)))?;
    }
    if let Some(c) = &panel.comparison {
        writeln(
            w,
            &format!(
                "  {}",
                out.t(
                    "cli-metrics-comparison",
                    &[
                        ("before_from", c.before_from.to_string().into()),
                        ("before_to", c.before_to.to_string().into()),
                        ("after_from", c.after_from.to_string().into()),
                        ("after_to", c.after_to.to_string().into()),
                    ],
                )
            ),
        )?;
        for row in &c.rows {
            writeln(w, &format!("    {}", change_line(row, out)))?;
        }
    }
    Ok(())
}

fn week_line(week: &WeekPoint, panel: &PerformancePanel, out: &Out) -> String {
    let pct = |v: Option<f64>| v.map(|v| format!("{v:.2} %")).unwrap_or_else(|| "—".into());
    let fee = match week.fee_minor {
        Some(minor) => {
            let scale = 10f64.powi(i32::try_from(panel.currency_exponent).unwrap_or(0));
            format!("{:.*} {}", panel.currency_exponent as usize, minor as f64 / scale, panel.currency)
        }
        None => "—".into(),
    };
    out.t(
        if week.complete { "cli-metrics-week" } else { "cli-metrics-week-open" },
        &[
            ("week", week.week_start.to_string().into()),
            ("odr", pct(week.order_defect_rate).into()),
            ("claims", pct(week.a_to_z_claim_rate).into()),
            ("negative", pct(week.negative_feedback_rate).into()),
            ("tracking", pct(week.valid_tracking_rate).into()),
            ("cpu", pct(week.contacts_per_unit).into()),
            ("hours", week.response_hours.map(|h| format!("{h:.1}")).unwrap_or_else(|| "—".into()).into()),
            ("fee", fee.into()),
        ],
    )
}

fn change_line(row: &MetricChange, out: &Out) -> String {
    let show = |v: &Option<String>| match (row.metric.as_str(), v) {
        (_, None) => "—".to_owned(),
        // Seconds are exact but unreadable at a glance; hours, one place.
        ("response_seconds", Some(s)) => {
            s.parse::<f64>().map(|s| format!("{:.1} h", s / 3600.0)).unwrap_or_else(|_| s.clone())
        }
        (_, Some(p)) => format!("{p} %"),
    };
    let verdict = match row.better {
        Some(true) => out.t("cli-metrics-better", &[]),
        Some(false) => out.t("cli-metrics-worse", &[]),
        None => String::new(),
    };
    out.t(
        "cli-metrics-change",
        &[
            ("metric", out.t(&format!("cli-metric-{}", row.metric.replace('_', "-")), &[]).into()),
            ("before", show(&row.before).into()),
            ("after", show(&row.after).into()),
            ("change", row.change_percent.clone().map(|c| format!("{c} %")).unwrap_or_else(|| "—".into()).into()),
            ("verdict", verdict.into()),
        ],
    )
}
