use chrono::{DateTime, TimeZone, Utc};
use csba_api::Problem;
use csba_server::{ManualClock, Sandbox};
use std::sync::Arc;
use tempfile::TempDir;

pub type TestResult<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// A Friday morning in Tokyo; nothing depends on the exact instant.
pub fn start_time() -> TestResult<DateTime<Utc>> {
    Ok(Utc.with_ymd_and_hms(2026, 3, 6, 0, 30, 0).single().ok_or("bad start time")?)
}

/// A sandbox on a fresh SQLite file. Keep the TempDir alive as long as the sandbox.
pub struct Harness {
    pub dir: TempDir,
    pub clock: ManualClock,
    pub sandbox: Sandbox,
}

pub async fn harness() -> TestResult<Harness> {
    let dir = tempfile::tempdir()?;
    let clock = ManualClock::new(start_time()?);
    let sandbox = Sandbox::start(&dir.path().join("data").join("sandbox.db"), Arc::new(clock.clone())).await?;
    Ok(Harness { dir, clock, sandbox })
}

impl Harness {
    pub fn client(&self) -> TestResult<csba_api::ApiClient> {
        Ok(csba_api::ApiClient::new(self.sandbox.base_url(), self.sandbox.token())?)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.sandbox.base_url(), path)
    }
}

pub fn raw_client() -> TestResult<reqwest::Client> {
    // No automatic gzip: tests look at the raw response.
    Ok(reqwest::Client::builder().no_gzip().build()?)
}

/// Checks the response is a problem document with `status` and returns it.
pub async fn expect_problem(response: reqwest::Response, status: u16) -> TestResult<Problem> {
    assert_eq!(response.status().as_u16(), status);
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(content_type, Problem::CONTENT_TYPE);
    let problem: Problem = serde_json::from_slice(&response.bytes().await?)?;
    assert_eq!(problem.status, status);
    Ok(problem)
}
