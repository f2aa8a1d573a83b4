//! The simulator: same seed, same data; and the data keeps CSBA's rules.

use crate::common::{fresh_db, start_time, TestResult};
use chrono::Duration;
use csba_api::{Case, CaseList, ChangesPage};
use csba_domain::{CaseStatus, CASE_RESPONSE_WINDOW};
use csba_server::migrate::migrate;
use csba_server::simulate::simulate;
use csba_server::sweeper::outcome_for;
use csba_server::tokens::issue_token;
use csba_server::{AppState, Db, ManualClock};
use std::sync::Arc;

/// Serves `db` on loopback and reads every seller's cases and whole feed
/// over HTTP, in seller order.
async fn read_back(
    db: &Db,
    sellers: &[String],
    now: chrono::DateTime<chrono::Utc>,
) -> TestResult<Vec<(Vec<Case>, ChangesPage)>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let state = AppState::new(db.clone(), Arc::new(ManualClock::new(now)));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(csba_server::serve_until(listener, state, async move {
        let _ = stopped.await;
    }));
    let http = reqwest::Client::new();
    let mut out = Vec::new();
    for seller in sellers {
        let token = issue_token(db, seller, "test", now).await?;
        let cases: CaseList = http
            .get(format!("{base}/v1/cases"))
            .bearer_auth(token.secret())
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let feed: ChangesPage = http
            .get(format!("{base}/v1/changes?limit=1000"))
            .bearer_auth(token.secret())
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        out.push((cases.cases, feed));
    }
    let _ = stop.send(());
    server.await??;
    Ok(out)
}

crate::common::every_backend! {
#[tokio::test]
async fn same_seed_same_data_and_the_rules_hold() -> TestResult {
    let start = start_time()?;
    let days = 8;
    let end = start + Duration::days(days);
    let mut runs = Vec::new();
    let mut dirs = Vec::new();
    for _ in 0..2 {
        let dir = tempfile::tempdir()?;
        let (db, _) = fresh_db(&dir).await?;
        migrate(&db, start).await?;
        let summary = simulate(&db, 42, days as u32, 2, start).await?;
        let read = read_back(&db, &summary.sellers, end).await?;
        db.close().await;
        dirs.push(dir);
        runs.push((summary, read));
    }
    let (summary, read) = &runs[0];
    assert_eq!(runs[0].0, runs[1].0, "the same seed gave a different summary");
    for (a, b) in runs[0].1.iter().zip(&runs[1].1) {
        assert_eq!(a.0, b.0, "the same seed gave different cases");
        assert_eq!(a.1, b.1, "the same seed gave a different feed");
    }
    assert_eq!(summary.sellers.len(), 2);
    assert!(summary.orders > 100 && summary.cases > 30 && summary.feedback > 0, "{summary:?}");
    assert!(summary.resolved_by_csba > 0 && summary.answered > 0, "{summary:?}");

    for (cases, feed) in read {
        assert!(!feed.has_more || feed.changes.len() == 1000);
        assert!(feed.changes.windows(2).all(|w| w[0].seq < w[1].seq && w[0].at <= w[1].at));
        for case in cases {
            assert_eq!(case.respond_by - case.opened_at, CASE_RESPONSE_WINDOW);
            assert!(case.marketplace.seller_languages().contains(&case.language.as_str()), "{}", case.language);
            assert!(case.subject.contains(&case.order_id));
            match case.status {
                CaseStatus::Open => assert!(case.respond_by > end, "an overdue case was left open"),
                CaseStatus::Answered => {
                    let reply = case.messages.iter().find(|m| m.author == "seller").ok_or("answered without a reply")?;
                    assert!(reply.sent_at < case.respond_by && !reply.late);
                }
                CaseStatus::ResolvedByCsba => {
                    assert_eq!(case.outcome, Some(outcome_for(case.kind)));
                    assert_eq!(case.resolved_at, Some(case.respond_by));
                    assert!(case.respond_by <= end);
                }
            }
        }
    }
    // Text in the marketplaces' languages: Japanese and Chinese for JP,
    // English for US, never placeholders.
    let all: Vec<&Case> = read.iter().flat_map(|(c, _)| c).collect();
    assert!(all.iter().any(|c| c.language == "ja" && c.messages[0].body.contains("Amazonカスタマーサービス")));
    assert!(all.iter().any(|c| c.language == "zh-CN" && c.messages[0].body.contains("亚马逊客户服务")));
    assert!(all.iter().all(|c| !c.messages[0].body.contains('{')));
    Ok(())
}
}
