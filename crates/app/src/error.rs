//! The one error type that crosses into a front end: a stable code (an
//! enum, exported to TypeScript as a union of strings) that the UI and the
//! CLI word from the catalog (`error-<code>`), named arguments for the
//! message, and the form field it is about, when there is one.
//!
//! Every lower error (replica, keychain, service, sync) is classified here,
//! once; the front ends never look at HTTP numbers or SQLite messages.

use csba_api::{ClientError, ErrorClass};
use csba_store::credentials::CredentialError;
use csba_store::StoreError;
use csba_sync::SyncError;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// Every error a front end can show. Serialized kebab-case: `error-<code>`
/// is its message id, and a test checks each variant has one in all four
/// locales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    // --- the replica, the keychain, the link
    ReplicaUnavailable,
    ReplicaTooNew,
    TokenMissing,
    KeychainUnavailable,
    UnknownLocale,
    SandboxFailed,
    /// The desktop refused to turn launch at login on or off.
    AutostartFailed,
    ServiceUnreachable,
    ServiceFailed,
    SyncRefused,
    TokenRejected,
    // --- accounts
    AccountUrlInvalid,
    TokenEmpty,
    TokenMalformed,
    NotCsbaService,
    AccountHasUnsent,
    AccountUnknown,
    // --- cases
    ReplyEmpty,
    ReplyTooLong,
    ReplyLanguageInvalid,
    CaseResolved,
    CaseNotFound,
    TemplateNameEmpty,
    TemplateEmpty,
    TemplateNotFound,
    // --- the outbox
    ActionNotFailed,
    // --- orders and tracking
    OrderNotFound,
    OrderNotShippable,
    TrackingInvalid,
    CarrierUnknown,
    ShipDateInFuture,
    ShipDateInvalid,
    ShipDateBeforeOrder,
    MarketplaceUnknown,
    UploadUnreadable,
    UploadIsFolder,
    UploadTooLarge,
    UploadNotAFile,
    UploadHasProblems,
    UploadNotFound,
    // --- the CSBA program
    EnrollmentNotFound,
    EnrollmentNotAllowed,
    TermsNotAccepted,
    FeeInputInvalid,
    // --- return policy, feedback, questions to the CSBA team
    PolicyNotCompliant,
    PolicyVersionNotFound,
    FeedbackNotFound,
    GroundNotPossible,
    RemovalNotPossible,
    ExplanationMissing,
    ExplanationTooLong,
    QuestionMissing,
    QuestionTooLong,
    // --- alert settings (csba_alerts::ViolationCode, at its field)
    AlertThresholdOutOfRange,
    AlertThresholdRepeated,
    AlertTooManyThresholds,
    QuietMinuteOutOfRange,
    QuietHoursEmpty,
    // --- updates (tauri-plugin-updater's errors, classified by the shell)
    /// The download does not match its signature under our public key:
    /// refused, nothing installed.
    UpdateSignatureInvalid,
    UpdateUnreachable,
    /// The manifest cannot be read, or has nothing for this platform.
    UpdateManifestInvalid,
    UpdateInstallFailed,
    /// Install was asked for with no update announced (a stale screen).
    UpdateNotAvailable,
    // --- what a service refused (its problem codes, see `from_problem`)
    Unauthorized,
    NotFound,
    InvalidRequest,
    InvalidCursor,
    CursorExpired,
    PayloadTooLarge,
    UnsupportedMediaType,
    Internal,
    IdempotencyKeyMissing,
    IdempotencyKeyReused,
    IdempotencyKeyInFlight,
    EnrollmentConflict,
    EnrollmentIneligible,
    ShipmentRejected,
    ReturnPolicyRejected,
    RemovalNotAllowed,
    RemovalAlreadyRequested,
    /// The service's `text_too_long`: a text over its limit (a client older
    /// than the limit let it through).
    TextTooLong,
    /// The service's `invalid_text`: NUL or half a surrogate pair in a text.
    InvalidText,
    /// The service's `unavailable`: saturated for a moment.
    Unavailable,
    /// The service's `rate_limited`: too many requests with this token.
    RateLimited,
    /// The service's `request_timeout`: the request's body arrived too slowly.
    RequestTimeout,
    /// A refusal with a code this version does not know (a newer service);
    /// the code is in `args.code`.
    ServiceRefused,
}

impl ErrorCode {
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::ReplicaUnavailable,
        ErrorCode::ReplicaTooNew,
        ErrorCode::TokenMissing,
        ErrorCode::KeychainUnavailable,
        ErrorCode::UnknownLocale,
        ErrorCode::SandboxFailed,
        ErrorCode::AutostartFailed,
        ErrorCode::ServiceUnreachable,
        ErrorCode::ServiceFailed,
        ErrorCode::SyncRefused,
        ErrorCode::TokenRejected,
        ErrorCode::AccountUrlInvalid,
        ErrorCode::TokenEmpty,
        ErrorCode::TokenMalformed,
        ErrorCode::NotCsbaService,
        ErrorCode::AccountHasUnsent,
        ErrorCode::AccountUnknown,
        ErrorCode::ReplyEmpty,
        ErrorCode::ReplyTooLong,
        ErrorCode::ReplyLanguageInvalid,
        ErrorCode::CaseResolved,
        ErrorCode::CaseNotFound,
        ErrorCode::TemplateNameEmpty,
        ErrorCode::TemplateEmpty,
        ErrorCode::TemplateNotFound,
        ErrorCode::ActionNotFailed,
        ErrorCode::OrderNotFound,
        ErrorCode::OrderNotShippable,
        ErrorCode::TrackingInvalid,
        ErrorCode::CarrierUnknown,
        ErrorCode::ShipDateInFuture,
        ErrorCode::ShipDateInvalid,
        ErrorCode::ShipDateBeforeOrder,
        ErrorCode::MarketplaceUnknown,
        ErrorCode::UploadUnreadable,
        ErrorCode::UploadIsFolder,
        ErrorCode::UploadTooLarge,
        ErrorCode::UploadNotAFile,
        ErrorCode::UploadHasProblems,
        ErrorCode::UploadNotFound,
        ErrorCode::EnrollmentNotFound,
        ErrorCode::EnrollmentNotAllowed,
        ErrorCode::TermsNotAccepted,
        ErrorCode::FeeInputInvalid,
        ErrorCode::PolicyNotCompliant,
        ErrorCode::PolicyVersionNotFound,
        ErrorCode::FeedbackNotFound,
        ErrorCode::GroundNotPossible,
        ErrorCode::RemovalNotPossible,
        ErrorCode::ExplanationMissing,
        ErrorCode::ExplanationTooLong,
        ErrorCode::QuestionMissing,
        ErrorCode::QuestionTooLong,
        ErrorCode::AlertThresholdOutOfRange,
        ErrorCode::AlertThresholdRepeated,
        ErrorCode::AlertTooManyThresholds,
        ErrorCode::QuietMinuteOutOfRange,
        ErrorCode::QuietHoursEmpty,
        ErrorCode::UpdateSignatureInvalid,
        ErrorCode::UpdateUnreachable,
        ErrorCode::UpdateManifestInvalid,
        ErrorCode::UpdateInstallFailed,
        ErrorCode::UpdateNotAvailable,
        ErrorCode::Unauthorized,
        ErrorCode::NotFound,
        ErrorCode::InvalidRequest,
        ErrorCode::InvalidCursor,
        ErrorCode::CursorExpired,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::Internal,
        ErrorCode::IdempotencyKeyMissing,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::IdempotencyKeyInFlight,
        ErrorCode::EnrollmentConflict,
        ErrorCode::EnrollmentIneligible,
        ErrorCode::ShipmentRejected,
        ErrorCode::ReturnPolicyRejected,
        ErrorCode::RemovalNotAllowed,
        ErrorCode::RemovalAlreadyRequested,
        ErrorCode::TextTooLong,
        ErrorCode::InvalidText,
        ErrorCode::Unavailable,
        ErrorCode::RequestTimeout,
        ErrorCode::RateLimited,
        ErrorCode::ServiceRefused,
    ];

    /// The kebab-case code (`case-resolved`), as serialized.
    pub fn as_str(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    /// The catalog id of the message that words this error.
    pub fn message_id(self) -> String {
        format!("error-{}", self.as_str())
    }

    /// The code for a service problem code (`case_resolved`, as the outbox
    /// keeps it); `None` for a code this version does not know.
    pub fn from_problem(code: &str) -> Option<ErrorCode> {
        let kebab = code.replace('_', "-");
        ErrorCode::ALL.iter().copied().find(|c| c.as_str() == kebab)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppError {
    pub code: ErrorCode,
    pub args: BTreeMap<String, String>,
    /// The form field the error is about (`tracking_number`, `ship_date`…),
    /// so the UI shows it there.
    pub field: Option<String>,
}

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        AppError { code, args: BTreeMap::new(), field: None }
    }

    pub fn with_arg(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args.insert(name.to_owned(), value.into());
        self
    }

    pub fn at(mut self, field: &str) -> Self {
        self.field = Some(field.to_owned());
        self
    }

    /// A refusal the service gave by problem code (as kept in the outbox).
    pub fn from_problem(code: &str) -> Self {
        match ErrorCode::from_problem(code) {
            Some(known) => AppError::new(known),
            None => AppError::new(ErrorCode::ServiceRefused).with_arg("code", code),
        }
    }

    /// Words the error in `locale` (the CLI; the UI words it itself).
    pub fn message(&self, catalog: &csba_i18n::Catalog, locale: csba_i18n::Locale) -> String {
        let args: Vec<(&str, csba_i18n::FluentValue<'_>)> =
            self.args.iter().map(|(k, v)| (k.as_str(), v.clone().into())).collect();
        catalog.format(locale, &self.code.message_id(), &args)
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code.as_str())?;
        if let Some(field) = &self.field {
            write!(f, " at {field}")?;
        }
        for (name, value) in &self.args {
            write!(f, " {name}={value}")?;
        }
        Ok(())
    }
}

impl std::error::Error for AppError {}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        tracing::error!("replica: {e}");
        match e {
            StoreError::TooNew { .. } => AppError::new(ErrorCode::ReplicaTooNew),
            _ => AppError::new(ErrorCode::ReplicaUnavailable),
        }
    }
}

impl From<CredentialError> for AppError {
    fn from(e: CredentialError) -> Self {
        tracing::warn!("keychain: {e}");
        match e {
            CredentialError::Missing { account } => AppError::new(ErrorCode::TokenMissing).with_arg("account", account),
            CredentialError::Unavailable { .. } => AppError::new(ErrorCode::KeychainUnavailable),
        }
    }
}

/// A service's answer, by the one classification in `csba-api`.
impl From<&ClientError> for AppError {
    fn from(e: &ClientError) -> Self {
        match (e.class(), e) {
            (_, ClientError::Unreachable(_)) => AppError::new(ErrorCode::ServiceUnreachable),
            (ErrorClass::NeedsPerson, _) => AppError::new(ErrorCode::TokenRejected),
            (ErrorClass::RetryLater, _) => AppError::new(ErrorCode::ServiceFailed),
            (ErrorClass::Refused, ClientError::Problem(p)) => AppError::from_problem(p.code.as_str()),
            (ErrorClass::Refused, ClientError::Protocol { .. }) => AppError::new(ErrorCode::NotCsbaService),
        }
    }
}

/// Why a sync round failed, for the account's link.
impl From<&SyncError> for AppError {
    fn from(e: &SyncError) -> Self {
        match e {
            SyncError::Client(client) => match client.class() {
                ErrorClass::Refused => AppError::new(ErrorCode::SyncRefused),
                _ => AppError::from(client),
            },
            SyncError::Store(_) | SyncError::Poisoned => AppError::new(ErrorCode::ReplicaUnavailable),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csba_api::{Problem, ProblemCode};

    #[test]
    fn every_code_has_a_message_in_every_locale() -> Result<(), csba_i18n::CatalogError> {
        let catalog = csba_i18n::Catalog::load()?;
        let mut missing = Vec::new();
        for code in ErrorCode::ALL {
            for locale in csba_i18n::Locale::ALL {
                if !catalog.has_message(locale, &code.message_id()) {
                    missing.push(format!("{} in {}", code.message_id(), locale.tag()));
                }
            }
        }
        assert!(missing.is_empty(), "messages missing: {missing:?}");
        Ok(())
    }

    #[test]
    fn all_lists_every_variant_once() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "{code:?} twice");
            assert!(!code.as_str().is_empty());
        }
        // A new variant without a place in ALL would have no checked message:
        // the exhaustive match below fails to compile until it is added.
        let count = |c: ErrorCode| match c {
            ErrorCode::ReplicaUnavailable
            | ErrorCode::ReplicaTooNew
            | ErrorCode::TokenMissing
            | ErrorCode::KeychainUnavailable
            | ErrorCode::UnknownLocale
            | ErrorCode::SandboxFailed
            | ErrorCode::AutostartFailed
            | ErrorCode::ServiceUnreachable
            | ErrorCode::ServiceFailed
            | ErrorCode::SyncRefused
            | ErrorCode::TokenRejected
            | ErrorCode::AccountUrlInvalid
            | ErrorCode::TokenEmpty
            | ErrorCode::TokenMalformed
            | ErrorCode::NotCsbaService
            | ErrorCode::AccountHasUnsent
            | ErrorCode::AccountUnknown
            | ErrorCode::ReplyEmpty
            | ErrorCode::ReplyTooLong
            | ErrorCode::ReplyLanguageInvalid
            | ErrorCode::CaseResolved
            | ErrorCode::CaseNotFound
            | ErrorCode::TemplateNameEmpty
            | ErrorCode::TemplateEmpty
            | ErrorCode::TemplateNotFound
            | ErrorCode::ActionNotFailed
            | ErrorCode::OrderNotFound
            | ErrorCode::OrderNotShippable
            | ErrorCode::TrackingInvalid
            | ErrorCode::CarrierUnknown
            | ErrorCode::ShipDateInFuture
            | ErrorCode::ShipDateInvalid
            | ErrorCode::ShipDateBeforeOrder
            | ErrorCode::MarketplaceUnknown
            | ErrorCode::UploadUnreadable
            | ErrorCode::UploadIsFolder
            | ErrorCode::UploadTooLarge
            | ErrorCode::UploadNotAFile
            | ErrorCode::UploadHasProblems
            | ErrorCode::UploadNotFound
            | ErrorCode::EnrollmentNotFound
            | ErrorCode::EnrollmentNotAllowed
            | ErrorCode::TermsNotAccepted
            | ErrorCode::FeeInputInvalid
            | ErrorCode::PolicyNotCompliant
            | ErrorCode::PolicyVersionNotFound
            | ErrorCode::FeedbackNotFound
            | ErrorCode::GroundNotPossible
            | ErrorCode::RemovalNotPossible
            | ErrorCode::ExplanationMissing
            | ErrorCode::ExplanationTooLong
            | ErrorCode::QuestionMissing
            | ErrorCode::QuestionTooLong
            | ErrorCode::AlertThresholdOutOfRange
            | ErrorCode::AlertThresholdRepeated
            | ErrorCode::AlertTooManyThresholds
            | ErrorCode::QuietMinuteOutOfRange
            | ErrorCode::QuietHoursEmpty
            | ErrorCode::UpdateSignatureInvalid
            | ErrorCode::UpdateUnreachable
            | ErrorCode::UpdateManifestInvalid
            | ErrorCode::UpdateInstallFailed
            | ErrorCode::UpdateNotAvailable
            | ErrorCode::Unauthorized
            | ErrorCode::NotFound
            | ErrorCode::InvalidRequest
            | ErrorCode::InvalidCursor
            | ErrorCode::CursorExpired
            | ErrorCode::PayloadTooLarge
            | ErrorCode::UnsupportedMediaType
            | ErrorCode::Internal
            | ErrorCode::IdempotencyKeyMissing
            | ErrorCode::IdempotencyKeyReused
            | ErrorCode::IdempotencyKeyInFlight
            | ErrorCode::EnrollmentConflict
            | ErrorCode::EnrollmentIneligible
            | ErrorCode::ShipmentRejected
            | ErrorCode::ReturnPolicyRejected
            | ErrorCode::RemovalNotAllowed
            | ErrorCode::RemovalAlreadyRequested
            | ErrorCode::TextTooLong
            | ErrorCode::InvalidText
            | ErrorCode::Unavailable
            | ErrorCode::RequestTimeout
            | ErrorCode::RateLimited
            | ErrorCode::ServiceRefused => 1,
        };
        assert_eq!(ErrorCode::ALL.iter().map(|c| count(*c)).sum::<usize>(), 86);
    }

    #[test]
    fn every_service_problem_code_has_its_own_error() {
        for code in [
            ProblemCode::CaseResolved,
            ProblemCode::ShipmentRejected,
            ProblemCode::EnrollmentConflict,
            ProblemCode::IdempotencyKeyReused,
            ProblemCode::InvalidText,
            ProblemCode::Unavailable,
            ProblemCode::RequestTimeout,
            ProblemCode::RateLimited,
        ] {
            assert_ne!(AppError::from_problem(code.as_str()).code, ErrorCode::ServiceRefused, "{code:?}");
        }
        // The service's limit on explanations and questions (csba_api::limits).
        assert_eq!(AppError::from_problem("text_too_long").code, ErrorCode::TextTooLong);
        let unknown = AppError::from_problem("brand_new_rule");
        assert_eq!(unknown.code, ErrorCode::ServiceRefused);
        assert_eq!(unknown.args.get("code").map(String::as_str), Some("brand_new_rule"));
    }

    #[test]
    fn answers_are_classified_by_problem_code_not_status() {
        let with = |code: ProblemCode, status: u16| {
            let mut p = Problem::new(code, "t");
            p.status = status;
            AppError::from(&ClientError::Problem(Box::new(p))).code
        };
        // A proxy that answers 400 with our problem code still means the token.
        assert_eq!(with(ProblemCode::Unauthorized, 400), ErrorCode::TokenRejected);
        assert_eq!(with(ProblemCode::CaseResolved, 409), ErrorCode::CaseResolved);
        assert_eq!(with(ProblemCode::Internal, 500), ErrorCode::ServiceFailed);
        assert_eq!(AppError::from(&ClientError::Unreachable("x".into())).code, ErrorCode::ServiceUnreachable);
        assert_eq!(AppError::from(&ClientError::Protocol { status: 404 }).code, ErrorCode::NotCsbaService);
    }
}
