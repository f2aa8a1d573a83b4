//! `csba deadline refund|case`: when a refund or an answer is due.
use crate::fees::{data_error, parse_marketplace};
use crate::{Out, Outcome};
use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, Utc};
use clap::Subcommand;
use csba_domain::deadline;
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum DeadlineCommand {
    /// When a refund is due after a return arrived (2 business days).
    Refund {
        #[arg(long)]
        marketplace: String,
        /// When the return arrived, RFC 3339.
        #[arg(long)]
        received: String,
        #[arg(long)]
        json: bool,
    },
    /// When an escalation case must be answered (24 hours).
    Case {
        /// When the case was opened, RFC 3339.
        #[arg(long)]
        opened: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct RefundJson {
    due_date: String,
    due: String,
}

#[derive(Serialize)]
struct CaseJson {
    respond_by: String,
}

pub fn run(command: DeadlineCommand, out: &Out) -> Outcome {
    let line = match command {
        DeadlineCommand::Refund { marketplace, received, json } => {
            let marketplace = parse_marketplace(&marketplace, out)?;
            let received = parse_instant(&received, out)?;
            let due = deadline::refund_due(marketplace, received).map_err(|e| data_error(e.code(), out))?;
            // RFC 3339 in the marketplace's zone, whole seconds: "2026-11-25T23:59:59+09:00".
            let due_text = due.due.to_rfc3339_opts(SecondsFormat::Secs, false);
            if json {
                to_json(&RefundJson { due_date: due.due_date.to_string(), due: due_text })?
            } else {
                out.t(
                    "deadline-refund-due",
                    &[
                        ("date", date(due.due_date, out).into()),
                        ("time", due.due.format("%H:%M:%S").to_string().into()),
                        ("zone", format!("{} {}", due.due.timezone().name(), due.due.format("%:z")).into()),
                    ],
                )
            }
        }
        DeadlineCommand::Case { opened, json } => {
            let respond_by = deadline::case_respond_by(parse_instant(&opened, out)?);
            if json {
                // Always UTC with `Z`; fractions of a second only when given.
                to_json(&CaseJson { respond_by: respond_by.to_rfc3339_opts(SecondsFormat::AutoSi, true) })?
            } else {
                out.t(
                    "deadline-case-respond-by",
                    &[
                        ("date", date(respond_by.date_naive(), out).into()),
                        ("time", respond_by.format("%H:%M:%S").to_string().into()),
                    ],
                )
            }
        }
    };
    print_line(&line)?;
    Ok(ExitCode::SUCCESS)
}

fn parse_instant(text: &str, out: &Out) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| out.t("deadline-error-timestamp", &[("value", text.to_owned().into())]))
}

/// A date in the locale's style (the `deadline-date` message).
fn date(d: NaiveDate, out: &Out) -> String {
    out.t(
        "deadline-date",
        &[
            ("year", d.year().to_string().into()),
            ("month", i64::from(d.month()).into()),
            ("day", i64::from(d.day()).into()),
            ("weekday", i64::from(d.weekday().number_from_monday()).into()),
        ],
    )
}

fn to_json(value: &impl Serialize) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

pub(crate) fn print_line(line: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{line}").map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use csba_domain::calendar::{self, CalendarError};
    use csba_domain::deadline::{AlertLevel, DeadlineError};
    use csba_domain::enrollment::{EnrollmentError, Requirement};
    use csba_domain::fees::FeeError;
    use csba_domain::marketplace::{DataError, UnknownMarketplace};
    use csba_domain::Marketplace;
    use csba_i18n::{Catalog, Locale};

    /// Every code the rules can return has its sentence in every locale.
    #[test]
    fn every_rules_code_has_a_message() -> Result<(), String> {
        let catalog = Catalog::load().map_err(|e| e.to_string())?;
        let mut ids: Vec<String> = Vec::new();
        for code in DataError::CODES.iter().chain([UnknownMarketplace::CODE].iter()) {
            ids.push(format!("marketplace-data-error-{}", code.replace('_', "-")));
        }
        ids.extend(FeeError::CODES.iter().map(|c| format!("fees-error-{}", c.replace('_', "-"))));
        ids.extend(CalendarError::CODES.iter().map(|c| format!("holiday-error-{}", c.replace('_', "-"))));
        ids.extend(DeadlineError::CODES.iter().map(|c| format!("deadline-error-{}", c.replace('_', "-"))));
        ids.extend(EnrollmentError::CODES.iter().map(|c| format!("enrollment-error-{}", c.replace('_', "-"))));
        ids.extend(Requirement::ALL.iter().map(|r| format!("enrollment-requirement-{}", r.code().replace('_', "-"))));
        ids.extend(AlertLevel::ALL.iter().map(|a| a.message_id().to_owned()));
        for mp in Marketplace::ALL {
            ids.extend(calendar::holiday_codes(mp).map_err(|e| e.to_string())?.iter().map(|c| format!("holiday-{c}")));
        }
        let mut missing = Vec::new();
        for locale in Locale::ALL {
            for id in &ids {
                let args = [("time", "1:00:00".into())];
                if catalog.format(locale, id, &args) == *id {
                    missing.push(format!("{locale}: {id}"));
                }
            }
        }
        assert!(missing.is_empty(), "missing messages:\n{}", missing.join("\n"));
        Ok(())
    }
}
