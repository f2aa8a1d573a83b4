//! Sending the outbox: each due action, in order per object, with the
//! idempotency key it was queued with, so a resend after a lost response is
//! answered by the service rather than applied again.

use crate::retry::RetryPolicy;
use crate::status::Connectivity;
use crate::SyncError;
use chrono::{DateTime, Utc};
use csba_api::{ApiClient, ClientError, ErrorClass};
use csba_store::{AccountId, JsonText, OutboxEntry, Store};
use futures_util::stream::{FuturesOrdered, StreamExt};
use std::collections::HashSet;
use std::sync::{Mutex, MutexGuard};

/// How long a claim on an entry lasts: longer than any attempt (the client
/// gives up after 30 s), so a live sender never loses its claim. A process
/// that dies mid-send holds its entries this long; then anyone resends them
/// under the same idempotency key.
const CLAIM: chrono::Duration = chrono::Duration::seconds(90);

/// What one push did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PushOutcome {
    /// Confirmed by the service.
    pub sent: usize,
    /// Failed in a way worth retrying; back in the queue with a later
    /// `next_attempt_at`.
    pub retried: usize,
    /// Refused by the service; kept, with the problem code, for the seller.
    pub failed: usize,
    /// `Online` when the service answered anything, `Offline` when it could
    /// not be reached; `None` when there was nothing to send.
    pub connectivity: Option<Connectivity>,
}

/// What to do with an entry after one attempt.
enum Verdict {
    /// `response`: the service's answer as JSON text, kept with the entry.
    Sent {
        response: Option<String>,
    },
    /// `retry_after`: what the service asked to wait at least (seconds).
    Retry {
        reason: String,
        reached_service: bool,
        retry_after: Option<u64>,
    },
    Failed {
        code: String,
        detail: Option<String>,
    },
}

/// How many batches of one upload are on their way at once. While the
/// service writes one under the seller's lock, it reads and checks the next
/// ones, and the app sends them meanwhile. Two took the whole upload about
/// a quarter less time than one on loopback. Three took another tenth off:
/// the check of a batch now takes longer than its write, so a second batch
/// being checked keeps the writer busy (see the README's benchmarks). More
/// would only queue at the service's one writer.
pub const IN_FLIGHT: usize = 3;

/// Sends every due outbox entry of `account`, oldest first, one object at a time in
/// order; stops early when the service cannot be reached.
///
/// The batches of one upload are the one exception to one at a time: up to
/// [`IN_FLIGHT`] of them go out together (see [`Store::due_behind_in_group`]
/// for why their order carries nothing). Each is still settled in order,
/// and once one is not confirmed no further batch is started.
///
/// The store lock is never held across an `.await`: each entry is claimed
/// (`sending`), sent without the lock, then settled.
pub async fn push_all(
    client: &ApiClient,
    store: &Mutex<Store>,
    account: AccountId,
    now: &(dyn Fn() -> DateTime<Utc> + Sync),
    retry: &RetryPolicy,
) -> Result<PushOutcome, SyncError> {
    let mut outcome = PushOutcome::default();
    // Objects that already failed once in this push: their next attempt
    // waits for the backoff, even when the jitter drew a zero delay.
    let mut held_back: HashSet<String> = HashSet::new();
    loop {
        let due: Vec<OutboxEntry> = lock(store)?
            .next_sendable(account, now())?
            .into_iter()
            .filter(|entry| !held_back.contains(&entry.object_key))
            .collect();
        if due.is_empty() {
            return Ok(outcome);
        }
        for head in due {
            let mut sending = FuturesOrdered::new();
            let mut next = Some(head);
            let mut offline = false;
            loop {
                while sending.len() < IN_FLIGHT {
                    let Some(entry) = next.take() else { break };
                    next = lock(store)?.due_behind_in_group(&entry, now(), 1)?.pop();
                    sending.push_back(attempt(client, store, entry, now));
                }
                let Some(attempted) = sending.next().await else { break };
                let (entry, verdict) = match attempted? {
                    Attempt::Made(entry, verdict) => (entry, verdict),
                    Attempt::NotClaimed(entry) => {
                        // Another process has it; what follows waits its turn.
                        held_back.insert(entry.object_key);
                        next = None;
                        continue;
                    }
                };
                let confirmed = matches!(verdict, Verdict::Sent { .. });
                if !confirmed {
                    next = None;
                }
                let guard = lock(store)?;
                match verdict {
                    Verdict::Sent { response } => {
                        guard.mark_sent_with_response(entry.id, response.as_deref(), now())?;
                        outcome.sent += 1;
                        outcome.connectivity = Some(Connectivity::Online);
                    }
                    Verdict::Retry { reason, reached_service, retry_after } => {
                        let attempts = entry.attempts + 1;
                        guard.mark_retry(
                            entry.id,
                            now() + wait_before_retry(retry.delay(attempts), retry_after),
                            &reason,
                        )?;
                        outcome.retried += 1;
                        held_back.insert(entry.object_key);
                        if !reached_service {
                            // Offline: every other entry would fail the same
                            // way (or wait for a timeout). What is already on
                            // its way is settled first, so nothing stays
                            // claimed; then try again on the next push.
                            offline = true;
                        }
                        if !offline {
                            outcome.connectivity = Some(Connectivity::Online);
                        }
                    }
                    Verdict::Failed { code, detail } => {
                        guard.mark_failed(entry.id, &code, detail.as_deref())?;
                        outcome.failed += 1;
                        outcome.connectivity = Some(Connectivity::Online);
                        tracing::warn!(id = entry.id, kind = entry.kind.as_str(), %code, "the service refused a queued action");
                    }
                }
            }
            if offline {
                outcome.connectivity = Some(Connectivity::Offline);
                return Ok(outcome);
            }
        }
    }
}

/// One entry's attempt, claimed first so two processes never both send it.
enum Attempt {
    Made(OutboxEntry, Verdict),
    NotClaimed(OutboxEntry),
}

async fn attempt(
    client: &ApiClient,
    store: &Mutex<Store>,
    entry: OutboxEntry,
    now: &(dyn Fn() -> DateTime<Utc> + Sync),
) -> Result<Attempt, SyncError> {
    let claimed_at = now();
    if !lock(store)?.mark_sending(entry.id, claimed_at, claimed_at + CLAIM)? {
        return Ok(Attempt::NotClaimed(entry));
    }
    let result = client
        .send(&entry.method, &entry.path, entry.body.as_ref().map(JsonText::as_str), &entry.idempotency_key)
        .await;
    Ok(Attempt::Made(entry, judge(result)))
}

/// The backoff's delay, or longer when the service said how long to wait
/// (`Retry-After` of a 429 or 503): retrying sooner would only be refused.
fn wait_before_retry(backoff: chrono::Duration, retry_after: Option<u64>) -> chrono::Duration {
    let asked =
        retry_after.and_then(|s| i64::try_from(s).ok()).map_or(chrono::Duration::zero(), chrono::Duration::seconds);
    backoff.max(asked)
}

fn lock(store: &Mutex<Store>) -> Result<MutexGuard<'_, Store>, SyncError> {
    store.lock().map_err(|_| SyncError::Poisoned)
}

/// Decided by the one classification of client errors
/// ([`ClientError::class`]): what is worth retrying goes back in the queue;
/// an answer that needs a person (a revoked token) keeps the action queued
/// too, since nothing about the action is wrong; a refusal stops the action
/// with the service's problem code for the seller.
fn judge(result: Result<Option<String>, ClientError>) -> Verdict {
    let error = match result {
        Ok(response) => return Verdict::Sent { response },
        // A success whose body is not JSON was still applied.
        Err(ClientError::Protocol { status }) if (200..300).contains(&status) => {
            return Verdict::Sent { response: None }
        }
        Err(error) => error,
    };
    let reached_service = !matches!(error, ClientError::Unreachable(_));
    let retry_after = match &error {
        ClientError::Problem(p) => p.retry_after,
        _ => None,
    };
    match (error.class(), error) {
        (ErrorClass::RetryLater | ErrorClass::NeedsPerson, error) => {
            let reason = match error {
                ClientError::Unreachable(reason) => reason,
                ClientError::Problem(p) => format!("HTTP {} {}", p.status, p.code.as_str()),
                ClientError::Protocol { status } => format!("HTTP {status}"),
            };
            Verdict::Retry { reason, reached_service, retry_after }
        }
        (ErrorClass::Refused, ClientError::Problem(problem)) => {
            Verdict::Failed { code: problem.code.as_str().to_owned(), detail: problem.detail.or(Some(problem.title)) }
        }
        (ErrorClass::Refused, ClientError::Protocol { status: 0 }) => {
            Verdict::Failed { code: "invalid_request".to_owned(), detail: Some("not a valid HTTP method".to_owned()) }
        }
        (ErrorClass::Refused, ClientError::Protocol { status }) => {
            Verdict::Failed { code: format!("http_{status}"), detail: None }
        }
        (ErrorClass::Refused, ClientError::Unreachable(reason)) => {
            Verdict::Retry { reason, reached_service, retry_after }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csba_api::{Problem, ProblemCode};

    fn problem(code: ProblemCode) -> ClientError {
        ClientError::Problem(Box::new(Problem::new(code, "t")))
    }

    #[test]
    fn network_errors_5xx_and_in_flight_duplicates_are_retried() {
        for error in [
            ClientError::Unreachable("reset".into()),
            ClientError::Protocol { status: 502 },
            ClientError::Protocol { status: 503 },
            problem(ProblemCode::Internal),
            problem(ProblemCode::IdempotencyKeyInFlight),
        ] {
            assert!(matches!(judge(Err(error)), Verdict::Retry { .. }));
        }
    }

    #[test]
    fn a_refusal_keeps_its_problem_code() {
        match judge(Err(problem(ProblemCode::CaseResolved))) {
            Verdict::Failed { code, .. } => assert_eq!(code, "case_resolved"),
            _ => panic!("a 409 is not retried"),
        }
        assert!(matches!(judge(Err(ClientError::Protocol { status: 404 })), Verdict::Failed { .. }));
    }

    #[test]
    fn a_busy_service_is_retried_no_sooner_than_it_asked() {
        let busy = ClientError::Problem(Box::new(Problem {
            retry_after: Some(120),
            ..Problem::new(ProblemCode::Unavailable, "busy")
        }));
        let Verdict::Retry { retry_after, reached_service, .. } = judge(Err(busy)) else { panic!("a 503 is retried") };
        assert_eq!((retry_after, reached_service), (Some(120), true));
        let backoff = chrono::Duration::seconds(3);
        assert_eq!(wait_before_retry(backoff, Some(120)), chrono::Duration::seconds(120));
        assert_eq!(wait_before_retry(backoff, Some(1)), backoff);
        assert_eq!(wait_before_retry(backoff, None), backoff);
    }

    #[test]
    fn a_rejected_token_keeps_the_action_queued() {
        assert!(matches!(judge(Err(problem(ProblemCode::Unauthorized))), Verdict::Retry { reached_service: true, .. }));
        assert!(matches!(judge(Err(ClientError::Protocol { status: 429 })), Verdict::Retry { .. }));
    }
}
