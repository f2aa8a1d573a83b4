//! Return policies per marketplace: every submitted version is kept; the
//! rules of the marketplace (`csba_domain::policy::check`) decide whether a
//! submission is accepted.

use crate::db::{from_ms, to_ms, truncate_ms, Db};
use crate::error::{Result, ServerError};
use crate::feed;
use crate::write_tx::WriteTx;
use chrono::{DateTime, Utc};
use csba_api::{FieldError, Problem, ProblemCode, Resource, ReturnPolicyHistory, ReturnPolicyVersion};
use csba_domain::policy::{self, ReturnPolicy};
use csba_domain::Marketplace;

pub async fn history(db: &Db, seller_id: &str, marketplace: Marketplace) -> Result<ReturnPolicyHistory> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT version, policy, submitted_at FROM return_policies WHERE seller_id = $1 AND marketplace = $2 \
         ORDER BY version DESC",
    )
    .bind(seller_id)
    .bind(marketplace.code())
    .fetch_all(db.reads())
    .await?;
    let versions = rows
        .into_iter()
        .map(|(version, policy, submitted_at)| {
            Ok(ReturnPolicyVersion {
                marketplace,
                version,
                submitted_at: from_ms(submitted_at)?,
                policy: serde_json::from_str(&policy)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(ReturnPolicyHistory { marketplace, current: versions.first().cloned(), versions })
}

/// Checks `policy` against the rules in force today (in the marketplace's
/// time zone) and stores it as the next version, or refuses it listing
/// every violation.
pub async fn submit(
    db: &Db,
    seller_id: &str,
    marketplace: Marketplace,
    policy: ReturnPolicy,
    now: DateTime<Utc>,
) -> Result<ReturnPolicyVersion> {
    let now = truncate_ms(now);
    let zone = marketplace.time_zone().map_err(|e| ServerError::Corrupt(e.to_string()))?;
    let violations = policy::check(marketplace, now.with_timezone(&zone).date_naive(), &policy)
        .map_err(|e| ServerError::Corrupt(e.to_string()))?;
    if !violations.is_empty() {
        let errors = violations
            .iter()
            .map(|v| FieldError {
                field: None,
                code: v.code.code().to_owned(),
                rule: Some(v.rule.clone()),
                detail: detail_of(v),
            })
            .collect();
        return Err(ServerError::rejected(
            Problem::new(ProblemCode::ReturnPolicyRejected, "The return policy breaks marketplace rules")
                .with_detail(format!("{} rule(s) broken; nothing was stored.", violations.len()))
                .with_errors(errors),
        ));
    }
    let mut tx = WriteTx::begin(db).await?;
    feed::lock_seller(&mut tx, seller_id).await?;
    let last: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM return_policies WHERE seller_id = $1 AND marketplace = $2")
            .bind(seller_id)
            .bind(marketplace.code())
            .fetch_one(&mut *tx)
            .await?;
    let version = ReturnPolicyVersion { marketplace, version: last.unwrap_or(0) + 1, submitted_at: now, policy };
    feed::record(&mut tx, seller_id, now, &Resource::ReturnPolicy(version.clone())).await?;
    sqlx::query(
        "INSERT INTO return_policies (seller_id, marketplace, version, policy, submitted_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(seller_id)
    .bind(marketplace.code())
    .bind(version.version)
    .bind(serde_json::to_string(&version.policy)?)
    .bind(to_ms(now))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// Which reason or category the violation is about, and the limit the rule
/// sets, as `key=value` pairs a client can show next to its own message.
fn detail_of(v: &policy::Violation) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(reason) = v.reason {
        parts.push(format!("reason={}", reason.code()));
    }
    if let Some(category) = v.category {
        parts.push(format!("category={}", category.code()));
    }
    if let Some(limit) = v.limit {
        parts.push(format!("limit={limit}"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}
