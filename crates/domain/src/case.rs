use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why CSBA escalated a buyer contact to the seller (DESIGN.md, mission 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    /// A product question the detail page does not answer.
    ProductQuestion,
    /// A return CSBA cannot judge alone.
    Return,
    /// A delivery CSBA must investigate.
    Delivery,
    /// A refund that needs the seller's approval.
    Refund,
    /// A change to an order.
    OrderChange,
}

impl CaseKind {
    pub const ALL: [CaseKind; 5] =
        [CaseKind::ProductQuestion, CaseKind::Return, CaseKind::Delivery, CaseKind::Refund, CaseKind::OrderChange];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseKind::ProductQuestion => "product_question",
            CaseKind::Return => "return",
            CaseKind::Delivery => "delivery",
            CaseKind::Refund => "refund",
            CaseKind::OrderChange => "order_change",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Waiting for the seller's answer.
    Open,
    /// The seller answered.
    Answered,
    /// The deadline passed and CSBA decided on its own judgment.
    ResolvedByCsba,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 3] = [CaseStatus::Open, CaseStatus::Answered, CaseStatus::ResolvedByCsba];

    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Answered => "answered",
            CaseStatus::ResolvedByCsba => "resolved_by_csba",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_statuses_round_trip_through_their_names() {
        for k in CaseKind::ALL {
            assert_eq!(CaseKind::parse(k.as_str()), Some(k));
        }
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(CaseKind::parse("nonsense"), None);
    }
}
