//! Updates through tauri-plugin-updater: a thin adapter. The plugin fetches
//! the manifest (`plugins.updater.endpoints`), downloads the installer and
//! checks its minisign signature against `plugins.updater.pubkey` before
//! anything is installed; `csba_app::updates` keeps the state and decides
//! what the seller may press. The plugin's own JS commands are not exposed
//! to the webview: the UI goes through the commands here.

use chrono::{DateTime, Utc};
use csba_app::updates::{Announced, UpdateSource, UpdateState, Updates};
use csba_app::{AppError, Desk, ErrorCode};
use std::sync::{Arc, Mutex, Once};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_updater::{Error as UpdaterError, Update, UpdaterExt};

/// Emitted with the new [`UpdateState`] whenever it changes.
pub const UPDATE_CHANGED: &str = "update-changed";

/// A manifest or download that takes longer than this counts as unreachable.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Progress is told to the UI at most once per this many bytes.
const PROGRESS_STEP: u64 = 256 * 1024;

/// The update the last check announced, kept for Install.
#[derive(Default)]
struct Announcement(Mutex<Option<Update>>);

/// Registers the state; call from `setup`.
pub fn install(app: &AppHandle) {
    let version = app.package_info().version.to_string();
    app.manage(Arc::new(Updates::new(version)));
    app.manage(Announcement::default());
}

fn source() -> UpdateSource {
    // Release builds ignore the environment (see `UpdateSource::from_env`).
    UpdateSource::from_env(cfg!(debug_assertions), |name| std::env::var(name).ok())
}

fn updates(app: &AppHandle) -> Arc<Updates> {
    app.state::<Arc<Updates>>().inner().clone()
}

pub fn state(app: &AppHandle, desk: &Desk) -> UpdateState {
    updates(app).state(desk)
}

fn changed(app: &AppHandle, desk: &Desk) {
    if let Err(e) = app.emit(UPDATE_CHANGED, state(app, desk)) {
        tracing::warn!("cannot notify the UI: {e}");
    }
}

fn updater(app: &AppHandle) -> Result<tauri_plugin_updater::Updater, UpdaterError> {
    let source = source();
    let mut builder = app.updater_builder().timeout(TIMEOUT);
    if let Some(endpoint) = source.endpoint {
        builder = builder.endpoints(vec![endpoint.parse()?])?;
    }
    if let Some(pubkey) = source.pubkey {
        builder = builder.pubkey(pubkey);
    }
    builder.build()
}

/// Asks the manifest whether there is a newer version.
pub async fn check(app: &AppHandle, desk: &Desk, now: DateTime<Utc>) -> UpdateState {
    let updates = updates(app);
    if !updates.begin_check(now) {
        return updates.state(desk);
    }
    changed(app, desk);
    let found = match updater(app) {
        Ok(updater) => updater.check().await,
        Err(e) => Err(e),
    };
    let found = match found {
        Ok(Some(update)) => {
            let announced = Announced { version: update.version.clone(), notes: update.body.clone() };
            if let Ok(mut slot) = app.state::<Announcement>().0.lock() {
                *slot = Some(update);
            }
            Ok(Some(announced))
        }
        Ok(None) => Ok(None),
        Err(e) => Err(refusal("check", &e)),
    };
    updates.checked(desk, found, Utc::now());
    changed(app, desk);
    updates.state(desk)
}

/// Downloads the announced update, lets the plugin verify its signature,
/// installs it and restarts; on any failure the state says why and the
/// installed app is left as it was.
pub async fn install_and_restart(app: &AppHandle, desk: &Desk) -> Result<UpdateState, AppError> {
    let update = app
        .state::<Announcement>()
        .0
        .lock()
        .ok()
        .and_then(|slot| slot.clone())
        .ok_or_else(|| AppError::new(ErrorCode::UpdateNotAvailable))?;
    let updates = updates(app);
    let version = updates.begin_install()?;
    changed(app, desk);
    let mut received = 0u64;
    let mut told = 0u64;
    let downloaded = update
        .download(
            |chunk, total| {
                received += chunk as u64;
                updates.progress(received, total);
                if received - told >= PROGRESS_STEP {
                    told = received;
                    changed(app, desk);
                }
            },
            || {},
        )
        .await;
    let bytes = match downloaded {
        Ok(bytes) => bytes,
        Err(e) => return Ok(failed(app, desk, &version, &e)),
    };
    // Here the signature matched the public key.
    updates.installing(&version);
    changed(app, desk);
    // A package install waits for the system's password prompt: off the async threads.
    let installing = update.clone();
    let installed = tauri::async_runtime::spawn_blocking(move || installing.install(bytes)).await;
    match installed {
        Ok(Ok(())) => {
            tracing::info!("update {version} installed; restarting");
            app.restart()
        }
        Ok(Err(e)) => Ok(failed(app, desk, &version, &e)),
        Err(e) => {
            tracing::error!("the update install task failed: {e}");
            updates.install_failed(&version, AppError::new(ErrorCode::UpdateInstallFailed));
            changed(app, desk);
            Ok(updates.state(desk))
        }
    }
}

fn failed(app: &AppHandle, desk: &Desk, version: &str, e: &UpdaterError) -> UpdateState {
    let updates = updates(app);
    updates.install_failed(version, refusal("install", e));
    if let Ok(mut slot) = app.state::<Announcement>().0.lock() {
        // A refused download is not offered again until a new check.
        *slot = None;
    }
    changed(app, desk);
    updates.state(desk)
}

fn refusal(step: &str, e: &UpdaterError) -> AppError {
    let code = code_of(e);
    tracing::warn!("update {step} failed ({}): {e}", code.as_str());
    AppError::new(code)
}

/// The plugin's errors in the app's codes.
fn code_of(e: &UpdaterError) -> ErrorCode {
    use UpdaterError as E;
    match e {
        // The signature is not base64, not a minisign signature, made by
        // another key (its key id differs), does not verify under ours, or
        // was made for another version than the manifest announces.
        E::Minisign(_)
        | E::Base64(_)
        | E::SignatureUtf8(_)
        | E::SignedVersionMismatch { .. }
        | E::MissingSignedVersion => ErrorCode::UpdateSignatureInvalid,
        E::Reqwest(r) if r.is_decode() => ErrorCode::UpdateManifestInvalid,
        E::Reqwest(_) | E::Network(_) | E::ReleaseNotFound => ErrorCode::UpdateUnreachable,
        E::Serialization(_)
        | E::Semver(_)
        | E::UrlParse(_)
        | E::TargetNotFound(_)
        | E::TargetsNotFound(_)
        | E::InsecureTransportProtocol
        | E::EmptyEndpoints
        | E::UnsupportedOs
        | E::UnsupportedArch => ErrorCode::UpdateManifestInvalid,
        _ => ErrorCode::UpdateInstallFailed,
    }
}

/// Starts the automatic checks once, at the UI's first render: 20 s later,
/// then every 6 hours (release builds; debug ones with
/// `CSBA_UPDATE_AUTO_CHECK=1`).
pub fn on_first_render(app: &AppHandle) {
    static STARTED: Once = Once::new();
    if !source().auto_check {
        return;
    }
    STARTED.call_once(|| {
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            let Some(desk) = app.try_state::<Arc<Desk>>().map(|d| d.inner().clone()) else { return };
            let updates = updates(&app);
            let check = |now| {
                let (app, desk) = (app.clone(), desk.clone());
                async move {
                    check(&app, &desk, now).await;
                }
            };
            csba_app::updates::auto_check(&updates, &csba_alerts::SystemClock, Utc::now(), check).await;
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_problems_are_refused_as_such() {
        for e in [
            UpdaterError::SignatureUtf8("x".into()),
            UpdaterError::MissingSignedVersion,
            UpdaterError::SignedVersionMismatch { signed: "0.1.0".into(), announced: "9.0.0".into() },
        ] {
            assert_eq!(code_of(&e), ErrorCode::UpdateSignatureInvalid, "{e}");
        }
        assert_eq!(code_of(&UpdaterError::ReleaseNotFound), ErrorCode::UpdateUnreachable);
        assert_eq!(code_of(&UpdaterError::Network("502".into())), ErrorCode::UpdateUnreachable);
        assert_eq!(
            code_of(&UpdaterError::TargetsNotFound(vec!["linux-x86_64".into()])),
            ErrorCode::UpdateManifestInvalid
        );
        assert_eq!(code_of(&UpdaterError::InvalidUpdaterFormat), ErrorCode::UpdateInstallFailed);
        assert_eq!(code_of(&UpdaterError::PackageInstallFailed), ErrorCode::UpdateInstallFailed);
    }

    #[test]
    fn the_config_carries_the_release_key_and_endpoint() -> Result<(), Box<dyn std::error::Error>> {
        let conf: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tauri.conf.json"))?)?;
        let updater = &conf["plugins"]["updater"];
        assert_eq!(
            updater["endpoints"],
            serde_json::json!(["https://github.com/csba-desk/csba-desk/releases/latest/download/latest.json"])
        );
        assert_eq!(updater["requireSignedVersion"], serde_json::json!(true));
        assert_eq!(conf["bundle"]["createUpdaterArtifacts"], serde_json::json!(true));
        // A minisign public key, base64 of its two-line text form.
        let pubkey = updater["pubkey"].as_str().unwrap_or_default();
        assert!(pubkey.starts_with("dW50cnVzdGVkIGNvbW1lbnQ6IG1pbmlzaWduIHB1YmxpYyBrZXk6"), "{pubkey}");
        Ok(())
    }
}
