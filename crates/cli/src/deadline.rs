//! `csba deadline …` (owner: calendar/deadline work; replace the body of `run`).
use crate::{Out, Outcome};
use clap::Subcommand;

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

pub fn run(_command: DeadlineCommand, _out: &Out) -> Outcome {
    Err("not implemented yet".into())
}
