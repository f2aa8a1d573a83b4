//! The refund deadline of every return that arrived back at the seller and
//! is not refunded yet: counted in the marketplace's business days and
//! holidays (`csba_domain::deadline::refund_due`), shown on its wall clock
//! so a seller reads "refund by Tuesday 23:59 JST".

use crate::error::{AppError, ErrorCode};
use crate::filter::ViewFilter;
use crate::policy::ReturnRefundView;
use chrono::Utc;
use csba_domain::deadline::refund_due;
use csba_store::Store;

/// Returns awaiting their refund, the earliest deadline first.
pub(crate) fn returns_awaiting_refund(store: &Store, filter: ViewFilter) -> Result<Vec<ReturnRefundView>, AppError> {
    let mut views = Vec::new();
    for r in store.returns_awaiting_refund(filter.into())? {
        let due = refund_due(r.marketplace, r.return_received_at).map_err(|e| {
            tracing::error!("refund deadline of {}: {e}", r.order_id);
            AppError::new(ErrorCode::MarketplaceUnknown).with_arg("marketplace", r.marketplace.code())
        })?;
        views.push(ReturnRefundView {
            account_id: r.account_id,
            refund_by: due.due.with_timezone(&Utc),
            refund_by_local: due.due.format("%Y-%m-%dT%H:%M").to_string(),
            zone: due.due.timezone().name().to_owned(),
            order_id: r.order_id,
            marketplace: r.marketplace,
            item_title: r.item_title,
            return_received_at: r.return_received_at,
        });
    }
    // Arrival order is not deadline order across marketplaces (holidays differ).
    views.sort_by(|a, b| (a.refund_by, a.account_id, &a.order_id).cmp(&(b.refund_by, b.account_id, &b.order_id)));
    Ok(views)
}
