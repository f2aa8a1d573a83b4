//! Orders and tracking: what to ship (most urgent first), what was shipped
//! with which tracking, the live check of a number as the seller types it,
//! and a single shipment confirmation queued through the outbox.

use crate::desk::Desk;
use crate::error::{AppError, ErrorCode};
use crate::filter::ViewFilter;
use crate::views::QueueItem;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use csba_api::{ShipmentConfirmation, ShipmentConfirmationBatch};
use csba_domain::tracking::{self, Carrier};
use csba_domain::Marketplace;
use csba_store::{AccountId, Action, OrderView, OutboxState, ReplicaFilter, Store};
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// How many shipped orders the screen lists (newest first).
const SHIPPED_LIMIT: u32 = 500;
/// Amazon's valid tracking rate looks at the last 30 days.
const TRACKING_RATE_DAYS: i64 = 30;
/// Account health asks for at least 95 % (in tenths of a percent).
const TRACKING_RATE_TARGET_TENTHS: u64 = 950;

/// The orders screen.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OrdersScreen {
    /// Unshipped orders, the earliest ship-by first.
    pub to_ship: Vec<OrderRow>,
    /// Orders that must not ship yet (payment not confirmed).
    pub pending: Vec<OrderRow>,
    /// The newest shipped orders, with their tracking.
    pub shipped: Vec<OrderRow>,
    /// The valid tracking rate of the last 30 days, per account and marketplace.
    pub tracking_rates: Vec<TrackingRate>,
    /// Carriers a seller can name, by code (the UI words them).
    pub carriers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OrderRow {
    #[serde(flatten)]
    pub order: OrderView,
    /// A tracking ID queued for this order and not confirmed yet.
    pub queued: Option<QueuedTracking>,
    /// server clock − local clock of the order's service.
    #[ts(type = "number")]
    pub server_offset_ms: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QueuedTracking {
    pub tracking_number: String,
    pub carrier: Option<String>,
    pub ship_date: NaiveDate,
    /// `queued`, `sending` or `failed`.
    pub state: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrackingRate {
    pub account_id: AccountId,
    pub marketplace: Marketplace,
    /// Shipments confirmed in the window.
    pub shipped: u32,
    /// Of them, with a tracking ID that passes the carrier's rules.
    pub valid: u32,
    /// Percent, one decimal place (`"96.4"`); `None` with nothing shipped.
    pub rate_percent: Option<String>,
    /// At least the 95 % account health asks for.
    pub meets_target: bool,
}

/// The live verdict on a tracking number as the seller types it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrackingVerdict {
    pub input: String,
    /// Upper case, no spaces or hyphens, full-width folded, routing taken off.
    pub normalized: String,
    pub valid: bool,
    /// The carrier to record: the one named, or the only candidate.
    pub carrier: Option<String>,
    /// Every carrier whose format the number fits.
    pub candidates: Vec<String>,
    /// Several carriers fit and none was named: the seller must choose.
    pub needs_carrier: bool,
    /// The format matched (`s10`, `ups-1z`, …).
    pub format: Option<String>,
    /// `passed`, `failed` or `none` (the format has no check digit).
    pub check_digit: String,
    /// Why it is refused (`tracking-rejection-<code>` in the catalog).
    pub rejection: Option<String>,
    /// The USPS `420`+ZIP routing prefix that was taken off, as its ZIP.
    pub routing_zip: Option<String>,
}

/// Checks `input` as the seller types it, against `carrier` if named.
pub fn check_tracking(input: &str, carrier: Option<&str>) -> Result<TrackingVerdict, AppError> {
    let declared = match carrier.map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(code) => Some(
            Carrier::from_code(code)
                .ok_or_else(|| AppError::new(ErrorCode::CarrierUnknown).with_arg("carrier", code).at("carrier"))?,
        ),
    };
    let check = tracking::check(input, declared);
    let candidates: Vec<String> = check.candidates.iter().map(|c| c.code().to_owned()).collect();
    let needs_carrier = declared.is_none() && check.candidates.len() > 1;
    let check_digit = match (&check.format, &check.result) {
        (_, Err(tracking::Rejection::CheckDigitMismatch)) => "failed",
        (Some(format), Ok(())) if format.has_check_digit() => "passed",
        _ => "none",
    };
    Ok(TrackingVerdict {
        input: input.to_owned(),
        normalized: check.normalized.to_string(),
        valid: check.is_valid(),
        carrier: if needs_carrier { None } else { check.carrier.map(|c| c.code().to_owned()) },
        candidates,
        needs_carrier,
        format: check.format.map(|f| f.code().to_owned()),
        check_digit: check_digit.to_owned(),
        rejection: check.result.err().map(|r| r.code().to_owned()),
        routing_zip: check.routing.map(|r| r.zip().to_owned()),
    })
}

impl Desk {
    pub fn orders_screen(&self, filter: ViewFilter, now: DateTime<Utc>) -> Result<OrdersScreen, AppError> {
        let store = self.store()?;
        let replica: ReplicaFilter = filter.into();
        let queued = queued_tracking(&store)?;
        let offsets = offsets(&store)?;
        let row = |order: OrderView| OrderRow {
            queued: queued.get(&(order.account_id, order.id.clone())).cloned(),
            server_offset_ms: offsets.get(&order.account_id).copied().unwrap_or(0),
            order,
        };
        let to_ship: Vec<OrderRow> = store.orders_needing_tracking(replica)?.into_iter().map(row).collect();
        let pending = store.orders_with_status(replica, "pending")?.into_iter().map(row).collect();
        let shipped = store.shipped_orders(replica, SHIPPED_LIMIT)?.into_iter().map(row).collect();
        Ok(OrdersScreen {
            to_ship,
            pending,
            shipped,
            tracking_rates: tracking_rates(&store, replica, &offsets, now)?,
            carriers: Carrier::ALL.iter().map(|c| c.code().to_owned()).collect(),
        })
    }

    /// Queues one shipment confirmation for `order_id`: the number checked
    /// by the carrier's rules (a carrier must be named when several fit),
    /// the ship date not in the future in the marketplace's time zone and
    /// not before the order was placed.
    pub fn confirm_shipment(
        &self,
        account: AccountId,
        order_id: &str,
        tracking_number: &str,
        carrier: Option<&str>,
        ship_date: &str,
        now: DateTime<Utc>,
    ) -> Result<QueueItem, AppError> {
        let entry = {
            let mut store = self.store()?;
            let confirmation = shipment_for(&store, account, order_id, tracking_number, carrier, ship_date, now)?;
            let action =
                Action::TrackingUpload { batch: ShipmentConfirmationBatch { confirmations: vec![confirmation] } };
            store.enqueue(account, &action, now)?
        };
        self.wake(account);
        Ok(entry.into())
    }
}

/// The confirmation a single entry makes, or the first field that is wrong.
fn shipment_for(
    store: &Store,
    account: AccountId,
    order_id: &str,
    tracking_number: &str,
    carrier: Option<&str>,
    ship_date: &str,
    now: DateTime<Utc>,
) -> Result<ShipmentConfirmation, AppError> {
    let order = store
        .order(account, order_id)?
        .ok_or_else(|| AppError::new(ErrorCode::OrderNotFound).with_arg("order", order_id))?;
    if order.status != "unshipped" {
        return Err(AppError::new(ErrorCode::OrderNotShippable)
            .with_arg("order", order_id)
            .with_arg("status", order.status.clone()));
    }
    let verdict = check_tracking(tracking_number, carrier)?;
    if let Some(rejection) = &verdict.rejection {
        return Err(AppError::new(ErrorCode::TrackingInvalid)
            .with_arg("reason", rejection.clone())
            .at("tracking_number"));
    }
    if verdict.needs_carrier {
        return Err(AppError::new(ErrorCode::CarrierUnknown)
            .with_arg("carrier", "")
            .with_arg("candidates", verdict.candidates.join(", "))
            .at("carrier"));
    }
    let ship_date = NaiveDate::parse_from_str(ship_date.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::new(ErrorCode::ShipDateInvalid).at("ship_date"))?;
    let server_now = now + Duration::milliseconds(store.sync_state(account)?.server_offset_ms);
    let zone = order.marketplace.time_zone().map_err(|_| AppError::new(ErrorCode::MarketplaceUnknown))?;
    let today = server_now.with_timezone(&zone).date_naive();
    if ship_date > today {
        return Err(AppError::new(ErrorCode::ShipDateInFuture).with_arg("today", today.to_string()).at("ship_date"));
    }
    let placed = order.placed_at.with_timezone(&zone).date_naive();
    if ship_date < placed {
        return Err(AppError::new(ErrorCode::ShipDateBeforeOrder)
            .with_arg("placed", placed.to_string())
            .at("ship_date"));
    }
    Ok(ShipmentConfirmation {
        order_id: order.id,
        tracking_number: verdict.normalized,
        carrier: verdict.carrier,
        ship_date,
    })
}

/// Tracking IDs waiting in the outbox, by (account, order): the newest per
/// order, so a correction shows over the first try.
pub(crate) fn queued_tracking(store: &Store) -> Result<HashMap<(AccountId, String), QueuedTracking>, AppError> {
    let mut queued = HashMap::new();
    for entry in store.unsent_outbox()? {
        if entry.kind != csba_store::ActionKind::TrackingUpload {
            continue;
        }
        let state = match entry.state {
            OutboxState::Queued => "queued",
            OutboxState::Sending => "sending",
            OutboxState::Failed { .. } => "failed",
            OutboxState::Sent => continue,
        };
        let Some(batch) = entry.body.and_then(|b| b.decode::<ShipmentConfirmationBatch>().ok()) else {
            continue;
        };
        for row in batch.confirmations {
            queued.insert(
                (entry.account_id, row.order_id),
                QueuedTracking {
                    tracking_number: row.tracking_number,
                    carrier: row.carrier,
                    ship_date: row.ship_date,
                    state: state.to_owned(),
                },
            );
        }
    }
    Ok(queued)
}

pub(crate) fn offsets(store: &Store) -> Result<HashMap<AccountId, i64>, AppError> {
    store.accounts()?.into_iter().map(|a| Ok((a.id, store.sync_state(a.id)?.server_offset_ms))).collect()
}

/// Valid ÷ confirmed shipments of the last 30 days on each service's clock,
/// each number checked again by today's rules.
fn tracking_rates(
    store: &Store,
    filter: ReplicaFilter,
    offsets: &HashMap<AccountId, i64>,
    now: DateTime<Utc>,
) -> Result<Vec<TrackingRate>, AppError> {
    let earliest = offsets.values().copied().min().unwrap_or(0);
    let since = now + Duration::milliseconds(earliest) - Duration::days(TRACKING_RATE_DAYS);
    let mut by_key: std::collections::BTreeMap<(AccountId, Marketplace), (u32, u32)> = Default::default();
    for shipment in store.confirmed_shipments_since(filter, since)? {
        let window_start = now + Duration::milliseconds(offsets.get(&shipment.account_id).copied().unwrap_or(0))
            - Duration::days(TRACKING_RATE_DAYS);
        if shipment.confirmed_at < window_start {
            continue;
        }
        let slot = by_key.entry((shipment.account_id, shipment.marketplace)).or_default();
        slot.0 += 1;
        let carrier = Carrier::from_code(&shipment.carrier);
        if tracking::check(&shipment.tracking_number, carrier).is_valid() {
            slot.1 += 1;
        }
    }
    Ok(by_key
        .into_iter()
        .map(|((account_id, marketplace), (shipped, valid))| {
            let tenths =
                (shipped > 0).then(|| (u64::from(valid) * 2000 + u64::from(shipped)) / (u64::from(shipped) * 2));
            TrackingRate {
                account_id,
                marketplace,
                shipped,
                valid,
                rate_percent: tenths.map(|t| format!("{}.{}", t / 10, t % 10)),
                meets_target: tenths.is_some_and(|t| t >= TRACKING_RATE_TARGET_TENTHS),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_live_check_names_candidates_instead_of_guessing() -> Result<(), AppError> {
        let s10 = check_tracking("EV876297563CN", None)?;
        assert!(s10.valid);
        assert_eq!(s10.check_digit, "passed");
        assert_eq!(s10.carrier.as_deref(), Some("china-post"));

        let typo = check_tracking("EV876297564CN", None)?;
        assert!(!typo.valid);
        assert_eq!(typo.check_digit, "failed");
        assert_eq!(typo.rejection.as_deref(), Some("check_digit_mismatch"));

        let unknown = check_tracking("x", Some("no-such-carrier"));
        assert_eq!(unknown.map_err(|e| (e.code, e.field)), Err((ErrorCode::CarrierUnknown, Some("carrier".into()))));
        Ok(())
    }

    #[test]
    fn full_width_input_is_normalized() -> Result<(), AppError> {
        let v = check_tracking("ＥＶ８７６２９７５６３ＣＮ", None)?;
        assert_eq!(v.normalized, "EV876297563CN");
        assert!(v.valid);
        Ok(())
    }
}
