use crate::common::{harness, TestResult};
use crate::fixtures::second_seller;
use csba_api::{ClientError, EnrollRequest, ProblemCode, ServiceQuestionCreate};
use csba_domain::Marketplace;

crate::common::every_backend! {
#[tokio::test]
async fn the_client_writes_with_idempotency_keys_and_reads_problems() -> TestResult {
    let h = harness().await?;
    // Not the demo seller, who is enrolled already.
    let (_, token) = second_seller(&h, &[Marketplace::Jp, Marketplace::Us]).await?;
    let client = csba_api::ApiClient::new(h.sandbox.base_url(), token)?;
    let request = EnrollRequest { terms_version: "2026-01".to_owned() };
    let first = client.enroll(Marketplace::Us, &request, "outbox-1").await?;
    // A retry of the same outbox entry is answered with the first response.
    assert_eq!(client.enroll(Marketplace::Us, &request, "outbox-1").await?, first);
    match client.enroll(Marketplace::Us, &request, "outbox-2").await {
        Err(ClientError::Problem(p)) => {
            assert_eq!(p.code, ProblemCode::EnrollmentConflict);
            assert_eq!(p.errors[0].code, "already_enrolled");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let question = ServiceQuestionCreate { order_id: "503-0000000-0000000".to_owned(), question: "?".to_owned() };
    match client.ask_service_question(&question, "outbox-3").await {
        Err(ClientError::Problem(p)) => assert_eq!(p.code, ProblemCode::NotFound),
        other => panic!("expected 404, got {other:?}"),
    }
    assert_eq!(client.enrollment(Marketplace::Us).await?.state, "pending_activation");
    assert!(client.metrics().await?.marketplaces.len() == 2);
    h.sandbox.shutdown().await?;
    Ok(())
}
}
