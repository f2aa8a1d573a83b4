//! `csba`: CSBA Desk from a terminal. It shares the app's data directory
//! and core crates, so both see the same replica.

mod account;
mod alerts;
mod cases;
mod deadline;
mod enrollment;
mod exit;
mod feedback;
mod fees;
mod metrics;
mod orders;
mod outbox;
mod policy;
mod questions;
mod replica;
mod service;
mod sync;
mod text;
mod tracking;
mod upload;

use clap::{Parser, Subcommand};
use csba_i18n::{Catalog, Locale};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "csba", version, about = "CSBA Desk from the command line", after_help = exit::HELP)]
struct Cli {
    /// Language of human-readable output (en, zh-CN, ja, ko); default: the OS locale.
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Seller accounts and their API tokens (kept in the OS keychain).
    #[command(subcommand)]
    Account(account::AccountCommand),
    /// Escalation cases in the local replica.
    #[command(subcommand)]
    Cases(cases::CasesCommand),
    /// Send queued actions and fetch changes for every account (or one), once.
    Sync(sync::SyncArgs),
    /// Tracking IDs: check them, or validate a bulk upload file.
    #[command(subcommand)]
    Tracking(tracking::TrackingCommand),
    /// Estimate the CSBA fee from contacts per unit.
    Fees(fees::FeesArgs),
    /// Deadlines: refunds after a return, answers to cases.
    #[command(subcommand)]
    Deadline(deadline::DeadlineCommand),
    /// Actions waiting to be sent to the service, and refused ones.
    Outbox(outbox::OutboxArgs),
    /// Seller-fulfilled orders from the local replica: what to ship, most urgent first.
    Orders(orders::OrdersArgs),
    /// The CSBA program: status, enroll, pause, resume (queued, sent by `csba sync`).
    #[command(subcommand)]
    Enrollment(enrollment::EnrollmentCommand),
    /// Return policies: check one against a marketplace's rules, show them with the refund deadlines, submit one.
    #[command(subcommand)]
    Policy(policy::PolicyCommand),
    /// Buyer feedback: list it with the removal window, request a removal (queued).
    #[command(subcommand)]
    Feedback(feedback::FeedbackCommand),
    /// Questions to the CSBA team about how it handled an order: list them, ask one (queued).
    #[command(subcommand)]
    Questions(questions::QuestionsCommand),
    /// Does CSBA pay off? Weekly figures per store and marketplace, and before/after the activation.
    Metrics(metrics::MetricsArgs),
    /// Deadline alerts: what the app's tray says, what would alert now, every deadline (reads only).
    Alerts(alerts::AlertsArgs),
}

/// What a command ends with: an exit code, or a message for standard error
/// (exit 1). Commands never panic on bad input.
pub type Outcome = Result<ExitCode, String>;

/// What every command needs: the catalog and the chosen language.
pub struct Out {
    pub catalog: Catalog,
    pub locale: Locale,
}

impl Out {
    pub fn t(&self, id: &str, args: &csba_i18n::Args<'_>) -> String {
        self.catalog.format(self.locale, id, args)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let catalog = match Catalog::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("csba: {e}");
            return ExitCode::FAILURE;
        }
    };
    let locale = cli.lang.as_deref().map(|l| csba_i18n::negotiate(&[l])).unwrap_or_else(csba_i18n::os_locale);
    let out = Out { catalog, locale };
    let result = match cli.command {
        Command::Account(c) => account::run(c, &out),
        Command::Cases(c) => cases::run(c, &out),
        Command::Sync(a) => sync::run(a, &out),
        Command::Tracking(c) => tracking::run(c, &out),
        Command::Fees(a) => fees::run(a, &out),
        Command::Deadline(c) => deadline::run(c, &out),
        Command::Policy(c) => policy::run(c, &out),
        Command::Outbox(a) => outbox::run(a, &out),
        Command::Orders(a) => orders::run(a, &out),
        Command::Enrollment(c) => enrollment::run(c, &out),
        Command::Feedback(c) => feedback::run(c, &out),
        Command::Questions(c) => questions::run(c, &out),
        Command::Metrics(a) => metrics::run(a, &out),
        Command::Alerts(a) => alerts::run(a, &out),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("csba: {message}");
            ExitCode::FAILURE
        }
    }
}
