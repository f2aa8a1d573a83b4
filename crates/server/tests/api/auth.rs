use crate::common::{expect_problem, harness, raw_client, TestResult};
use csba_api::{ClientError, ProblemCode};
use csba_server::tokens::{issue_token, revoke_by_prefix};
use csba_server::{Clock, DEMO_SELLER_ID};

crate::common::every_backend! {
#[tokio::test]
async fn missing_malformed_and_unknown_tokens_get_401() -> TestResult {
    let h = harness().await?;
    let http = raw_client()?;

    let response = http.get(h.url("/v1/account")).send().await?;
    let challenge = response.headers().get("www-authenticate").and_then(|v| v.to_str().ok()).map(str::to_owned);
    assert_eq!(challenge.as_deref(), Some("Bearer"));
    assert_eq!(expect_problem(response, 401).await?.code, ProblemCode::Unauthorized);

    let basic = http.get(h.url("/v1/cases")).header("authorization", "Basic dXNlcjpwYXNz").send().await?;
    assert_eq!(expect_problem(basic, 401).await?.code, ProblemCode::Unauthorized);

    let wrong = format!("csba_{}", "0".repeat(64));
    let unknown = http.get(h.url("/v1/changes")).bearer_auth(&wrong).send().await?;
    assert_eq!(expect_problem(unknown, 401).await?.code, ProblemCode::Unauthorized);

    let client = csba_api::ApiClient::new(h.sandbox.base_url(), wrong)?;
    match client.cases().await {
        Err(ClientError::Problem(p)) => assert_eq!(p.code, ProblemCode::Unauthorized),
        other => return Err(format!("expected a 401 problem, got {other:?}").into()),
    }
    h.sandbox.shutdown().await?;
    Ok(())
}

#[tokio::test]
async fn a_revoked_token_stops_working() -> TestResult {
    let h = harness().await?;
    let token = issue_token(h.sandbox.db(), DEMO_SELLER_ID, "admin", h.clock.now()).await?;
    let client = csba_api::ApiClient::new(h.sandbox.base_url(), token.secret())?;
    assert_eq!(client.account().await?.seller_id, DEMO_SELLER_ID);

    assert_eq!(revoke_by_prefix(h.sandbox.db(), token.display_prefix(), h.clock.now()).await?, 1);
    match client.account().await {
        Err(ClientError::Problem(p)) => assert_eq!(p.code, ProblemCode::Unauthorized),
        other => return Err(format!("expected a 401 problem, got {other:?}").into()),
    }
    // The sandbox's own token is untouched.
    assert_eq!(h.client()?.account().await?.seller_id, DEMO_SELLER_ID);
    h.sandbox.shutdown().await?;
    Ok(())
}
}
