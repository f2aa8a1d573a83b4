//! The HTTP client for the CSBA API, used by the sync engine and the CLI.

use crate::{Account, CaseList, ChangesPage, Problem};
use std::time::Duration;

/// Why a request failed, in terms the sync engine can act on.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The service could not be reached, or the connection broke: retry later.
    #[error("the service could not be reached: {0}")]
    Unreachable(String),
    /// The service answered with a problem document.
    #[error("the service refused the request: {} ({})", .0.title, .0.code.as_str())]
    Problem(Problem),
    /// The service answered something that is not our contract.
    #[error("unexpected response (HTTP {status})")]
    Protocol { status: u16 },
}

impl ClientError {
    /// Network errors and 5xx answers are worth retrying; 4xx are not.
    pub fn is_transient(&self) -> bool {
        match self {
            ClientError::Unreachable(_) => true,
            ClientError::Problem(p) => p.status >= 500,
            ClientError::Protocol { status } => *status >= 500,
        }
    }
}

/// A client bound to one service and one seller's token.
///
/// The token is kept in memory only; `Debug` never prints it.
#[derive(Clone)]
pub struct ApiClient {
    http: reqwest::Client,
    base_url: String,
    token: String,
}

impl std::fmt::Debug for ApiClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiClient").field("base_url", &self.base_url).finish_non_exhaustive()
    }
}

impl ApiClient {
    pub fn new(base_url: impl Into<String>, token: impl Into<String>) -> Result<Self, ClientError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(30))
            .user_agent(concat!("csba-desk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ClientError::Unreachable(e.to_string()))?;
        Ok(ApiClient { http, base_url: base_url.into().trim_end_matches('/').to_owned(), token: token.into() })
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    pub async fn account(&self) -> Result<Account, ClientError> {
        self.get_json("/v1/account", &[]).await
    }

    pub async fn cases(&self) -> Result<CaseList, ClientError> {
        self.get_json("/v1/cases", &[]).await
    }

    /// One page of the change feed after `cursor` (`None`: from the start).
    pub async fn changes(&self, cursor: Option<&str>) -> Result<ChangesPage, ClientError> {
        let query: Vec<(&str, &str)> = cursor.map(|c| vec![("cursor", c)]).unwrap_or_default();
        self.get_json("/v1/changes", &query).await
    }

    async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<T, ClientError> {
        let response = self
            .http
            .get(format!("{}{}", self.base_url, path))
            .bearer_auth(&self.token)
            .query(query)
            .send()
            .await
            .map_err(|e| ClientError::Unreachable(without_url(e)))?;
        let status = response.status().as_u16();
        let bytes = response.bytes().await.map_err(|e| ClientError::Unreachable(without_url(e)))?;
        if (200..300).contains(&status) {
            return serde_json::from_slice(&bytes).map_err(|_| ClientError::Protocol { status });
        }
        match serde_json::from_slice::<Problem>(&bytes) {
            Ok(problem) => Err(ClientError::Problem(problem)),
            Err(_) => Err(ClientError::Protocol { status }),
        }
    }
}

/// reqwest errors carry the URL; strip it so query strings never reach logs.
fn without_url(e: reqwest::Error) -> String {
    e.without_url().to_string()
}
