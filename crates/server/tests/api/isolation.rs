use crate::common::{expect_problem, harness, raw_client, TestResult};
use chrono::Duration;
use csba_api::{Case, CaseMessage, ProblemCode, Resource};
use csba_domain::{CaseKind, CaseStatus, Marketplace};
use csba_server::cases::put_case;
use csba_server::sellers::create_seller;
use csba_server::tokens::issue_token;
use csba_server::Clock;

crate::common::every_backend! {
#[tokio::test]
async fn sellers_see_only_their_own_cases_and_changes() -> TestResult {
    let h = harness().await?;
    let db = h.sandbox.db();
    let now = h.clock.now();
    let seller_b = create_seller(db, "Han River Goods", &[Marketplace::Us], now).await?;
    let token_b = issue_token(db, &seller_b, "admin", now).await?;
    let case_b = Case {
        id: "case-of-seller-b".to_owned(),
        order_id: "113-7654321-7654321".to_owned(),
        marketplace: Marketplace::Us,
        kind: CaseKind::Delivery,
        status: CaseStatus::Open,
        language: "en".to_owned(),
        subject: "Where is my parcel (order 113-7654321-7654321)".to_owned(),
        messages: vec![CaseMessage {
            author: "csba".to_owned(),
            body: "Hello, the buyer asks…".to_owned(),
            sent_at: now,
            language: None,
            late: false,
        }],
        opened_at: now,
        respond_by: now + Duration::hours(24),
        outcome: None,
        resolved_at: None,
    };
    let mut tx = db.writes().begin().await?;
    put_case(&mut tx, &seller_b, &case_b, now).await?;
    tx.commit().await?;

    let client_a = h.client()?;
    let client_b = csba_api::ApiClient::new(h.sandbox.base_url(), token_b.secret())?;

    assert_eq!(client_b.account().await?.seller_id, seller_b);
    assert_eq!(client_b.cases().await?.cases, vec![case_b.clone()]);
    let cases_a = client_a.cases().await?.cases;
    assert!(cases_a.iter().all(|c| c.id != case_b.id));

    // B's feed holds B's one change, numbered from 1; A's has none of B's.
    let feed_b = client_b.changes(None).await?;
    assert_eq!(feed_b.changes.len(), 1);
    assert_eq!(feed_b.changes[0].seq, 1);
    assert_eq!(feed_b.changes[0].resource, Resource::Case(case_b.clone()));
    let feed_a = client_a.changes(None).await?;
    assert!(feed_a.changes.iter().all(|c| !matches!(&c.resource, Resource::Case(x) if x.id == case_b.id)));

    // Another seller's id answers 404, exactly like an id that does not exist.
    let http = raw_client()?;
    let a_case = cases_a.first().ok_or("seller A has no cases")?;
    let foreign = http.get(h.url(&format!("/v1/cases/{}", a_case.id))).bearer_auth(token_b.secret()).send().await?;
    assert_eq!(expect_problem(foreign, 404).await?.code, ProblemCode::NotFound);
    let own = http.get(h.url(&format!("/v1/cases/{}", case_b.id))).bearer_auth(token_b.secret()).send().await?;
    assert_eq!(own.status().as_u16(), 200);
    h.sandbox.shutdown().await?;
    Ok(())
}
}
