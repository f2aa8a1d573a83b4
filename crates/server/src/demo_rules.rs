//! The demo seller's feedback, removal requests, questions to the CSBA
//! team, returns awaiting their refund and return policies: everything the
//! returns, feedback, questions and performance screens show, relative to
//! the day the batch is written so it looks right on any day.

use crate::db::{to_ms, truncate_ms};
#[cfg(test)]
use crate::demo_rules_script::DemoFeedback;
use crate::demo_rules_script::{DemoRequest, FEEDBACK, POLICY_JP_V1, POLICY_JP_V2, POLICY_US, RETURNS};
use crate::error::{Result, ServerError};
use crate::feed;
use crate::feedback::{put_feedback, NewFeedback};
use crate::orders::put_order;
use crate::team::{answer_text, TeamPace};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use csba_api::{Order, OrderTracking, RemovalRequestView, Resource, ReturnPolicyVersion, ServiceQuestionView};
use csba_domain::calendar::add_business_days;
use csba_domain::deadline::service_question_answer_by;
use csba_domain::feedback::{compose_service_question, Fulfillment};
use csba_domain::policy::ReturnPolicy;
use csba_domain::tracking::Carrier;
use csba_domain::Marketplace;
use sqlx::AnyConnection;

/// Feed entries [`write_rules_batch`] adds: the feedback, its two decided
/// removal requests, two questions and the returned orders.
pub const RULES_CHANGES: usize = FEEDBACK.len() + 2 + 2 + RETURNS.len();
/// Orders [`write_rules_batch`] adds (the returned ones).
pub const RETURN_ORDERS: usize = RETURNS.len();
/// Feed entries [`write_policies`] adds (JP: 2 versions, US: 1).
pub const POLICY_CHANGES: usize = 3;

fn corrupt(e: impl std::fmt::Display) -> ServerError {
    ServerError::Corrupt(e.to_string())
}

/// The day a return must have arrived for its refund (2 business days
/// after arrival) to be due `due_in_days` days after today: the latest day
/// on or before today that gives that deadline, or failing one (the
/// deadline would fall on a weekend) the latest giving a later one.
pub fn received_for_refund_due(marketplace: Marketplace, today: NaiveDate, due_in_days: i64) -> Result<NaiveDate> {
    let target = today + Duration::days(due_in_days);
    let rules = marketplace.rules(today).map_err(corrupt)?;
    let mut fallback = today;
    for back in 0..14 {
        let day = today - Duration::days(back);
        let due = add_business_days(marketplace, day, rules.refund_business_days).map_err(corrupt)?;
        if due == target {
            return Ok(day);
        }
        if due > target {
            fallback = day;
        }
    }
    Ok(fallback)
}

/// One batch: feedback of every kind (a negative one whose removal window
/// closes within 3 days), one removal request removed and one declined, a
/// question answered and one just asked, returns awaiting their refund (JP
/// one due tomorrow). `jp_order` / `us_order` are orders of the batch the
/// questions are about; `new_id` draws fresh ids.
pub async fn write_rules_batch(
    conn: &mut AnyConnection,
    seller_id: &str,
    seller_name: &str,
    jp_order: &Order,
    new_id: &mut (dyn FnMut(Marketplace) -> String + Send),
    new_tracking: &mut (dyn FnMut(Carrier) -> String + Send),
    now: DateTime<Utc>,
) -> Result<()> {
    let now = truncate_ms(now);
    for script in &FEEDBACK {
        let feedback = NewFeedback {
            id: uuid::Uuid::new_v4().to_string(),
            order_id: new_id(script.marketplace),
            marketplace: script.marketplace,
            left_at: now - Duration::hours(script.hours_ago),
            rating: script.rating,
            comment: script.comment.to_owned(),
            fulfillment: if script.amazon_fulfilled { Fulfillment::Amazon } else { Fulfillment::Seller },
            handled_by_csba: script.handled_by_csba,
        };
        put_feedback(conn, seller_id, &feedback, now).await?;
        if let Some(request) = &script.request {
            write_decided_request(conn, seller_id, &feedback, request, now).await?;
        }
    }

    // One question answered two days ago, one asked just now (the sandbox
    // team answers it within minutes, the service's within a day).
    for (asked_at, answered) in [(now - Duration::days(3), true), (now, false)] {
        let text = if answered {
            "この注文の返品について、購入者様にどのようにご案内いただいたか教えてください。"
        } else {
            "購入者様から配送遅延のお問い合わせがあった件について、対応状況を教えてください。"
        };
        let composed = compose_service_question(seller_name, &jp_order.id, text).map_err(corrupt)?;
        let view = ServiceQuestionView {
            id: uuid::Uuid::new_v4().to_string(),
            order_id: composed.order_id,
            subject: composed.subject,
            question: composed.question,
            asked_at,
            answer_by: service_question_answer_by(asked_at),
            status: if answered { "answered" } else { "awaiting_answer" }.to_owned(),
            answer: answered.then(|| answer_text(Some(jp_order.marketplace), &jp_order.id)),
            answered_at: answered.then(|| asked_at + TeamPace::SERVICE.answer_after),
        };
        feed::record(conn, seller_id, now, &Resource::ServiceQuestion(view.clone())).await?;
        sqlx::query(
            "INSERT INTO service_questions (seller_id, id, order_id, subject, question, asked_at, answer_by, status, \
             answer, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(seller_id)
        .bind(&view.id)
        .bind(&view.order_id)
        .bind(&view.subject)
        .bind(&view.question)
        .bind(to_ms(view.asked_at))
        .bind(to_ms(view.answer_by))
        .bind(&view.status)
        .bind(&view.answer)
        .bind(view.answered_at.map(to_ms))
        .execute(&mut *conn)
        .await?;
    }

    for script in &RETURNS {
        let zone = script.marketplace.time_zone().map_err(corrupt)?;
        let today = now.with_timezone(&zone).date_naive();
        let day = received_for_refund_due(script.marketplace, today, script.refund_due_in_days)?;
        // Arrived in the late morning, local time, and never after now.
        let received = day
            .and_hms_opt(11, 0, 0)
            .and_then(|t| t.and_local_timezone(zone).earliest())
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| corrupt(format!("no 11:00 on {day}")))?
            .min(now);
        let order = Order {
            id: new_id(script.marketplace),
            marketplace: script.marketplace,
            placed_at: received - Duration::days(9),
            item_title: script.item_title.to_owned(),
            sku: script.sku.to_owned(),
            quantity: 1,
            status: "delivered".to_owned(),
            ship_by: None,
            // It went out, arrived, and came back.
            tracking: Some(OrderTracking {
                tracking_number: new_tracking(script.carrier),
                carrier: script.carrier.code().to_owned(),
                ship_date: (received - Duration::days(8)).with_timezone(&zone).date_naive(),
                confirmed_at: received - Duration::days(8),
            }),
            return_received_at: Some(received),
            refunded_at: None,
        };
        put_order(conn, seller_id, &order, now).await?;
    }
    Ok(())
}

/// A request the team decided earlier, stored as it stands now.
async fn write_decided_request(
    conn: &mut AnyConnection,
    seller_id: &str,
    feedback: &NewFeedback,
    script: &DemoRequest,
    now: DateTime<Utc>,
) -> Result<()> {
    let requested_at = feedback.left_at + Duration::days(2);
    let view = RemovalRequestView {
        id: uuid::Uuid::new_v4().to_string(),
        feedback_id: feedback.id.clone(),
        ground: script.ground.to_owned(),
        recipient: "feedback_manager".to_owned(),
        subject: None,
        explanation: script.explanation.to_owned(),
        status: script.status.to_owned(),
        requested_at,
        decided_at: Some(requested_at + TeamPace::SERVICE.decide_after),
    };
    feed::record(conn, seller_id, now, &Resource::RemovalRequest(view.clone())).await?;
    sqlx::query(
        "INSERT INTO removal_requests (seller_id, id, feedback_id, ground, recipient, subject, explanation, status, \
         requested_at, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(seller_id)
    .bind(&view.id)
    .bind(&view.feedback_id)
    .bind(&view.ground)
    .bind(&view.recipient)
    .bind(&view.subject)
    .bind(&view.explanation)
    .bind(&view.status)
    .bind(to_ms(view.requested_at))
    .bind(view.decided_at.map(to_ms))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The return policies, written once: JP compliant in two versions (the
/// second widened the return window), US with one rule broken (refunds
/// take too long) for the seller to fix. Stored directly: the service
/// refuses to store a non-compliant policy that comes over HTTP, but this
/// one was on file before the rules changed.
pub async fn write_policies(conn: &mut AnyConnection, seller_id: &str, now: DateTime<Utc>) -> Result<()> {
    let now = truncate_ms(now);
    let versions = [
        (Marketplace::Jp, 1, now - Duration::days(120), POLICY_JP_V1),
        (Marketplace::Jp, 2, now - Duration::days(20), POLICY_JP_V2),
        (Marketplace::Us, 1, now - Duration::days(12), POLICY_US),
    ];
    for (marketplace, version, submitted_at, text) in versions {
        let policy: ReturnPolicy = serde_json::from_str(text)?;
        let version = ReturnPolicyVersion { marketplace, version, submitted_at, policy };
        feed::record(conn, seller_id, now, &Resource::ReturnPolicy(version.clone())).await?;
        sqlx::query(
            "INSERT INTO return_policies (seller_id, marketplace, version, policy, submitted_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(seller_id)
        .bind(marketplace.code())
        .bind(version.version)
        .bind(serde_json::to_string(&version.policy)?)
        .bind(to_ms(submitted_at))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// For the script's consistency test.
#[cfg(test)]
fn script_feedback() -> &'static [DemoFeedback] {
    &FEEDBACK
}

#[cfg(test)]
mod tests {
    use super::*;
    use csba_domain::feedback::{possible_grounds, FeedbackEntry, Ground, Rating};
    use csba_domain::policy;

    type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn every_ground_is_detected_in_the_demo_feedback_in_its_marketplace_language() -> TestResult {
        let now = DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z")?.with_timezone(&Utc);
        let mut seen = std::collections::BTreeSet::new();
        for f in script_feedback() {
            let entry = FeedbackEntry {
                order_id: "o".into(),
                left_at: now - Duration::hours(f.hours_ago),
                rating: Rating::try_from(f.rating)?,
                comment: f.comment.to_owned(),
                fulfillment: if f.amazon_fulfilled { Fulfillment::Amazon } else { Fulfillment::Seller },
                handled_by_csba: f.handled_by_csba,
            };
            let grounds: Vec<Ground> = possible_grounds(&entry, &[]).into_iter().map(|g| g.ground).collect();
            if let Some(expected) = f.expect_ground {
                assert!(grounds.iter().any(|g| g.code() == expected), "{}: {grounds:?}", f.comment);
                seen.insert(expected);
            }
            // JP comments are Japanese, US ones English.
            let japanese = f
                .comment
                .chars()
                .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert_eq!(japanese, f.marketplace == Marketplace::Jp, "{}", f.comment);
        }
        assert_eq!(seen.len(), Ground::ALL.len(), "every ground appears: {seen:?}");
        let sentiments: std::collections::BTreeSet<u8> = script_feedback().iter().map(|f| f.rating).collect();
        assert!(sentiments.contains(&3) && sentiments.contains(&5), "neutral and positive too");
        // One negative feedback's 90-day window closes within 3 days.
        assert!(script_feedback().iter().any(|f| f.rating <= 2 && (87 * 24..90 * 24).contains(&f.hours_ago)));
        Ok(())
    }

    #[test]
    fn the_policies_are_jp_compliant_and_us_broken_at_exactly_one_field() -> TestResult {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
        for text in [POLICY_JP_V1, POLICY_JP_V2] {
            let p: ReturnPolicy = serde_json::from_str(text)?;
            assert_eq!(policy::check(Marketplace::Jp, today, &p)?, vec![]);
        }
        let us: ReturnPolicy = serde_json::from_str(POLICY_US)?;
        let violations = policy::check(Marketplace::Us, today, &us)?;
        assert_eq!(violations.len(), 1, "{violations:?}");
        Ok(())
    }

    #[test]
    fn a_refund_due_tomorrow_can_be_arranged_on_any_day() -> TestResult {
        let start = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?;
        for offset in 0..14 {
            let today = start + Duration::days(offset);
            let day = received_for_refund_due(Marketplace::Jp, today, 1)?;
            assert!(day <= today);
            let due = add_business_days(Marketplace::Jp, day, 2)?;
            let tomorrow = today + Duration::days(1);
            // Exactly tomorrow when tomorrow is a business day.
            if add_business_days(Marketplace::Jp, tomorrow - Duration::days(1), 1)? == tomorrow {
                assert_eq!(due, tomorrow, "{today}");
            } else {
                assert!(due > tomorrow, "{today}");
            }
        }
        Ok(())
    }
}
