//! The refund deadline of every return that arrived back at the seller and
//! is not refunded yet: counted in the marketplace's business days and
//! holidays (`csba_domain::deadline::refund_due`), shown on its wall clock.

use crate::error::AppError;
use crate::filter::ViewFilter;
use crate::policy::ReturnRefundView;
use csba_store::Store;

/// Returns awaiting their refund, the earliest deadline first.
pub(crate) fn returns_awaiting_refund(_store: &Store, _filter: ViewFilter) -> Result<Vec<ReturnRefundView>, AppError> {
    // TODO(i10-data): built on Store::returns_awaiting_refund once merged.
    Ok(Vec::new())
}
