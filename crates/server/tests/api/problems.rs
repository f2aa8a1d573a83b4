use crate::common::{expect_problem, harness, raw_client, TestResult};
use csba_api::ProblemCode;

crate::common::every_backend! {
#[tokio::test]
async fn unknown_routes_and_methods_answer_problem_json() -> TestResult {
    let h = harness().await?;
    let http = raw_client()?;
    let missing = http.get(h.url("/v1/nope")).bearer_auth(h.sandbox.token()).send().await?;
    assert_eq!(expect_problem(missing, 404).await?.code, ProblemCode::NotFound);

    let wrong_method = http.delete(h.url("/v1/cases")).bearer_auth(h.sandbox.token()).send().await?;
    assert!(wrong_method.headers().contains_key("allow"));
    assert_eq!(expect_problem(wrong_method, 405).await?.code, ProblemCode::InvalidRequest);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn oversized_bodies_are_refused() -> TestResult {
    let h = harness().await?;
    let body = vec![b'x'; csba_server::app::BODY_LIMIT_BYTES + 1];
    let response = raw_client()?.post(h.url("/v1/cases")).bearer_auth(h.sandbox.token()).body(body).send().await?;
    assert_eq!(expect_problem(response, 413).await?.code, ProblemCode::PayloadTooLarge);
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn responses_are_gzipped_when_asked() -> TestResult {
    let h = harness().await?;
    let response = raw_client()?
        .get(h.url("/v1/cases"))
        .bearer_auth(h.sandbox.token())
        .header("accept-encoding", "gzip")
        .send()
        .await?;
    assert_eq!(response.status().as_u16(), 200);
    let encoding = response.headers().get("content-encoding").and_then(|v| v.to_str().ok()).map(str::to_owned);
    assert_eq!(encoding.as_deref(), Some("gzip"));
    h.sandbox.shutdown().await?;
    Ok(())
}
}
