//! `GET /v1/events` streams held open, as the fleet's desktops hold them:
//! stream k belongs to seller k mod sellers, so every seller has about the
//! same number and each token opens only a few (the rate limit is per
//! token). A stream counts as open once its first event, the seller's
//! current seq, has arrived.

use crate::seed::Fleet;
use crate::Error;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot};

/// How long all streams together may take to open.
const OPEN_WAIT: Duration = Duration::from_secs(120);
/// How long a probe write may take to reach its streams.
const EVENT_WAIT: Duration = Duration::from_secs(10);

/// A change event heard on a stream of `seller`.
struct Heard {
    seller: usize,
    at: Instant,
}

pub struct Streams {
    tasks: Vec<tokio::task::JoinHandle<()>>,
    /// Streams per seller that did open.
    per_seller: Vec<usize>,
    refused: BTreeMap<String, usize>,
    heard: mpsc::UnboundedReceiver<Heard>,
}

/// Opens `n` streams at once, as after a restart of the service when every
/// client reconnects, and waits for each one's first event.
pub async fn open(base: &str, fleet: &Fleet, n: usize) -> Result<Streams, Error> {
    // Its own client: a stream holds its connection for as long as it lives.
    let http = reqwest::Client::builder().build()?;
    let url = format!("{base}/v1/events");
    let (tx, heard) = mpsc::unbounded_channel();
    let mut tasks = Vec::with_capacity(n);
    let mut ready = Vec::with_capacity(n);
    for k in 0..n {
        let seller = k % fleet.sellers.len();
        let (opened, is_open) = oneshot::channel();
        let request = http.get(&url).bearer_auth(&fleet.sellers[seller].token);
        tasks.push(tokio::spawn(listen(request, seller, opened, tx.clone())));
        ready.push((seller, is_open));
    }
    let mut per_seller = vec![0; fleet.sellers.len()];
    let mut refused = BTreeMap::new();
    let deadline = tokio::time::Instant::now() + OPEN_WAIT;
    for (seller, is_open) in ready {
        match tokio::time::timeout_at(deadline, is_open).await {
            Ok(Ok(Ok(()))) => per_seller[seller] += 1,
            Ok(Ok(Err(why))) => *refused.entry(why).or_default() += 1,
            Ok(Err(_)) => *refused.entry("the stream's task ended".to_owned()).or_default() += 1,
            Err(_) => *refused.entry(format!("no first event within {OPEN_WAIT:?}")).or_default() += 1,
        }
    }
    Ok(Streams { tasks, per_seller, refused, heard })
}

/// One stream: reports when its first event is in, then every change
/// event until the connection ends.
async fn listen(
    request: reqwest::RequestBuilder,
    seller: usize,
    opened: oneshot::Sender<Result<(), String>>,
    heard: mpsc::UnboundedSender<Heard>,
) {
    let mut response = match request.send().await {
        Ok(r) if r.status().is_success() => r,
        Ok(r) => {
            let status = r.status();
            let body = r.text().await.unwrap_or_default();
            let _ = opened.send(Err(format!("{status}: {}", &body[..body.len().min(200)])));
            return;
        }
        Err(e) => {
            let _ = opened.send(Err(format!("no answer: {e}")));
            return;
        }
    };
    let mut opened = Some(opened);
    let mut pending = String::new();
    loop {
        let chunk = match response.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) | Err(_) => break,
        };
        pending.push_str(&String::from_utf8_lossy(&chunk));
        // An event ends at a blank line; a keep-alive is a lone comment.
        while let Some(end) = pending.find("\n\n") {
            let event: String = pending.drain(..end + 2).collect();
            if !event.lines().any(|l| l == "event: changes") {
                continue;
            }
            match opened.take() {
                Some(first) => {
                    let _ = first.send(Ok(()));
                }
                None => {
                    let _ = heard.send(Heard { seller, at: Instant::now() });
                }
            }
        }
    }
    if let Some(first) = opened {
        let _ = first.send(Err("the stream ended before its first event".to_owned()));
    }
}

impl Streams {
    pub fn count(&self) -> usize {
        self.per_seller.iter().sum()
    }

    pub fn refusals(&self) -> String {
        if self.refused.is_empty() {
            "none refused".to_owned()
        } else {
            format!("not open: {:?}", self.refused)
        }
    }

    /// Replies to `probes` open cases (from the end of the fleet's list, so
    /// none the measured replies use), one at a time, each timed from
    /// sending it to its event on the last of its seller's streams, and
    /// from its response to that event.
    pub async fn probe_writes(
        &mut self,
        http: &reqwest::Client,
        base: &str,
        fleet: &Fleet,
        probes: usize,
    ) -> Result<String, Error> {
        let mut from_send = Vec::new();
        let mut from_response = Vec::new();
        let mut missed = 0;
        for (s, case) in fleet.open.iter().rev().filter(|(s, _)| self.per_seller[*s] > 0).take(probes) {
            while self.heard.try_recv().is_ok() {}
            let sent = Instant::now();
            let response = http
                .post(format!("{base}/v1/cases/{case}/replies"))
                .bearer_auth(&fleet.sellers[*s].token)
                .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
                .json(&serde_json::json!({ "body": "Checked: the parcel left our warehouse this morning." }))
                .send()
                .await?;
            let status = response.status();
            let body = response.text().await?;
            let answered = Instant::now();
            if !status.is_success() {
                return Err(format!("probe reply to {case}: {status}: {body}").into());
            }
            let mut waiting = self.per_seller[*s];
            let deadline = tokio::time::Instant::now() + EVENT_WAIT;
            let mut last = None;
            while waiting > 0 {
                match tokio::time::timeout_at(deadline, self.heard.recv()).await {
                    Ok(Some(h)) if h.seller == *s => {
                        waiting -= 1;
                        last = Some(h.at);
                    }
                    Ok(Some(_)) => {}
                    Ok(None) | Err(_) => break,
                }
            }
            match last {
                Some(at) if waiting == 0 => {
                    from_send.push((at - sent).as_secs_f64());
                    // Negative when the event came in before the response:
                    // the service announces a write once it has committed,
                    // before the response is on its way.
                    from_response.push(if at >= answered {
                        (at - answered).as_secs_f64()
                    } else {
                        -(answered - at).as_secs_f64()
                    });
                }
                _ => missed += 1,
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let ms = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            let at =
                |p: f64| v.get(((v.len() as f64 * p).ceil() as usize).saturating_sub(1)).copied().unwrap_or_default();
            format!("p50 {:.1} ms, max {:.1} ms", at(0.5) * 1000.0, at(1.0) * 1000.0)
        };
        Ok(format!(
            "{} writes: from sending {}; after its response {}{}",
            from_send.len(),
            ms(&mut from_send),
            ms(&mut from_response),
            if missed > 0 { format!("; {missed} never reached every stream of the seller") } else { String::new() }
        ))
    }

    /// Ends every stream; says how many change events they heard since the
    /// probes.
    pub async fn close(mut self) -> String {
        let mut heard = 0;
        while self.heard.try_recv().is_ok() {
            heard += 1;
        }
        for task in &self.tasks {
            task.abort();
        }
        format!("{heard} change events over {} streams", self.count())
    }
}
