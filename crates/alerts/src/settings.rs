//! The seller's alert settings: thresholds per kind, quiet hours, the tray.

use crate::obligation::ObligationKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The largest threshold: 30 days. Further ahead than that an alert is noise
/// (and nothing the app tracks has a longer window).
pub const MAX_THRESHOLD_MINUTES: u32 = 43_200;

/// The most thresholds one kind may have; more would be a notification storm.
pub const MAX_THRESHOLDS_PER_KIND: usize = 8;

/// Minutes in a day: quiet-hour bounds are minutes after local midnight below it.
pub const MINUTES_PER_DAY: u16 = 1440;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AlertSettings {
    /// One entry per kind, in ObligationKind::ALL order: minutes before the deadline at which to
    /// alert, most distant first; 0 = when the deadline passes (overdue). Empty = no alerts for it.
    pub thresholds: Vec<KindThresholds>,
    pub quiet_hours: Option<QuietHours>,
    /// Closing the window keeps the app in the tray (when there is a tray).
    pub close_to_tray: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KindThresholds {
    pub kind: ObligationKind,
    pub minutes: Vec<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuietHours {
    /// Minutes after local midnight, 0..1440; the window may wrap midnight (22:00–07:00).
    pub start: u16,
    pub end: u16,
    /// Still alert, during quiet hours, for what falls due inside them.
    pub alert_due_inside: bool,
}

/// The default thresholds of a kind, most distant first. Why these:
/// - a case (24 h): 6 h leaves a working session to find facts, 2 h is enough
///   to write a reply, 30 min is the last call; past it CSBA decides alone;
/// - a refund (2 business days): the day before, then 4 h before the end of
///   the last day, then late (Amazon refunds on its own and charges it);
/// - a service question: only when CSBA's 48 h pass, to follow up;
/// - identity verification (14 days): 3 days and 1 day ahead, documents take time;
/// - feedback removal: a week and a day before the window closes; after it
///   closes nothing can be done, so no "overdue";
/// - tracking: 4 h and 1 h before ship-by, then late (it counts against the
///   valid-tracking rate).
pub fn default_minutes(kind: ObligationKind) -> &'static [u32] {
    match kind {
        ObligationKind::CaseReply => &[360, 120, 30, 0],
        ObligationKind::Refund => &[1440, 240, 0],
        ObligationKind::ServiceQuestion => &[0],
        ObligationKind::IdentityVerification => &[4320, 1440, 0],
        ObligationKind::FeedbackRemoval => &[10080, 1440],
        ObligationKind::Tracking => &[240, 60, 0],
    }
}

impl Default for AlertSettings {
    fn default() -> Self {
        AlertSettings {
            thresholds: ObligationKind::ALL
                .into_iter()
                .map(|kind| KindThresholds { kind, minutes: default_minutes(kind).to_vec() })
                .collect(),
            quiet_hours: None,
            close_to_tray: true,
        }
    }
}

/// A setting that cannot be saved, at the field the UI shows it next to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SettingsViolation {
    pub field: String,
    pub code: ViolationCode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ViolationCode {
    /// A threshold beyond [`MAX_THRESHOLD_MINUTES`].
    ThresholdOutOfRange,
    /// The same threshold twice for one kind (or the kind given twice).
    ThresholdRepeated,
    /// More than [`MAX_THRESHOLDS_PER_KIND`] thresholds for one kind.
    TooManyThresholds,
    /// A quiet-hours bound at or past 24:00.
    QuietMinuteOutOfRange,
    /// Quiet hours that start when they end.
    QuietHoursEmpty,
}

impl ViolationCode {
    pub fn code(self) -> &'static str {
        match self {
            ViolationCode::ThresholdOutOfRange => "threshold_out_of_range",
            ViolationCode::ThresholdRepeated => "threshold_repeated",
            ViolationCode::TooManyThresholds => "too_many_thresholds",
            ViolationCode::QuietMinuteOutOfRange => "quiet_minute_out_of_range",
            ViolationCode::QuietHoursEmpty => "quiet_hours_empty",
        }
    }
}

impl AlertSettings {
    /// The thresholds of `kind` as given (the first entry for it); a kind
    /// with no entry has its defaults, as in [`AlertSettings::normalized`],
    /// so settings saved before a kind existed still alert for it.
    pub fn thresholds_for(&self, kind: ObligationKind) -> &[u32] {
        self.thresholds.iter().find(|t| t.kind == kind).map_or_else(|| default_minutes(kind), |t| t.minutes.as_slice())
    }

    /// Sorted (most distant first), deduplicated copy; missing kinds get their defaults.
    /// Entries come out in `ObligationKind::ALL` order, one per kind (a
    /// repeated kind's later entries are dropped, as `thresholds_for` ignores
    /// them). Values are not clamped: `violations` refuses them on save.
    pub fn normalized(&self) -> AlertSettings {
        let thresholds = ObligationKind::ALL
            .into_iter()
            .map(|kind| {
                let mut minutes = self.thresholds_for(kind).to_vec();
                minutes.sort_unstable_by(|a, b| b.cmp(a));
                minutes.dedup();
                KindThresholds { kind, minutes }
            })
            .collect();
        AlertSettings { thresholds, quiet_hours: self.quiet_hours, close_to_tray: self.close_to_tray }
    }

    /// Every violation, each at its field: "thresholds.<kind>.<index>" (ThresholdOutOfRange: > 43200
    /// = 30 days; ThresholdRepeated), "thresholds.<kind>" (TooManyThresholds: more than 8),
    /// "quiet_hours.start" / "quiet_hours.end" (QuietMinuteOutOfRange: ≥ 1440), "quiet_hours"
    /// (QuietHoursEmpty: start == end).
    ///
    /// The index is the position in the list as given (what the UI shows);
    /// a repeat is reported at its second occurrence. A kind given twice is
    /// ThresholdRepeated at "thresholds.<kind>". In field order: thresholds
    /// entry by entry, then quiet hours.
    pub fn violations(&self) -> Vec<SettingsViolation> {
        let mut found = Vec::new();
        let mut at = |field: String, code: ViolationCode| found.push(SettingsViolation { field, code });
        for (n, entry) in self.thresholds.iter().enumerate() {
            let kind = entry.kind.code();
            if self.thresholds[..n].iter().any(|earlier| earlier.kind == entry.kind) {
                at(format!("thresholds.{kind}"), ViolationCode::ThresholdRepeated);
                continue;
            }
            if entry.minutes.len() > MAX_THRESHOLDS_PER_KIND {
                at(format!("thresholds.{kind}"), ViolationCode::TooManyThresholds);
            }
            for (i, &m) in entry.minutes.iter().enumerate() {
                if m > MAX_THRESHOLD_MINUTES {
                    at(format!("thresholds.{kind}.{i}"), ViolationCode::ThresholdOutOfRange);
                } else if entry.minutes[..i].contains(&m) {
                    at(format!("thresholds.{kind}.{i}"), ViolationCode::ThresholdRepeated);
                }
            }
        }
        if let Some(q) = &self.quiet_hours {
            let start_ok = q.start < MINUTES_PER_DAY;
            let end_ok = q.end < MINUTES_PER_DAY;
            if !start_ok {
                at("quiet_hours.start".into(), ViolationCode::QuietMinuteOutOfRange);
            }
            if !end_ok {
                at("quiet_hours.end".into(), ViolationCode::QuietMinuteOutOfRange);
            }
            if start_ok && end_ok && q.start == q.end {
                at("quiet_hours".into(), ViolationCode::QuietHoursEmpty);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn violation(field: &str, code: ViolationCode) -> SettingsViolation {
        SettingsViolation { field: field.into(), code }
    }

    #[test]
    fn defaults_cover_every_kind_in_order_and_are_valid() {
        let d = AlertSettings::default();
        let kinds: Vec<_> = d.thresholds.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, ObligationKind::ALL.to_vec());
        assert_eq!(d.thresholds_for(ObligationKind::CaseReply), &[360, 120, 30, 0]);
        assert_eq!(d.thresholds_for(ObligationKind::Refund), &[1440, 240, 0]);
        assert_eq!(d.thresholds_for(ObligationKind::ServiceQuestion), &[0]);
        assert_eq!(d.thresholds_for(ObligationKind::IdentityVerification), &[4320, 1440, 0]);
        assert_eq!(d.thresholds_for(ObligationKind::FeedbackRemoval), &[10080, 1440]);
        assert_eq!(d.thresholds_for(ObligationKind::Tracking), &[240, 60, 0]);
        assert_eq!(d.quiet_hours, None);
        assert!(d.close_to_tray);
        assert_eq!(d.violations(), vec![]);
        assert_eq!(d.normalized(), d);
    }

    #[test]
    fn normalized_sorts_dedups_orders_and_fills_missing_kinds() {
        let s = AlertSettings {
            thresholds: vec![
                KindThresholds { kind: ObligationKind::Tracking, minutes: vec![5, 600, 5, 0] },
                KindThresholds { kind: ObligationKind::CaseReply, minutes: vec![] },
                KindThresholds { kind: ObligationKind::Tracking, minutes: vec![1] },
            ],
            quiet_hours: Some(QuietHours { start: 1320, end: 420, alert_due_inside: true }),
            close_to_tray: false,
        };
        let n = s.normalized();
        let kinds: Vec<_> = n.thresholds.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, ObligationKind::ALL.to_vec());
        assert_eq!(n.thresholds_for(ObligationKind::Tracking), &[600, 5, 0]);
        assert_eq!(n.thresholds_for(ObligationKind::CaseReply), &[] as &[u32]);
        assert_eq!(n.thresholds_for(ObligationKind::Refund), &[1440, 240, 0]);
        assert_eq!(n.quiet_hours, s.quiet_hours);
        assert!(!n.close_to_tray);
        // A kind without an entry alerts at its defaults even before normalizing.
        assert_eq!(s.thresholds_for(ObligationKind::Refund), &[1440, 240, 0]);
    }

    #[test]
    fn every_violation_is_reported_at_its_field() {
        let s = AlertSettings {
            thresholds: vec![
                KindThresholds { kind: ObligationKind::CaseReply, minutes: vec![43_200, 43_201, 30, 30] },
                KindThresholds { kind: ObligationKind::Refund, minutes: (0..9).collect() },
                KindThresholds { kind: ObligationKind::CaseReply, minutes: vec![1] },
            ],
            quiet_hours: Some(QuietHours { start: 1440, end: 2000, alert_due_inside: false }),
            close_to_tray: true,
        };
        assert_eq!(
            s.violations(),
            vec![
                violation("thresholds.case_reply.1", ViolationCode::ThresholdOutOfRange),
                violation("thresholds.case_reply.3", ViolationCode::ThresholdRepeated),
                violation("thresholds.refund", ViolationCode::TooManyThresholds),
                violation("thresholds.case_reply", ViolationCode::ThresholdRepeated),
                violation("quiet_hours.start", ViolationCode::QuietMinuteOutOfRange),
                violation("quiet_hours.end", ViolationCode::QuietMinuteOutOfRange),
            ]
        );
    }

    #[test]
    fn quiet_hours_bounds() {
        let with = |start, end| AlertSettings {
            quiet_hours: Some(QuietHours { start, end, alert_due_inside: false }),
            ..AlertSettings::default()
        };
        assert_eq!(with(1439, 0).violations(), vec![]);
        assert_eq!(with(600, 600).violations(), vec![violation("quiet_hours", ViolationCode::QuietHoursEmpty)]);
        assert_eq!(
            with(0, 1440).violations(),
            vec![violation("quiet_hours.end", ViolationCode::QuietMinuteOutOfRange)]
        );
        // Eight thresholds are allowed, 30 days exactly too.
        let eight = AlertSettings {
            thresholds: vec![KindThresholds {
                kind: ObligationKind::Tracking,
                minutes: vec![43_200, 7, 6, 5, 4, 3, 2, 1],
            }],
            ..AlertSettings::default()
        };
        assert_eq!(eight.violations(), vec![]);
    }

    #[test]
    fn serialized_shape_is_what_the_ui_and_the_settings_table_hold() -> Result<(), serde_json::Error> {
        let s = AlertSettings {
            thresholds: vec![KindThresholds { kind: ObligationKind::ServiceQuestion, minutes: vec![0] }],
            quiet_hours: Some(QuietHours { start: 1320, end: 420, alert_due_inside: true }),
            close_to_tray: true,
        };
        let json = serde_json::to_string(&s)?;
        assert_eq!(
            json,
            r#"{"thresholds":[{"kind":"service_question","minutes":[0]}],"quiet_hours":{"start":1320,"end":420,"alert_due_inside":true},"close_to_tray":true}"#
        );
        assert_eq!(serde_json::from_str::<AlertSettings>(&json)?, s);
        Ok(())
    }
}

#[cfg(test)]
mod ts_shape {
    use super::*;

    /// What the UI's hand-written types (until bindings are generated) must match.
    #[test]
    fn typescript_declarations() {
        let settings = AlertSettings::decl();
        assert!(settings.contains("thresholds: Array<KindThresholds>"), "{settings}");
        assert!(settings.contains("quiet_hours: QuietHours | null"), "{settings}");
        assert!(settings.contains("close_to_tray: boolean"), "{settings}");
        let quiet = QuietHours::decl();
        assert!(quiet.contains("start: number, end: number,"), "{quiet}");
        assert!(quiet.contains("alert_due_inside: boolean"), "{quiet}");
        let kind = ObligationKind::decl();
        assert!(kind.contains(r#""case_reply" | "refund" | "service_question""#), "{kind}");
    }
}
