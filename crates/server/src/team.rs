//! The simulated CSBA team: it answers the questions sellers ask about its
//! handling of an order, and decides removal requests, each a fixed time
//! after it arrived. Deterministic (the same question gets the same answer,
//! the same ground the same decision), so tests and the demo can rely on it.
//! Run by the sweeper; every answer and decision goes to the change feed in
//! the same transaction.

use crate::db::{from_ms, to_ms, Db};
use crate::error::{Result, ServerError};
use crate::feed::{self, lock_seller};
use chrono::{DateTime, Duration, Utc};
use csba_api::{RemovalRequestView, Resource, ServiceQuestionView};
use csba_domain::Marketplace;
use sqlx::AnyConnection;

/// How long the team takes. A real team answers within its 48 hours and
/// decides within days; the in-app sandbox is quicker so a seller trying
/// the app sees the answer while still looking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamPace {
    pub answer_after: Duration,
    pub decide_after: Duration,
}

impl TeamPace {
    /// The reference service: 20 hours to answer, 3 days to decide.
    pub const SERVICE: TeamPace = TeamPace { answer_after: Duration::hours(20), decide_after: Duration::days(3) };
    /// The sandbox inside the app: 2 and 3 minutes.
    pub const SANDBOX: TeamPace = TeamPace { answer_after: Duration::minutes(2), decide_after: Duration::minutes(3) };

    /// Both after `seconds` (end-to-end tests, `CSBA_SANDBOX_TEAM_SECONDS`).
    pub fn uniform(seconds: u32) -> TeamPace {
        let after = Duration::seconds(i64::from(seconds));
        TeamPace { answer_after: after, decide_after: after }
    }

    /// From the value of `CSBA_SANDBOX_TEAM_SECONDS`: a whole number of
    /// seconds, or the sandbox pace when unset or unreadable.
    pub fn sandbox_from_env(value: Option<&str>) -> TeamPace {
        value.and_then(|v| v.trim().parse::<u32>().ok()).map_or(TeamPace::SANDBOX, TeamPace::uniform)
    }
}

impl Default for TeamPace {
    fn default() -> Self {
        TeamPace::SERVICE
    }
}

/// The team's decision on a removal request: the grounds Amazon's policy
/// removes for are removed; a delivery complaint only when Amazon itself
/// fulfilled the order (FBA); anything else is declined.
pub fn decision(ground: &str, fulfillment: &str) -> &'static str {
    match ground {
        "caused_by_csba" | "obscene_language" | "sellers_personal_information" | "entirely_product_review" => "removed",
        "amazon_fulfilled_delivery_complaint" if fulfillment == "amazon" => "removed",
        _ => "declined",
    }
}

/// The team's answer, in the marketplace's seller language (JP: Japanese,
/// as the CSBA team in Japan writes; US: English). Which of the phrasebook's
/// answers is picked depends only on the order id.
pub fn answer_text(marketplace: Option<Marketplace>, order_id: &str) -> String {
    let pick = order_id.bytes().map(usize::from).sum::<usize>();
    match marketplace {
        Some(Marketplace::Jp) => {
            const JA: [&str; 2] = [
                "お問い合わせありがとうございます。注文番号 {order} について確認いたしました。購入者様のご要望に沿って、CSBAの手順に従い対応しております。追加の対応は不要です。",
                "お問い合わせありがとうございます。注文番号 {order} の対応履歴を確認しました。配送状況を購入者様にご案内し、本件は完了しております。",
            ];
            JA[pick % JA.len()].replace("{order}", order_id)
        }
        _ => {
            const EN: [&str; 2] = [
                "Thank you for your question. We reviewed order {order}: CSBA handled the buyer's request following its standard procedure, and no action is needed from you.",
                "Thank you for reaching out. We checked the history of order {order}: the buyer was given the delivery status and the contact is closed.",
            ];
            EN[pick % EN.len()].replace("{order}", order_id)
        }
    }
}

/// What one round did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamReport {
    pub answered: usize,
    pub decided: usize,
    /// Sellers whose feed moved.
    pub sellers: Vec<String>,
}

/// Answers every question asked at least `answer_after` before `now` and
/// decides every request submitted at least `decide_after` before it: one
/// transaction per seller.
pub async fn work(db: &Db, pace: &TeamPace, now: DateTime<Utc>) -> Result<TeamReport> {
    let mut sellers: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT seller_id FROM service_questions WHERE status = 'awaiting_answer' AND asked_at <= $1 \
         UNION SELECT DISTINCT seller_id FROM removal_requests WHERE status = 'submitted' AND requested_at <= $2",
    )
    .bind(to_ms(now - pace.answer_after))
    .bind(to_ms(now - pace.decide_after))
    .fetch_all(db.reads())
    .await?;
    sellers.sort();
    sellers.dedup();
    let mut report = TeamReport::default();
    for seller_id in sellers {
        let mut tx = db.writes().begin().await?;
        lock_seller(&mut tx, &seller_id).await?;
        let answered = answer_questions(&mut tx, &seller_id, pace, now).await?;
        let decided = decide_requests(&mut tx, &seller_id, pace, now).await?;
        tx.commit().await?;
        report.answered += answered;
        report.decided += decided;
        if answered + decided > 0 {
            report.sellers.push(seller_id);
        }
    }
    Ok(report)
}

/// When the team next has something to do, if anything waits: what the
/// sweeper sleeps until, so a 2-minute sandbox answer is not a minute late.
pub async fn next_due(db: &Db, pace: &TeamPace) -> Result<Option<DateTime<Utc>>> {
    let asked: Option<i64> =
        sqlx::query_scalar("SELECT MIN(asked_at) FROM service_questions WHERE status = 'awaiting_answer'")
            .fetch_one(db.reads())
            .await?;
    let requested: Option<i64> =
        sqlx::query_scalar("SELECT MIN(requested_at) FROM removal_requests WHERE status = 'submitted'")
            .fetch_one(db.reads())
            .await?;
    let answer = asked.map(from_ms).transpose()?.map(|t| t + pace.answer_after);
    let decide = requested.map(from_ms).transpose()?.map(|t| t + pace.decide_after);
    Ok(match (answer, decide) {
        (Some(a), Some(d)) => Some(a.min(d)),
        (a, d) => a.or(d),
    })
}

type QuestionRow = (String, String, String, String, i64, i64, Option<String>);

async fn answer_questions(
    conn: &mut AnyConnection,
    seller_id: &str,
    pace: &TeamPace,
    now: DateTime<Utc>,
) -> Result<usize> {
    let rows: Vec<QuestionRow> = sqlx::query_as(
        "SELECT q.id, q.order_id, q.subject, q.question, q.asked_at, q.answer_by, o.marketplace \
         FROM service_questions q LEFT JOIN orders o ON o.seller_id = q.seller_id AND o.id = q.order_id \
         WHERE q.seller_id = $1 AND q.status = 'awaiting_answer' AND q.asked_at <= $2 ORDER BY q.asked_at, q.id",
    )
    .bind(seller_id)
    .bind(to_ms(now - pace.answer_after))
    .fetch_all(&mut *conn)
    .await?;
    let count = rows.len();
    for (id, order_id, subject, question, asked_at, answer_by, marketplace) in rows {
        let marketplace = marketplace.and_then(|m| m.parse::<Marketplace>().ok());
        let asked_at = from_ms(asked_at)?;
        // Answered when the team got to it, not when the sweep noticed.
        let answered_at = asked_at + pace.answer_after;
        let view = ServiceQuestionView {
            answer: Some(answer_text(marketplace, &order_id)),
            answered_at: Some(answered_at),
            status: "answered".to_owned(),
            answer_by: from_ms(answer_by)?,
            id,
            order_id,
            subject,
            question,
            asked_at,
        };
        feed::record(conn, seller_id, now, &Resource::ServiceQuestion(view.clone())).await?;
        sqlx::query(
            "UPDATE service_questions SET status = $1, answer = $2, answered_at = $3 WHERE seller_id = $4 AND id = $5",
        )
        .bind(&view.status)
        .bind(&view.answer)
        .bind(to_ms(answered_at))
        .bind(seller_id)
        .bind(&view.id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(count)
}

type RequestRow = (String, String, String, String, Option<String>, String, i64, Option<String>);

async fn decide_requests(
    conn: &mut AnyConnection,
    seller_id: &str,
    pace: &TeamPace,
    now: DateTime<Utc>,
) -> Result<usize> {
    let rows: Vec<RequestRow> = sqlx::query_as(
        "SELECT r.id, r.feedback_id, r.ground, r.recipient, r.subject, r.explanation, r.requested_at, f.fulfillment \
         FROM removal_requests r LEFT JOIN feedback f ON f.seller_id = r.seller_id AND f.id = r.feedback_id \
         WHERE r.seller_id = $1 AND r.status = 'submitted' AND r.requested_at <= $2 ORDER BY r.requested_at, r.id",
    )
    .bind(seller_id)
    .bind(to_ms(now - pace.decide_after))
    .fetch_all(&mut *conn)
    .await?;
    let count = rows.len();
    for (id, feedback_id, ground, recipient, subject, explanation, requested_at, fulfillment) in rows {
        let fulfillment =
            fulfillment.ok_or_else(|| ServerError::Corrupt(format!("removal request {id}: feedback missing")))?;
        let requested_at = from_ms(requested_at)?;
        let decided_at = requested_at + pace.decide_after;
        let view = RemovalRequestView {
            status: decision(&ground, &fulfillment).to_owned(),
            decided_at: Some(decided_at),
            id,
            feedback_id,
            ground,
            recipient,
            subject,
            explanation,
            requested_at,
        };
        feed::record(conn, seller_id, now, &Resource::RemovalRequest(view.clone())).await?;
        sqlx::query("UPDATE removal_requests SET status = $1, decided_at = $2 WHERE seller_id = $3 AND id = $4")
            .bind(&view.status)
            .bind(to_ms(decided_at))
            .bind(seller_id)
            .bind(&view.id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grounds_amazon_removes_for_are_removed_and_the_rest_declined() {
        for ground in ["caused_by_csba", "obscene_language", "sellers_personal_information", "entirely_product_review"]
        {
            assert_eq!(decision(ground, "seller"), "removed", "{ground}");
        }
        assert_eq!(decision("amazon_fulfilled_delivery_complaint", "amazon"), "removed");
        assert_eq!(decision("amazon_fulfilled_delivery_complaint", "seller"), "declined");
        assert_eq!(decision("something_else", "amazon"), "declined");
    }

    #[test]
    fn answers_are_in_the_marketplace_language_and_name_the_order() {
        let ja = answer_text(Some(Marketplace::Jp), "503-1111111-2222222");
        assert!(ja.contains("503-1111111-2222222") && ja.contains("お問い合わせ"), "{ja}");
        let en = answer_text(Some(Marketplace::Us), "114-1111111-2222222");
        assert!(en.contains("114-1111111-2222222") && en.starts_with("Thank you"), "{en}");
        assert_eq!(en, answer_text(Some(Marketplace::Us), "114-1111111-2222222"), "deterministic");
    }

    #[test]
    fn the_sandbox_pace_comes_from_the_environment_value() {
        assert_eq!(TeamPace::sandbox_from_env(None), TeamPace::SANDBOX);
        assert_eq!(TeamPace::sandbox_from_env(Some("5")), TeamPace::uniform(5));
        assert_eq!(TeamPace::sandbox_from_env(Some(" 7 ")).answer_after, Duration::seconds(7));
        assert_eq!(TeamPace::sandbox_from_env(Some("soon")), TeamPace::SANDBOX);
        assert_eq!(TeamPace::default().decide_after, Duration::days(3));
    }
}
