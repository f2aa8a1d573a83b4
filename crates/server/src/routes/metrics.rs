use crate::app::AppState;
use crate::auth::Seller;
use crate::error::Result;
use axum::extract::State;
use axum::Json;
use csba_api::{MetricWeekList, MetricsReport, Problem};

/// Response time, A-to-z claim rate, negative feedback rate, order defect
/// rate, valid tracking rate, contacts per unit and the fee they imply,
/// per marketplace, from the stored data.
#[utoipa::path(get, path = "/v1/metrics", tag = "metrics",
    responses(
        (status = 200, body = MetricsReport),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_metrics(State(state): State<AppState>, seller: Seller) -> Result<Json<MetricsReport>> {
    let account = crate::sellers::account(&state.db, &seller.id).await?;
    Ok(Json(crate::metrics::report(&state.db, &seller.id, &account.marketplaces, state.clock.now()).await?))
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct WeeklyQuery {
    /// `JP` or `US`: one of the seller's marketplaces.
    marketplace: String,
    /// The first Monday wanted (`YYYY-MM-DD`); every stored week when absent.
    since: Option<String>,
}

/// The marketplace's weekly figures, oldest week first, as counts: any run
/// of weeks adds up to exact rates. The running week has `complete: false`.
#[utoipa::path(get, path = "/v1/metrics/weekly", tag = "metrics", params(WeeklyQuery),
    responses(
        (status = 200, body = MetricWeekList),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_weekly(
    State(state): State<AppState>,
    seller: Seller,
    axum::extract::Query(query): axum::extract::Query<WeeklyQuery>,
) -> Result<Json<MetricWeekList>> {
    let marketplace: csba_domain::Marketplace = query.marketplace.trim().parse().map_err(|_| {
        crate::error::ServerError::InvalidInput { field: "marketplace", message: "expected JP or US".to_owned() }
    })?;
    let since = match query.since.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(s.parse::<chrono::NaiveDate>().map_err(|_| crate::error::ServerError::InvalidInput {
            field: "since",
            message: "expected a date, YYYY-MM-DD".to_owned(),
        })?),
        None => None,
    };
    let weeks = crate::metric_weeks::list(&state.db, &seller.id, marketplace, since).await?;
    Ok(Json(MetricWeekList { weeks }))
}
