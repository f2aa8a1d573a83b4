//! Questions to the CSBA team about how it handled an order: the subject in
//! the seed's format, the 48-hour answer-by countdown on the service's
//! clock, the answer when it comes, and questions still in the outbox shown
//! as `queued` so a question never vanishes between asking and the feed.

use crate::desk::Desk;
use crate::enrollment::PendingAction;
use crate::error::{AppError, ErrorCode};
use crate::filter::ViewFilter;
use crate::pending::{pending_action, server_now};
use crate::views::QueueItem;
use chrono::{DateTime, Utc};
use csba_api::ServiceQuestionCreate;
use csba_domain::deadline::service_question_answer_by;
use csba_domain::feedback::{compose_service_question, service_question_subject, ComposeError};
use csba_store::{AccountId, Action, ActionKind, OutboxEntry, OutboxState, ServiceQuestionRecord, Store};
use serde::Serialize;
use ts_rs::TS;

/// The longest question the service takes, in characters.
const MAX_QUESTION_CHARS: usize = csba_api::limits::MAX_QUESTION_CHARS;

/// How far back the outbox is read for questions not back in the feed yet:
/// the newest entries (a confirmed question is back within one sync round).
const RECENT_ENTRIES: u32 = 500;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QuestionsScreen {
    /// Queued ones first, then those awaiting an answer (due soonest
    /// first), then the answered ones, newest first.
    pub questions: Vec<QuestionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct QuestionView {
    /// A question still in the outbox has the id `queued-<entry>` and the
    /// status `queued`; its `asked_at` is when it was queued.
    pub record: ServiceQuestionRecord,
    /// Milliseconds until the answer is due on the service's clock
    /// (negative once overdue); `None` once answered.
    #[ts(type = "number | null")]
    pub answer_in_ms: Option<i64>,
    /// Awaiting an answer past its answer-by time.
    pub overdue: bool,
    /// The question's outbox entry while it is not back from the service
    /// (`sent`: confirmed, the feed has not brought it yet).
    pub pending: Option<PendingAction>,
}

impl Desk {
    pub fn questions_screen(&self, filter: ViewFilter, now: DateTime<Utc>) -> Result<QuestionsScreen, AppError> {
        let store = self.store()?;
        let records = store.service_questions(filter.into())?;
        // A question the service confirmed is on file there before the feed
        // brings it here: until then it stays on screen as queued (`sent`).
        /// Of the service's answer, only the id it gave the question.
        #[derive(serde::Deserialize)]
        struct Created {
            id: String,
        }
        let back = |e: &OutboxEntry| {
            let id = e.response.as_ref().and_then(|r| r.decode::<Created>().ok()).map(|c| c.id);
            id.is_some_and(|id| records.iter().any(|q| q.account_id == e.account_id && q.id == id))
        };
        let mut waiting: Vec<OutboxEntry> = store
            .recent_outbox(RECENT_ENTRIES)?
            .into_iter()
            .filter(|e| e.kind == ActionKind::ServiceQuestion && !(e.state == OutboxState::Sent && back(e)))
            .collect();
        waiting.sort_by_key(|e| std::cmp::Reverse(e.id));
        let mut questions = Vec::new();
        for entry in &waiting {
            if let Some(view) = queued_question(&store, filter, entry, now)? {
                questions.push(view);
            }
        }
        for record in records {
            let server_now = server_now(&store, record.account_id, now)?;
            let awaiting = record.status == "awaiting_answer";
            questions.push(QuestionView {
                answer_in_ms: awaiting.then(|| (record.answer_by - server_now).num_milliseconds()),
                overdue: awaiting && server_now > record.answer_by,
                pending: None,
                record,
            });
        }
        Ok(QuestionsScreen { questions })
    }

    /// Queues a question to the CSBA team about `order_id`, which must be in
    /// the replica: the service only takes questions about the seller's orders.
    pub fn ask_question(
        &self,
        account: AccountId,
        order_id: &str,
        question: &str,
        now: DateTime<Utc>,
    ) -> Result<QueueItem, AppError> {
        let entry = {
            let mut store = self.store()?;
            let request = checked_question(&store, account, order_id, question)?;
            store.enqueue(account, &Action::ServiceQuestion { request }, now)?
        };
        self.wake(account);
        Ok(entry.into())
    }

    /// The subject the question will carry: `卖家XXXXX针对订单XXXXXXXXXX的客服疑问`.
    pub fn question_subject(&self, account: AccountId, order_id: &str) -> Result<String, AppError> {
        let store = self.store()?;
        Ok(service_question_subject(&seller_name(&store, account)?, order_id))
    }
}

fn checked_question(
    store: &Store,
    account: AccountId,
    order_id: &str,
    question: &str,
) -> Result<ServiceQuestionCreate, AppError> {
    let chars = question.trim().chars().count();
    if chars > MAX_QUESTION_CHARS {
        return Err(AppError::new(ErrorCode::QuestionTooLong)
            .with_arg("count", chars.to_string())
            .with_arg("max", MAX_QUESTION_CHARS.to_string())
            .at("question"));
    }
    let composed =
        compose_service_question(&seller_name(store, account)?, order_id, question).map_err(|e| match e {
            ComposeError::QuestionMissing => AppError::new(ErrorCode::QuestionMissing).at("question"),
            _ => AppError::new(ErrorCode::OrderNotFound).with_arg("order", order_id.trim()).at("order_id"),
        })?;
    if store.order(account, &composed.order_id)?.is_none() {
        return Err(AppError::new(ErrorCode::OrderNotFound).with_arg("order", composed.order_id).at("order_id"));
    }
    Ok(ServiceQuestionCreate { order_id: composed.order_id, question: composed.question })
}

/// A question in the outbox, shaped like the record the feed will bring.
fn queued_question(
    store: &Store,
    filter: ViewFilter,
    entry: &OutboxEntry,
    now: DateTime<Utc>,
) -> Result<Option<QuestionView>, AppError> {
    let Some(request) = entry.body.as_ref().and_then(|b| b.decode::<ServiceQuestionCreate>().ok()) else {
        return Ok(None);
    };
    let order = store.order(entry.account_id, &request.order_id)?;
    let marketplace = order.as_ref().map(|o| o.marketplace);
    let admitted = filter.account_id.is_none_or(|a| a == entry.account_id)
        && filter.marketplace.is_none_or(|m| marketplace == Some(m));
    if !admitted {
        return Ok(None);
    }
    let asked_at = entry.created_at + (server_now(store, entry.account_id, now)? - now);
    let answer_by = service_question_answer_by(asked_at);
    Ok(Some(QuestionView {
        record: ServiceQuestionRecord {
            account_id: entry.account_id,
            id: format!("queued-{}", entry.id),
            subject: service_question_subject(&seller_name(store, entry.account_id)?, &request.order_id),
            order_id: request.order_id,
            marketplace,
            item_title: order.map(|o| o.item_title),
            question: request.question,
            asked_at,
            answer_by,
            status: "queued".to_owned(),
            answer: None,
            answered_at: None,
        },
        answer_in_ms: None,
        overdue: false,
        pending: Some(pending_action(entry)),
    }))
}

fn seller_name(store: &Store, account: AccountId) -> Result<String, AppError> {
    store
        .account(account)?
        .map(|a| a.display_name)
        .ok_or_else(|| AppError::new(ErrorCode::AccountUnknown).with_arg("id", account.to_string()))
}
