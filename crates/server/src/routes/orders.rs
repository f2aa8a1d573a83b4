use crate::app::AppState;
use crate::auth::Seller;
use crate::error::{Result, ServerError};
use crate::page::{Page, PageQuery};
use axum::extract::{Query, State};
use axum::Json;
use csba_api::{OrderList, Problem};
use serde::Deserialize;

pub const STATUSES: [&str; 5] = ["pending", "unshipped", "shipped", "delivered", "cancelled"];

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct OrdersQuery {
    /// `pending` (payment not yet confirmed: do not ship), `unshipped`,
    /// `shipped`, `delivered` or `cancelled`; all when absent.
    status: Option<String>,
    /// `next_cursor` of the previous page; absent or empty: the first page.
    cursor: Option<String>,
    /// Rows per page, 1 to 500 (default 100).
    limit: Option<String>,
}

/// The seller's MFN orders, newest first.
///
/// Every order carries `ship_by`: the
/// end (23:59:59 in the marketplace's time zone) of the last day of the
/// handling time, 2 business days after the local day it was placed on by
/// default (the marketplace's weekends and public holidays do not count).
#[utoipa::path(get, path = "/v1/orders", tag = "orders", params(OrdersQuery),
    responses(
        (status = 200, body = OrderList),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    seller: Seller,
    Query(query): Query<OrdersQuery>,
) -> Result<Json<OrderList>> {
    let status = query.status.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if let Some(s) = status.filter(|s| !STATUSES.contains(s)) {
        return Err(ServerError::InvalidInput {
            field: "status",
            message: format!("`{s}` is not one of {}", STATUSES.join(", ")),
        });
    }
    let page = Page::from_query(&PageQuery { cursor: query.cursor.clone(), limit: query.limit.clone() })?;
    let (orders, next_cursor) = crate::orders::list_orders(&state.db, &seller.id, status, &page).await?;
    Ok(Json(OrderList { orders, next_cursor }))
}
