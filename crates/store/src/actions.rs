//! The seller actions the outbox carries, as typed values. Each knows its
//! request (method, path, body) and the object it is about, which decides
//! what must go out in order: two replies to one case, an enrollment and
//! its pause, shipment batches (a later batch may fix an earlier one).

use crate::outbox::NewAction;
use crate::{JsonText, StoreError};
use csba_api::{EnrollRequest, RemovalRequestCreate, ReplyRequest, ServiceQuestionCreate, ShipmentConfirmationBatch};
use csba_domain::policy::ReturnPolicy;
use csba_domain::Marketplace;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of action an outbox entry is, for the queue screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Enroll,
    PauseEnrollment,
    ResumeEnrollment,
    TrackingUpload,
    ReturnPolicy,
    CaseReply,
    RemovalRequest,
    ServiceQuestion,
}

impl ActionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Enroll => "enroll",
            ActionKind::PauseEnrollment => "pause_enrollment",
            ActionKind::ResumeEnrollment => "resume_enrollment",
            ActionKind::TrackingUpload => "tracking_upload",
            ActionKind::ReturnPolicy => "return_policy",
            ActionKind::CaseReply => "case_reply",
            ActionKind::RemovalRequest => "removal_request",
            ActionKind::ServiceQuestion => "service_question",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        ALL.iter().copied().find(|kind| kind.as_str() == s)
    }
}

const ALL: [ActionKind; 8] = [
    ActionKind::Enroll,
    ActionKind::PauseEnrollment,
    ActionKind::ResumeEnrollment,
    ActionKind::TrackingUpload,
    ActionKind::ReturnPolicy,
    ActionKind::CaseReply,
    ActionKind::RemovalRequest,
    ActionKind::ServiceQuestion,
];

/// A seller action with its data.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Enroll { marketplace: Marketplace, request: EnrollRequest },
    PauseEnrollment { marketplace: Marketplace },
    ResumeEnrollment { marketplace: Marketplace },
    TrackingUpload { batch: ShipmentConfirmationBatch },
    ReturnPolicy { marketplace: Marketplace, policy: ReturnPolicy },
    CaseReply { case_id: String, request: ReplyRequest },
    RemovalRequest { feedback_id: String, request: RemovalRequestCreate },
    ServiceQuestion { request: ServiceQuestionCreate },
}

impl Action {
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Enroll { .. } => ActionKind::Enroll,
            Action::PauseEnrollment { .. } => ActionKind::PauseEnrollment,
            Action::ResumeEnrollment { .. } => ActionKind::ResumeEnrollment,
            Action::TrackingUpload { .. } => ActionKind::TrackingUpload,
            Action::ReturnPolicy { .. } => ActionKind::ReturnPolicy,
            Action::CaseReply { .. } => ActionKind::CaseReply,
            Action::RemovalRequest { .. } => ActionKind::RemovalRequest,
            Action::ServiceQuestion { .. } => ActionKind::ServiceQuestion,
        }
    }

    /// The request to queue.
    pub fn to_request(&self) -> Result<NewAction, StoreError> {
        let seg = csba_api::path_segment;
        let (object_key, method, path, body) = match self {
            Action::Enroll { marketplace: m, request } => (
                format!("enrollment:{}", m.code()),
                "POST",
                format!("/v1/marketplaces/{}/enrollment", m.code()),
                Some(json(request)?),
            ),
            Action::PauseEnrollment { marketplace: m } => (
                format!("enrollment:{}", m.code()),
                "POST",
                format!("/v1/marketplaces/{}/enrollment/pause", m.code()),
                None,
            ),
            Action::ResumeEnrollment { marketplace: m } => (
                format!("enrollment:{}", m.code()),
                "POST",
                format!("/v1/marketplaces/{}/enrollment/resume", m.code()),
                None,
            ),
            // One object for every batch: a later upload may correct a
            // tracking number of an earlier one, so they must not overtake.
            Action::TrackingUpload { batch } => {
                ("shipments".to_owned(), "POST", "/v1/shipment-confirmations".to_owned(), Some(json(batch)?))
            }
            Action::ReturnPolicy { marketplace: m, policy } => (
                format!("return-policy:{}", m.code()),
                "PUT",
                format!("/v1/marketplaces/{}/return-policy", m.code()),
                Some(json(policy)?),
            ),
            Action::CaseReply { case_id, request } => {
                (format!("case:{case_id}"), "POST", format!("/v1/cases/{}/replies", seg(case_id)), Some(json(request)?))
            }
            Action::RemovalRequest { feedback_id, request } => (
                format!("feedback:{feedback_id}"),
                "POST",
                format!("/v1/feedback/{}/removal-requests", seg(feedback_id)),
                Some(json(request)?),
            ),
            Action::ServiceQuestion { request } => (
                format!("order:{}", request.order_id),
                "POST",
                "/v1/service-questions".to_owned(),
                Some(json(request)?),
            ),
        };
        Ok(NewAction { kind: self.kind(), object_key, method: method.to_owned(), path, body })
    }
}

fn json(value: &impl Serialize) -> Result<JsonText, StoreError> {
    JsonText::encode(value).map_err(|e| StoreError::corrupt(format!("cannot encode an action: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_name() {
        for kind in ALL {
            assert_eq!(ActionKind::parse(kind.as_str()), Some(kind));
            assert_eq!(serde_json::to_value(kind).ok(), Some(serde_json::Value::from(kind.as_str())));
        }
        assert_eq!(ActionKind::parse("refund"), None);
    }

    #[test]
    fn actions_on_one_object_share_its_key_and_paths_escape_ids() -> Result<(), StoreError> {
        let pause = Action::PauseEnrollment { marketplace: Marketplace::Jp }.to_request()?;
        let resume = Action::ResumeEnrollment { marketplace: Marketplace::Jp }.to_request()?;
        assert_eq!(pause.object_key, resume.object_key);
        assert_eq!(pause.path, "/v1/marketplaces/JP/enrollment/pause");
        let reply =
            Action::CaseReply { case_id: "a/b c".into(), request: ReplyRequest { body: "ok".into(), language: None } }
                .to_request()?;
        assert_eq!(reply.object_key, "case:a/b c");
        assert!(!reply.path.contains("a/b"), "{}", reply.path);
        assert_eq!(reply.kind, ActionKind::CaseReply);
        Ok(())
    }
}
