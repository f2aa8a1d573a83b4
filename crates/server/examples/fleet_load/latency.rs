//! Concurrent clients and what they measure: each request is timed from
//! sending to its whole body read, every status is counted, and a non-2xx
//! answer is reported rather than stopping the run.

use crate::seed::Fleet;
use crate::Error;
use futures_util::future::BoxFuture;
use rand::Rng;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What one request came back with.
pub struct Answer {
    status: u16,
    bytes: usize,
    problem: Option<String>,
}

#[derive(Default)]
pub struct Measured {
    /// Of the 2xx answers, sorted.
    latencies: Vec<Duration>,
    /// Every status but 2xx, and `0` for a request that got no answer.
    others: BTreeMap<u16, usize>,
    first_other: Option<String>,
    elapsed: Duration,
    bytes: usize,
}

impl Measured {
    fn pct(&self, p: f64) -> f64 {
        let n = self.latencies.len();
        let i = ((n as f64 * p).ceil() as usize).saturating_sub(1);
        self.latencies.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }

    /// A summary row: (what, figures).
    pub fn row(&self, what: &str, clients: usize) -> (String, String) {
        let n = self.latencies.len() + self.others.values().sum::<usize>();
        let others = if self.others.is_empty() {
            "every answer 2xx".to_owned()
        } else {
            format!("non-2xx {:?} (first: {})", self.others, self.first_other.as_deref().unwrap_or("?"))
        };
        let figures = format!(
            "{n} requests, {:.0} req/s; p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {:.1} KiB per answer; {others}",
            n as f64 / self.elapsed.as_secs_f64(),
            self.pct(0.50),
            self.pct(0.99),
            self.pct(1.0),
            self.bytes as f64 / n.max(1) as f64 / 1024.0,
        );
        eprintln!("{what}, {clients} clients: {figures}");
        (format!("{what}, {clients} clients"), figures)
    }
}

type Job = Arc<dyn Fn(usize) -> BoxFuture<'static, Result<Answer, Error>> + Send + Sync>;

/// Runs jobs `0..total` on `clients` tasks, each taking the next number
/// until all are taken or `cap` has passed.
async fn run(clients: usize, total: usize, cap: Duration, job: Job) -> Measured {
    let next = Arc::new(AtomicUsize::new(0));
    let results = Arc::new(Mutex::new(Measured::default()));
    let started = Instant::now();
    let deadline = started + cap;
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let (next, results, job) = (next.clone(), results.clone(), job.clone());
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total || Instant::now() > deadline {
                        break;
                    }
                    let t = Instant::now();
                    let answer = job(i).await;
                    let took = t.elapsed();
                    let Ok(mut m) = results.lock() else { break };
                    match answer {
                        Ok(a) if (200..300).contains(&a.status) => {
                            m.latencies.push(took);
                            m.bytes += a.bytes;
                        }
                        Ok(a) => {
                            *m.others.entry(a.status).or_default() += 1;
                            m.bytes += a.bytes;
                            if let Some(problem) = a.problem {
                                m.first_other.get_or_insert(format!("{}: {problem}", a.status));
                            }
                        }
                        Err(e) => {
                            *m.others.entry(0).or_default() += 1;
                            m.first_other.get_or_insert_with(|| e.to_string());
                        }
                    }
                }
            })
        })
        .collect();
    for task in tasks {
        let _ = task.await;
    }
    let mut m = std::mem::take(&mut *results.lock().unwrap_or_else(|e| e.into_inner()));
    m.elapsed = started.elapsed();
    m.latencies.sort();
    m
}

/// A non-2xx body is kept for the report.
fn answer(status: reqwest::StatusCode, body: &[u8]) -> Answer {
    let problem = (!status.is_success()).then(|| String::from_utf8_lossy(&body[..body.len().min(300)]).into_owned());
    Answer { status: status.as_u16(), bytes: body.len(), problem }
}

/// Just what the client needs of a page: serde skips the changes.
#[derive(serde::Deserialize)]
struct PageEnd {
    next_cursor: String,
    has_more: bool,
}

/// `GET /v1/changes?cursor=<the seller's last seq>`, as the app asks on
/// each event: each client takes a random seller and the cursor the
/// previous answer for that seller gave (the feed moves when the sweeper
/// writes a seller's weekly figures).
pub async fn changes_at_head(
    http: &reqwest::Client,
    base: &str,
    fleet: &Fleet,
    clients: usize,
    total: usize,
    cap: Duration,
) -> Result<Measured, Error> {
    let sellers: Arc<Vec<(String, Mutex<String>)>> =
        Arc::new(fleet.sellers.iter().map(|s| (s.token.clone(), Mutex::new(s.head.to_string()))).collect());
    let (http, url) = (http.clone(), format!("{base}/v1/changes"));
    let job: Job = Arc::new(move |_| {
        let (http, url, sellers) = (http.clone(), url.clone(), sellers.clone());
        Box::pin(async move {
            let s = rand::thread_rng().gen_range(0..sellers.len());
            let (token, cursor) = &sellers[s];
            let at = cursor.lock().map_err(|_| "poisoned")?.clone();
            let response = http.get(&url).query(&[("cursor", at.as_str())]).bearer_auth(token).send().await?;
            let status = response.status();
            let body = response.bytes().await?;
            if status.is_success() {
                let page: PageEnd = serde_json::from_slice(&body)?;
                *cursor.lock().map_err(|_| "poisoned")? = page.next_cursor;
            }
            Ok(answer(status, &body))
        })
    });
    Ok(run(clients, total, cap, job).await)
}

/// Per client slot of a first sync: the seller it is walking and its cursor.
type Walk = (usize, String);

/// A first sync: each client takes a random seller and reads its whole
/// feed from the start, following `next_cursor`; each page is one
/// measured request.
pub async fn changes_from_start(
    http: &reqwest::Client,
    base: &str,
    fleet: &Fleet,
    clients: usize,
    total: usize,
    cap: Duration,
) -> Result<Measured, Error> {
    let tokens: Arc<Vec<String>> = Arc::new(fleet.sellers.iter().map(|s| s.token.clone()).collect());
    let walks: Arc<Vec<Mutex<Option<Walk>>>> = Arc::new((0..clients).map(|_| Mutex::new(None)).collect());
    let (http, url) = (http.clone(), format!("{base}/v1/changes"));
    let job: Job = Arc::new(move |i| {
        let (http, url, tokens, walks) = (http.clone(), url.clone(), tokens.clone(), walks.clone());
        Box::pin(async move {
            let slot = &walks[i % walks.len()];
            let (s, cursor) = slot
                .lock()
                .map_err(|_| "poisoned")?
                .take()
                .unwrap_or_else(|| (rand::thread_rng().gen_range(0..tokens.len()), String::new()));
            let mut request = http.get(&url).bearer_auth(&tokens[s]);
            if !cursor.is_empty() {
                request = request.query(&[("cursor", cursor.as_str())]);
            }
            let response = request.send().await?;
            let status = response.status();
            let body = response.bytes().await?;
            if status.is_success() {
                let page: PageEnd = serde_json::from_slice(&body)?;
                if page.has_more {
                    *slot.lock().map_err(|_| "poisoned")? = Some((s, page.next_cursor));
                }
            }
            Ok(answer(status, &body))
        })
    });
    Ok(run(clients, total, cap, job).await)
}

/// `POST /v1/cases/{id}/replies` with a fresh `Idempotency-Key`, to open
/// cases `offset..offset + total` of the fleet's shuffled list: a random
/// seller each time, never the same case twice.
pub async fn replies(
    http: &reqwest::Client,
    base: &str,
    fleet: &Fleet,
    clients: usize,
    total: usize,
    offset: usize,
    cap: Duration,
) -> Result<Measured, Error> {
    let end = (offset + total).min(fleet.open.len());
    let jobs: Arc<Vec<(String, String)>> = Arc::new(
        fleet.open[offset.min(end)..end]
            .iter()
            .map(|(s, case)| (fleet.sellers[*s].token.clone(), format!("{base}/v1/cases/{case}/replies")))
            .collect(),
    );
    let (http, count) = (http.clone(), jobs.len());
    let job: Job = Arc::new(move |i| {
        let (http, jobs) = (http.clone(), jobs.clone());
        Box::pin(async move {
            let (token, url) = &jobs[i];
            let response = http
                .post(url)
                .bearer_auth(token)
                .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
                .json(&serde_json::json!({ "body": "Thank you for waiting. We have checked the order and will ship a replacement today." }))
                .send()
                .await?;
            let status = response.status();
            Ok(answer(status, &response.bytes().await?))
        })
    });
    Ok(run(clients, count, cap, job).await)
}
