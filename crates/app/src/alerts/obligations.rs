//! Every deadline the seller owes, read from the replica alone (the alerts
//! must work offline): each on its account's service clock, with that
//! account's measured offset, so the scheduler can time it on ours.

use crate::desk::Desk;
use crate::error::{AppError, ErrorCode};
use crate::orders::offsets;
use chrono::{DateTime, Duration, Utc};
use csba_alerts::{Obligation, ObligationKey, ObligationKind};
use csba_api::ShipmentConfirmationBatch;
use csba_domain::deadline::refund_due;
use csba_domain::Marketplace;
use csba_store::{AccountId, ActionKind, OutboxState, ReplicaFilter, Store};
use std::collections::{HashMap, HashSet};

impl Desk {
    /// What has a deadline now, soonest first. `now` is the local clock.
    pub fn obligations(&self, now: DateTime<Utc>) -> Result<Vec<Obligation>, AppError> {
        obligations(&*self.store()?, now)
    }
}

/// The same from a bare replica (the `csba alerts` command).
pub fn obligations(store: &Store, now: DateTime<Utc>) -> Result<Vec<Obligation>, AppError> {
    let offsets: HashMap<AccountId, Duration> =
        offsets(store)?.into_iter().map(|(account, ms)| (account, Duration::milliseconds(ms))).collect();
    let offset = |account: AccountId| offsets.get(&account).copied().unwrap_or_else(Duration::zero);
    let obligation = |kind, account: AccountId, object_id: &str, marketplace, due, label: &str| Obligation {
        key: ObligationKey::new(kind, account.0, object_id),
        marketplace,
        due,
        server_offset: offset(account),
        label: label.to_owned(),
    };
    let mut all = Vec::new();

    for case in store.open_case_deadlines()? {
        all.push(obligation(
            ObligationKind::CaseReply,
            case.account_id,
            &case.case_id,
            case.marketplace,
            case.respond_by,
            &case.order_id,
        ));
    }

    for r in store.returns_awaiting_refund(ReplicaFilter::all())? {
        let due = refund_due(r.marketplace, r.return_received_at).map_err(|e| {
            tracing::error!("refund deadline of {}: {e}", r.order_id);
            AppError::new(ErrorCode::MarketplaceUnknown).with_arg("marketplace", r.marketplace.code())
        })?;
        // The last second of the last business day: what the returns screen
        // shows, so the alert and the screen name the same time.
        let due = due.due.with_timezone(&Utc);
        all.push(obligation(ObligationKind::Refund, r.account_id, &r.order_id, r.marketplace, due, &r.order_id));
    }

    let home = home_marketplaces(store)?;
    for q in store.service_questions(ReplicaFilter::all())? {
        if q.status != "awaiting_answer" {
            continue;
        }
        // The question names only its order; without the order in the
        // replica, the account's first marketplace gives the clock to show.
        let marketplace = q.marketplace.or_else(|| home.get(&q.account_id).copied()).unwrap_or(Marketplace::Jp);
        all.push(obligation(
            ObligationKind::ServiceQuestion,
            q.account_id,
            &q.id,
            marketplace,
            q.answer_by,
            &q.order_id,
        ));
    }

    for e in store.enrollments(ReplicaFilter::all())? {
        if e.state != "pending_identity_verification" {
            continue;
        }
        let Some(enrolled_at) = e.enrolled_at else { continue };
        // The limit in force when the seller enrolled, as the service's
        // enrollment rules apply it.
        let rules = e.marketplace.rules(enrolled_at.date_naive()).map_err(|error| {
            tracing::error!("identity verification limit on {}: {error}", e.marketplace.code());
            AppError::new(ErrorCode::MarketplaceUnknown).with_arg("marketplace", e.marketplace.code())
        })?;
        let Some(days) = rules.identity_verification_limit_days else { continue };
        let code = e.marketplace.code();
        let lapses = enrolled_at + Duration::days(i64::from(days));
        all.push(obligation(ObligationKind::IdentityVerification, e.account_id, code, e.marketplace, lapses, code));
    }

    for f in store.feedback(ReplicaFilter::all())? {
        if f.removal_possible(now + offset(f.account_id)) {
            let due = f.removal_deadline;
            all.push(obligation(ObligationKind::FeedbackRemoval, f.account_id, &f.id, f.marketplace, due, &f.order_id));
        }
    }

    let on_its_way = tracking_on_its_way(store)?;
    for o in store.orders_needing_tracking(ReplicaFilter::all())? {
        let Some(ship_by) = o.ship_by else { continue };
        if !on_its_way.contains(&(o.account_id, o.id.clone())) {
            all.push(obligation(ObligationKind::Tracking, o.account_id, &o.id, o.marketplace, ship_by, &o.id));
        }
    }

    all.sort_by(|a, b| (a.due_local(), &a.key).cmp(&(b.due_local(), &b.key)));
    Ok(all)
}

fn home_marketplaces(store: &Store) -> Result<HashMap<AccountId, Marketplace>, AppError> {
    Ok(store.accounts()?.into_iter().filter_map(|a| Some((a.id, *a.marketplaces.first()?))).collect())
}

/// Orders whose tracking ID is queued or being sent. A refused upload is
/// not on its way: the seller still owes the tracking ID, so it still alerts.
fn tracking_on_its_way(store: &Store) -> Result<HashSet<(AccountId, String)>, AppError> {
    let mut orders = HashSet::new();
    for entry in store.unsent_outbox()? {
        if entry.kind != ActionKind::TrackingUpload
            || !matches!(entry.state, OutboxState::Queued | OutboxState::Sending)
        {
            continue;
        }
        let Some(batch) = entry.body.and_then(|b| b.decode::<ShipmentConfirmationBatch>().ok()) else {
            continue;
        };
        orders.extend(batch.confirmations.into_iter().map(|row| (entry.account_id, row.order_id)));
    }
    Ok(orders)
}
