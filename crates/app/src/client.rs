//! The HTTP client for an account: its service's address and its token from
//! the OS keychain (or the embedded sandbox's, which lives in memory).

use crate::error::{AppError, ErrorCode};
use csba_api::ApiClient;
use csba_store::{Account, AccountService};

/// Where the embedded sandbox listens this run, and its token.
pub struct SandboxEndpoint<'a> {
    pub base_url: String,
    pub token: &'a str,
}

/// The client for `account`, or why there is none right now (a locked or
/// absent keychain, a token that was never saved). `None` for the sandbox
/// account when no sandbox runs.
pub fn client_for(account: &Account, sandbox: Option<&SandboxEndpoint<'_>>) -> Result<Option<ApiClient>, AppError> {
    let (url, token) = match &account.service {
        AccountService::Sandbox => match sandbox {
            None => return Ok(None),
            Some(s) => (s.base_url.clone(), s.token.to_owned()),
        },
        AccountService::Remote { url } => {
            let user = account.keychain_user().ok_or_else(|| AppError::new(ErrorCode::AccountUnknown))?;
            (url.clone(), csba_store::credentials::token_for(&user)?)
        }
    };
    ApiClient::new(url, token).map(Some).map_err(|e| {
        tracing::error!("cannot build the HTTP client: {e}");
        AppError::new(ErrorCode::ServiceUnreachable)
    })
}
