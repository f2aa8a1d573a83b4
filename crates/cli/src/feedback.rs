//! `csba feedback list|request-removal`: the feedback screen's model from the
//! replica (negatives first, the removal window, the grounds that may apply,
//! requests on file) and a removal request queued with the app core's checks.

use crate::replica::{desk_for, print_queued, writeln};
use crate::text::printable;
use crate::{exit, Out, Outcome};
use chrono::Utc;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum FeedbackCommand {
    /// Feedback on this computer, negatives first, with the removal window and the grounds that may apply.
    List {
        #[arg(long)]
        account: Option<i64>,
        #[arg(long)]
        marketplace: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Queue a removal request (sent by `csba sync` or the running app).
    RequestRemoval {
        feedback_id: String,
        /// caused_by_csba, obscene_language, sellers_personal_information, entirely_product_review or
        /// amazon_fulfilled_delivery_complaint.
        #[arg(long)]
        ground: String,
        /// Why the ground applies, in your words.
        #[arg(long)]
        explanation: String,
        #[arg(long)]
        account: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: FeedbackCommand, out: &Out) -> Outcome {
    match command {
        FeedbackCommand::List { account, marketplace, json } => list(account, marketplace, json, out),
        FeedbackCommand::RequestRemoval { feedback_id, ground, explanation, account, json } => {
            let (desk, account) = desk_for(account, None, out)?;
            match desk.request_removal(account.id, &feedback_id, &ground, &explanation, Utc::now()) {
                Ok(item) => print_queued(
                    &item,
                    json,
                    "cli-feedback-queued",
                    &[("feedback", printable(&feedback_id).into())],
                    out,
                ),
                Err(e) => exit::fail(exit::FAILURE, &e.message(&out.catalog, out.locale)),
            }
        }
    }
}

fn list(account: Option<i64>, marketplace: Option<String>, json: bool, out: &Out) -> Outcome {
    let filter = crate::orders::filter(account, marketplace.as_deref(), out)?;
    let desk = crate::replica::open_desk(out)?;
    let screen = desk.feedback_screen(filter, Utc::now()).map_err(|e| e.message(&out.catalog, out.locale))?;
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &screen).map_err(|e| e.to_string())?;
        return writeln(&mut stdout, "").map(|()| ExitCode::SUCCESS);
    }
    if screen.items.is_empty() {
        writeln(&mut stdout, &out.t("cli-feedback-none", &[]))?;
    }
    for item in &screen.items {
        let f = &item.record;
        let window = match item.days_left {
            Some(days) => out.t("cli-feedback-days-left", &[("days", days.into())]),
            None => out.t("cli-feedback-window-closed", &[]),
        };
        let stars = "★".repeat(usize::from(f.rating));
        writeln(&mut stdout, &format!("{}  {}  {}  {stars}  {window}", f.marketplace, f.id, f.order_id))?;
        for line in printable(&f.comment).lines() {
            writeln(&mut stdout, &format!("    {line}"))?;
        }
        if item.removable_now {
            let grounds: Vec<String> = f
                .possible_grounds
                .iter()
                .map(|g| {
                    format!("{} ({})", out.t(&format!("feedback-ground-{}", g.ground.replace('_', "-")), &[]), g.ground)
                })
                .collect();
            writeln(
                &mut stdout,
                &format!("    {}", out.t("cli-feedback-grounds", &[("grounds", grounds.join(", ").into())])),
            )?;
        }
        if let Some(subject) = &item.subject_preview {
            writeln(
                &mut stdout,
                &format!("    {}", out.t("cli-feedback-subject", &[("subject", printable(subject).into())])),
            )?;
        }
        if let Some(request) = &f.removal_request {
            let status = out.t(&format!("cli-feedback-status-{}", request.status), &[]);
            writeln(&mut stdout, &format!("    {}", out.t("cli-feedback-request", &[("status", status.into())])))?;
        } else if let Some(pending) = &item.pending {
            writeln(
                &mut stdout,
                &format!("    {}", out.t("cli-feedback-pending", &[("entry", pending.entry_id.into())])),
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
