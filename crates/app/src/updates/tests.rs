use super::*;
use chrono::TimeZone;
use csba_alerts::ManualClock;
use csba_store::Store;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).single().unwrap_or_default()
}

fn desk(dir: &std::path::Path) -> Result<Desk, Box<dyn std::error::Error>> {
    Ok(Desk::new(Store::open(&dir.join("replica.sqlite"))?, csba_i18n::Catalog::load()?))
}

fn newer() -> Announced {
    Announced { version: "0.2.0".into(), notes: Some("Faster sync".into()) }
}

#[test]
fn the_button_follows_the_phase() -> TestResult {
    let dir = tempfile::tempdir()?;
    let desk = desk(dir.path())?;
    let updates = Updates::new("0.1.0");
    let state = updates.state(&desk);
    assert_eq!((state.phase, state.action, state.last_checked), (UpdatePhase::Idle, UpdateAction::Check, None));
    assert_eq!(state.current_version, "0.1.0");

    assert!(updates.begin_check(t0()));
    assert_eq!(updates.state(&desk).action, UpdateAction::None);
    assert!(!updates.begin_check(t0()), "one check at a time");
    updates.checked(&desk, Ok(Some(newer())), t0());
    let state = updates.state(&desk);
    assert_eq!(state.action, UpdateAction::InstallAndRestart);
    assert_eq!(state.last_checked, Some(t0()));

    assert_eq!(updates.begin_install()?, "0.2.0");
    assert_eq!(updates.begin_install().map_err(|e| e.code), Err(ErrorCode::UpdateNotAvailable), "not twice");
    updates.progress(10, Some(100));
    assert_eq!(
        updates.state(&desk).phase,
        UpdatePhase::Downloading { version: "0.2.0".into(), received: 10, total: Some(100) }
    );
    assert!(!updates.begin_check(t0()), "no check while downloading");
    updates.install_failed("0.2.0", AppError::new(ErrorCode::UpdateSignatureInvalid));
    let state = updates.state(&desk);
    assert_eq!(state.action, UpdateAction::Check, "a refused update is not offered again without a new check");
    assert!(matches!(state.phase, UpdatePhase::Failed { ref error, version: Some(ref v) }
        if error.code == ErrorCode::UpdateSignatureInvalid && v == "0.2.0"));
    Ok(())
}

#[test]
fn nothing_to_install_until_a_check_announces_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    let desk = desk(dir.path())?;
    let updates = Updates::new("0.1.0");
    assert_eq!(updates.begin_install().map_err(|e| e.code), Err(ErrorCode::UpdateNotAvailable));
    updates.begin_check(t0());
    updates.checked(&desk, Ok(None), t0());
    assert_eq!(updates.state(&desk).phase, UpdatePhase::UpToDate);
    assert_eq!(updates.begin_install().map_err(|e| e.code), Err(ErrorCode::UpdateNotAvailable));
    Ok(())
}

#[test]
fn the_last_check_is_the_last_answer_and_outlives_the_run() -> TestResult {
    let dir = tempfile::tempdir()?;
    {
        let desk = desk(dir.path())?;
        let updates = Updates::new("0.1.0");
        updates.begin_check(t0());
        updates.checked(&desk, Ok(None), t0());
        // Unreachable an hour later: the time of the last answer stays.
        updates.begin_check(t0() + Duration::hours(1));
        updates.checked(&desk, Err(AppError::new(ErrorCode::UpdateUnreachable)), t0() + Duration::hours(1));
        let state = updates.state(&desk);
        assert_eq!(state.last_checked, Some(t0()));
        assert!(
            matches!(state.phase, UpdatePhase::Failed { ref error, version: None } if error.code == ErrorCode::UpdateUnreachable)
        );
    }
    let desk = desk(dir.path())?;
    assert_eq!(Updates::new("0.1.0").state(&desk).last_checked, Some(t0()));
    Ok(())
}

#[test]
fn automatic_checks_20_s_after_the_first_render_then_every_6_h() -> TestResult {
    let updates = Updates::new("0.1.0");
    let first = t0();
    assert_eq!(updates.next_auto_check(first), first + Duration::seconds(20));
    updates.begin_check(first + Duration::minutes(3)); // the seller pressed Check
    assert_eq!(updates.next_auto_check(first), first + Duration::minutes(3) + Duration::hours(6));
    Ok(())
}

#[tokio::test]
async fn the_automatic_loop_runs_on_the_injected_clock() -> TestResult {
    let dir = tempfile::tempdir()?;
    let desk = Arc::new(desk(dir.path())?);
    let updates = Arc::new(Updates::new("0.1.0"));
    let clock = Arc::new(ManualClock::new(t0()));
    let checks = Arc::new(AtomicUsize::new(0));
    let task = {
        let (updates, clock, checks, desk) = (updates.clone(), clock.clone(), checks.clone(), desk.clone());
        tokio::spawn(async move {
            let check = |now| {
                let (updates, checks, desk) = (updates.clone(), checks.clone(), desk.clone());
                async move {
                    checks.fetch_add(1, Ordering::SeqCst);
                    if updates.begin_check(now) {
                        updates.checked(&desk, Ok(None), now);
                    }
                }
            };
            auto_check(&updates, clock.as_ref(), t0(), check).await
        })
    };
    let settle = || async {
        for _ in 0..20 {
            tokio::task::yield_now().await;
        }
    };
    settle().await;
    assert_eq!(checks.load(Ordering::SeqCst), 0);
    clock.advance(Duration::seconds(19));
    settle().await;
    assert_eq!(checks.load(Ordering::SeqCst), 0, "not before 20 s");
    clock.advance(Duration::seconds(1));
    settle().await;
    assert_eq!(checks.load(Ordering::SeqCst), 1);
    clock.advance(Duration::hours(6) - Duration::seconds(1));
    settle().await;
    assert_eq!(checks.load(Ordering::SeqCst), 1);
    clock.advance(Duration::seconds(1));
    settle().await;
    assert_eq!(checks.load(Ordering::SeqCst), 2, "six hours after the first");
    // A laptop asleep for two days checks once on waking, not once per missed slot.
    clock.advance(Duration::days(2));
    settle().await;
    assert_eq!(checks.load(Ordering::SeqCst), 3);
    assert_eq!(
        updates.state(&desk).last_checked,
        Some(t0() + Duration::seconds(20) + Duration::hours(6) + Duration::days(2))
    );
    task.abort();
    Ok(())
}

#[test]
fn release_builds_ignore_the_test_overrides() {
    let env = |name: &str| match name {
        "CSBA_UPDATE_ENDPOINT" => Some("http://127.0.0.1:9/latest.json".to_owned()),
        "CSBA_UPDATE_PUBKEY" => Some("dGVzdA==".to_owned()),
        "CSBA_UPDATE_AUTO_CHECK" => Some("0".to_owned()),
        _ => None,
    };
    let release = UpdateSource::from_env(false, env);
    assert_eq!(release, UpdateSource { endpoint: None, pubkey: None, auto_check: true });
    let debug = UpdateSource::from_env(true, env);
    assert_eq!(debug.endpoint.as_deref(), Some("http://127.0.0.1:9/latest.json"));
    assert_eq!(debug.pubkey.as_deref(), Some("dGVzdA=="));
    assert!(!debug.auto_check, "debug builds check by themselves only when asked");
    assert!(UpdateSource::from_env(true, |n| (n == "CSBA_UPDATE_AUTO_CHECK").then(|| "1".to_owned())).auto_check);
    assert_eq!(UpdateSource::from_env(true, |_| Some(" ".to_owned())).endpoint, None, "blank is unset");
}

#[test]
fn phases_serialize_as_the_ui_reads_them() -> TestResult {
    let json = serde_json::to_value(UpdatePhase::Downloading { version: "0.2.0".into(), received: 5, total: None })?;
    assert_eq!(json, serde_json::json!({"kind": "downloading", "version": "0.2.0", "received": 5, "total": null}));
    assert_eq!(serde_json::to_value(UpdateAction::InstallAndRestart)?, serde_json::json!("install-and-restart"));
    Ok(())
}
