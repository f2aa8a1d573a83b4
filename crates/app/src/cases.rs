//! Cases: the inbox, one case with its conversation, drafts, and replies.
//! `queue_reply` is the one rule for what may be sent, used by the app and
//! by `csba cases reply` alike.

use crate::accounts::{account_view, overall};
use crate::desk::{Desk, Link};
use crate::error::{AppError, ErrorCode};
use crate::views::{CaseDetail, DraftView, Inbox, QueueCounts, QueueItem};
use chrono::{DateTime, Utc};
use csba_api::limits::MAX_REPLY_CHARS;
use csba_domain::CaseStatus;
use csba_store::{AccountId, CaseRecord, OutboxEntry, Store};

impl Desk {
    pub fn inbox(&self) -> Result<Inbox, AppError> {
        let store = self.store()?;
        let links = self.links();
        let accounts = store
            .accounts()?
            .into_iter()
            .map(|account| {
                let link = links.get(&account.id).cloned().unwrap_or(Link::STARTING);
                account_view(&store, account, link)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let counts = store.outbox_counts()?;
        Ok(Inbox {
            cases: store.inbox()?,
            server_offset_ms: accounts.first().map_or(0, |a| a.server_offset_ms),
            sync: overall(&accounts, self.desk_error()),
            accounts,
            queue: QueueCounts { queued: counts.queued, sending: counts.sending, failed: counts.failed },
        })
    }

    pub fn case_detail(&self, account: AccountId, case_id: &str) -> Result<CaseDetail, AppError> {
        let store = self.store()?;
        let record = find_case(&store, account, case_id)?;
        let replies = store.outbox_for(account, &format!("case:{case_id}"))?;
        let reply_languages = record.view.marketplace.seller_languages().iter().map(|l| (*l).to_owned()).collect();
        Ok(CaseDetail {
            reply_language: default_language(&record),
            reply_languages,
            case: record.view,
            messages: record.messages.into_iter().map(Into::into).collect(),
            draft: store.draft(account, case_id)?.map(Into::into),
            replies: replies.into_iter().map(Into::into).collect(),
            server_offset_ms: store.sync_state(account)?.server_offset_ms,
        })
    }

    /// Saves what the seller typed; an empty box removes the draft.
    pub fn save_draft(
        &self,
        account: AccountId,
        case_id: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<DraftView>, AppError> {
        let store = self.store()?;
        if body.trim().is_empty() {
            store.discard_draft(account, case_id)?;
            return Ok(None);
        }
        store.save_draft(account, case_id, body, now)?;
        Ok(store.draft(account, case_id)?.map(Into::into))
    }

    pub fn acknowledge_case_change(&self, account: AccountId, case_id: &str) -> Result<(), AppError> {
        Ok(self.store()?.acknowledge_case_change(account, case_id)?)
    }

    /// Queues the reply (and drops its draft, in one transaction) and wakes
    /// the account's link to send it.
    pub fn send_reply(
        &self,
        account: AccountId,
        case_id: &str,
        body: &str,
        language: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<QueueItem, AppError> {
        let entry = queue_reply(&mut *self.store()?, account, case_id, body, language, now)?;
        self.wake(account);
        Ok(entry.into())
    }
}

/// The rule for a reply, whoever sends it: not empty, not over the service's
/// limit, to a case CSBA has not resolved, in one of the marketplace's
/// seller languages (the case's own language when none is named). Queued
/// with the draft deleted in one transaction.
pub fn queue_reply(
    store: &mut Store,
    account: AccountId,
    case_id: &str,
    body: &str,
    language: Option<&str>,
    now: DateTime<Utc>,
) -> Result<OutboxEntry, AppError> {
    let body = body.trim_end();
    if body.trim().is_empty() {
        return Err(AppError::new(ErrorCode::ReplyEmpty).at("body"));
    }
    let chars = body.chars().count();
    if chars > MAX_REPLY_CHARS {
        return Err(AppError::new(ErrorCode::ReplyTooLong)
            .with_arg("max", MAX_REPLY_CHARS.to_string())
            .with_arg("count", chars.to_string())
            .at("body"));
    }
    let case = find_case(store, account, case_id)?;
    if case.view.status == CaseStatus::ResolvedByCsba {
        return Err(AppError::new(ErrorCode::CaseResolved));
    }
    let allowed = case.view.marketplace.seller_languages();
    let language = match language {
        None => default_language(&case),
        Some(tag) => {
            allowed.iter().find(|l| l.eq_ignore_ascii_case(tag)).map(|l| (*l).to_owned()).ok_or_else(|| {
                AppError::new(ErrorCode::ReplyLanguageInvalid)
                    .with_arg("language", tag)
                    .with_arg("allowed", allowed.join(", "))
                    .at("language")
            })?
        }
    };
    Ok(store.reply_to_case(account, case_id, body, Some(&language), now)?)
}

/// The language a reply goes out in unless the seller picks another: the
/// one CSBA wrote in, when the marketplace takes replies in it, else the
/// marketplace's first seller language.
fn default_language(case: &CaseRecord) -> String {
    let allowed = case.view.marketplace.seller_languages();
    allowed
        .iter()
        .find(|l| l.eq_ignore_ascii_case(&case.view.language))
        .or(allowed.first())
        .map_or_else(|| case.view.language.clone(), |l| (*l).to_owned())
}

pub(crate) fn find_case(store: &Store, account: AccountId, case_id: &str) -> Result<CaseRecord, AppError> {
    store.case(account, case_id)?.ok_or_else(|| AppError::new(ErrorCode::CaseNotFound).with_arg("case", case_id))
}
