//! `csba fees` (owner: marketplace/fees work; replace the body of `run`).
use crate::{Out, Outcome};

#[derive(clap::Args)]
pub struct FeesArgs {
    /// JP or US.
    #[arg(long)]
    pub marketplace: String,
    /// Seller-fulfilled units shipped in the trailing period.
    #[arg(long)]
    pub units: u64,
    /// Contacts CSBA handled in the same period.
    #[arg(long)]
    pub contacts: u64,
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: FeesArgs, _out: &Out) -> Outcome {
    Err("not implemented yet".into())
}
