//! The four workflows of issue 10 through the app core against the real
//! reference service on loopback, with its CSBA team working at one second:
//! the replica filled by the real sync engine, actions sent through the
//! outbox, and the team's answers and decisions coming back in the feed.

use chrono::Utc;
use csba_app::{Desk, ViewFilter};
use csba_domain::policy::ViolationCode;
use csba_domain::Marketplace;
use csba_server::{Sandbox, SystemClock, TeamPace};
use csba_store::{AccountId, Store};
use csba_sync::{register_remote, sync_once, RetryPolicy};
use std::sync::Arc;
use std::time::{Duration, Instant};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

struct Setup {
    runtime: tokio::runtime::Runtime,
    sandbox: Option<Sandbox>,
    client: csba_api::ApiClient,
    desk: Desk,
    account: AccountId,
    _dir: tempfile::TempDir,
}

impl Setup {
    fn start() -> Result<Setup> {
        let dir = tempfile::tempdir()?;
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
        let sandbox = runtime.block_on(Sandbox::start_with_team(
            &dir.path().join("server.sqlite"),
            Arc::new(SystemClock),
            TeamPace::uniform(1),
        ))?;
        let client = csba_api::ApiClient::new(sandbox.base_url(), sandbox.token().to_owned())?;
        let store = std::sync::Mutex::new(Store::open(&dir.path().join("replica.sqlite"))?);
        let account = runtime.block_on(register_remote(&client, &store, Utc::now()))?.id;
        let store = store.into_inner().map_err(|_| "poisoned")?;
        let desk = Desk::new(store, csba_i18n::Catalog::load()?);
        let setup = Setup { runtime, sandbox: Some(sandbox), client, desk, account, _dir: dir };
        setup.sync()?;
        Ok(setup)
    }

    /// One round of the real sync engine: push the outbox, pull the feed.
    fn sync(&self) -> Result {
        let report = self.runtime.block_on(sync_once(
            &self.client,
            &self.desk.store,
            self.account,
            &Utc::now,
            &RetryPolicy::default(),
        ))?;
        assert_eq!(report.pushed.failed, 0, "the service refused an action: {report:?}");
        Ok(())
    }

    /// Syncs until `done` holds, for at most 30 seconds.
    fn until(&self, what: &str, done: impl Fn(&Desk) -> Result<bool>) -> Result {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(30) {
            self.sync()?;
            if done(&self.desk)? {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(300));
        }
        Err(format!("timed out waiting for {what}").into())
    }
}

impl Drop for Setup {
    fn drop(&mut self) {
        if let Some(sandbox) = self.sandbox.take() {
            let _ = self.runtime.block_on(sandbox.shutdown());
        }
    }
}

#[test]
fn a_csba_caused_removal_is_decided_and_a_question_answered() -> Result {
    let s = Setup::start()?;
    let now = Utc::now();
    let screen = s.desk.feedback_screen(ViewFilter::default(), now)?;
    let target = screen
        .items
        .iter()
        .find(|f| f.removable_now && f.record.possible_grounds.iter().any(|g| g.ground == "caused_by_csba"))
        .ok_or("the demo has removable CSBA-caused feedback")?;
    assert!(screen.items.iter().any(|f| f.record.removal_request.as_ref().is_some_and(|r| r.status == "declined")));
    let draft = s.desk.compose_removal(s.account, &target.record.id, "caused_by_csba", "", now)?;
    assert_eq!(draft.subject, target.subject_preview, "the preview is the subject the service files");
    let explanation = "<script>alert(1)</script> CSBA の案内が誤っていました。";
    s.desk.request_removal(s.account, &target.record.id, "caused_by_csba", explanation, now)?;
    let id = target.record.id.clone();
    s.until("the team's decision", |desk| {
        let screen = desk.feedback_screen(ViewFilter::default(), Utc::now())?;
        let row = screen.items.iter().find(|f| f.record.id == id).ok_or("gone")?;
        Ok(row.record.removal_request.as_ref().is_some_and(|r| r.status == "removed" && r.decided_at.is_some()))
    })?;
    let screen = s.desk.feedback_screen(ViewFilter::default(), Utc::now())?;
    let filed = screen.requests.iter().find(|r| r.feedback_id == id).ok_or("no request on file")?;
    assert_eq!((filed.explanation.as_str(), filed.subject.as_ref()), (explanation, draft.subject.as_ref()));
    assert!(screen.items.iter().find(|f| f.record.id == id).is_some_and(|f| !f.removable_now && f.pending.is_none()));

    let order = s
        .desk
        .orders_screen(ViewFilter { account_id: None, marketplace: Some(Marketplace::Jp) }, now)?
        .shipped
        .first()
        .map(|o| o.order.id.clone())
        .ok_or("a shipped JP order")?;
    s.desk.ask_question(s.account, &order, "<b>なぜ</b>返金されたのですか？", now)?;
    let subject = s.desk.question_subject(s.account, &order)?;
    s.until("the team's answer", |desk| {
        let screen = desk.questions_screen(ViewFilter::default(), Utc::now())?;
        Ok(screen.questions.iter().any(|q| {
            q.record.question == "<b>なぜ</b>返金されたのですか？"
                && q.record.subject == subject
                && q.record.status == "answered"
                && q.record.answer.as_deref().is_some_and(|a| !a.is_empty())
        }))
    })?;
    Ok(())
}

#[test]
fn the_us_policy_is_brought_to_compliance_and_the_performance_compares() -> Result {
    let s = Setup::start()?;
    let now = Utc::now();
    let screen = s.desk.policy_screen(ViewFilter { account_id: None, marketplace: Some(Marketplace::Us) }, now)?;
    let us = screen.policies.first().ok_or("a US policy view")?;
    let current = us.current.clone().ok_or("the demo has a US policy")?;
    assert_eq!(us.violations_now.len(), 1, "one violation to fix: {:?}", us.violations_now);
    let violation = &us.violations_now[0];
    let mut fixed = current.policy.clone();
    match violation.code {
        ViolationCode::RefundTooSlow => fixed.refund_within_business_days = violation.limit.ok_or("no limit")?,
        ViolationCode::ReturnWindowTooShort => fixed.return_window_days = violation.limit.ok_or("no limit")?,
        other => return Err(format!("the demo's violation is not a single number: {other:?}").into()),
    }
    let refused = s.desk.submit_policy(s.account, Marketplace::Us, current.policy.clone(), now);
    assert_eq!(refused.err().and_then(|e| e.field), Some(violation.field.clone()));
    s.desk.submit_policy(s.account, Marketplace::Us, fixed, now)?;
    let version = current.version;
    s.until("the new version in the feed", |desk| {
        let screen =
            desk.policy_screen(ViewFilter { account_id: None, marketplace: Some(Marketplace::Us) }, Utc::now())?;
        let us = screen.policies.first().ok_or("no US view")?;
        Ok(us.current.as_ref().is_some_and(|c| c.version == version + 1) && us.violations_now.is_empty())
    })?;
    let jp = s.desk.policy_screen(ViewFilter { account_id: None, marketplace: Some(Marketplace::Jp) }, now)?;
    let history = &jp.policies[0].history;
    assert!(history.len() >= 2, "the JP policy has a history");
    assert!(!s.desk.policy_diff(s.account, Marketplace::Jp, history[1].version, history[0].version)?.is_empty());
    assert!(jp.returns.len() >= 2, "two JP returns wait for their refund");

    let perf = s.desk.performance_screen(ViewFilter { account_id: None, marketplace: Some(Marketplace::Jp) }, now)?;
    let panel = perf.panels.first().ok_or("a JP panel")?;
    assert!(panel.activated_on.is_some() && panel.weeks.len() >= 22);
    let comparison = panel.comparison.as_ref().ok_or("a before/after")?;
    for metric in ["a_to_z_claim_rate", "negative_feedback_rate", "order_defect_rate", "response_seconds"] {
        let row = comparison.rows.iter().find(|r| r.metric == metric).ok_or(metric)?;
        assert_eq!(row.better, Some(true), "{row:?}");
    }
    Ok(())
}
