//! `csba policy check`: a return policy (JSON file) against a marketplace's rules.
use crate::{Out, Outcome};
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
}

pub fn run(command: PolicyCommand, out: &Out) -> Outcome {
    let PolicyCommand::Check { marketplace, file, json, on } = command;
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
