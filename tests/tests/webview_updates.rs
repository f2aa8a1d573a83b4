//! End to end: updates through the real UI. The debug app is pointed at a
//! manifest served from this test over loopback HTTP (`CSBA_UPDATE_ENDPOINT`)
//! and at a test public key (`CSBA_UPDATE_PUBKEY`, from
//! tests/fixtures/updates; never the release key). A newer version whose
//! signature is garbage, not base64, made by another key, or another key's
//! signature relabelled with our key id, is refused with
//! `update-signature-invalid` in the seller's language, and the app's binary
//! on disk is the same after as before. A correctly signed download gets
//! past verification and stops at the install (the file is no installer).

#[allow(unused_imports)]
use super::*;
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};

fn fixture(name: &str) -> Result<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/updates").join(name);
    Ok(std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?.trim().to_owned())
}

fn sha256(path: &Path) -> Result<String> {
    Ok(hex(&Sha256::digest(std::fs::read(path)?)))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The manifest and the "installer" on loopback, as GitHub serves
/// `latest.json` and the release's files; the manifest can be swapped.
struct UpdateServer {
    base: String,
    manifest: Arc<Mutex<String>>,
}

impl UpdateServer {
    fn start(artifact: Vec<u8>) -> Result<UpdateServer> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let base = format!("http://{}", listener.local_addr()?);
        let manifest = Arc::new(Mutex::new(String::from("{}")));
        let served = manifest.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = answer(stream, &served, &artifact);
            }
        });
        Ok(UpdateServer { base, manifest })
    }

    /// Version 0.2.0 for this platform, with `signature`.
    fn announce(&self, signature: &str) -> Result {
        let manifest = json!({
            "version": "0.2.0",
            "notes": "Test release",
            "pub_date": "2026-12-01T00:00:00Z",
            "platforms": { "linux-x86_64": { "signature": signature, "url": format!("{}/update.bin", self.base) } }
        });
        *self.manifest.lock().map_err(|_| "manifest lock")? = manifest.to_string();
        Ok(())
    }
}

fn answer(mut stream: std::net::TcpStream, manifest: &Mutex<String>, artifact: &[u8]) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut request = Vec::new();
    let mut buf = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        request.extend_from_slice(&buf[..n]);
    }
    let line = String::from_utf8_lossy(&request);
    let path = line.split_whitespace().nth(1).unwrap_or("/");
    let (kind, body) = match path {
        "/latest.json" => ("application/json", manifest.lock().map(|m| m.clone().into_bytes()).unwrap_or_default()),
        "/update.bin" => ("application/octet-stream", artifact.to_vec()),
        _ => ("text/plain", b"not found".to_vec()),
    };
    let status = if kind == "text/plain" { "404 Not Found" } else { "200 OK" };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)?;
    stream.flush()
}

/// `signature` (base64 of a minisign signature file) with its key id
/// replaced by `key_id`: another key's signature dressed as ours.
fn relabelled(signature: &str, key_id: &[u8]) -> Result<String> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let text = String::from_utf8(b64.decode(signature)?)?;
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let mut sig = b64.decode(lines.get(1).ok_or("no signature line")?)?;
    // Two bytes of algorithm, then the 8-byte key id, then the signature.
    sig.get_mut(2..10).ok_or("short signature")?.copy_from_slice(key_id);
    lines[1] = b64.encode(sig);
    Ok(b64.encode(format!("{}\n", lines.join("\n"))))
}

/// The key id of a public key (base64 of a minisign public key file).
fn key_id(pubkey: &str) -> Result<Vec<u8>> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let text = String::from_utf8(b64.decode(pubkey)?)?;
    let key = b64.decode(text.lines().nth(1).ok_or("no key line")?)?;
    Ok(key.get(2..10).ok_or("short key")?.to_vec())
}

/// The Updates section's one button offers this action.
struct Action(&'static str);
impl AsyncCheck<()> for Action {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<()>> {
        let found = s.elements(&format!("[data-testid=settings-update-action][data-action='{}']", self.0)).await?;
        Ok((!found.is_empty()).then_some(()))
    }
}

/// The Updates section shows an error with this code; yields its text.
struct Refused(&'static str);
impl AsyncCheck<String> for Refused {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<String>> {
        Ok(s.texts(&format!("[data-testid=settings-update-error][data-code='{}']", self.0)).await?.into_iter().next())
    }
}

async fn press(s: &Session<'_>) -> Result {
    s.script("document.querySelector('[data-testid=settings-updates]').scrollIntoView({block: 'center'}); return null")
        .await?;
    s.click("[data-testid=settings-update-action]").await
}

/// Check, see 0.2.0 offered, install: refused (or failed) with `code`.
async fn offered_then(s: &Session<'_>, code: &'static str) -> Result<String> {
    s.wait_for("a check offered", Action("check")).await?;
    press(s).await?;
    s.wait_for("0.2.0 offered", Action("install-and-restart")).await?;
    let state = s.texts("[data-testid=settings-update-state]").await?.join(" ");
    assert!(state.contains("0.2.0"), "{state}");
    press(s).await?;
    s.wait_for(code, Refused(code)).await
}

#[tokio::test]
async fn an_update_with_a_bad_signature_is_refused_and_nothing_is_replaced() -> Result {
    let artifact = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/updates/update.bin"))?;
    let server = UpdateServer::start(artifact)?;
    let pubkey = fixture("test-key.pub")?;
    let good = fixture("update.bin.test-key.sig")?;
    let other = fixture("update.bin.other-key.sig")?;
    let b64 = base64::engine::general_purpose::STANDARD;
    let cases = [
        ("garbage", b64.encode("this is not a minisign signature at all")),
        ("not base64", "%%% not base64 at all %%%".to_owned()),
        ("another key", other.clone()),
        ("another key under our key id", relabelled(&other, &key_id(&pubkey)?)?),
    ];
    let binary = app();
    let before = sha256(&binary)?;

    let data = tempfile::tempdir()?;
    let endpoint = format!("{}/latest.json", server.base);
    let env = [("CSBA_UPDATE_ENDPOINT", endpoint.as_str()), ("CSBA_UPDATE_PUBKEY", pubkey.as_str())];
    let driver = Driver::start_with(data.path(), "ja_JP.UTF-8", &env).await?;
    let session = driver.session().await?;
    session.wait_for("the demo cases", Rows(5)).await?;
    session.click("[data-testid=nav-settings]").await?;
    session.wait_for("the updates section", Shown("[data-testid=settings-updates]")).await?;
    let version = session.texts("[data-testid=settings-update-version]").await?.join("");
    assert_eq!(version, "0.1.0");

    for (what, signature) in &cases {
        server.announce(signature)?;
        let refusal = offered_then(&session, "update-signature-invalid").await.map_err(|e| format!("{what}: {e}"))?;
        assert!(refusal.contains("署名") && has(&refusal, KANA), "{what}: in Japanese: {refusal}");
        assert_eq!(sha256(&binary)?, before, "{what}: the app on disk changed");
    }
    let last_check = session.texts("[data-testid=settings-update-last-check]").await?.join("");
    assert!(!last_check.contains("まだ"), "the last check is shown: {last_check}");
    session.doc_screenshot("updates-refused-ja").await?;

    // In English: the same refusal in the seller's language.
    session.click("button[data-locale='en']").await?;
    session.wait_for("en", Speaks("en")).await?;
    server.announce(&cases[2].1)?;
    let refusal = offered_then(&session, "update-signature-invalid").await?;
    assert!(refusal.contains("signature does not match"), "{refusal}");
    session.doc_screenshot("updates-refused-en").await?;

    // The right signature is accepted: the download verifies and only the
    // install step refuses the file (it is no installer), replacing nothing.
    server.announce(&good)?;
    let failed = offered_then(&session, "update-install-failed").await?;
    assert!(failed.contains("could not be installed"), "{failed}");
    assert_eq!(sha256(&binary)?, before, "the app on disk changed");
    session.close().await?;
    Ok(())
}
