//! Deadlines. A CSBA inquiry must be answered within 24 elapsed hours —
//! weekends, holidays and daylight-saving changes do not stop the clock — so
//! the deadline is plain UTC arithmetic on the instant the case was opened.

use chrono::{DateTime, Duration, Utc};

/// How long the seller has to answer an escalation case.
pub const CASE_RESPONSE_WINDOW: Duration = Duration::hours(24);

/// The instant by which the seller must answer a case opened at `opened_at`.
pub fn case_respond_by(opened_at: DateTime<Utc>) -> DateTime<Utc> {
    opened_at + CASE_RESPONSE_WINDOW
}

/// Time remaining before a deadline, or how far past it we are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeLeft {
    Remaining(Duration),
    Overdue(Duration),
}

impl TimeLeft {
    /// `now` is passed in: callers use the server's clock (local clock plus
    /// the measured offset), never the local clock alone.
    pub fn until(deadline: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        if now < deadline {
            TimeLeft::Remaining(deadline - now)
        } else {
            TimeLeft::Overdue(now - deadline)
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, TimeLeft::Overdue(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn deadline_is_24_elapsed_hours_even_across_a_weekend() {
        // Friday 18:00 UTC → Saturday 18:00 UTC: weekends do not pause CSBA.
        let opened = Utc.with_ymd_and_hms(2026, 11, 20, 18, 0, 0).single();
        let due = Utc.with_ymd_and_hms(2026, 11, 21, 18, 0, 0).single();
        assert_eq!(opened.map(case_respond_by), due);
    }

    #[test]
    fn time_left_flips_to_overdue_at_the_deadline() {
        let deadline = Utc.with_ymd_and_hms(2026, 3, 8, 12, 0, 0).single().unwrap_or_default();
        let before = deadline - Duration::minutes(5);
        let after = deadline + Duration::minutes(90);
        assert_eq!(TimeLeft::until(deadline, before), TimeLeft::Remaining(Duration::minutes(5)));
        assert_eq!(TimeLeft::until(deadline, deadline), TimeLeft::Overdue(Duration::zero()));
        assert_eq!(TimeLeft::until(deadline, after), TimeLeft::Overdue(Duration::minutes(90)));
        assert!(TimeLeft::until(deadline, after).is_overdue());
    }
}
