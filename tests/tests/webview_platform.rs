//! End to end: the OS conventions a seller's machine brings. A seller
//! called 佐藤 王 has a home folder by that name (and a space in it); the
//! app starts, keeps its replica and its log file there, and remembers the
//! window's size across a restart (tauri-plugin-window-state, written
//! shortly after a resize).

#[allow(unused_imports)]
use super::*;

/// The window's outer size as WebDriver reports it.
async fn window_size(s: &Session<'_>) -> Result<(i64, i64)> {
    let rect = s.call(reqwest::Method::GET, "/window/rect", None).await?;
    Ok((rect["width"].as_i64().ok_or("no width")?, rect["height"].as_i64().ok_or("no height")?))
}

#[tokio::test]
async fn a_seller_with_a_cjk_home_folder_gets_the_replica_the_log_and_the_window_size_kept() -> Result {
    let root = tempfile::tempdir()?;
    let home = root.path().join("佐藤 王");
    let data = home.join(".local/share/数据 데이터");
    std::fs::create_dir_all(&data)?;
    let home_text = home.to_str().ok_or("not UTF-8")?.to_owned();
    let config = home.join(".config");
    let config_text = config.to_str().ok_or("not UTF-8")?.to_owned();
    let env = [("HOME", home_text.as_str()), ("XDG_CONFIG_HOME", config_text.as_str())];
    let driver = Driver::start_with(&data, "ja_JP.UTF-8", &env).await?;
    let session = driver.session().await?;
    session.wait_for("the demo cases", Rows(5)).await?;
    assert!(data.join("replica.sqlite").is_file(), "the replica is in the seller's own folder");
    let logs: Vec<_> = std::fs::read_dir(data.join("logs"))
        .map_err(|e| format!("no log folder {}: {e}", data.join("logs").display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert!(
        logs.iter().any(|n| n.to_str().is_some_and(|n| n.starts_with("csba-desk") && n.ends_with(".log"))),
        "a log file in {}: {logs:?}",
        data.join("logs").display()
    );

    let before = window_size(&session).await?;
    let wanted = (before.0 - 160, before.1 - 120);
    session.call(reqwest::Method::POST, "/window/rect", Some(json!({"width": wanted.0, "height": wanted.1}))).await?;
    let resized = window_size(&session).await?;
    assert_ne!(resized, before, "the window was resized (asked for {wanted:?})");
    // The state is written shortly after a resize (and when the app exits).
    let state_file = data.join("window-state.json");
    let width = format!("\"width\": {}", resized.0);
    let deadline = Instant::now() + Duration::from_secs(15);
    while !std::fs::read_to_string(&state_file).is_ok_and(|s| s.contains(&width)) {
        if Instant::now() > deadline {
            let state = std::fs::read_to_string(&state_file);
            return Err(format!("{} never held {width}: {state:?}", state_file.display()).into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    session.close().await?;

    let again = driver.session().await?;
    again.wait_for("the demo cases", Rows(5)).await?;
    assert_eq!(window_size(&again).await?, resized, "the window comes back at the size it was left (from {before:?})");
    again.close().await?;
    Ok(())
}
