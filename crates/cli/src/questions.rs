//! `csba questions list|ask`: questions to the CSBA team about how it
//! handled an order, from the replica (queued, awaiting with the answer-by
//! time, answered with the answer), and a question queued with the app
//! core's checks (text within the service's limit, the order in the replica).

use crate::replica::{desk_for, print_queued, writeln};
use crate::text::printable;
use crate::{exit, Out, Outcome};
use chrono::Utc;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum QuestionsCommand {
    /// Questions to the CSBA team: queued, awaiting an answer (due soonest first), answered.
    List {
        #[arg(long)]
        account: Option<i64>,
        #[arg(long)]
        marketplace: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Ask the CSBA team about how it handled an order (queued; sent by `csba sync` or the running app).
    Ask {
        order_id: String,
        question: String,
        #[arg(long)]
        account: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: QuestionsCommand, out: &Out) -> Outcome {
    match command {
        QuestionsCommand::List { account, marketplace, json } => list(account, marketplace, json, out),
        QuestionsCommand::Ask { order_id, question, account, json } => {
            let (desk, account) = desk_for(account, None, out)?;
            match desk.ask_question(account.id, &order_id, &question, Utc::now()) {
                Ok(item) => {
                    print_queued(&item, json, "cli-question-queued", &[("order", printable(&order_id).into())], out)
                }
                Err(e) => exit::fail(exit::FAILURE, &e.message(&out.catalog, out.locale)),
            }
        }
    }
}

fn list(account: Option<i64>, marketplace: Option<String>, json: bool, out: &Out) -> Outcome {
    let filter = crate::orders::filter(account, marketplace.as_deref(), out)?;
    let desk = crate::replica::open_desk(out)?;
    let screen = desk.questions_screen(filter, Utc::now()).map_err(|e| e.message(&out.catalog, out.locale))?;
    let mut stdout = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &screen).map_err(|e| e.to_string())?;
        return writeln(&mut stdout, "").map(|()| ExitCode::SUCCESS);
    }
    if screen.questions.is_empty() {
        writeln(&mut stdout, &out.t("cli-questions-none", &[]))?;
    }
    for q in &screen.questions {
        let r = &q.record;
        let status = out.t(&format!("cli-question-status-{}", r.status), &[]);
        let due = match (q.answer_in_ms, q.overdue) {
            (Some(_), true) => {
                format!("  {}", out.t("cli-question-overdue", &[("at", r.answer_by.to_rfc3339().into())]))
            }
            (Some(_), false) => format!("  {}", out.t("cli-question-due", &[("at", r.answer_by.to_rfc3339().into())])),
            (None, _) => String::new(),
        };
        writeln(&mut stdout, &format!("{}  {}  {status}{due}", r.order_id, printable(&r.subject)))?;
        for line in printable(&r.question).lines() {
            writeln(&mut stdout, &format!("    {line}"))?;
        }
        if let Some(answer) = r.answer.as_deref() {
            writeln(&mut stdout, &format!("  {}", out.t("cli-question-answer", &[])))?;
            for line in printable(answer).lines() {
                writeln(&mut stdout, &format!("    {line}"))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
