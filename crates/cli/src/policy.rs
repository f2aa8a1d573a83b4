//! `csba policy …` (owner: return-policy work; replace the body of `run`).
use crate::{Out, Outcome};
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum PolicyCommand {
    /// Check a return policy (JSON file) against a marketplace's rules.
    Check {
        #[arg(long)]
        marketplace: String,
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(_command: PolicyCommand, _out: &Out) -> Outcome {
    Err("not implemented yet".into())
}
