//! `csba tracking …` (owner: tracking/import work; replace the body of `run`).
use crate::{Out, Outcome};
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum TrackingCommand {
    /// Check tracking IDs: normalization, carrier, check digit.
    Check {
        /// The carrier the seller chose (e.g. japan-post, yamato, ups); checked against the number.
        #[arg(long)]
        carrier: Option<String>,
        #[arg(long)]
        json: bool,
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Validate a bulk shipping-confirmation file (flat file, CSV or .xlsx).
    Import {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(_command: TrackingCommand, _out: &Out) -> Outcome {
    Err("not implemented yet".into())
}
