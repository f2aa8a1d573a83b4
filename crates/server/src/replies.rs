//! The seller's replies to escalation cases. A reply after `respond_by` is
//! still delivered (CSBA may not have decided yet, and the buyer still gets
//! the answer) but is marked late; a case CSBA already resolved takes no
//! more replies.

use crate::cases::{get_case_in, put_case};
use crate::db::{truncate_ms, Db};
use crate::error::{Result, ServerError};
use crate::feed;
use crate::write_tx::WriteTx;
use chrono::{DateTime, Utc};
use csba_api::{Case, CaseMessage, FieldError, Problem, ProblemCode, ReplyRequest};
use csba_domain::CaseStatus;

/// Replies are messages, not essays; this bounds a runaway client.
pub const MAX_REPLY_CHARS: usize = 20_000;

pub async fn reply(
    db: &Db,
    seller_id: &str,
    case_id: &str,
    request: &ReplyRequest,
    now: DateTime<Utc>,
) -> Result<Case> {
    let now = truncate_ms(now);
    let body = request.body.trim();
    if body.is_empty() || body.chars().count() > MAX_REPLY_CHARS {
        return Err(ServerError::InvalidInput {
            field: "/body",
            message: format!("a reply has 1 to {MAX_REPLY_CHARS} characters"),
        });
    }
    let mut tx = WriteTx::begin(db).await?;
    // With the seller's lock held, CSBA's sweeper cannot resolve the case
    // between our read and our write.
    feed::lock_seller(&mut tx, seller_id).await?;
    let mut case = get_case_in(&mut tx, seller_id, case_id).await?;
    let language = request.language.clone().unwrap_or_else(|| case.language.clone());
    if !case.marketplace.seller_languages().contains(&language.as_str()) {
        return Err(ServerError::rejected(
            Problem::new(ProblemCode::InvalidRequest, "Language not spoken with this marketplace")
                .with_detail(format!(
                    "CSBA reads replies in {} on this marketplace.",
                    case.marketplace.seller_languages().join(", ")
                ))
                .with_field("/language")
                .with_errors(vec![FieldError::new(Some("/language".to_owned()), "unsupported_language")]),
        ));
    }
    if case.status == CaseStatus::ResolvedByCsba {
        return Err(ServerError::rejected(
            Problem::new(ProblemCode::CaseResolved, "CSBA already resolved this case")
                .with_detail("The deadline passed and CSBA decided; see the case's outcome."),
        ));
    }
    let late = now > case.respond_by;
    case.messages.push(CaseMessage {
        author: "seller".to_owned(),
        body: body.to_owned(),
        sent_at: now,
        language: Some(language),
        late,
    });
    case.status = CaseStatus::Answered;
    put_case(&mut tx, seller_id, &case, now).await?;
    tx.commit().await?;
    Ok(case)
}
