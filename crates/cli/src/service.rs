//! Talking to a CSBA service and to the OS keychain from a terminal: the
//! runtime for the async client, and what each failure means for the seller
//! (a localized message and an exit code). No message ever holds a token.

use crate::exit;
use crate::Out;
use csba_api::{ClientError, ErrorClass};

/// A runtime for one command. Single-threaded: a command does one thing at
/// a time, and the machine may be busy with the app.
pub fn runtime(out: &Out) -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|_| out.t("cli-runtime-failed", &[]))
}

/// Why a request to the service failed, as the seller has to act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No answer: offline, wrong host or port, TLS failure, timeout.
    Unreachable,
    /// 401: the token is wrong, revoked or expired.
    TokenRejected,
    /// 5xx: the service failed; the request may work later.
    ServiceError { code: String },
    /// Any other refusal, with its problem code.
    Refused { code: String },
    /// The address answered, but not like a CSBA service.
    NotCsba { status: u16 },
}

impl Refusal {
    /// Follows the one classification of client errors
    /// ([`ClientError::class`]) that the app and the push use too.
    pub fn of(error: &ClientError) -> Refusal {
        match (error.class(), error) {
            (_, ClientError::Unreachable(_)) => Refusal::Unreachable,
            (ErrorClass::NeedsPerson, _) => Refusal::TokenRejected,
            (ErrorClass::RetryLater, ClientError::Problem(p)) => {
                Refusal::ServiceError { code: p.code.as_str().to_owned() }
            }
            (ErrorClass::RetryLater, ClientError::Protocol { status }) => {
                Refusal::ServiceError { code: format!("http_{status}") }
            }
            (ErrorClass::Refused, ClientError::Problem(p)) => Refusal::Refused { code: p.code.as_str().to_owned() },
            (ErrorClass::Refused, ClientError::Protocol { status }) => Refusal::NotCsba { status: *status },
        }
    }

    /// The stable code `--json` output carries.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Unreachable => "offline",
            Refusal::TokenRejected => "token_rejected",
            Refusal::ServiceError { .. } => "service_error",
            Refusal::Refused { .. } => "refused",
            Refusal::NotCsba { .. } => "not_csba",
        }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Refusal::Unreachable | Refusal::ServiceError { .. } => exit::OFFLINE,
            Refusal::TokenRejected | Refusal::Refused { .. } => exit::REFUSED,
            Refusal::NotCsba { .. } => exit::FAILURE,
        }
    }

    /// The problem code, when the service gave one.
    pub fn problem(&self) -> Option<&str> {
        match self {
            Refusal::ServiceError { code } | Refusal::Refused { code } => Some(code),
            _ => None,
        }
    }

    /// What happened, for the service at `url`.
    pub fn message(&self, url: &str, out: &Out) -> String {
        let url = || url.to_owned().into();
        match self {
            Refusal::Unreachable => out.t("cli-service-unreachable", &[("url", url())]),
            Refusal::TokenRejected => out.t("cli-service-token-rejected", &[("url", url())]),
            Refusal::ServiceError { code } => {
                out.t("cli-service-error", &[("url", url()), ("code", code.clone().into())])
            }
            Refusal::Refused { code } => out.t("cli-service-refused", &[("url", url()), ("code", code.clone().into())]),
            Refusal::NotCsba { status } => {
                out.t("cli-service-not-csba", &[("url", url()), ("status", u32::from(*status).into())])
            }
        }
    }
}

/// The name of this system's keychain, as the seller knows it.
pub fn keychain_name(out: &Out) -> String {
    let id = if cfg!(target_os = "macos") {
        "cli-keychain-name-macos"
    } else if cfg!(windows) {
        "cli-keychain-name-windows"
    } else {
        "cli-keychain-name-secret-service"
    };
    out.t(id, &[])
}
