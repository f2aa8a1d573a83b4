use crate::Out;
use clap::Subcommand;
use std::io::Read;

#[derive(Subcommand)]
pub enum AccountCommand {
    /// Store the API token for a service; the token is read from standard input.
    Add {
        /// The service's base URL, e.g. https://csba.example.com
        #[arg(long)]
        url: String,
    },
}

pub fn run(command: AccountCommand, out: &Out) -> Result<(), String> {
    match command {
        AccountCommand::Add { url } => {
            let mut token = String::new();
            std::io::stdin().read_to_string(&mut token).map_err(|e| e.to_string())?;
            let token = token.trim();
            if token.is_empty() {
                return Err(out.t("cli-token-empty", &[]));
            }
            csba_store::credentials::save_token(&url, token).map_err(|_| out.t("error-keychain-unavailable", &[]))?;
            eprintln!("{}", out.t("cli-token-saved", &[("url", url.into())]));
            Ok(())
        }
    }
}
