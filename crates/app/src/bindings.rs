//! The TypeScript twins of every type that crosses into the UI, generated
//! by ts-rs into `ui/src/bindings/`. Run with `UPDATE_BINDINGS=1` to
//! rewrite them after changing a type; otherwise this fails when they are
//! stale.

use crate::alerts::*;
use crate::enrollment::*;
use crate::error::{AppError, ErrorCode};
use crate::feedback::*;
use crate::filter::ViewFilter;
use crate::nav::Badges;
use crate::orders::*;
use crate::performance::*;
use crate::policy::*;
use crate::questions::*;
use crate::templates::ReplyTemplate;
use crate::updates::{UpdateAction, UpdatePhase, UpdateState};
use crate::upload::*;
use crate::views::*;
use csba_domain::policy;
use csba_domain::{CaseKind, CaseStatus, Marketplace};
use csba_i18n::Locale;
use csba_store::{AccountId, ActionKind, CaseView};
use csba_store::{
    ActivePeriod, EligibilityCheck, EnrollmentRecord, OrderView, TrialPeriod, UploadProgress, UploadRowResult,
};
use csba_sync::Connectivity;
use std::path::Path;
use ts_rs::TS;

/// Every exported type, by file name.
pub(crate) fn all() -> Result<Vec<(&'static str, String)>, ts_rs::ExportError> {
    Ok(vec![
        ("Inbox", Inbox::export_to_string()?),
        ("AccountView", AccountView::export_to_string()?),
        ("QueueCounts", QueueCounts::export_to_string()?),
        ("QueueState", QueueState::export_to_string()?),
        ("QueueItem", QueueItem::export_to_string()?),
        ("MessageView", MessageView::export_to_string()?),
        ("DraftView", DraftView::export_to_string()?),
        ("CaseDetail", CaseDetail::export_to_string()?),
        ("AccountId", AccountId::export_to_string()?),
        ("ActionKind", ActionKind::export_to_string()?),
        ("SyncView", SyncView::export_to_string()?),
        ("ServiceKind", ServiceKind::export_to_string()?),
        ("Settings", Settings::export_to_string()?),
        ("AppError", AppError::export_to_string()?),
        ("ErrorCode", ErrorCode::export_to_string()?),
        ("CaseView", CaseView::export_to_string()?),
        ("Connectivity", Connectivity::export_to_string()?),
        ("Locale", Locale::export_to_string()?),
        ("Marketplace", Marketplace::export_to_string()?),
        ("CaseKind", CaseKind::export_to_string()?),
        ("CaseStatus", CaseStatus::export_to_string()?),
        ("ViewFilter", ViewFilter::export_to_string()?),
        ("Badges", Badges::export_to_string()?),
        ("OrdersScreen", OrdersScreen::export_to_string()?),
        ("OrderRow", OrderRow::export_to_string()?),
        ("OrderView", OrderView::export_to_string()?),
        ("OrderTracking", csba_api::OrderTracking::export_to_string()?),
        ("QueuedTracking", QueuedTracking::export_to_string()?),
        ("TrackingRate", TrackingRate::export_to_string()?),
        ("TrackingVerdict", TrackingVerdict::export_to_string()?),
        ("UploadOptions", UploadOptions::export_to_string()?),
        ("UploadProblem", UploadProblem::export_to_string()?),
        ("AmbiguousRow", AmbiguousRow::export_to_string()?),
        ("UploadPreview", UploadPreview::export_to_string()?),
        ("PreviewHandle", PreviewHandle::export_to_string()?),
        ("UploadStatus", UploadStatus::export_to_string()?),
        ("UploadProgress", UploadProgress::export_to_string()?),
        ("UploadRowResult", UploadRowResult::export_to_string()?),
        ("TemplateKind", TemplateKind::export_to_string()?),
        ("FileDownload", FileDownload::export_to_string()?),
        ("ProgramScreen", ProgramScreen::export_to_string()?),
        ("ProgramView", ProgramView::export_to_string()?),
        ("EnrollmentRecord", EnrollmentRecord::export_to_string()?),
        ("ActivePeriod", ActivePeriod::export_to_string()?),
        ("TrialPeriod", TrialPeriod::export_to_string()?),
        ("EligibilityCheck", EligibilityCheck::export_to_string()?),
        ("PendingAction", PendingAction::export_to_string()?),
        ("FeeQuote", FeeQuote::export_to_string()?),
        ("ReplyTemplate", ReplyTemplate::export_to_string()?),
        ("PolicyScreen", PolicyScreen::export_to_string()?),
        ("PolicyView", PolicyView::export_to_string()?),
        ("FieldViolation", FieldViolation::export_to_string()?),
        ("RulesSummary", RulesSummary::export_to_string()?),
        ("PolicyChange", PolicyChange::export_to_string()?),
        ("ReturnRefundView", ReturnRefundView::export_to_string()?),
        ("ReturnPolicyRecord", csba_store::ReturnPolicyRecord::export_to_string()?),
        ("ReturnPolicy", policy::ReturnPolicy::export_to_string()?),
        ("ReturnMode", policy::ReturnMode::export_to_string()?),
        ("ReturnAddress", policy::ReturnAddress::export_to_string()?),
        ("Country", policy::Country::export_to_string()?),
        ("Payer", policy::Payer::export_to_string()?),
        ("Category", policy::Category::export_to_string()?),
        ("CategoryTerms", policy::CategoryTerms::export_to_string()?),
        ("RestockingFee", policy::RestockingFee::export_to_string()?),
        ("RestockingWhen", policy::RestockingWhen::export_to_string()?),
        ("ReturnReason", policy::ReturnReason::export_to_string()?),
        ("ViolationCode", policy::ViolationCode::export_to_string()?),
        ("FeedbackScreen", FeedbackScreen::export_to_string()?),
        ("FeedbackView", FeedbackView::export_to_string()?),
        ("CommentSpan", CommentSpan::export_to_string()?),
        ("RemovalDraftView", RemovalDraftView::export_to_string()?),
        ("FeedbackRecord", csba_store::FeedbackRecord::export_to_string()?),
        ("PossibleGround", csba_store::PossibleGround::export_to_string()?),
        ("RemovalRequestRecord", csba_store::RemovalRequestRecord::export_to_string()?),
        ("QuestionsScreen", QuestionsScreen::export_to_string()?),
        ("QuestionView", QuestionView::export_to_string()?),
        ("ServiceQuestionRecord", csba_store::ServiceQuestionRecord::export_to_string()?),
        ("PerformanceScreen", PerformanceScreen::export_to_string()?),
        ("PerformancePanel", PerformancePanel::export_to_string()?),
        ("WeekPoint", WeekPoint::export_to_string()?),
        ("PauseSpan", PauseSpan::export_to_string()?),
        ("Comparison", Comparison::export_to_string()?),
        ("MetricChange", MetricChange::export_to_string()?),
        ("AlertSettingsScreen", AlertSettingsScreen::export_to_string()?),
        ("AlertSettings", csba_alerts::AlertSettings::export_to_string()?),
        ("KindThresholds", csba_alerts::KindThresholds::export_to_string()?),
        ("QuietHours", csba_alerts::QuietHours::export_to_string()?),
        ("ObligationKind", csba_alerts::ObligationKind::export_to_string()?),
        ("DesktopSupport", DesktopSupport::export_to_string()?),
        ("Availability", Availability::export_to_string()?),
        ("NotificationCheck", NotificationCheck::export_to_string()?),
        ("SnoozeChoice", SnoozeChoice::export_to_string()?),
        ("OpenTarget", OpenTarget::export_to_string()?),
        ("DeskAlert", DeskAlert::export_to_string()?),
        ("UpdateState", UpdateState::export_to_string()?),
        ("UpdatePhase", UpdatePhase::export_to_string()?),
        ("UpdateAction", UpdateAction::export_to_string()?),
    ])
}

#[test]
fn typescript_bindings_are_up_to_date() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings");
    let update = std::env::var_os("UPDATE_BINDINGS").is_some();
    let mut stale = Vec::new();
    for (name, source) in all()? {
        let path = dir.join(format!("{name}.ts"));
        if update {
            std::fs::create_dir_all(&dir)?;
            std::fs::write(&path, &source)?;
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(source.as_str()) {
            stale.push(name);
        }
    }
    assert!(stale.is_empty(), "stale TypeScript bindings {stale:?}: run `UPDATE_BINDINGS=1 cargo test -p csba-app`");
    Ok(())
}
