//! The HTTP client for the CSBA API, used by the sync engine and the CLI.

use crate::events::EventStream;
use crate::{
    Account, Case, CaseList, ChangesPage, EnrollRequest, EnrollmentView, FeedbackList, MetricWeekList, MetricsReport,
    OrderList, Problem, RemovalRequestCreate, RemovalRequestView, ReplyRequest, ReturnPolicyHistory,
    ReturnPolicyVersion, ServiceQuestionCreate, ServiceQuestionList, ServiceQuestionView, ShipmentConfirmationBatch,
    ShipmentConfirmationResult,
};
use csba_domain::policy::ReturnPolicy;
use csba_domain::Marketplace;
use reqwest::Method;
use std::time::Duration;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The server sends a keep-alive comment every 15 s on an event stream, so
/// three missed ones mean the connection is dead even if TCP has not noticed
/// (a laptop back from sleep, a NAT that dropped us).
const EVENTS_READ_TIMEOUT: Duration = Duration::from_secs(45);

/// Why a request failed, in terms the sync engine can act on.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The service could not be reached, or the connection broke: retry later.
    #[error("the service could not be reached: {0}")]
    Unreachable(String),
    /// The service answered with a problem document (boxed: it is large,
    /// and errors travel by value through every `Result`).
    #[error("the service refused the request: {} ({})", .0.title, .0.code.as_str())]
    Problem(Box<Problem>),
    /// The service answered something that is not our contract.
    #[error("unexpected response (HTTP {status})")]
    Protocol { status: u16 },
}

impl ClientError {
    /// What the caller should do about this error; see [`ErrorClass`].
    pub fn class(&self) -> ErrorClass {
        match self {
            ClientError::Unreachable(_) => ErrorClass::RetryLater,
            ClientError::Problem(p) => p.code.class(),
            // Not a problem document (a proxy's page, another service): only
            // the status is left to go by.
            ClientError::Protocol { status } => match status {
                408 | 425 | 429 | 500..=599 => ErrorClass::RetryLater,
                401 | 403 => ErrorClass::NeedsPerson,
                _ => ErrorClass::Refused,
            },
        }
    }

    /// Worth retrying later, unchanged.
    pub fn is_transient(&self) -> bool {
        self.class() == ErrorClass::RetryLater
    }
}

/// The one classification of client errors, shared by the push, the pull,
/// the CLI and the app, so that no two front ends treat an answer
/// differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// Not now: the network, the service's own trouble, a request that is
    /// still running. The same request will do later.
    RetryLater,
    /// A person must act before anything can succeed (the token was revoked
    /// or is wrong): retrying unchanged is pointless, but nothing the seller
    /// did is wrong either.
    NeedsPerson,
    /// The service said no to this request: the seller must change it (or
    /// drop it).
    Refused,
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
        let http = http_builder()
            .timeout(Duration::from_secs(30))
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

    /// Every case, page after page.
    pub async fn cases(&self) -> Result<CaseList, ClientError> {
        let cases = self.every_page("/v1/cases", &[], |p: CaseList| (p.cases, p.next_cursor)).await?;
        Ok(CaseList { cases, next_cursor: None })
    }

    /// One page of the change feed after `cursor` (`None`: from the start).
    pub async fn changes(&self, cursor: Option<&str>) -> Result<ChangesPage, ClientError> {
        let query: Vec<(&str, &str)> = cursor.map(|c| vec![("cursor", c)]).unwrap_or_default();
        self.get_json("/v1/changes", &query).await
    }

    /// MFN orders, optionally only those with `status`.
    pub async fn orders(&self, status: Option<&str>) -> Result<OrderList, ClientError> {
        let filter: Vec<(&str, &str)> = status.map(|s| vec![("status", s)]).unwrap_or_default();
        let orders = self.every_page("/v1/orders", &filter, |p: OrderList| (p.orders, p.next_cursor)).await?;
        Ok(OrderList { orders, next_cursor: None })
    }

    pub async fn enrollment(&self, marketplace: Marketplace) -> Result<EnrollmentView, ClientError> {
        self.get_json(&format!("/v1/marketplaces/{}/enrollment", marketplace.code()), &[]).await
    }

    pub async fn return_policy(&self, marketplace: Marketplace) -> Result<ReturnPolicyHistory, ClientError> {
        self.get_json(&format!("/v1/marketplaces/{}/return-policy", marketplace.code()), &[]).await
    }

    pub async fn feedback(&self) -> Result<FeedbackList, ClientError> {
        let feedback = self.every_page("/v1/feedback", &[], |p: FeedbackList| (p.feedback, p.next_cursor)).await?;
        Ok(FeedbackList { feedback, next_cursor: None })
    }

    pub async fn service_questions(&self) -> Result<ServiceQuestionList, ClientError> {
        let questions = self
            .every_page("/v1/service-questions", &[], |p: ServiceQuestionList| (p.questions, p.next_cursor))
            .await?;
        Ok(ServiceQuestionList { questions, next_cursor: None })
    }

    /// Every row of a paginated list: its pages in turn, the largest each.
    async fn every_page<P: serde::de::DeserializeOwned, T>(
        &self,
        path: &str,
        filters: &[(&str, &str)],
        rows: impl Fn(P) -> (Vec<T>, Option<String>),
    ) -> Result<Vec<T>, ClientError> {
        let mut all = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let mut query = filters.to_vec();
            query.push(("limit", "500"));
            if let Some(cursor) = cursor.as_deref() {
                query.push(("cursor", cursor));
            }
            let (page, next) = rows(self.get_json(path, &query).await?);
            all.extend(page);
            match next {
                Some(next) => cursor = Some(next),
                None => return Ok(all),
            }
        }
    }

    pub async fn metrics(&self) -> Result<MetricsReport, ClientError> {
        self.get_json("/v1/metrics", &[]).await
    }

    /// `GET /v1/metrics/weekly`: one marketplace's weeks starting on or after `since`.
    pub async fn metrics_weekly(
        &self,
        marketplace: Marketplace,
        since: Option<chrono::NaiveDate>,
    ) -> Result<MetricWeekList, ClientError> {
        let since = since.map(|d| d.to_string());
        let mut query = vec![("marketplace", marketplace.code())];
        if let Some(since) = &since {
            query.push(("since", since.as_str()));
        }
        self.get_json("/v1/metrics/weekly", &query).await
    }

    /// Opens the seller's event stream: a `Changes` event at once with the
    /// current seq, then one each time the feed moves.
    pub async fn events(&self) -> Result<EventStream, ClientError> {
        self.open_events(None).await
    }

    /// Reconnects, telling the service the last event seen (`Last-Event-ID`).
    /// The reference service starts every stream with the current seq and
    /// ignores it; a service that replays missed events would use it.
    pub async fn events_after(&self, last_event_id: &str) -> Result<EventStream, ClientError> {
        self.open_events(Some(last_event_id)).await
    }

    async fn open_events(&self, last_event_id: Option<&str>) -> Result<EventStream, ClientError> {
        use reqwest::header::{HeaderValue, ACCEPT, ACCEPT_ENCODING};
        // Not `self.http`: its 30 s total timeout would cut every stream after
        // 30 s, and reqwest can change a request's total timeout but not lift
        // it. A client of its own, then (a stream holds its connection for
        // good, so sharing the pool would gain nothing): the same connect
        // timeout, and a read timeout instead of a total one.
        let http = http_builder()
            .read_timeout(EVENTS_READ_TIMEOUT)
            .build()
            .map_err(|e| ClientError::Unreachable(e.to_string()))?;
        let mut request = http
            .get(format!("{}/v1/events", self.base_url))
            .bearer_auth(&self.token)
            .header(ACCEPT, "text/event-stream")
            // reqwest decodes gzip as the bytes arrive, but a compressor on
            // the way (a proxy; ours leaves event streams alone) may hold
            // events back until its buffer fills. Ask for none.
            .header(ACCEPT_ENCODING, "identity");
        if let Some(id) = last_event_id {
            // As in `send`: a request we refuse to build has status 0.
            let id = HeaderValue::from_str(id).map_err(|_| ClientError::Protocol { status: 0 })?;
            request = request.header("Last-Event-ID", id);
        }
        let response = request.send().await.map_err(|e| ClientError::Unreachable(without_url(e)))?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            // Refusals read like every other route's: the problem document.
            let refusal = Self::read::<serde::de::IgnoredAny>(response).await.err();
            return Err(refusal.unwrap_or(ClientError::Protocol { status }));
        }
        EventStream::new(response)
    }

    // Writes. Each takes the `Idempotency-Key` its outbox entry was given,
    // so a retry after a lost response is answered, not applied again.

    pub async fn enroll(
        &self,
        marketplace: Marketplace,
        request: &EnrollRequest,
        idempotency_key: &str,
    ) -> Result<EnrollmentView, ClientError> {
        let path = format!("/v1/marketplaces/{}/enrollment", marketplace.code());
        self.send_json(Method::POST, &path, idempotency_key, Some(request)).await
    }

    pub async fn pause_enrollment(
        &self,
        marketplace: Marketplace,
        idempotency_key: &str,
    ) -> Result<EnrollmentView, ClientError> {
        let path = format!("/v1/marketplaces/{}/enrollment/pause", marketplace.code());
        self.send_json::<(), _>(Method::POST, &path, idempotency_key, None).await
    }

    pub async fn resume_enrollment(
        &self,
        marketplace: Marketplace,
        idempotency_key: &str,
    ) -> Result<EnrollmentView, ClientError> {
        let path = format!("/v1/marketplaces/{}/enrollment/resume", marketplace.code());
        self.send_json::<(), _>(Method::POST, &path, idempotency_key, None).await
    }

    pub async fn put_return_policy(
        &self,
        marketplace: Marketplace,
        policy: &ReturnPolicy,
        idempotency_key: &str,
    ) -> Result<ReturnPolicyVersion, ClientError> {
        let path = format!("/v1/marketplaces/{}/return-policy", marketplace.code());
        self.send_json(Method::PUT, &path, idempotency_key, Some(policy)).await
    }

    pub async fn confirm_shipments(
        &self,
        batch: &ShipmentConfirmationBatch,
        idempotency_key: &str,
    ) -> Result<ShipmentConfirmationResult, ClientError> {
        self.send_json(Method::POST, "/v1/shipment-confirmations", idempotency_key, Some(batch)).await
    }

    pub async fn reply(
        &self,
        case_id: &str,
        request: &ReplyRequest,
        idempotency_key: &str,
    ) -> Result<Case, ClientError> {
        let path = format!("/v1/cases/{}/replies", path_segment(case_id));
        self.send_json(Method::POST, &path, idempotency_key, Some(request)).await
    }

    pub async fn request_removal(
        &self,
        feedback_id: &str,
        request: &RemovalRequestCreate,
        idempotency_key: &str,
    ) -> Result<RemovalRequestView, ClientError> {
        let path = format!("/v1/feedback/{}/removal-requests", path_segment(feedback_id));
        self.send_json(Method::POST, &path, idempotency_key, Some(request)).await
    }

    pub async fn ask_service_question(
        &self,
        request: &ServiceQuestionCreate,
        idempotency_key: &str,
    ) -> Result<ServiceQuestionView, ClientError> {
        self.send_json(Method::POST, "/v1/service-questions", idempotency_key, Some(request)).await
    }

    /// Any write, as the outbox stored it: `method` and `path` as queued,
    /// the JSON body's text, and the entry's idempotency key. On 2xx the response
    /// body as the JSON text it came as (`None` when empty), checked but not
    /// parsed into a tree: the outbox keeps it as text, and a shipment
    /// batch's 10,000 per-row results cost more to build as a
    /// `serde_json::Value` and print again than to send.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        idempotency_key: &str,
    ) -> Result<Option<String>, ClientError> {
        // Not a network problem and never fixed by retrying: a 0 status
        // marks a request we refused to build.
        let method = Method::from_bytes(method.as_bytes()).map_err(|_| ClientError::Protocol { status: 0 })?;
        let mut request = self
            .http
            .request(method, format!("{}{}", self.base_url, path))
            .bearer_auth(&self.token)
            .header("Idempotency-Key", idempotency_key);
        if let Some(body) = body {
            request = request.header(reqwest::header::CONTENT_TYPE, "application/json").body(body.to_owned());
        }
        let response = request.send().await.map_err(|e| ClientError::Unreachable(without_url(e)))?;
        let status = response.status().as_u16();
        let retry_after = retry_after(response.headers());
        let bytes = response.bytes().await.map_err(|e| ClientError::Unreachable(without_url(e)))?;
        if (200..300).contains(&status) && bytes.is_empty() {
            return Ok(None);
        }
        Self::parse::<serde::de::IgnoredAny>(status, retry_after, &bytes)?;
        String::from_utf8(bytes.to_vec()).map(Some).map_err(|_| ClientError::Protocol { status })
    }

    async fn send_json<B: serde::Serialize + ?Sized, T: serde::de::DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        idempotency_key: &str,
        body: Option<&B>,
    ) -> Result<T, ClientError> {
        let mut request = self
            .http
            .request(method, format!("{}{}", self.base_url, path))
            .bearer_auth(&self.token)
            .header("Idempotency-Key", idempotency_key);
        request = match body {
            Some(body) => request.json(body),
            None => request,
        };
        let response = request.send().await.map_err(|e| ClientError::Unreachable(without_url(e)))?;
        Self::read(response).await
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
        Self::read(response).await
    }

    /// The body as `T` on 2xx, the problem document otherwise.
    async fn read<T: serde::de::DeserializeOwned>(response: reqwest::Response) -> Result<T, ClientError> {
        let status = response.status().as_u16();
        let retry_after = retry_after(response.headers());
        let bytes = response.bytes().await.map_err(|e| ClientError::Unreachable(without_url(e)))?;
        Self::parse(status, retry_after, &bytes)
    }

    fn parse<T: serde::de::DeserializeOwned>(
        status: u16,
        retry_after: Option<u64>,
        bytes: &[u8],
    ) -> Result<T, ClientError> {
        if (200..300).contains(&status) {
            return serde_json::from_slice(bytes).map_err(|_| ClientError::Protocol { status });
        }
        match serde_json::from_slice::<Problem>(bytes) {
            Ok(problem) => Err(ClientError::Problem(Box::new(Problem { retry_after, ..problem }))),
            Err(_) => Err(ClientError::Protocol { status }),
        }
    }
}

/// `Retry-After` in seconds. The HTTP-date form is not read: it would need
/// the client's clock to agree with the server's, and our service sends
/// seconds.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<u64> {
    headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?.trim().parse().ok()
}

/// What every client of ours shares, whatever its timeouts.
fn http_builder() -> reqwest::ClientBuilder {
    let builder = reqwest::Client::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .user_agent(concat!("csba-desk/", env!("CARGO_PKG_VERSION")));
    match shared_tls() {
        Some(tls) => builder.use_preconfigured_tls(tls),
        // The OS's verifier could not start: reqwest's own configuration
        // trusts no certificate ("manual roots"), so https is refused as
        // untrusted rather than checked against some other list.
        None => builder,
    }
}

/// One TLS configuration for every client in the process: rustls with the
/// OS's own certificate verification (its trust store, where a corporate
/// proxy's CA is installed), built once — clients come and go (one per
/// account, one per event stream connection), and the verifier reads the
/// system's certificates once for all of them. The provider is named here
/// rather than taken from the process-wide default, which the updater plugin
/// installs only when it first checks. It must be the rustls reqwest itself
/// uses, or `build` refuses it (a test checks).
fn shared_tls() -> Option<rustls::ClientConfig> {
    use rustls_platform_verifier::BuilderVerifierExt;
    static TLS: std::sync::OnceLock<Option<rustls::ClientConfig>> = std::sync::OnceLock::new();
    TLS.get_or_init(|| {
        let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .ok()?
            .with_platform_verifier()
            .ok()?
            .with_no_client_auth();
        Some(config)
    })
    .clone()
}

/// Ids are opaque text; percent-encode what would break the path.
pub fn path_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// reqwest errors carry the URL; strip it so query strings never reach logs.
pub(crate) fn without_url(e: reqwest::Error) -> String {
    e.without_url().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_seconds_reaches_the_problem() {
        let mut headers = reqwest::header::HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(reqwest::header::RETRY_AFTER, reqwest::header::HeaderValue::from_static(" 7 "));
        assert_eq!(retry_after(&headers), Some(7));
        let body = br#"{"type":"t","title":"busy","status":503,"code":"unavailable"}"#;
        match ApiClient::parse::<serde_json::Value>(503, Some(7), body) {
            Err(ClientError::Problem(p)) => {
                assert_eq!((p.code, p.retry_after), (crate::ProblemCode::Unavailable, Some(7)))
            }
            other => panic!("expected the problem, got {other:?}"),
        }
        headers.insert(
            reqwest::header::RETRY_AFTER,
            reqwest::header::HeaderValue::from_static("Wed, 21 Oct 2026 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&headers), None);
    }

    #[test]
    fn every_client_takes_the_shared_tls_config() {
        assert!(shared_tls().is_some(), "rustls with the OS verifier could not be set up");
        // A configuration of another rustls would make `build` fail.
        for _ in 0..2 {
            let built = http_builder().build();
            assert!(built.is_ok(), "a client on the shared TLS configuration: {:?}", built.err());
        }
    }

    #[test]
    fn ids_are_percent_encoded_in_paths() {
        assert_eq!(path_segment("case-1_a.b~c"), "case-1_a.b~c");
        assert_eq!(path_segment("a/b c?"), "a%2Fb%20c%3F");
    }
}
