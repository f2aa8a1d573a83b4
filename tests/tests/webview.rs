//! End to end in the real WebKit webview: tauri-driver starts the built app
//! (`CSBA_E2E_APP`) on a fresh data directory, and we read what a seller
//! sees through W3C WebDriver. Run by `cargo xtask test`.

#![allow(clippy::expect_used)]

use base64::Engine as _;
use csba_domain::Marketplace;
use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn app() -> PathBuf {
    PathBuf::from(std::env::var("CSBA_E2E_APP").expect("CSBA_E2E_APP: run this through `cargo xtask test`"))
}

/// The notification daemon of the session bus the tests run on, started
/// on first use and kept for the whole run.
fn notification_daemon() -> Result<&'static notifications::Recorder> {
    static DAEMON: std::sync::OnceLock<notifications::Recorder> = std::sync::OnceLock::new();
    if let Some(daemon) = DAEMON.get() {
        return Ok(daemon);
    }
    let daemon = notifications::Recorder::start().map_err(|e| format!("the test notification daemon: {e}"))?;
    Ok(DAEMON.get_or_init(|| daemon))
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A tauri-driver process, with the environment the app will inherit.
struct Driver {
    child: Child,
    url: String,
    http: reqwest::Client,
}

impl Driver {
    async fn start(data_dir: &Path, lang: &str) -> Result<Driver> {
        Driver::start_with(data_dir, lang, &[]).await
    }

    /// Like `start`, with more variables for the app (such as the sandbox's pace).
    /// Unless it is given a session bus of its own, the app finds the test
    /// notification daemon on the session bus, as on a seller's desktop.
    async fn start_with(data_dir: &Path, lang: &str, env: &[(&str, &str)]) -> Result<Driver> {
        if !env.iter().any(|(name, _)| *name == "DBUS_SESSION_BUS_ADDRESS") {
            notification_daemon()?;
        }
        let port = free_port()?;
        let native_port = free_port()?;
        let child = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .envs(env.iter().copied())
            .env("CSBA_DATA_DIR", data_dir)
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .stdout(Stdio::null())
            .spawn()?;
        // A WebDriver call that never answers fails the test instead of hanging it.
        let http = reqwest::Client::builder().timeout(Duration::from_secs(60)).build()?;
        let driver = Driver { child, url: format!("http://127.0.0.1:{port}"), http };
        let deadline = Instant::now() + Duration::from_secs(20);
        while driver.http.get(format!("{}/status", driver.url)).send().await.is_err() {
            if Instant::now() > deadline {
                return Err("tauri-driver did not start".into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(driver)
    }

    async fn session(&self) -> Result<Session<'_>> {
        let caps = json!({"capabilities": {"alwaysMatch": {"tauri:options": {"application": app()}}}});
        let v: Value = self.http.post(format!("{}/session", self.url)).json(&caps).send().await?.json().await?;
        let id = v["value"]["sessionId"].as_str().ok_or_else(|| format!("no session: {v}"))?.to_owned();
        Ok(Session { driver: self, id })
    }
}

impl Drop for Driver {
    /// Ends tauri-driver and everything it started: an app left running
    /// after a failed test would take the next test's launch for a second
    /// instance and swallow it.
    fn drop(&mut self) {
        let tree = descendants(self.child.id());
        let _ = self.child.kill();
        let _ = self.child.wait();
        for pid in tree {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).stderr(Stdio::null()).status();
        }
    }
}

/// Every process below `pid`, from /proc.
fn descendants(pid: u32) -> Vec<u32> {
    let parent_of = |p: u32| -> Option<u32> {
        let stat = std::fs::read_to_string(format!("/proc/{p}/stat")).ok()?;
        stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()
    };
    let all: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .map(|d| {
            d.flatten()
                .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
                .filter_map(|p| Some((p, parent_of(p)?)))
                .collect()
        })
        .unwrap_or_default();
    let mut found = vec![pid];
    let mut i = 0;
    while let Some(&at) = found.get(i) {
        found.extend(all.iter().filter(|(_, parent)| *parent == at).map(|(p, _)| *p));
        i += 1;
    }
    found.split_off(1)
}

struct Session<'a> {
    driver: &'a Driver,
    id: String,
}

impl Session<'_> {
    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Result<Value> {
        let url = format!("{}/session/{}{}", self.driver.url, self.id, path);
        let mut request = self.driver.http.request(method, url);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let v: Value = request.send().await?.json().await?;
        if v["value"].get("error").is_some() {
            return Err(format!("webdriver {path}: {}", v["value"]).into());
        }
        Ok(v["value"].clone())
    }

    async fn script(&self, script: &str) -> Result<Value> {
        self.call(reqwest::Method::POST, "/execute/sync", Some(json!({"script": script, "args": []}))).await
    }

    async fn elements(&self, css: &str) -> Result<Vec<String>> {
        let v =
            self.call(reqwest::Method::POST, "/elements", Some(json!({"using": "css selector", "value": css}))).await?;
        // An element reference is an object with one key, the W3C element
        // identifier; WebKitWebDriver's spelling of that key differs from the
        // spec's, so take the one value whatever its key.
        Ok(v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| e.as_object()?.values().next()?.as_str().map(str::to_owned))
            .collect())
    }

    async fn text(&self, element: &str) -> Result<String> {
        let v = self.call(reqwest::Method::GET, &format!("/element/{element}/text"), None).await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    /// Clicks the first element matching `css`, once there is one: a screen's frame draws
    /// before its data is read, and a click asked for in between must not fail the test.
    async fn click(&self, css: &str) -> Result {
        let element = self.wait_for(&format!("{css} to click"), First(css)).await?;
        self.call(reqwest::Method::POST, &format!("/element/{element}/click"), Some(json!({}))).await?;
        Ok(())
    }

    async fn attribute(&self, element: &str, name: &str) -> Result<Option<String>> {
        let v = self.call(reqwest::Method::GET, &format!("/element/{element}/attribute/{name}"), None).await?;
        Ok(v.as_str().map(str::to_owned))
    }

    async fn property(&self, element: &str, name: &str) -> Result<Value> {
        self.call(reqwest::Method::GET, &format!("/element/{element}/property/{name}"), None).await
    }

    /// Types `text` into the first element matching `css`, key by key.
    async fn type_into(&self, css: &str, text: &str) -> Result {
        let element = self.elements(css).await?.into_iter().next().ok_or_else(|| format!("no element {css}"))?;
        self.call(reqwest::Method::POST, &format!("/element/{element}/value"), Some(json!({ "text": text }))).await?;
        Ok(())
    }

    /// The `data-state` of every element matching `css`.
    async fn states(&self, css: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for element in self.elements(css).await? {
            out.push(self.attribute(&element, "data-state").await?.unwrap_or_default());
        }
        Ok(out)
    }

    async fn texts(&self, css: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for element in self.elements(css).await? {
            out.push(self.text(&element).await?);
        }
        Ok(out)
    }

    /// Polls until `check` accepts the page, or fails with what it saw last.
    async fn wait_for<T>(&self, what: &str, mut check: impl AsyncCheck<T>) -> Result<T> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            match check.check(self).await {
                Ok(Some(found)) => return Ok(found),
                Ok(None) | Err(_) if Instant::now() < deadline => tokio::time::sleep(Duration::from_millis(200)).await,
                // What the seller would have seen, for whoever reads the failure.
                Ok(None) => {
                    self.save_page(&format!("timeout-{}", file_stem(what))).await;
                    return Err(format!("timed out waiting for {what} (screenshot in target/e2e)").into());
                }
                Err(e) => {
                    self.save_page(&format!("timeout-{}", file_stem(what))).await;
                    return Err(format!("timed out waiting for {what}: {e} (screenshot in target/e2e)").into());
                }
            }
        }
    }

    /// What the page showed, for whoever reads a failure: its text (always) and a screenshot.
    async fn save_page(&self, name: &str) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e");
        if let Ok(text) = self.script("return document.body.innerText").await {
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(dir.join(format!("{name}.txt")), text.as_str().unwrap_or_default());
        }
        let _ = self.screenshot(name).await;
    }

    async fn lang(&self) -> Result<String> {
        Ok(self.script("return document.documentElement.lang").await?.as_str().unwrap_or_default().to_owned())
    }

    async fn screenshot(&self, name: &str) -> Result {
        let v = self.call(reqwest::Method::GET, "/screenshot", None).await?;
        let png = base64::engine::general_purpose::STANDARD.decode(v.as_str().unwrap_or_default())?;
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e");
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{name}.png")), png)?;
        Ok(())
    }

    /// A screenshot for the README: into target/e2e like every other, and copied into docs/.
    async fn doc_screenshot(&self, name: &str) -> Result {
        self.screenshot(name).await?;
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        std::fs::create_dir_all(root.join("docs"))?;
        std::fs::copy(root.join(format!("target/e2e/{name}.png")), root.join(format!("docs/{name}.png")))?;
        Ok(())
    }

    async fn close(self) -> Result {
        self.call(reqwest::Method::DELETE, "", None).await?;
        Ok(())
    }
}

/// A page condition, polled by `wait_for`.
trait AsyncCheck<T> {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<T>>;
}

/// At least `n` case rows are shown; yields their countdown texts.
struct Rows(usize);
impl AsyncCheck<Vec<String>> for Rows {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<Vec<String>>> {
        let rows = s.elements("[data-testid=case-row]").await?;
        Ok((rows.len() >= self.0).then_some(s.texts("[data-testid=case-countdown]").await?))
    }
}

/// The UI speaks `locale`; yields the visible chrome text (header and
/// inbox heading, not buyer text, which may be in any language).
struct Speaks(&'static str);
impl AsyncCheck<String> for Speaks {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<String>> {
        if s.lang().await? != self.0 {
            return Ok(None);
        }
        let chrome = [s.texts("#inbox-heading").await?, s.texts("[data-testid=summary]").await?].concat().join(" ");
        Ok(Some(chrome))
    }
}

/// An element matching the selector exists; yields its text.
/// `what` as a file name: a selector's brackets, quotes and slashes become dashes.
fn file_stem(what: &str) -> String {
    what.chars().map(|c| if c.is_alphanumeric() || c == '_' { c } else { '-' }).collect()
}

/// The first element matching the selector (its WebDriver reference).
struct First<'a>(&'a str);
impl AsyncCheck<String> for First<'_> {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<String>> {
        Ok(s.elements(self.0).await?.into_iter().next())
    }
}

struct Shown<'a>(&'a str);
impl AsyncCheck<String> for Shown<'_> {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<String>> {
        Ok(s.texts(self.0).await?.into_iter().next())
    }
}

/// Every element matching the selector has this `data-state` (and there is one).
struct State(&'static str, &'static str);
impl AsyncCheck<()> for State {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<()>> {
        let states = s.states(self.0).await?;
        Ok((!states.is_empty() && states.iter().all(|st| st == self.1)).then_some(()))
    }
}

/// Some element matching the selector has text containing this.
struct TextHas(String, String);
impl AsyncCheck<String> for TextHas {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<String>> {
        Ok(s.texts(&self.0).await?.into_iter().find(|t| t.contains(&self.1)))
    }
}

fn has(text: &str, ranges: &[(char, char)]) -> bool {
    text.chars().any(|c| ranges.iter().any(|(a, b)| (*a..=*b).contains(&c)))
}
const KANA: &[(char, char)] = &[('\u{3040}', '\u{30ff}')];
const HANGUL: &[(char, char)] = &[('\u{ac00}', '\u{d7af}')];
const HAN: &[(char, char)] = &[('\u{4e00}', '\u{9fff}')];

#[tokio::test]
async fn inbox_shows_demo_cases_counting_down_in_all_four_languages() -> Result {
    let data = tempfile::tempdir()?;
    let driver = Driver::start(data.path(), "en_US.UTF-8").await?;
    let session = driver.session().await?;

    let first = session.wait_for("the demo cases", Rows(5)).await?;
    assert!(first.iter().any(|t| t.contains("Overdue")), "an overdue demo case: {first:?}");
    assert!(first.iter().any(|t| t.contains("left")), "cases still due: {first:?}");
    let orders = session.texts("[data-testid=case-order]").await?;
    assert!(orders.iter().all(|o| o.len() == 19 && o.chars().filter(|c| *c == '-').count() == 2), "{orders:?}");
    session.screenshot("inbox-en").await?;

    // Live countdown: the same rows show different times a moment later.
    tokio::time::sleep(Duration::from_millis(2200)).await;
    let later = session.texts("[data-testid=case-countdown]").await?;
    assert_ne!(first, later, "countdowns do not tick");

    for (locale, check) in [
        ("ja", (|t: &str| has(t, KANA)) as fn(&str) -> bool),
        ("ko", |t: &str| has(t, HANGUL)),
        ("zh-CN", |t: &str| has(t, HAN) && !has(t, KANA) && !has(t, HANGUL)),
        ("en", |t: &str| !has(t, HAN) && !has(t, KANA) && !has(t, HANGUL) && t.contains("case")),
    ] {
        session.click(&format!("button[data-locale='{locale}']")).await?;
        let chrome = session.wait_for(locale, Speaks(locale)).await?;
        assert!(check(&chrome), "{locale}: {chrome}");
        session.screenshot(&format!("inbox-{locale}")).await?;
    }

    // The choice persists: pick Korean, restart on the same data directory.
    session.click("button[data-locale='ko']").await?;
    session.wait_for("ko", Speaks("ko")).await?;
    session.close().await?;
    let again = driver.session().await?;
    let chrome = again.wait_for("ko after restart", Speaks("ko")).await?;
    assert!(has(&chrome, HANGUL), "{chrome}");
    again.close().await?;
    Ok(())
}

#[tokio::test]
async fn a_japanese_desktop_starts_in_japanese() -> Result {
    let data = tempfile::tempdir()?;
    let driver = Driver::start(data.path(), "ja_JP.UTF-8").await?;
    let session = driver.session().await?;
    session.wait_for("the demo cases", Rows(5)).await?;
    let chrome = session.wait_for("ja", Speaks("ja")).await?;
    assert!(has(&chrome, KANA), "{chrome}");
    let countdowns = session.texts("[data-testid=case-countdown]").await?;
    assert!(countdowns.iter().any(|t| t.contains('残')), "{countdowns:?}");
    session.screenshot("inbox-ja-os-locale").await?;
    session.close().await?;
    Ok(())
}

/// The first case row still taking replies (counting down, not overdue);
/// yields its case id.
struct OpenCase;
impl AsyncCheck<String> for OpenCase {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<String>> {
        for row in s.elements("[data-testid=case-row]").await? {
            if s.text(&row).await?.contains(" left") {
                return s.attribute(&row, "data-case-id").await;
            }
        }
        Ok(None)
    }
}

#[tokio::test]
async fn a_draft_survives_a_restart_exactly_and_the_reply_goes_out_through_the_queue() -> Result {
    let data = tempfile::tempdir()?;
    let driver = Driver::start(data.path(), "en_US.UTF-8").await?;
    let session = driver.session().await?;
    let case_id = session.wait_for("a case taking replies", OpenCase).await?;
    let row = format!("[data-testid=case-row][data-case-id='{case_id}']");
    session.click(&row).await?;
    session.wait_for("the case screen", Shown("[data-testid=case-detail]")).await?;
    let draft = "Thank you for waiting — 交換品は本日発送しました。  ";
    session.type_into("[data-testid=reply-box]", draft).await?;
    session.wait_for("the draft saved", SavedDraft).await?;
    session.screenshot("case-draft-en").await?;
    session.close().await?;

    // A new app process on the same data directory: the draft is there, exactly.
    let again = driver.session().await?;
    let marked = format!("{row} [data-testid=case-draft]");
    again.wait_for("the draft mark on its row", Shown(&marked)).await?;
    again.click(&row).await?;
    again.wait_for("the case screen", Shown("[data-testid=case-detail]")).await?;
    let boxes = again.elements("[data-testid=reply-box]").await?;
    let restored = again.property(boxes.first().ok_or("no reply box")?, "value").await?;
    assert_eq!(restored.as_str(), Some(draft), "the draft comes back exactly");

    // Sent: queued in the outbox, then confirmed by the service, then back
    // through the feed as a message of the case.
    again.click("[data-testid=send-reply]").await?;
    again.wait_for("the reply confirmed", State("[data-testid=case-reply-item]", "sent")).await?;
    again.wait_for("the reply in the conversation", SellerMessage(draft.trim_end())).await?;
    let left = again.elements("[data-testid=reply-box]").await?;
    let emptied = again.property(left.first().ok_or("no reply box")?, "value").await?;
    assert_eq!(emptied.as_str(), Some(""), "the box is cleared once the reply is queued");
    again.click("[data-testid=nav-queue]").await?;
    again.wait_for("the queue shows it sent", State("[data-testid=queue-item]", "sent")).await?;
    again.screenshot("queue-en").await?;
    again.close().await?;
    Ok(())
}

/// The draft status line says the draft was saved.
struct SavedDraft;
impl AsyncCheck<()> for SavedDraft {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<()>> {
        Ok(s.texts("[data-testid=draft-status]").await?.iter().any(|t| t.contains("saved")).then_some(()))
    }
}

/// The conversation shows a message with this text.
struct SellerMessage(&'static str);
impl AsyncCheck<()> for SellerMessage {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<()>> {
        Ok(s.texts("[data-testid=case-message]").await?.iter().any(|t| t.contains(self.0)).then_some(()))
    }
}

/// Every file under `dir`, as bytes.
fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                out.push((path, bytes));
            }
        }
    }
    out
}

/// At least `n` account cards are shown; yields their texts.
struct Accounts(usize);
impl AsyncCheck<Vec<String>> for Accounts {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<Vec<String>>> {
        let texts = s.texts("[data-testid=account-item]").await?;
        Ok((texts.len() == self.0).then_some(texts))
    }
}

#[tokio::test]
async fn a_store_added_in_the_app_keeps_its_token_in_the_keychain_and_replaces_the_demo() -> Result {
    // A real CSBA service on loopback, with its own seller and token.
    let service_dir = tempfile::tempdir()?;
    let service = csba_server::Sandbox::start(
        &service_dir.path().join("service.sqlite"),
        std::sync::Arc::new(csba_server::SystemClock),
    )
    .await?;
    let url = service.base_url();
    let token = service.token().to_owned();

    let data = tempfile::tempdir()?;
    let driver = Driver::start(data.path(), "en_US.UTF-8").await?;
    let session = driver.session().await?;
    session.wait_for("the demo cases", Rows(5)).await?;
    session.click("[data-testid=nav-accounts]").await?;
    let demo = session.wait_for("the demo account", Accounts(1)).await?;
    assert!(!demo[0].contains(&url), "{demo:?}");

    session.type_into("[data-testid=account-url]", &url).await?;
    session.type_into("[data-testid=account-token]", &token).await?;
    session.click("[data-testid=account-add]").await?;
    session.wait_for("the account added", Shown("[data-testid=account-added]")).await?;
    let fields = session.elements("[data-testid=account-token]").await?;
    let left = session.property(fields.first().ok_or("no token field")?, "value").await?;
    assert_eq!(left.as_str(), Some(""), "the token field is cleared");

    // The demo account made way for the real one, which syncs.
    let accounts = session.wait_for("only the real account", RealAccount(url.clone())).await?;
    assert!(accounts.contains(&url), "{accounts}");
    session.screenshot("accounts-en").await?;
    session.click("[data-testid=nav-inbox]").await?;
    session.wait_for("the real store's cases", Rows(5)).await?;

    // The token is in the keychain only: no file of the app holds it.
    for (path, bytes) in files_under(data.path()) {
        assert!(!bytes.windows(token.len()).any(|w| w == token.as_bytes()), "the token is in {}", path.display());
    }
    session.close().await?;
    service.shutdown().await?;
    Ok(())
}

/// One account card, naming the service at this address.
struct RealAccount(String);
impl AsyncCheck<String> for RealAccount {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<String>> {
        let texts = s.texts("[data-testid=account-item]").await?;
        Ok((texts.len() == 1 && texts[0].contains(&self.0)).then(|| texts[0].clone()))
    }
}

// The workflows of the other screens, each in its own file,
// using the driver above.
#[path = "webview_alerts.rs"]
mod alerts;
#[path = "webview_desk.rs"]
mod desk;
#[path = "webview_notifications.rs"]
mod notifications;
#[path = "webview_orders.rs"]
mod orders;
#[path = "webview_platform.rs"]
mod platform;
#[path = "webview_program.rs"]
mod program;
#[path = "webview_updates.rs"]
mod updates;
