//! The fleet: sellers, one API token each, and their cases with one feed
//! entry per case, written by a few set-based statements rather than the
//! service's own functions (a million `put_case` transactions would take
//! the better part of an hour on a durable PostgreSQL).
//!
//! Every stored JSON text is what the service itself writes: the case
//! threads and feed payloads are serde's output for templates whose ids
//! and instants are placeholders, which SQL replaces per row; `check`
//! parses a few rows back and compares them byte for byte.

use crate::Error;
use chrono::{DateTime, TimeZone, Utc};
use csba_api::{Case, CaseMessage, Resource};
use csba_domain::{CaseKind, CaseStatus, Marketplace};
use csba_server::db::to_ms;
use csba_server::Db;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::time::Instant;

/// Each seller's newest cases are open (opened an hour apart, so within the
/// 24 hours they have to be answered); the older ones, spread over the past
/// year, were answered. The sweeper therefore resolves nothing during the
/// benchmark, and the replies have open cases to answer.
pub const OPEN_PER_SELLER: u32 = 20;
/// Whole seconds between the answered cases: 980 of them span about a year.
const ANSWERED_SPACING_S: i64 = 32_000;
/// Sellers per INSERT: 50,000 cases in one statement.
const SELLERS_PER_STATEMENT: u32 = 50;

const KINDS: [CaseKind; 5] =
    [CaseKind::ProductQuestion, CaseKind::Return, CaseKind::Delivery, CaseKind::Refund, CaseKind::OrderChange];
const MARKETPLACES: [Marketplace; 2] = [Marketplace::Jp, Marketplace::Us];

/// Placeholders in the templates. The instants are whole seconds in 2001,
/// which no real row has; SQL writes each row's own in their place.
const CASE_ID: &str = "@CASE@";
const ORDER_ID: &str = "@ORDER@";
const OPENED: i64 = 978_307_201;
const RESPOND_BY: i64 = 978_307_202;
const REPLIED: i64 = 978_307_203;

pub struct Seller {
    pub id: String,
    pub token: String,
    /// Its feed's last seq once seeded and swept: where a client that is
    /// up to date has its cursor.
    pub head: i64,
}

pub struct Fleet {
    pub sellers: Vec<Seller>,
    /// Every open case as (seller index, case id), shuffled once with a
    /// fixed seed: the replies take them in this order, so consecutive
    /// replies come from random sellers and no case is answered twice.
    pub open: Vec<(usize, String)>,
}

pub async fn fleet(db: &Db, sellers: u32, cases: u32, summary: &mut Vec<(String, String)>) -> Result<Fleet, Error> {
    let now = Utc::now();
    // Whole seconds: serde writes such an instant without a fraction, as
    // SQL's to_char below does.
    let now_s = now.timestamp();
    csba_server::migrate::migrate(db, now).await?;
    let t = Instant::now();
    let fleet = sellers_and_tokens(db, sellers, cases, now_s).await?;
    let templates = serde_json::to_string(&templates()?)?;
    // Two connections at once: PostgreSQL builds the rows of each statement
    // on one core, and the machine has two.
    let halves = [(1, sellers / 2), (sellers / 2 + 1, sellers)];
    let inserts = halves.map(|(from, to)| insert_cases(db, &templates, from, to, cases, now_s));
    for done in futures_util::future::join_all(inserts).await {
        done?;
    }
    let seeded = t.elapsed();
    eprintln!("seeded {sellers} sellers × {cases} cases in {seeded:.1?}");
    let t = Instant::now();
    // After a bulk load, as an operator would: fresh statistics for the
    // planner, and the visibility map set, so autovacuum does not pick the
    // tables up in the middle of the measurement.
    sqlx::query("VACUUM (ANALYZE)").execute(db.writes()).await?;
    let vacuumed = t.elapsed();
    check(db, &fleet).await?;
    let size: String =
        sqlx::query_scalar("SELECT pg_size_pretty(pg_database_size(current_database()))").fetch_one(db.reads()).await?;
    summary.push((
        format!("seed {sellers} sellers × {cases} cases (one feed entry each, one token each)"),
        format!("{seeded:.1?}, then VACUUM (ANALYZE) {vacuumed:.1?}; database {size}"),
    ));

    // The first sweep after the load finds a year of history: it raises each
    // seller's feed floor and writes every seller's weekly figures. Done
    // here, so the server's own rounds are the steady state.
    for round in ["first", "second"] {
        let t = Instant::now();
        let report = csba_server::sweeper::sweep(db, Utc::now()).await?;
        eprintln!(
            "{round} sweep: {:.1?}: feeds moved for {} sellers, {} weeks recomputed, {} entries compacted",
            t.elapsed(),
            report.moved.len(),
            report.weeks_moved,
            report.compacted
        );
        summary.push((format!("{round} sweep round over the fleet (in-process)"), format!("{:.1?}", t.elapsed())));
    }
    let heads: Vec<(String, i64)> = sqlx::query_as("SELECT id, change_seq FROM sellers").fetch_all(db.reads()).await?;
    let heads: std::collections::HashMap<String, i64> = heads.into_iter().collect();
    let mut fleet = fleet;
    for seller in &mut fleet.sellers {
        seller.head = heads.get(&seller.id).copied().unwrap_or_default();
    }
    Ok(fleet)
}

async fn sellers_and_tokens(db: &Db, sellers: u32, cases: u32, now_s: i64) -> Result<Fleet, Error> {
    sqlx::query(
        "INSERT INTO sellers (id, display_name, marketplaces, change_seq, created_at) \
         SELECT 'AFLEET' || lpad(s::text, 8, '0'), 'Fleet seller ' || s, 'JP,US', $2, $3 \
         FROM generate_series(1, $1::int) AS s",
    )
    .bind(i64::from(sellers))
    .bind(i64::from(cases))
    .bind((now_s - 400 * 86_400) * 1000)
    .execute(db.writes())
    .await?;
    let mut rng = rand::rngs::StdRng::seed_from_u64(13);
    let mut fleet = Fleet { sellers: Vec::new(), open: Vec::new() };
    let mut rows = Vec::new();
    for s in 1..=sellers {
        let id = format!("AFLEET{s:08}");
        let token = format!("{}{}", csba_server::tokens::TOKEN_PREFIX, hex::encode(rng.gen::<[u8; 32]>()));
        rows.push(serde_json::json!([csba_server::tokens::hash_token(&token), &token[..13], &id]));
        for i in cases - OPEN_PER_SELLER + 1..=cases {
            fleet.open.push((fleet.sellers.len(), case_id(s, i)));
        }
        fleet.sellers.push(Seller { id, token, head: 0 });
    }
    fleet.open.shuffle(&mut rng);
    sqlx::query(
        "INSERT INTO api_tokens (token_hash, token_prefix, seller_id, label, created_at, revoked_at) \
         SELECT value->>0, value->>1, value->>2, 'admin', $2, NULL FROM json_array_elements($1::json)",
    )
    .bind(serde_json::to_string(&rows)?)
    .bind(now_s * 1000)
    .execute(db.writes())
    .await?;
    Ok(fleet)
}

fn case_id(seller: u32, i: u32) -> String {
    format!("CF{seller:04}-{i:04}")
}

/// One template per marketplace, kind and status (open or answered), as a
/// JSON array indexed by `(marketplace * 5 + kind) * 2 + answered`.
fn templates() -> Result<Vec<serde_json::Value>, Error> {
    let at = |s: i64| Utc.timestamp_opt(s, 0).single().ok_or("bad placeholder instant");
    let mut out = Vec::new();
    for marketplace in MARKETPLACES {
        let language = if marketplace == Marketplace::Jp { "ja" } else { "en" };
        for (k, kind) in KINDS.into_iter().enumerate() {
            let (subject, body, reply) = text(language, k);
            for answered in [false, true] {
                let mut messages = vec![message("csba", &body, at(OPENED)?, None)];
                if answered {
                    messages.push(message("seller", reply, at(REPLIED)?, Some(language)));
                }
                let case = Case {
                    id: CASE_ID.to_owned(),
                    order_id: ORDER_ID.to_owned(),
                    marketplace,
                    kind,
                    status: if answered { CaseStatus::Answered } else { CaseStatus::Open },
                    language: language.to_owned(),
                    subject: subject.clone(),
                    messages,
                    opened_at: at(OPENED)?,
                    respond_by: at(RESPOND_BY)?,
                    outcome: None,
                    resolved_at: None,
                };
                out.push(serde_json::json!({
                    "marketplace": marketplace.code(),
                    "kind": kind.as_str(),
                    "status": case.status.as_str(),
                    "language": language,
                    "subject": case.subject,
                    "messages": serde_json::to_string(&case.messages)?,
                    "payload": serde_json::to_string(&Resource::Case(case.clone()))?,
                }));
            }
        }
    }
    Ok(out)
}

/// (subject, CSBA's message, the seller's reply) of the case kind `k`, in
/// the length of the simulator's (crates/server/src/simulate_text.rs,
/// private to the service): a few hundred characters.
fn text(language: &str, k: usize) -> (String, String, &'static str) {
    let item = ["急須 300ml", "Cast iron teapot 0.8 L", "Bamboo steamer 25 cm", "Matcha whisk set", "Glass mugs, 2"][k];
    if language == "ja" {
        (
            format!("注文番号 {ORDER_ID} についてのお問い合わせ"),
            format!(
                "出品者様\n\nAmazonカスタマーサービスです。注文番号 {ORDER_ID} のお客様より「{item}」について\
                 お問い合わせをいただいております。\n\nお客様のお問い合わせ：「届いた商品について確認したいことがあります。」\n\n\
                 ケースログにてご回答ください。24時間以内にご回答がない場合、CSBAがお客様へご案内いたします。\n\n\
                 Amazonカスタマーサービス"
            ),
            "ご連絡ありがとうございます。確認いたしました。本日中に代替品を発送いたします。",
        )
    } else {
        (
            format!("A question about order {ORDER_ID}"),
            format!(
                "Hello,\n\nThis is Customer Service by Amazon. The buyer of order {ORDER_ID} has a question about \
                 \"{item}\" that the detail page does not answer.\n\nThe buyer wrote: \"Is this safe to use every day?\"\n\n\
                 Please reply in this case log. If we do not hear from you within 24 hours, CSBA will answer from \
                 the detail page.\n\nCustomer Service by Amazon"
            ),
            "Thank you for reaching out. We checked the order and are sending a replacement today.",
        )
    }
}

fn message(author: &str, body: &str, sent_at: DateTime<Utc>, language: Option<&str>) -> CaseMessage {
    CaseMessage {
        author: author.to_owned(),
        body: body.to_owned(),
        sent_at,
        language: language.map(str::to_owned),
        late: false,
    }
}

/// Sellers `from..=to`, each with `cases` cases and their feed entries
/// (seq = the case's number, in the order they were opened), one statement
/// per table and batch of sellers.
async fn insert_cases(db: &Db, templates: &str, from: u32, to: u32, cases: u32, now_s: i64) -> Result<(), Error> {
    let first_open = i64::from(cases - OPEN_PER_SELLER + 1);
    // Per row: its numbers, instants (ms) and template; `t` is the template
    // array, `r` the generated rows.
    let rows = format!(
        "WITH t AS (SELECT (ord - 1)::int AS n, e FROM json_array_elements($1::json) WITH ORDINALITY AS x(e, ord)), \
         g AS (SELECT s, i, \
           CASE WHEN i >= {first_open} THEN {now_s}::bigint - ({cases} - i) * 3600 - 1800 \
                ELSE {now_s}::bigint - 20 * 3600 - ({first_open} - i) * {ANSWERED_SPACING_S} END AS opened_s \
           FROM generate_series($2::int, $3::int) AS s, generate_series(1, {cases}) AS i), \
         r AS (SELECT 'AFLEET' || lpad(s::text, 8, '0') AS seller_id, i AS seq, \
           'CF' || lpad(s::text, 4, '0') || '-' || lpad(i::text, 4, '0') AS case_id, \
           '503-' || lpad(s::text, 7, '0') || '-' || lpad(i::text, 7, '0') AS order_id, \
           opened_s, opened_s + 86400 AS respond_s, opened_s + 7200 AS replied_s, \
           ((i % 2) * 5 + (s + i) % 5) * 2 + CASE WHEN i >= {first_open} THEN 0 ELSE 1 END AS template \
           FROM g) "
    );
    let iso = |column: &str| {
        format!("to_char(to_timestamp(r.{column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
    };
    let text = |column: &str| -> Result<String, Error> {
        Ok(format!(
            "replace(replace(replace(replace(replace(t.e->>'{column}', '{CASE_ID}', r.case_id), '{ORDER_ID}', r.order_id), \
             '{o}', {}), '{b}', {}), '{p}', {})",
            iso("opened_s"),
            iso("respond_s"),
            iso("replied_s"),
            o = rfc3339(OPENED)?,
            b = rfc3339(RESPOND_BY)?,
            p = rfc3339(REPLIED)?,
        ))
    };
    let messages = text("messages")?;
    let payload = text("payload")?;
    let step = SELLERS_PER_STATEMENT;
    let mut conn = db.writes().acquire().await?;
    let mut s = from;
    while s <= to {
        let last = (s + step - 1).min(to);
        let cases_sql = format!(
            "{rows} INSERT INTO cases (seller_id, id, order_id, marketplace, kind, status, language, subject, \
             messages, opened_at, respond_by, outcome, resolved_at) \
             SELECT r.seller_id, r.case_id, r.order_id, t.e->>'marketplace', t.e->>'kind', t.e->>'status', \
             t.e->>'language', replace(t.e->>'subject', '{ORDER_ID}', r.order_id), {messages}, \
             r.opened_s * 1000, r.respond_s * 1000, NULL, NULL FROM r JOIN t ON t.n = r.template"
        );
        let changes_sql = format!(
            "{rows} INSERT INTO changes (seller_id, seq, at, kind, entity_id, payload) \
             SELECT r.seller_id, r.seq, r.opened_s * 1000, 'case', r.case_id, {payload} \
             FROM r JOIN t ON t.n = r.template"
        );
        for sql in [&cases_sql, &changes_sql] {
            sqlx::query(sql).bind(templates).bind(i64::from(s)).bind(i64::from(last)).execute(&mut *conn).await?;
        }
        s = last + 1;
    }
    Ok(())
}

fn rfc3339(s: i64) -> Result<String, Error> {
    let at = Utc.timestamp_opt(s, 0).single().ok_or("bad placeholder instant")?;
    Ok(serde_json::to_value(at)?.as_str().ok_or("an instant is not a JSON string")?.to_owned())
}

/// Reads rows back as the service does and compares them with serde's own
/// output for the parsed value: a template or a placeholder gone wrong
/// fails here, not as a 500 in the middle of the measurement.
async fn check(db: &Db, fleet: &Fleet) -> Result<(), Error> {
    let seller = fleet.sellers.last().ok_or("no sellers")?;
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT seq, payload FROM changes WHERE seller_id = $1 AND (seq = 1 OR seq = (SELECT MAX(seq) FROM changes \
         WHERE seller_id = $1))",
    )
    .bind(&seller.id)
    .fetch_all(db.reads())
    .await?;
    for (seq, payload) in &rows {
        let parsed: Resource = serde_json::from_str(payload)?;
        if serde_json::to_string(&parsed)? != *payload {
            return Err(
                format!("seeded feed entry {seq} of {} differs from serde's form:\n{payload}", seller.id).into()
            );
        }
        let Resource::Case(case) = parsed else { return Err("a seeded feed entry is not a case".into()) };
        let (messages, opened_at): (String, i64) =
            sqlx::query_as("SELECT messages, opened_at FROM cases WHERE seller_id = $1 AND id = $2")
                .bind(&seller.id)
                .bind(&case.id)
                .fetch_one(db.reads())
                .await?;
        if messages != serde_json::to_string(&case.messages)? || opened_at != to_ms(case.opened_at) {
            return Err(format!("case {} differs from its feed entry", case.id).into());
        }
    }
    if rows.len() != 2 {
        return Err(format!("expected 2 checked feed entries, found {}", rows.len()).into());
    }
    Ok(())
}
