//! Buyer feedback and its removal: negatives first, the 90-day window with
//! its countdown on the service's clock, the words that suggest each ground
//! as offsets into the comment (the UI marks them as text, never HTML), the
//! request composed as the service will file it (recipient, the CSBA team's
//! subject line), and the request queued through the outbox.

use crate::desk::Desk;
use crate::enrollment::PendingAction;
use crate::error::{AppError, ErrorCode};
use crate::filter::ViewFilter;
use crate::pending::{pending_for, server_now};
use crate::views::QueueItem;
use chrono::{DateTime, NaiveDate, Utc};
use csba_api::RemovalRequestCreate;
use csba_domain::feedback::{
    compose_removal_request, removal_subject, ComposeError, FeedbackEntry, Fulfillment, Ground, Rating, Recipient,
};
use csba_domain::Marketplace;
use csba_store::{AccountId, Action, FeedbackRecord, RemovalRequestRecord, Store};
use serde::Serialize;
use ts_rs::TS;

/// The longest explanation the service takes, in characters.
const MAX_EXPLANATION_CHARS: usize = csba_api::limits::MAX_EXPLANATION_CHARS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FeedbackScreen {
    /// Negative feedback first, then the rest; newest first within each.
    pub items: Vec<FeedbackView>,
    /// Every removal request on file, newest first.
    pub requests: Vec<RemovalRequestRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FeedbackView {
    #[serde(flatten)]
    pub record: FeedbackRecord,
    /// A removal request can be made now (service clock): in time, with a
    /// possible ground, none on file or asked for from here.
    pub removable_now: bool,
    /// Whole days left in the removal window (0 on its last day); `None`
    /// once it closed.
    #[ts(type = "number | null")]
    pub days_left: Option<i64>,
    /// The words that suggest each ground, as disjoint ranges of the
    /// comment, in order.
    pub spans: Vec<CommentSpan>,
    /// The subject line the CSBA team expects, when the feedback may be
    /// CSBA's doing: `12月/1日卖家XXXX客服负面评论请求删除`.
    pub subject_preview: Option<String>,
    /// A removal request queued and not confirmed yet, or refused.
    pub pending: Option<PendingAction>,
}

/// A range of the comment, in UTF-16 code units (what JavaScript strings
/// index), that suggests `ground`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CommentSpan {
    pub start: u32,
    pub end: u32,
    pub ground: String,
}

/// The request as the service will file it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RemovalDraftView {
    /// `csba_team` or `feedback_manager`.
    pub recipient: String,
    /// For the CSBA team: the seed's subject line.
    pub subject: Option<String>,
    pub feedback_id: String,
    pub order_id: String,
    /// The day the feedback was left, in the marketplace's time zone.
    pub feedback_date: NaiveDate,
    pub rating: u8,
    pub comment: String,
    pub ground: String,
    pub explanation: String,
    /// Characters of the explanation, and the most the service takes.
    pub explanation_chars: u32,
    pub max_explanation_chars: u32,
}

impl Desk {
    pub fn feedback_screen(&self, filter: ViewFilter, now: DateTime<Utc>) -> Result<FeedbackScreen, AppError> {
        let store = self.store()?;
        let unsent = store.unsent_outbox()?;
        let mut items = Vec::new();
        for record in store.feedback(filter.into())? {
            let server_now = server_now(&store, record.account_id, now)?;
            let seller = seller_name(&store, record.account_id)?;
            items.push(feedback_view(record, &seller, &unsent, server_now)?);
        }
        // The store gives newest first; a stable sort keeps that within each group.
        items.sort_by_key(|v| v.record.sentiment != "negative");
        Ok(FeedbackScreen { items, requests: store.removal_requests(filter.into())? })
    }

    /// The removal request for `feedback_id` on `ground`, as it would be
    /// filed now: refused at `ground` or `explanation` exactly as
    /// [`request_removal`](Desk::request_removal) refuses, except that an
    /// empty explanation is allowed (the preview shows as the seller starts).
    pub fn compose_removal(
        &self,
        account: AccountId,
        feedback_id: &str,
        ground: &str,
        explanation: &str,
        now: DateTime<Utc>,
    ) -> Result<RemovalDraftView, AppError> {
        let store = self.store()?;
        compose(&store, account, feedback_id, ground, explanation, true, now)
    }

    /// Queues a removal request, after every check the service makes.
    pub fn request_removal(
        &self,
        account: AccountId,
        feedback_id: &str,
        ground: &str,
        explanation: &str,
        now: DateTime<Utc>,
    ) -> Result<QueueItem, AppError> {
        let entry = {
            let mut store = self.store()?;
            let draft = compose(&store, account, feedback_id, ground, explanation, false, now)?;
            let action = Action::RemovalRequest {
                feedback_id: draft.feedback_id,
                request: RemovalRequestCreate { ground: draft.ground, explanation: draft.explanation },
            };
            store.enqueue(account, &action, now)?
        };
        self.wake(account);
        Ok(entry.into())
    }
}

fn feedback_view(
    record: FeedbackRecord,
    seller: &str,
    unsent: &[csba_store::OutboxEntry],
    server_now: DateTime<Utc>,
) -> Result<FeedbackView, AppError> {
    let in_time = server_now <= record.removal_deadline;
    let caused_by_csba = record.possible_grounds.iter().any(|g| g.ground == Ground::CausedByCsba.code());
    let subject_preview = if caused_by_csba {
        Some(removal_subject(local_date(record.marketplace, record.left_at)?, seller))
    } else {
        None
    };
    Ok(FeedbackView {
        removable_now: record.removal_possible(server_now),
        days_left: in_time.then(|| (record.removal_deadline - server_now).num_days()),
        spans: spans(&record),
        subject_preview,
        pending: pending_for(unsent, record.account_id, &format!("feedback:{}", record.id)),
        record,
    })
}

fn compose(
    store: &Store,
    account: AccountId,
    feedback_id: &str,
    ground: &str,
    explanation: &str,
    preview: bool,
    now: DateTime<Utc>,
) -> Result<RemovalDraftView, AppError> {
    let record = store
        .feedback(csba_store::ReplicaFilter::account(account))?
        .into_iter()
        .find(|f| f.id == feedback_id.trim())
        .ok_or_else(|| AppError::new(ErrorCode::FeedbackNotFound).with_arg("feedback", feedback_id))?;
    let ground = Ground::ALL
        .into_iter()
        .find(|g| g.code() == ground.trim())
        .ok_or_else(|| AppError::new(ErrorCode::GroundNotPossible).with_arg("reason", "unknown_ground").at("ground"))?;
    if record.removal_request.is_some() || record.removal_asked {
        return Err(AppError::new(ErrorCode::RemovalAlreadyRequested).at("ground"));
    }
    let chars = explanation.trim().chars().count();
    if chars > MAX_EXPLANATION_CHARS {
        return Err(AppError::new(ErrorCode::ExplanationTooLong)
            .with_arg("count", chars.to_string())
            .with_arg("max", MAX_EXPLANATION_CHARS.to_string())
            .at("explanation"));
    }
    let entry = entry_of(&record)?;
    let zone = record.marketplace.time_zone().map_err(|_| AppError::new(ErrorCode::MarketplaceUnknown))?;
    let seller = seller_name(store, account)?;
    // The domain refuses an empty explanation; a preview is composed before
    // the seller has written one, so it stands in and is blanked after.
    let text = if preview && explanation.trim().is_empty() { "-" } else { explanation };
    let composed = compose_removal_request(&entry, ground, &seller, text, zone, server_now(store, account, now)?)
        .map_err(refusal)?;
    Ok(RemovalDraftView {
        recipient: match composed.recipient {
            Recipient::CsbaTeam => "csba_team",
            Recipient::FeedbackManager => "feedback_manager",
        }
        .to_owned(),
        subject: composed.subject,
        feedback_id: record.id,
        order_id: composed.order_id,
        feedback_date: composed.feedback_date,
        rating: composed.rating,
        comment: composed.comment,
        ground: ground.code().to_owned(),
        explanation: if text == explanation { composed.explanation } else { String::new() },
        explanation_chars: u32::try_from(chars).unwrap_or(u32::MAX),
        max_explanation_chars: u32::try_from(MAX_EXPLANATION_CHARS).unwrap_or(u32::MAX),
    })
}

fn refusal(e: ComposeError) -> AppError {
    match e {
        ComposeError::OutOfTime => AppError::new(ErrorCode::RemovalNotPossible).at("ground"),
        ComposeError::ExplanationMissing => AppError::new(ErrorCode::ExplanationMissing).at("explanation"),
        ComposeError::WindowUnavailable(_) => AppError::new(ErrorCode::Internal),
        other => AppError::new(ErrorCode::GroundNotPossible).with_arg("reason", other.code()).at("ground"),
    }
}

/// The replica's row as the domain's feedback entry.
fn entry_of(record: &FeedbackRecord) -> Result<FeedbackEntry, AppError> {
    Ok(FeedbackEntry {
        order_id: record.order_id.clone(),
        left_at: record.left_at,
        rating: Rating::try_from(record.rating).map_err(|_| AppError::new(ErrorCode::ReplicaUnavailable))?,
        comment: record.comment.clone(),
        fulfillment: if record.fulfillment == "amazon" { Fulfillment::Amazon } else { Fulfillment::Seller },
        handled_by_csba: record.handled_by_csba,
    })
}

/// The store's name as the service signs its mail with it.
fn seller_name(store: &Store, account: AccountId) -> Result<String, AppError> {
    store
        .account(account)?
        .map(|a| a.display_name)
        .ok_or_else(|| AppError::new(ErrorCode::AccountUnknown).with_arg("id", account.to_string()))
}

fn local_date(marketplace: Marketplace, at: DateTime<Utc>) -> Result<NaiveDate, AppError> {
    let zone = marketplace.time_zone().map_err(|_| AppError::new(ErrorCode::MarketplaceUnknown))?;
    Ok(at.with_timezone(&zone).date_naive())
}

/// Where each ground's evidence occurs in the comment. The detectors match
/// on folded text (lower case, full-width ASCII folded), so the search runs
/// on the folded comment and maps back to the original's UTF-16 offsets.
/// ASCII words must start a word (and, for obscenities, end one), as the
/// detectors require; CJK words match anywhere. Overlaps keep the earlier
/// (then longer) range, so the UI can wrap each in one `<mark>`.
fn spans(record: &FeedbackRecord) -> Vec<CommentSpan> {
    let (folded, origin) = fold_with_origin(&record.comment);
    let mut found: Vec<CommentSpan> = Vec::new();
    for ground in &record.possible_grounds {
        let whole_word = ground.ground == Ground::ObsceneLanguage.code();
        for word in &ground.evidence {
            let word = fold(word);
            if word.is_empty() {
                continue;
            }
            for (at, _) in folded.match_indices(word.as_str()) {
                let end = at + word.len();
                if word.is_ascii() {
                    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                    if word_char(folded[..at].chars().next_back())
                        || (whole_word && word_char(folded[end..].chars().next()))
                    {
                        continue;
                    }
                }
                let (Some(first), Some(last)) = (origin.get(&at), last_before(&origin, end)) else {
                    continue;
                };
                found.push(CommentSpan { start: first.0, end: last.1, ground: ground.ground.clone() });
            }
        }
    }
    found.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut disjoint: Vec<CommentSpan> = Vec::new();
    for span in found {
        if disjoint.last().is_none_or(|prev| span.start >= prev.end) {
            disjoint.push(span);
        }
    }
    disjoint
}

/// The origin range of the folded byte that starts at or before `end - 1`.
fn last_before(origin: &std::collections::BTreeMap<usize, (u32, u32)>, end: usize) -> Option<&(u32, u32)> {
    origin.range(..end).next_back().map(|(_, r)| r)
}

/// The detectors' folding (csba-domain's `feedback::text::fold`, which is
/// private there): lower case, full-width ASCII to ASCII, the ideographic
/// space to a plain one. It must stay the same, or evidence stops matching.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The folded comment, and for each folded byte offset that starts a
/// character, the UTF-16 range of the original character it came from.
fn fold_with_origin(comment: &str) -> (String, std::collections::BTreeMap<usize, (u32, u32)>) {
    let mut folded = String::new();
    let mut origin = std::collections::BTreeMap::new();
    let mut utf16 = 0u32;
    for c in comment.chars() {
        let width = u32::try_from(c.len_utf16()).unwrap_or(2);
        for f in fold(c.encode_utf8(&mut [0; 4])).chars() {
            origin.insert(folded.len(), (utf16, utf16 + width));
            folded.push(f);
        }
        utf16 += width;
    }
    (folded, origin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use csba_store::PossibleGround;

    fn record(comment: &str, grounds: &[(&str, &[&str])]) -> FeedbackRecord {
        let left_at = Utc.with_ymd_and_hms(2026, 11, 30, 16, 0, 0).single().unwrap_or_default();
        FeedbackRecord {
            account_id: AccountId(1),
            id: "fb-1".into(),
            order_id: "503-1".into(),
            marketplace: Marketplace::Jp,
            left_at,
            rating: 1,
            comment: comment.into(),
            fulfillment: "seller".into(),
            handled_by_csba: true,
            sentiment: "negative".into(),
            removal_in_time: true,
            removal_deadline: left_at + Duration::days(90),
            possible_grounds: grounds
                .iter()
                .map(|(g, e)| PossibleGround { ground: (*g).into(), evidence: e.iter().map(|w| (*w).into()).collect() })
                .collect(),
            removal_request: None,
            removal_asked: false,
        }
    }

    fn ranges(r: &FeedbackRecord) -> Vec<(u32, u32, String)> {
        spans(r).into_iter().map(|s| (s.start, s.end, s.ground)).collect()
    }

    #[test]
    fn spans_are_utf16_offsets_of_the_original_comment() {
        // "😀" is two UTF-16 units; the full-width "ＲＵＤＥ" folds to "rude".
        let r = record("😀対応が最悪。ＲＵＤＥ staff", &[("caused_by_csba", &["対応", "rude"])]);
        assert_eq!(ranges(&r), vec![(2, 4, "caused_by_csba".to_owned()), (8, 12, "caused_by_csba".to_owned())]);
    }

    #[test]
    fn ascii_words_respect_word_starts_and_markup_is_just_text() {
        let r = record(
            "<script>alert(1)</script> late, chocolate; SHIT shitake",
            &[("caused_by_csba", &["late"]), ("obscene_language", &["shit"])],
        );
        let got = ranges(&r);
        let text: Vec<String> = got
            .iter()
            .map(|(s, e, _)| {
                String::from_utf16_lossy(&r.comment.encode_utf16().collect::<Vec<_>>()[*s as usize..*e as usize])
            })
            .collect();
        assert_eq!(text, vec!["late", "SHIT"], "not chocolate, not shitake");
    }

    #[test]
    fn overlapping_evidence_keeps_disjoint_ranges() {
        let r = record(
            "配送が遅い",
            &[("caused_by_csba", &["配送"]), ("amazon_fulfilled_delivery_complaint", &["配送が遅い"])],
        );
        assert_eq!(ranges(&r), vec![(0, 5, "amazon_fulfilled_delivery_complaint".to_owned())]);
    }
}
