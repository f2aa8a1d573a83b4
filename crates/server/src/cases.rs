//! Escalation cases: CSBA asks the seller something and needs an answer by
//! `respond_by`.

use crate::db::{from_ms, to_ms, truncate_ms, Db};
use crate::error::{Result, ServerError};
use crate::feed;
use crate::page::Page;
use chrono::{DateTime, Utc};
use csba_api::{Case, CaseMessage, CaseOutcome, Resource};
use csba_domain::{CaseKind, CaseStatus};
use sqlx::AnyConnection;

const COLUMNS: &str =
    "id, order_id, marketplace, kind, status, language, subject, messages, opened_at, respond_by, outcome, resolved_at";

type CaseRow = (String, String, String, String, String, String, String, String, i64, i64, Option<String>, Option<i64>);

/// Inserts or replaces a case and records it in the feed. Call inside a
/// transaction; see [`feed::record`].
pub async fn put_case(conn: &mut AnyConnection, seller_id: &str, case: &Case, now: DateTime<Utc>) -> Result<i64> {
    let case = normalized(case);
    let seq = feed::record(conn, seller_id, truncate_ms(now), &Resource::Case(case.clone())).await?;
    sqlx::query(
        "INSERT INTO cases (seller_id, id, order_id, marketplace, kind, status, language, subject, messages, \
         opened_at, respond_by, outcome, resolved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
         ON CONFLICT (seller_id, id) DO UPDATE SET order_id = excluded.order_id, \
         marketplace = excluded.marketplace, kind = excluded.kind, status = excluded.status, \
         language = excluded.language, subject = excluded.subject, messages = excluded.messages, \
         opened_at = excluded.opened_at, respond_by = excluded.respond_by, outcome = excluded.outcome, \
         resolved_at = excluded.resolved_at",
    )
    .bind(seller_id)
    .bind(&case.id)
    .bind(&case.order_id)
    .bind(case.marketplace.code())
    .bind(case.kind.as_str())
    .bind(case.status.as_str())
    .bind(&case.language)
    .bind(&case.subject)
    .bind(serde_json::to_string(&case.messages)?)
    .bind(to_ms(case.opened_at))
    .bind(to_ms(case.respond_by))
    .bind(case.outcome.map(outcome_name))
    .bind(case.resolved_at.map(to_ms))
    .execute(&mut *conn)
    .await?;
    Ok(seq)
}

/// A page of a seller's cases, most urgent first, and the next page's cursor.
pub async fn list_cases(db: &Db, seller_id: &str, page: &Page) -> Result<(Vec<Case>, Option<String>)> {
    let sql = format!(
        "SELECT {COLUMNS} FROM cases WHERE seller_id = $1{} ORDER BY respond_by ASC, id ASC{}",
        page.condition("respond_by", "id", false, 2),
        page.limit_clause()
    );
    let mut query = sqlx::query_as::<_, CaseRow>(&sql).bind(seller_id);
    if let Some((at, id)) = &page.after {
        query = query.bind(*at).bind(id.as_str());
    }
    let cases = query.fetch_all(db.reads()).await?.into_iter().map(from_row).collect::<Result<Vec<_>>>()?;
    Ok(page.split(cases, |c| (to_ms(c.respond_by), c.id.as_str())))
}

/// One case, only if it belongs to `seller_id`: another seller's case is
/// "not found", never "forbidden", so ids cannot be probed.
pub async fn get_case(db: &Db, seller_id: &str, case_id: &str) -> Result<Case> {
    get_case_in(&mut *db.reads().acquire().await?, seller_id, case_id).await
}

/// [`get_case`] on `conn`: inside a write transaction, what it reads goes
/// through that transaction.
pub async fn get_case_in(conn: &mut AnyConnection, seller_id: &str, case_id: &str) -> Result<Case> {
    let row: Option<CaseRow> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM cases WHERE seller_id = $1 AND id = $2"))
        .bind(seller_id)
        .bind(case_id)
        .fetch_optional(&mut *conn)
        .await?;
    row.map(from_row).transpose()?.ok_or_else(|| ServerError::NotFound("case".to_owned()))
}

/// How many open cases of `seller_id` are still answerable at `now`.
pub async fn count_open_due_after(conn: &mut AnyConnection, seller_id: &str, now: DateTime<Utc>) -> Result<i64> {
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM cases WHERE seller_id = $1 AND status = $2 AND respond_by > $3")
            .bind(seller_id)
            .bind(CaseStatus::Open.as_str())
            .bind(to_ms(now))
            .fetch_one(&mut *conn)
            .await?;
    Ok(n)
}

/// The seller's open cases whose deadline has passed at `now`, oldest
/// deadline first. Call inside a transaction that holds the seller's lock
/// ([`feed::lock_seller`]) so no reply slips in between.
pub async fn overdue_open_cases(conn: &mut AnyConnection, seller_id: &str, now: DateTime<Utc>) -> Result<Vec<Case>> {
    let rows: Vec<CaseRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM cases WHERE seller_id = $1 AND status = $2 AND respond_by <= $3 \
         ORDER BY respond_by ASC, id ASC"
    ))
    .bind(seller_id)
    .bind(CaseStatus::Open.as_str())
    .bind(to_ms(now))
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(from_row).collect()
}

/// The outcome's wire name, which is also what is stored.
pub fn outcome_name(outcome: CaseOutcome) -> &'static str {
    match outcome {
        CaseOutcome::Refund => "refund",
        CaseOutcome::Replacement => "replacement",
        CaseOutcome::Denial => "denial",
        CaseOutcome::AnsweredFromDetailPage => "answered_from_detail_page",
    }
}

fn parse_outcome(stored: &str) -> Option<CaseOutcome> {
    [CaseOutcome::Refund, CaseOutcome::Replacement, CaseOutcome::Denial, CaseOutcome::AnsweredFromDetailPage]
        .into_iter()
        .find(|o| outcome_name(*o) == stored)
}

fn normalized(case: &Case) -> Case {
    Case {
        opened_at: truncate_ms(case.opened_at),
        resolved_at: case.resolved_at.map(truncate_ms),
        respond_by: truncate_ms(case.respond_by),
        messages: case.messages.iter().map(|m| CaseMessage { sent_at: truncate_ms(m.sent_at), ..m.clone() }).collect(),
        ..case.clone()
    }
}

fn from_row(row: CaseRow) -> Result<Case> {
    let (
        id,
        order_id,
        marketplace,
        kind,
        status,
        language,
        subject,
        messages,
        opened_at,
        respond_by,
        outcome,
        resolved_at,
    ) = row;
    let corrupt = |what: &str, value: &str| ServerError::Corrupt(format!("case {id}: {what} `{value}`"));
    Ok(Case {
        marketplace: marketplace.parse().map_err(|_| corrupt("marketplace", &marketplace))?,
        kind: CaseKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
        status: CaseStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
        messages: serde_json::from_str(&messages)?,
        opened_at: from_ms(opened_at)?,
        respond_by: from_ms(respond_by)?,
        outcome: outcome.map(|o| parse_outcome(&o).ok_or_else(|| corrupt("outcome", &o))).transpose()?,
        resolved_at: resolved_at.map(from_ms).transpose()?,
        id,
        order_id,
        language,
        subject,
    })
}

#[cfg(test)]
mod outcome_tests {
    use super::*;

    #[test]
    fn stored_outcome_names_are_the_wire_names() -> std::result::Result<(), serde_json::Error> {
        for o in
            [CaseOutcome::Refund, CaseOutcome::Replacement, CaseOutcome::Denial, CaseOutcome::AnsweredFromDetailPage]
        {
            assert_eq!(serde_json::to_value(o)?, serde_json::Value::from(outcome_name(o)));
            assert_eq!(parse_outcome(outcome_name(o)), Some(o));
        }
        Ok(())
    }
}
