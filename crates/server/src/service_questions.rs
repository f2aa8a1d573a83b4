//! Questions to the CSBA team about its handling of an order (JP seed: the
//! team answers within 48 hours).

use crate::db::{from_ms, to_ms, truncate_ms, Db};
use crate::error::{Result, ServerError};
use crate::feed;
use crate::orders::orders_by_id;
use crate::page::Page;
use crate::text_limits::check_length;
use crate::write_tx::WriteTx;
use chrono::{DateTime, Utc};
use csba_api::limits::MAX_QUESTION_CHARS;
use csba_api::{FieldError, Problem, ProblemCode, Resource, ServiceQuestionCreate, ServiceQuestionView};
use csba_domain::deadline::service_question_answer_by;
use csba_domain::feedback::{compose_service_question, ComposeError};

pub async fn ask(
    db: &Db,
    seller_id: &str,
    seller_name: &str,
    request: &ServiceQuestionCreate,
    now: DateTime<Utc>,
) -> Result<ServiceQuestionView> {
    let now = truncate_ms(now);
    check_length("/question", &request.question, MAX_QUESTION_CHARS)?;
    let composed = compose_service_question(seller_name, &request.order_id, &request.question).map_err(|e| {
        let field = match e {
            ComposeError::OrderIdMissing => Some("/order_id"),
            ComposeError::QuestionMissing => Some("/question"),
            _ => None,
        };
        let mut problem = Problem::new(ProblemCode::InvalidRequest, "Invalid question")
            .with_detail(e.to_string())
            .with_errors(vec![FieldError::new(field.map(str::to_owned), e.code())]);
        if let Some(field) = field {
            problem = problem.with_field(field);
        }
        ServerError::rejected(problem)
    })?;
    let mut tx = WriteTx::begin(db).await?;
    feed::lock_seller(&mut tx, seller_id).await?;
    // Another seller's order is "not found", like one that does not exist.
    if orders_by_id(&mut tx, seller_id, &[composed.order_id.as_str()]).await?.is_empty() {
        return Err(ServerError::rejected(
            Problem::new(ProblemCode::NotFound, "Not found").with_detail("No such order.").with_field("/order_id"),
        ));
    }
    let view = ServiceQuestionView {
        id: uuid::Uuid::new_v4().to_string(),
        order_id: composed.order_id,
        subject: composed.subject,
        question: composed.question,
        asked_at: now,
        answer_by: service_question_answer_by(now),
        status: "awaiting_answer".to_owned(),
        answer: None,
        answered_at: None,
    };
    feed::record(&mut tx, seller_id, now, &Resource::ServiceQuestion(view.clone())).await?;
    sqlx::query(
        "INSERT INTO service_questions (seller_id, id, order_id, subject, question, asked_at, answer_by, status) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(seller_id)
    .bind(&view.id)
    .bind(&view.order_id)
    .bind(&view.subject)
    .bind(&view.question)
    .bind(to_ms(view.asked_at))
    .bind(to_ms(view.answer_by))
    .bind(&view.status)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(view)
}

/// A page of the seller's questions to CSBA, newest first, and the next
/// page's cursor.
pub async fn list(db: &Db, seller_id: &str, page: &Page) -> Result<(Vec<ServiceQuestionView>, Option<String>)> {
    type Row = (String, String, String, String, i64, i64, String, Option<String>, Option<i64>);
    let sql = format!(
        "SELECT id, order_id, subject, question, asked_at, answer_by, status, answer, answered_at \
         FROM service_questions WHERE seller_id = $1{} ORDER BY asked_at DESC, id ASC{}",
        page.condition("asked_at", "id", true, 2),
        page.limit_clause()
    );
    let mut query = sqlx::query_as::<_, Row>(&sql).bind(seller_id);
    if let Some((at, id)) = &page.after {
        query = query.bind(*at).bind(id.as_str());
    }
    let rows = query.fetch_all(db.reads()).await?;
    let questions = rows
        .into_iter()
        .map(|(id, order_id, subject, question, asked_at, answer_by, status, answer, answered_at)| {
            Ok(ServiceQuestionView {
                id,
                order_id,
                subject,
                question,
                asked_at: from_ms(asked_at)?,
                answer_by: from_ms(answer_by)?,
                status,
                answer,
                answered_at: answered_at.map(from_ms).transpose()?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(page.split(questions, |q| (to_ms(q.asked_at), q.id.as_str())))
}
