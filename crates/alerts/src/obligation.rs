//! What the seller owes, with a deadline, and the stable key it is remembered by.

use chrono::{DateTime, Duration, Utc};
use csba_domain::Marketplace;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What has a deadline. Serialized snake_case; `code()` is the same string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ObligationKind {
    /// An escalation case to answer within 24 hours.
    CaseReply,
    /// A returned item to refund within the marketplace's business days.
    Refund,
    /// A question to CSBA awaiting its answer (48 hours); past it, follow up.
    ServiceQuestion,
    /// A JP enrollment that lapses unless the identity is verified.
    IdentityVerification,
    /// Negative feedback whose removal window is closing.
    FeedbackRemoval,
    /// An order that needs its tracking ID by ship-by.
    Tracking,
}

impl ObligationKind {
    /// Every kind, in the order settings and summaries list them.
    pub const ALL: [ObligationKind; 6] = [
        ObligationKind::CaseReply,
        ObligationKind::Refund,
        ObligationKind::ServiceQuestion,
        ObligationKind::IdentityVerification,
        ObligationKind::FeedbackRemoval,
        ObligationKind::Tracking,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ObligationKind::CaseReply => "case_reply",
            ObligationKind::Refund => "refund",
            ObligationKind::ServiceQuestion => "service_question",
            ObligationKind::IdentityVerification => "identity_verification",
            ObligationKind::FeedbackRemoval => "feedback_removal",
            ObligationKind::Tracking => "tracking",
        }
    }

    /// The inverse of [`ObligationKind::code`].
    pub fn from_code(code: &str) -> Option<ObligationKind> {
        ObligationKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One obligation, independent of its deadline: the deadline may move (a
/// server offset, a holiday table) but what was told about it stays told.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObligationKey {
    pub kind: ObligationKind,
    pub account_id: i64,
    pub object_id: String,
}

impl ObligationKey {
    pub fn new(kind: ObligationKind, account_id: i64, object_id: impl Into<String>) -> ObligationKey {
        ObligationKey { kind, account_id, object_id: object_id.into() }
    }

    /// Stable text for the told-ledger, e.g. "case_reply/1/113-0001"; `parse` is its inverse.
    pub fn ledger_key(&self) -> String {
        format!("{}/{}/{}", self.kind.code(), self.account_id, self.object_id)
    }

    /// Reads a [`ObligationKey::ledger_key`]. The object id is the rest of
    /// the text, so ids containing '/' survive. Only the exact form
    /// `ledger_key` writes is accepted ("+1" or "01" for the account is not),
    /// so one obligation never has two ledger rows.
    pub fn parse(s: &str) -> Option<ObligationKey> {
        let mut parts = s.splitn(3, '/');
        let kind = ObligationKind::from_code(parts.next()?)?;
        let account_id = parts.next()?.parse::<i64>().ok()?;
        let object_id = parts.next()?;
        let key = ObligationKey::new(kind, account_id, object_id);
        (key.ledger_key() == s).then_some(key)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Obligation {
    pub key: ObligationKey,
    pub marketplace: Marketplace,
    /// The deadline, on the account's service clock.
    pub due: DateTime<Utc>,
    /// The account's service clock minus the local clock (sync_state.server_offset_ms).
    pub server_offset: Duration,
    /// What the seller knows it by (case id, order id, feedback's order id): data, shown as is.
    pub label: String,
}

impl Obligation {
    /// The deadline on the local clock: alerts are timed by the clock the
    /// scheduler sleeps on, while the deadline is set by the service's.
    pub fn due_local(&self) -> DateTime<Utc> {
        self.due.checked_sub_signed(self.server_offset).unwrap_or(self.due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn codes_are_the_serialized_names_and_round_trip() -> Result<(), serde_json::Error> {
        for kind in ObligationKind::ALL {
            assert_eq!(serde_json::to_string(&kind)?, format!("\"{}\"", kind.code()));
            assert_eq!(ObligationKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(ObligationKind::from_code("case"), None);
        Ok(())
    }

    #[test]
    fn ledger_key_round_trips_and_keeps_slashes_in_the_id() {
        let key = ObligationKey::new(ObligationKind::CaseReply, 1, "113-0001");
        assert_eq!(key.ledger_key(), "case_reply/1/113-0001");
        assert_eq!(ObligationKey::parse("case_reply/1/113-0001"), Some(key));
        let odd = ObligationKey::new(ObligationKind::Tracking, -7, "a/b/c");
        assert_eq!(odd.ledger_key(), "tracking/-7/a/b/c");
        assert_eq!(ObligationKey::parse(&odd.ledger_key()), Some(odd));
    }

    #[test]
    fn parse_refuses_what_ledger_key_never_writes() {
        for bad in ["", "case_reply", "case_reply/1", "case/1/x", "refund/x/1", "refund/+1/x", "refund/01/x"] {
            assert_eq!(ObligationKey::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn due_local_takes_the_service_clock_lead_off() {
        let due = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).single();
        let Some(due) = due else { panic!("valid instant") };
        let o = Obligation {
            key: ObligationKey::new(ObligationKind::Refund, 2, "114-2222"),
            marketplace: Marketplace::Us,
            due,
            // The service clock runs 90 s ahead of ours: its deadline comes
            // 90 s earlier on our clock.
            server_offset: Duration::seconds(90),
            label: "114-2222".into(),
        };
        assert_eq!(o.due_local(), due - Duration::seconds(90));
    }
}
