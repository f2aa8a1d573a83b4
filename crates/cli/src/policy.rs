//! `csba policy check|show|submit`: a return policy (JSON file) against a
//! marketplace's rules; the policies in the replica with the returns
//! waiting for their refund; and a policy submitted through the outbox,
//! with the app core's checks (`Desk::submit_policy`).
use crate::replica::{desk_for, print_queued, writeln};
use crate::text::printable;
use crate::{exit, Out, Outcome};
use chrono::{NaiveDate, Utc};
use clap::Subcommand;
use csba_domain::policy::{self, ReturnPolicy, Violation};
use csba_domain::Marketplace;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum PolicyCommand {
    /// Check a return policy (JSON file) against a marketplace's rules.
    /// Exits 1 when the policy breaks a rule (like `tracking import`).
    Check {
        #[arg(long)]
        marketplace: String,
        file: PathBuf,
        #[arg(long)]
        json: bool,
        /// Check against the rules in effect on this day (YYYY-MM-DD); default: today (UTC).
        #[arg(long)]
        on: Option<String>,
    },
    /// The return policies on this computer: current version, what breaks today's rules, pending submissions,
    /// and the returns waiting for their refund with the deadline.
    Show {
        #[arg(long)]
        marketplace: Option<String>,
        #[arg(long)]
        account: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Queue a return policy (JSON file) for a marketplace; refused while it breaks a rule.
    Submit {
        #[arg(long)]
        marketplace: String,
        file: PathBuf,
        #[arg(long)]
        account: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: PolicyCommand, out: &Out) -> Outcome {
    match command {
        PolicyCommand::Check { marketplace, file, json, on } => check(marketplace, file, json, on, out),
        PolicyCommand::Show { marketplace, account, json } => show(marketplace, account, json, out),
        PolicyCommand::Submit { marketplace, file, account, json } => submit(marketplace, file, account, json, out),
    }
}

fn show(marketplace: Option<String>, account: Option<i64>, json: bool, out: &Out) -> Outcome {
    let filter = crate::orders::filter(account, marketplace.as_deref(), out)?;
    let desk = crate::replica::open_desk(out)?;
    let screen = desk.policy_screen(filter, Utc::now()).map_err(|e| e.message(&out.catalog, out.locale))?;
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &screen).map_err(|e| e.to_string())?;
        return writeln(&mut stdout, "").map(|()| ExitCode::SUCCESS);
    }
    for p in &screen.policies {
        let state = match &p.current {
            None => out.t("cli-policy-none", &[]),
            Some(c) => out
                .t("cli-policy-current", &[("version", c.version.into()), ("at", c.submitted_at.to_rfc3339().into())]),
        };
        writeln(&mut stdout, &format!("#{} {}  {state}", p.account_id, p.marketplace))?;
        for v in &p.violations_now {
            let text = explain_field(v, out);
            writeln(&mut stdout, &format!("  • {}  [{}]", printable(&text), v.field))?;
        }
        if let Some(pending) = &p.pending {
            writeln(&mut stdout, &format!("  {}", out.t("cli-policy-pending", &[("entry", pending.entry_id.into())])))?;
        }
    }
    for r in &screen.returns {
        writeln(
            &mut stdout,
            &out.t(
                "cli-policy-refund-by",
                &[
                    ("order", r.order_id.clone().into()),
                    ("item", printable(&r.item_title).into()),
                    ("by", r.refund_by_local.clone().into()),
                    ("zone", r.zone.clone().into()),
                ],
            ),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn submit(marketplace: String, file: PathBuf, account: Option<i64>, json: bool, out: &Out) -> Outcome {
    let Ok(mp) = marketplace.parse::<Marketplace>() else {
        return exit::fail(exit::USAGE, &out.t("policy-unknown-marketplace", &[("value", marketplace.into())]));
    };
    let policy = read_policy(&file, out)?;
    let (desk, account) = desk_for(account, Some(mp), out)?;
    match desk.submit_policy(account.id, mp, policy.clone(), Utc::now()) {
        Ok(item) => print_queued(&item, json, "cli-policy-queued", &[("marketplace", mp.code().into())], out),
        Err(e) => {
            eprintln!("csba: {}", e.message(&out.catalog, out.locale));
            // Every violation, not only the first: the file is fixed in one go.
            for v in csba_app::policy::check_policy(mp, &policy, Utc::now()).unwrap_or_default() {
                eprintln!("  • {}  [{}]", explain_field(&v, out), v.field);
            }
            Ok(ExitCode::from(exit::FAILURE))
        }
    }
}

/// The localized sentence for one violation at its field.
fn explain_field(v: &csba_app::policy::FieldViolation, out: &Out) -> String {
    let reason = v.reason.map(|r| out.t(&r.message_id(), &[])).unwrap_or_default();
    let category =
        v.category.map(|c| out.t(&format!("policy-category-{}", c.code().replace('_', "-")), &[])).unwrap_or_default();
    let limit = v.limit.map(|l| l.to_string()).unwrap_or_default();
    out.t(&v.message_id, &[("reason", reason.into()), ("category", category.into()), ("limit", limit.into())])
}

fn check(marketplace: String, file: PathBuf, json: bool, on: Option<String>, out: &Out) -> Outcome {
    let mp: Marketplace = marketplace
        .parse()
        .map_err(|_| out.t("policy-unknown-marketplace", &[("value", marketplace.clone().into())]))?;
    let on = match on {
        None => Utc::now().date_naive(),
        Some(day) => NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
            .map_err(|_| out.t("policy-bad-date", &[("value", day.clone().into())]))?,
    };
    let policy = read_policy(&file, out)?;
    let violations = policy::check(mp, on, &policy).map_err(|e| e.to_string())?;

    let mut stdout = std::io::stdout().lock();
    if json {
        let body = serde_json::json!({
            "compliant": violations.is_empty(),
            "violations": violations.iter().map(|v| serde_json::json!({"code": v.code.code(), "rule": v.rule})).collect::<Vec<_>>(),
        });
        let text = serde_json::to_string_pretty(&body).map_err(|e| e.to_string())?;
        writeln!(stdout, "{text}").map_err(|e| e.to_string())?;
    } else {
        let mp_arg = || ("marketplace", mp.code().into());
        if violations.is_empty() {
            writeln!(stdout, "{}", out.t("policy-compliant", &[mp_arg()])).map_err(|e| e.to_string())?;
        } else {
            let heading = out.t("policy-not-compliant", &[mp_arg(), ("count", violations.len().into())]);
            writeln!(stdout, "{heading}").map_err(|e| e.to_string())?;
            for v in &violations {
                writeln!(stdout, "  • {}", explain(v, out)).map_err(|e| e.to_string())?;
                let rule = out.t(&v.rule_message_id(), &[]);
                let line = out.t("policy-rule-line", &[("rule", v.rule.clone().into()), ("text", rule.into())]);
                writeln!(stdout, "    {line}").map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(if violations.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The localized sentence for one violation, with the reason, category and
/// limit it concerns.
fn explain(v: &Violation, out: &Out) -> String {
    let reason = v.reason.map(|r| out.t(&r.message_id(), &[])).unwrap_or_default();
    let category =
        v.category.map(|c| out.t(&format!("policy-category-{}", c.code().replace('_', "-")), &[])).unwrap_or_default();
    let limit = v.limit.map(|l| l.to_string()).unwrap_or_default();
    out.t(&v.code.message_id(), &[("reason", reason.into()), ("category", category.into()), ("limit", limit.into())])
}

fn read_policy(path: &Path, out: &Out) -> Result<ReturnPolicy, String> {
    let shown = || ("path", path.display().to_string().into());
    let text = std::fs::read_to_string(path).map_err(|_| out.t("policy-file-unreadable", &[shown()]))?;
    serde_json::from_str(&text).map_err(|e| {
        let (id, name) = describe_json_error(&e);
        out.t(
            id,
            &[
                shown(),
                ("line", e.line().to_string().into()),
                ("column", e.column().to_string().into()),
                ("name", name.into()),
                ("detail", e.to_string().into()),
            ],
        )
    })
}

/// Picks the catalog message for a serde_json error, and the field or value
/// it names (serde puts it between backticks).
fn describe_json_error(e: &serde_json::Error) -> (&'static str, String) {
    use serde_json::error::Category;
    let text = e.to_string();
    let quoted = text.split('`').nth(1).unwrap_or_default().to_owned();
    if matches!(e.classify(), Category::Syntax | Category::Eof | Category::Io) {
        return ("policy-json-syntax", String::new());
    }
    if text.starts_with("unknown field") {
        ("policy-json-unknown-field", quoted)
    } else if text.starts_with("missing field") {
        ("policy-json-missing-field", quoted)
    } else if text.starts_with("unknown variant") {
        ("policy-json-unknown-value", quoted)
    } else if text.contains("ISO 3166-1") {
        ("policy-json-invalid-country", quoted)
    } else {
        ("policy-json-invalid", String::new())
    }
}
