//! Where choosing an alert (a notification, a tray menu entry, an in-window
//! alert) takes the seller: the shell emits it to the UI as `open-target`.

use csba_alerts::{ObligationKey, ObligationKind};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OpenTarget {
    /// `case` and `order` open that object; the others are screens
    /// (`returns`, `questions`, `enrollment`, `feedback`).
    pub screen: String,
    #[ts(type = "number")]
    pub account_id: i64,
    /// The case, order, question or feedback id; the marketplace code for
    /// an enrollment.
    pub id: String,
}

pub fn open_target(key: &ObligationKey) -> OpenTarget {
    let screen = match key.kind {
        ObligationKind::CaseReply => "case",
        ObligationKind::Refund => "returns",
        ObligationKind::ServiceQuestion => "questions",
        ObligationKind::IdentityVerification => "enrollment",
        ObligationKind::FeedbackRemoval => "feedback",
        ObligationKind::Tracking => "order",
    };
    OpenTarget { screen: screen.to_owned(), account_id: key.account_id, id: key.object_id.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_opens_its_screen_with_its_object() {
        let targets: Vec<(String, i64, String)> = ObligationKind::ALL
            .into_iter()
            .map(|kind| open_target(&ObligationKey::new(kind, 3, "113-0001")))
            .map(|t| (t.screen, t.account_id, t.id))
            .collect();
        let expected: Vec<(String, i64, String)> = ["case", "returns", "questions", "enrollment", "feedback", "order"]
            .into_iter()
            .map(|s| (s.to_owned(), 3, "113-0001".to_owned()))
            .collect();
        assert_eq!(targets, expected);
    }
}
