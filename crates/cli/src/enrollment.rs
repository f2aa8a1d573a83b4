//! `csba enrollment status|enroll|pause|resume`: the CSBA program screen's
//! rules from a terminal. Every change is queued in the outbox through the
//! app core (the same checks as the app's buttons) and sent by `csba sync`
//! or the running app.

use crate::replica::{desk_for, print_queued, writeln};
use crate::{exit, Out, Outcome};
use chrono::Utc;
use clap::Subcommand;
use csba_app::Desk;
use csba_domain::Marketplace;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum EnrollmentCommand {
    /// Where CSBA stands on every marketplace: state, timeline, checklist, trial and fee.
    Status {
        #[arg(long)]
        account: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Enroll in CSBA on a marketplace, accepting the terms version `status` shows.
    Enroll {
        marketplace: String,
        /// The terms version you read and accept (from `csba enrollment status`).
        #[arg(long)]
        accept_terms: String,
        #[arg(long)]
        account: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Pause CSBA: new seller-fulfilled orders become yours to answer; orders placed while it was active stay covered.
    Pause {
        marketplace: String,
        #[arg(long)]
        account: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Resume CSBA (it waits the activation delay again).
    Resume {
        marketplace: String,
        #[arg(long)]
        account: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: EnrollmentCommand, out: &Out) -> Outcome {
    let words = |e: csba_app::AppError| e.message(&out.catalog, out.locale);
    match command {
        EnrollmentCommand::Status { account, json } => {
            let filter = crate::orders::filter(account, None, out)?;
            let desk = crate::replica::open_desk(out)?;
            let screen = desk.program_screen(filter, Utc::now()).map_err(words)?;
            let mut stdout = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut stdout, &screen).map_err(|e| e.to_string())?;
                return writeln(&mut stdout, "").map(|()| ExitCode::SUCCESS);
            }
            for p in &screen.programs {
                let trial = p.trial_days_left.map(|d| out.t("cli-enrollment-trial", &[("days", d.into())]));
                writeln(
                    &mut stdout,
                    &format!(
                        "#{} {}  {}{}  ({})",
                        p.enrollment.account_id,
                        p.enrollment.marketplace,
                        out.t(&format!("cli-enrollment-state-{}", p.state_now), &[]),
                        trial.map(|t| format!("  {t}")).unwrap_or_default(),
                        out.t("cli-enrollment-terms", &[("version", p.terms_version_now.clone().into())]),
                    ),
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        EnrollmentCommand::Enroll { marketplace, accept_terms, account, json } => {
            change(&marketplace, account, json, out, |desk, a, m| desk.enroll(a, m, &accept_terms, Utc::now()))
        }
        EnrollmentCommand::Pause { marketplace, account, json } => {
            change(&marketplace, account, json, out, |desk, a, m| desk.pause_enrollment(a, m, Utc::now()))
        }
        EnrollmentCommand::Resume { marketplace, account, json } => {
            change(&marketplace, account, json, out, |desk, a, m| desk.resume_enrollment(a, m, Utc::now()))
        }
    }
}

fn change(
    marketplace: &str,
    account: Option<i64>,
    json: bool,
    out: &Out,
    act: impl FnOnce(&Desk, csba_store::AccountId, Marketplace) -> Result<csba_app::views::QueueItem, csba_app::AppError>,
) -> Outcome {
    let Ok(marketplace) = marketplace.parse::<Marketplace>() else {
        return exit::fail(
            exit::USAGE,
            &out.t("cli-upload-unknown-marketplace", &[("marketplace", marketplace.to_owned().into())]),
        );
    };
    let (desk, account) = desk_for(account, Some(marketplace), out)?;
    match act(&desk, account.id, marketplace) {
        Ok(item) => print_queued(&item, json, "cli-enrollment-queued", &[], out),
        Err(e) => exit::fail(exit::REFUSED, &e.message(&out.catalog, out.locale)),
    }
}
