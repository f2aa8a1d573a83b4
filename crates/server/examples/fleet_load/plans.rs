//! PostgreSQL's plans for the statements the measured routes and the
//! sweeper run, on the seeded fleet: an index missing for a million rows
//! shows here as a sequential scan, before it shows as latency.

use crate::seed::Fleet;
use crate::Error;
use chrono::Utc;
use csba_server::db::to_ms;
use csba_server::Db;

/// Prints each plan to stderr and returns, per statement, its plan's
/// first line and execution time, and whether any node scans a table whole.
pub async fn explain(db: &Db, fleet: &Fleet) -> Result<Vec<(String, String)>, Error> {
    let seller = &fleet.sellers[fleet.sellers.len() / 2];
    let (_, case) = fleet.open.iter().find(|(s, _)| fleet.sellers[*s].id == seller.id).ok_or("no open case")?;
    let now = to_ms(Utc::now());
    let token_hash = csba_server::tokens::hash_token(&seller.token);
    let statements: [(&str, &str, Vec<Param>); 7] = [
        (
            "GET /v1/changes at the head",
            "SELECT seq, at, payload FROM changes WHERE seller_id = $1 AND seq > $2 ORDER BY seq ASC LIMIT $3",
            vec![Param::Text(seller.id.clone()), Param::Int(seller.head - 1), Param::Int(501)],
        ),
        (
            "GET /v1/changes from the start",
            "SELECT seq, at, payload FROM changes WHERE seller_id = $1 AND seq > $2 ORDER BY seq ASC LIMIT $3",
            vec![Param::Text(seller.id.clone()), Param::Int(0), Param::Int(501)],
        ),
        (
            "every request: the token",
            "SELECT seller_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
            vec![Param::Text(token_hash)],
        ),
        (
            "reply: the case",
            "SELECT id, order_id, marketplace, kind, status, language, subject, messages, opened_at, respond_by, \
             outcome, resolved_at FROM cases WHERE seller_id = $1 AND id = $2",
            vec![Param::Text(seller.id.clone()), Param::Text(case.clone())],
        ),
        (
            "sweep: overdue open cases",
            "SELECT DISTINCT seller_id FROM cases WHERE status = $1 AND respond_by <= $2 ORDER BY seller_id",
            vec![Param::Text("open".into()), Param::Int(now)],
        ),
        (
            "sweep: a week's cases for the figures",
            "SELECT opened_at, messages FROM cases WHERE seller_id = $1 AND marketplace = $2 \
             AND opened_at >= $3 AND opened_at < $4",
            vec![
                Param::Text(seller.id.clone()),
                Param::Text("JP".into()),
                Param::Int(now - 21 * 86_400_000),
                Param::Int(now),
            ],
        ),
        (
            "sweep: feed compaction's sellers",
            csba_server::feed::COMPACTION_HORIZONS,
            vec![Param::Int(now - 90 * 86_400_000)],
        ),
    ];
    let mut rows = Vec::new();
    for (what, sql, params) in statements {
        let explained = format!("EXPLAIN (ANALYZE, BUFFERS) {sql}");
        let mut query = sqlx::query_scalar::<_, String>(&explained);
        for p in params {
            query = match p {
                Param::Text(t) => query.bind(t),
                Param::Int(n) => query.bind(n),
            };
        }
        let plan = query.fetch_all(db.reads()).await?;
        eprintln!("--- plan: {what}\n{}", plan.join("\n"));
        // The scans say which index (if any) each table is read by.
        let scans: Vec<&str> = plan
            .iter()
            .filter(|l| l.contains(" Scan "))
            .map(|l| l.split("  (").next().unwrap_or(l).trim().trim_start_matches("->").trim())
            .collect();
        let top = scans.join(", ");
        let time = plan.iter().find_map(|l| l.strip_prefix("Execution Time: ")).unwrap_or("?").to_owned();
        let seq_scan = plan.iter().any(|l| l.contains("Seq Scan"));
        rows.push((
            format!("plan: {what}"),
            format!("{top}; {time}{}", if seq_scan { "; SEQUENTIAL SCAN" } else { "" }),
        ));
    }
    Ok(rows)
}

enum Param {
    Text(String),
    Int(i64),
}
