//! End to end: deadline alerts on a real desktop session — the app under
//! Xvfb on a private session bus, with the test notification daemon (a real
//! D-Bus service recording each call) and a real XEmbed tray host
//! (Debian's `trayer`); then on a desktop with neither, where the window
//! must alert by itself and say why.

#[allow(unused_imports)]
use super::*;
use chrono::Utc;
use csba_store::Store;

/// A tray host on the test display, stopped on drop.
struct TrayHost(Child);

impl TrayHost {
    fn start() -> Result<TrayHost> {
        let child = Command::new("trayer")
            .args(["--edge", "bottom", "--align", "right", "--widthtype", "request", "--height", "40"])
            .args(["--iconspacing", "6", "--transparent", "false", "--tint", "0x1f2937", "--SetDockType", "true"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start trayer (apt install trayer): {e}"))?;
        let host = TrayHost(child);
        // trayer takes the system-tray selection once its window is up.
        let deadline = Instant::now() + Duration::from_secs(10);
        while !xdotool(&["search", "--class", "trayer"]).is_ok_and(|o| !o.trim().is_empty()) {
            if Instant::now() > deadline {
                return Err("trayer did not come up".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        std::thread::sleep(Duration::from_millis(500));
        Ok(host)
    }
}

impl Drop for TrayHost {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A session bus with nothing activatable on it: unlike the test run's own
/// bus (where an installed daemon such as dunst would be started on the
/// first notification), a desktop with no notification daemon at all.
struct PrivateBus {
    child: Child,
    address: String,
}

impl PrivateBus {
    fn start(dir: &Path) -> Result<PrivateBus> {
        let config = dir.join("bus.conf");
        std::fs::write(
            &config,
            r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
        )?;
        let mut child = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .spawn()?;
        let mut address = String::new();
        use std::io::BufRead as _;
        let out = child.stdout.take().ok_or("dbus-daemon printed nothing")?;
        std::io::BufReader::new(out).read_line(&mut address)?;
        Ok(PrivateBus { child, address: address.trim().to_owned() })
    }
}

impl Drop for PrivateBus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn xdotool(args: &[&str]) -> Result<String> {
    let out = Command::new("xdotool").args(args).output().map_err(|e| format!("xdotool (apt install xdotool): {e}"))?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The app's native window title (what a taskbar shows), not the page's.
fn native_title() -> Result<String> {
    let ids = xdotool(&["search", "--onlyvisible", "--name", "^CSBA Desk"])?;
    let Some(id) = ids.split_whitespace().next() else { return Ok(String::new()) };
    Ok(xdotool(&["getwindowname", id])?.trim().to_owned())
}

fn app_visible() -> Result<bool> {
    Ok(!xdotool(&["search", "--onlyvisible", "--name", "^CSBA Desk"])?.trim().is_empty())
}

/// The demo case that is due within two hours, from the app's own replica.
fn case_due_within_two_hours(data: &Path) -> Result<Option<(String, String)>> {
    let store = Store::open(&csba_store::paths::replica_file(data))?;
    let now = Utc::now();
    Ok(store
        .inbox()?
        .into_iter()
        .find(|c| {
            c.status == csba_domain::CaseStatus::Open
                && c.respond_by > now
                && c.respond_by - now < chrono::Duration::hours(2)
        })
        .map(|c| (c.id, c.order_id)))
}

/// The notifications that mention `needle` in their summary, body or action labels.
fn mentioning(needle: &str) -> Result<Vec<notifications::Shown>> {
    let daemon = notification_daemon()?;
    Ok(daemon
        .shown()
        .into_iter()
        .filter(|n| {
            n.summary.contains(needle) || n.body.contains(needle) || n.actions.iter().any(|a| a.contains(needle))
        })
        .collect())
}

async fn wait_until<T>(what: &str, secs: u64, mut f: impl FnMut() -> Result<Option<T>>) -> Result<T> {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(v) = f()? {
            return Ok(v);
        }
        if Instant::now() > deadline {
            return Err(format!("timed out waiting for {what}").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn a_case_due_within_two_hours_is_notified_once_in_japanese_and_its_action_opens_it() -> Result {
    let data = tempfile::tempdir()?;
    let _tray = TrayHost::start()?;
    let daemon = notification_daemon()?;
    daemon.clear();
    let driver = Driver::start(data.path(), "ja_JP.UTF-8").await?;
    let session = driver.session().await?;
    session.wait_for("the demo cases", Rows(5)).await?;
    let (case_id, order_id) =
        wait_until("the demo case due within 2 hours", 30, || case_due_within_two_hours(data.path())).await?;

    // The first round tells everything already due in one grouped notification.
    let shown = wait_until("a notification about the case", 30, || {
        let n = mentioning(&order_id)?;
        Ok((!n.is_empty()).then_some(n))
    })
    .await?;
    let notice = shown.first().ok_or("no notification")?.clone();
    assert!(has(&notice.summary, KANA) || has(&notice.summary, HAN), "in Japanese: {notice:?}");
    assert!(has(&notice.body, KANA), "in Japanese: {notice:?}");
    assert_eq!(notice.app_name, "CSBA Desk", "{notice:?}");

    // Its own action opens that very case.
    let pairs: Vec<(&str, &str)> =
        notice.actions.chunks(2).filter_map(|p| Some((p.first()?.as_str(), p.get(1)?.as_str()))).collect();
    let action = pairs
        .iter()
        .find(|(key, label)| key.starts_with("open-") && label.contains(&order_id))
        .map(|(key, _)| key.to_string())
        .or_else(|| (pairs.len() == 1).then(|| "default".to_owned()))
        .ok_or_else(|| format!("no action for order {order_id}: {:?}", notice.actions))?;
    daemon.invoke(notice.id, &action);
    let opened = session.wait_for("the case opened from the notification", Shown("[data-testid=case-detail]")).await?;
    let detail = session.elements("[data-testid=case-detail]").await?;
    let shown_case = session.attribute(detail.first().ok_or("no case detail")?, "data-case-id").await?;
    assert_eq!(shown_case.as_deref(), Some(case_id.as_str()), "{opened}");

    // Once: not again while it runs…
    tokio::time::sleep(Duration::from_secs(5)).await;
    assert_eq!(mentioning(&order_id)?.len(), 1, "{:?}", daemon.shown());
    session.close().await?;

    // …nor after a restart.
    let before = daemon.shown().len();
    let session = driver.session().await?;
    session.wait_for("the demo cases after a restart", Rows(5)).await?;
    tokio::time::sleep(Duration::from_secs(6)).await;
    let again: Vec<_> = daemon.shown().into_iter().skip(before).filter(|n| n.body.contains(&order_id)).collect();
    assert!(again.is_empty(), "told again after a restart: {again:?}");
    assert!(native_title()?.contains('('), "the title counts what is due: {}", native_title()?);
    session.close().await?;
    Ok(())
}

#[tokio::test]
async fn without_a_tray_or_a_notification_daemon_the_window_alerts_and_says_why() -> Result {
    let data = tempfile::tempdir()?;
    // A session bus of its own, where no notification daemon runs or can be
    // started; and no tray host on the display.
    let bus = PrivateBus::start(data.path())?;
    let address = bus.address.clone();
    let result = async {
        let driver = Driver::start_with(data.path(), "en_US.UTF-8", &[("DBUS_SESSION_BUS_ADDRESS", &address)]).await?;
        let session = driver.session().await?;
        session.wait_for("the demo cases", Rows(5)).await?;
        let alert = session.wait_for("the in-window alert", Shown("[data-testid=desk-alert]")).await?;
        assert!(alert.contains("deadline") || alert.contains("left") || alert.contains("overdue"), "{alert}");
        assert!(native_title()?.contains('('), "the title counts what is due: {}", native_title()?);
        session.doc_screenshot("alerts-in-window-en").await?;
        session.click("[data-testid=desk-alert-dismiss]").await?;
        session.wait_for("the alert dismissed", super::desk::Gone("[data-testid=desk-alert]".into())).await?;

        session.click("[data-testid=nav-settings]").await?;
        let tray = session.wait_for("the tray state", Shown("[data-testid=settings-tray-state]")).await?;
        assert!(tray.to_lowercase().contains("tray"), "{tray}");
        let notes =
            session.wait_for("the notification state", Shown("[data-testid=settings-notification-state]")).await?;
        assert!(notes.to_lowercase().contains("notification"), "{notes}");
        session.script("document.querySelector('[data-testid=settings-tray-state]').scrollIntoView({block: 'start'}); return null").await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        session.doc_screenshot("settings-fallback-en").await?;
        session.close().await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    drop(bus);
    result
}

/// Clicks an element after scrolling it to the middle of the window, where
/// the settings screen's sticky save bar cannot cover it.
async fn click_centered(s: &Session<'_>, css: &str) -> Result {
    s.script(&format!("document.querySelector({css:?}).scrollIntoView({{block: 'center'}}); return null")).await?;
    s.click(css).await
}

/// A script returns something other than null; yields it.
struct Scripted(&'static str);
impl AsyncCheck<Value> for Scripted {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<Value>> {
        let v = s.script(self.0).await?;
        Ok((!v.is_null()).then_some(v))
    }
}

/// The geometry of the first window of `class`: (x, y, width, height).
fn geometry(class: &str) -> Result<Option<(i32, i32, i32, i32)>> {
    let ids = xdotool(&["search", "--onlyvisible", "--class", class])?;
    let Some(id) = ids.split_whitespace().next() else { return Ok(None) };
    let out = xdotool(&["getwindowgeometry", "--shell", id])?;
    let field = |name: &str| {
        out.lines().find_map(|l| l.strip_prefix(&format!("{name}="))).and_then(|v| v.trim().parse::<i32>().ok())
    };
    Ok(match (field("X"), field("Y"), field("WIDTH"), field("HEIGHT")) {
        (Some(x), Some(y), Some(w), Some(h)) => Some((x, y, w, h)),
        _ => None,
    })
}

/// Saves the part of the screen at `(x, y, w, h)` (clamped to the screen) as docs/<name>.png.
fn screen_part(name: &str, (x, y, w, h): (i32, i32, i32, i32)) -> Result {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let shot = root.join(format!("target/e2e/{name}-screen.png"));
    std::fs::create_dir_all(root.join("target/e2e"))?;
    let status = Command::new("import").args(["-window", "root"]).arg(&shot).status()?;
    if !status.success() {
        return Err("import could not take the screenshot".into());
    }
    let crop = format!("{}x{}+{}+{}", w.max(1), h.max(1), x.max(0), y.max(0));
    let file = root.join(format!("docs/{name}.png"));
    let status = Command::new("convert").arg(&shot).args(["-crop", &crop, "+repage"]).arg(&file).status()?;
    if !status.success() {
        return Err(format!("convert could not crop {crop}").into());
    }
    std::fs::copy(&file, root.join(format!("target/e2e/{name}.png")))?;
    Ok(())
}

#[tokio::test]
async fn with_a_real_notification_daemon_and_tray_host_the_alert_shows_and_the_tray_menu_opens_a_deadline() -> Result {
    let data = tempfile::tempdir()?;
    let bus = PrivateBus::start(data.path())?;
    let _tray = TrayHost::start()?;
    let tray_before = geometry("trayer")?.ok_or("trayer has no window")?;
    // dunst: Debian's notification daemon, on the app's bus, drawing on the test display.
    let mut dunst = Command::new("dunst")
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start dunst (apt install dunst): {e}"))?;
    let result = async {
        let driver =
            Driver::start_with(data.path(), "ja_JP.UTF-8", &[("DBUS_SESSION_BUS_ADDRESS", &bus.address)]).await?;
        let session = driver.session().await?;
        session.wait_for("the demo cases", Rows(5)).await?;
        let notice = wait_until("dunst to show the alert", 30, || geometry("Dunst")).await?;
        assert!(
            session.elements("[data-testid=desk-alert]").await?.is_empty(),
            "with a daemon the alert is a notification, not in the window"
        );
        // The icon is embedded: the tray grew by it.
        let tray =
            wait_until("the icon in the tray", 15, || Ok(geometry("trayer")?.filter(|g| g.2 > tray_before.2))).await?;
        screen_part("notification-ja", (notice.0 - 8, notice.1 - 8, notice.2 + 16, notice.3 + 16))?;
        screen_part("tray-ja", (tray.0 - 8, tray.1 - 8, tray.2 + 16, tray.3 + 16))?;

        // The menu, from a click on the icon (the last one in the tray).
        let (icon_x, icon_y) = (tray.0 + tray.2 - 20, tray.1 + tray.3 / 2);
        xdotool(&["mousemove", &icon_x.to_string(), &icon_y.to_string(), "click", "3"])?;
        let menu = wait_until("the tray menu", 10, || {
            let ids = xdotool(&["search", "--onlyvisible", "--class", "csba-desk"])?;
            Ok(ids.split_whitespace().count().gt(&1).then_some(()))
        })
        .await;
        if menu.is_ok() {
            tokio::time::sleep(Duration::from_millis(500)).await;
            screen_part("tray-menu-ja", (0, 0, 1366, 860))?;
        }
        session.close().await?;
        Ok::<_, Box<dyn std::error::Error>>(())
    }
    .await;
    let _ = dunst.kill();
    let _ = dunst.wait();
    drop(bus);
    result
}

/// Closes the app's window as a window manager's close button does, and
/// waits for it to leave the screen; asks again, as a seller would click
/// again, when a request is not taken (one sent while the window was still
/// being mapped).
async fn close_app_window() -> Result {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/examples/close_window");
    for _ in 0..3 {
        let ids = xdotool(&["search", "--onlyvisible", "--name", "^CSBA Desk"])?;
        for id in ids.split_whitespace() {
            let status = Command::new(&tool).arg(id).status().map_err(|e| format!("{}: {e}", tool.display()))?;
            if !status.success() {
                return Err("close_window failed".into());
            }
        }
        if wait_until("the window to go into the tray", 4, || Ok((!app_visible()?).then_some(()))).await.is_ok() {
            return Ok(());
        }
    }
    Err("the window did not go into the tray".into())
}

#[tokio::test]
async fn closing_the_window_keeps_the_app_in_the_tray_says_so_once_and_launching_again_brings_it_back() -> Result {
    let data = tempfile::tempdir()?;
    let _tray = TrayHost::start()?;
    let daemon = notification_daemon()?;
    let driver = Driver::start(data.path(), "en_US.UTF-8").await?;
    let session = driver.session().await?;
    session.wait_for("the demo cases", Rows(5)).await?;
    daemon.clear();

    close_app_window().await?;
    let hint = wait_until("the still-running notice", 10, || {
        Ok(daemon.shown().into_iter().find(|n| n.summary.contains("CSBA Desk") || n.body.contains("tray")))
    })
    .await?;
    assert!(hint.body.to_lowercase().contains("tray"), "{hint:?}");

    // A second launch hands over to the running app and ends.
    let mut second = Command::new(app())
        .env("CSBA_DATA_DIR", data.path())
        .env("LANG", "en_US.UTF-8")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let exited = wait_until("the second launch to end", 20, || Ok(second.try_wait()?)).await?;
    assert!(exited.success(), "{exited:?}");
    wait_until("the window to come back", 10, || Ok(app_visible()?.then_some(()))).await?;
    session.wait_for("the inbox, still there", Rows(5)).await?;

    // Closing again hides it again, without saying so a second time.
    let told = daemon.shown().len();
    close_app_window().await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let more: Vec<_> =
        daemon.shown().into_iter().skip(told).filter(|n| n.body.to_lowercase().contains("tray")).collect();
    assert!(more.is_empty(), "said twice: {more:?}");
    session.close().await?;
    Ok(())
}

#[tokio::test]
async fn the_settings_screen_refuses_a_threshold_at_its_field_saves_a_valid_one_pauses_and_sends_a_test_in_korean(
) -> Result {
    use super::desk::{set_field, Gone};
    let data = tempfile::tempdir()?;
    let daemon = notification_daemon()?;
    let driver = Driver::start(data.path(), "ko_KR.UTF-8").await?;
    let session = driver.session().await?;
    session.wait_for("the demo cases", Rows(5)).await?;
    session.click("[data-testid=nav-settings]").await?;
    // The section draws at once, its form only once the settings are read: wait for the form.
    session.wait_for("the settings form", Shown("[data-testid=settings-form]")).await?;
    let tray = session.texts("[data-testid=settings-notification-state]").await?.join(" ");
    assert!(has(&tray, HANGUL), "in Korean: {tray}");

    // 800 hours is past the 30-day limit: refused by Rust at that threshold, nothing saved.
    let hours = "[data-testid=settings-threshold-case_reply-0-hours]";
    set_field(&session, hours, "800").await?;
    session.click("[data-testid=settings-save]").await?;
    let refusal = session
        .wait_for("the refusal at the threshold", Shown("[data-testid='settings-error-thresholds.case_reply.0']"))
        .await?;
    assert!(has(&refusal, HANGUL), "in Korean: {refusal}");
    let invalid =
        session.script(&format!("return document.querySelector({hours:?}).getAttribute('aria-invalid')")).await?;
    assert_eq!(invalid.as_str(), Some("true"), "the field is marked");

    // 12 hours is fine: saved, and still there when the screen is opened again.
    set_field(&session, hours, "12").await?;
    session.click("[data-testid=settings-save]").await?;
    session
        .wait_for("the refusal to clear", Gone("[data-testid='settings-error-thresholds.case_reply.0']".into()))
        .await?;
    let saved = "return document.querySelector('[data-testid=settings-form]').dataset.dirty === 'false' || null";
    session.wait_for("saved", Scripted(saved)).await?;
    session.click("[data-testid=nav-inbox]").await?;
    session.click("[data-testid=nav-settings]").await?;
    session.wait_for("the settings form again", Shown("[data-testid=settings-threshold-case_reply-0]")).await?;
    let minutes = session
        .script("return document.querySelector('[data-testid=settings-threshold-case_reply-0]').dataset.minutes")
        .await?;
    assert_eq!(minutes.as_str(), Some("720"), "12 h kept");
    session.doc_screenshot("settings-ko").await?;

    // Pausing says until when, and is undone by Resume.
    click_centered(&session, "[data-testid=settings-snooze-hour]").await?;
    let paused = session.wait_for("paused", Shown("[data-testid=settings-snooze-off]")).await?;
    assert!(!paused.is_empty());
    click_centered(&session, "[data-testid=settings-snooze-off]").await?;
    session.wait_for("resumed", Gone("[data-testid=settings-snooze-off]".into())).await?;

    // The test notification reaches the desktop's daemon, in Korean.
    let before = daemon.shown().len();
    click_centered(&session, "[data-testid=settings-test-notification]").await?;
    let test = wait_until("the test notification", 10, || Ok(daemon.shown().into_iter().nth(before))).await?;
    assert!(has(&test.summary, HANGUL), "in Korean: {test:?}");
    let result = session.wait_for("the result", Shown("[data-testid=settings-test-result]")).await?;
    assert!(has(&result, HANGUL), "{result}");
    session.close().await?;
    Ok(())
}
