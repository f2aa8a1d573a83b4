//! Text compares byte by byte on both backends, whatever locale the
//! PostgreSQL database was created in: a list's ties, and the pages a
//! cursor walks, come back in one order on SQLite and on PostgreSQL.

use crate::common::{harness_in_locale, TestResult};
use crate::fixtures::{get_json, open_case, second_seller};
use chrono::Duration;
use csba_domain::Marketplace;
use csba_server::cases::put_case;
use csba_server::db::Backend;
use csba_server::Clock;

crate::common::every_backend! {
#[tokio::test]
async fn ids_sort_byte_by_byte_even_in_a_database_created_in_en_us() -> TestResult {
    let h = harness_in_locale(Some("en-US")).await?;
    let (seller, token) = second_seller(&h, &[Marketplace::Jp]).await?;
    let now = h.clock.now();
    // In byte order ('-' < 'A' < '_' < 'a'); en-US collation sorts them
    // `case_c`, `case-a`, `case-B`, `caseA`.
    let ids = ["case-B", "case-a", "caseA", "case_c"];
    let mut tx = h.sandbox.db().writes().begin().await?;
    for (n, id) in ids.iter().rev().enumerate() {
        // One deadline for all: the id alone orders them.
        let case = open_case(id, n, now, now + Duration::hours(3));
        put_case(&mut tx, &seller, &case, now).await?;
    }
    tx.commit().await?;

    let mut seen = Vec::new();
    let mut path = "/v1/cases?limit=3".to_owned();
    loop {
        let page = get_json(&h, &token, &path).await?;
        seen.extend(page["cases"].as_array().into_iter().flatten().filter_map(|c| c["id"].as_str().map(str::to_owned)));
        match page["next_cursor"].as_str() {
            Some(next) => path = format!("/v1/cases?limit=3&cursor={next}"),
            None => break,
        }
    }
    assert_eq!(seen, ids, "every case once, in byte order, across pages");

    if h.sandbox.db().backend() == Backend::Postgres {
        // Every text column, those of later migrations too.
        let linguistic: Vec<(String, String)> = sqlx::query_as(
            "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
             WHERE table_schema = current_schema() AND data_type = 'text' AND collation_name IS DISTINCT FROM 'C'",
        )
        .fetch_all(h.sandbox.db().reads())
        .await?;
        assert!(linguistic.is_empty(), "text columns not in byte order: {linguistic:?}");
    }
    Ok(())
}
}
