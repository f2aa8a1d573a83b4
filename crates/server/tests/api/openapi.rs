use crate::common::{harness, raw_client, TestResult};
use std::path::PathBuf;

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../api/openapi.json")
}

/// The committed document is the generated one. Regenerate with
/// `UPDATE_OPENAPI=1 cargo test -p csba-server --test api openapi`.
#[test]
fn committed_openapi_json_is_up_to_date() -> TestResult {
    let generated = csba_server::openapi::json();
    let path = committed_path();
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &generated)?;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "api/openapi.json differs from the document the server generates; regenerate it with \
         `UPDATE_OPENAPI=1 cargo test -p csba-server --test api openapi` and commit the result"
    );
    Ok(())
}

#[test]
fn the_document_is_openapi_3_1_with_bearer_auth_idempotency_and_problems() -> TestResult {
    let doc: serde_json::Value = serde_json::from_str(&csba_server::openapi::json())?;
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")));
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    let paths = doc["paths"].as_object().ok_or("no paths")?;
    assert!(!paths.keys().any(|p| p.contains("test/clock")), "the test clock stays out of the document");
    for (path, item) in paths {
        for (method, op) in item.as_object().into_iter().flatten() {
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            let has_key = params.iter().any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header");
            assert_eq!(has_key, method == "post" || method == "put", "{method} {path}: Idempotency-Key");
            assert!(op["responses"]["401"]["content"]["application/problem+json"].is_object(), "{method} {path}: 401");
        }
    }
    Ok(())
}

crate::common::every_backend! {
#[tokio::test]
async fn openapi_json_is_served_without_a_token() -> TestResult {
    let h = harness().await?;
    let response = raw_client()?.get(h.url("/openapi.json")).send().await?;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.text().await?, csba_server::openapi::json());
    h.sandbox.shutdown().await?;
    Ok(())
}
}
