//! End to end: orders and tracking (single entry, bulk upload).

#[allow(unused_imports)]
use super::*;

/// A valid UPU S10 number: `EV` + 8 serial digits + check digit + `CN`.
fn s10(serial: u32) -> String {
    let digits = format!("{serial:08}");
    let weights = [8, 6, 4, 2, 3, 5, 9, 7];
    let sum: u32 = digits.bytes().zip(weights).map(|(d, w)| u32::from(d - b'0') * w).sum();
    let check = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    format!("EV{digits}{check}CN")
}

/// The same number with its check digit changed: what a mistyped digit looks like.
fn mistyped(number: &str) -> String {
    let mut chars: Vec<char> = number.chars().collect();
    if let Some(d) = chars.get(10).and_then(|c| c.to_digit(10)) {
        chars[10] = char::from_digit((d + 1) % 10, 10).unwrap_or('0');
    }
    chars.into_iter().collect()
}

/// Empties a text field as a seller selecting all and deleting would: the
/// value goes and an `input` event tells the UI (WebDriver's own clear does
/// not always fire one, and the UI then keeps its old text).
async fn clear(s: &Session<'_>, css: &str) -> Result {
    let script = format!(
        "const e = document.querySelector({css:?}); e.focus(); e.select(); \
         document.execCommand('delete'); e.dispatchEvent(new Event('input', {{ bubbles: true }})); return e.value"
    );
    let left = s.script(&script).await?;
    if left.as_str() != Some("") {
        return Err(format!("{css} still holds {left}").into());
    }
    Ok(())
}

/// The order ids of the to-ship rows not queued yet, most urgent first (at least one).
struct ToShip;
impl AsyncCheck<Vec<String>> for ToShip {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<Vec<String>>> {
        let mut ids = Vec::new();
        for row in s.elements("[data-testid=order-row]").await? {
            if s.attribute(&row, "data-state").await?.as_deref() == Some("queued") {
                continue;
            }
            if let Some(id) = s.attribute(&row, "data-order-id").await? {
                ids.push(id);
            }
        }
        Ok((!ids.is_empty()).then_some(ids))
    }
}

/// At least `n` elements match the selector; yields their texts.
struct AtLeast<'a>(&'a str, usize);
impl AsyncCheck<Vec<String>> for AtLeast<'_> {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<Vec<String>>> {
        let texts = s.texts(self.0).await?;
        Ok((texts.len() >= self.1).then_some(texts))
    }
}

/// Sends a file's path to the upload's file chooser, as a seller picking it would.
async fn choose_file(s: &Session<'_>, path: &Path) -> Result {
    // The chooser is drawn as a button over a transparent input; make it plainly interactable.
    s.script("const i = document.querySelector('[data-testid=upload-input]'); i.style.opacity = '1'; i.style.position = 'static';")
        .await?;
    s.type_into("[data-testid=upload-input]", &path.to_string_lossy()).await?;
    s.script(
        "const i = document.querySelector('[data-testid=upload-input]'); i.style.opacity = ''; i.style.position = '';",
    )
    .await?;
    Ok(())
}

#[tokio::test]
async fn a_seller_confirms_shipments_one_by_one_and_by_file() -> Result {
    let data = tempfile::tempdir()?;
    let driver = Driver::start(data.path(), "en_US.UTF-8").await?;
    let session = driver.session().await?;
    session.wait_for("the demo cases", Rows(1)).await?;

    session.click("[data-testid=nav-orders]").await?;
    let to_ship = session.wait_for("orders to ship", ToShip).await?;
    let first = to_ship[0].clone();
    session.doc_screenshot("orders-en").await?;
    session.click("button[data-locale='ja']").await?;
    session.wait_for("ja", Lang("ja")).await?;
    let heading = session.wait_for("the Japanese heading", Shown("#orders-heading")).await?;
    assert!(has(&heading, KANA) || has(&heading, HAN), "{heading}");
    session.doc_screenshot("orders-ja").await?;
    session.click("button[data-locale='en']").await?;
    session.wait_for("en", Lang("en")).await?;
    let row = format!("[data-testid=order-row][data-order-id='{first}']");

    // Single entry, checked as the seller types.
    session.click(&format!("{row} [data-testid=order-enter]")).await?;
    session.wait_for("the entry form", Shown("[data-testid=tracking-entry]")).await?;
    let good = s10(31_415_926);
    session.type_into("[data-testid=tracking-input]", &good).await?;
    session.wait_for("the number valid", State("[data-testid=tracking-verdict]", "valid")).await?;
    let verdict = session.texts("[data-testid=tracking-verdict]").await?.join(" ");
    assert!(verdict.contains("Valid"), "{verdict}");
    assert!(verdict.contains("China Post"), "{verdict}");

    clear(&session, "[data-testid=tracking-input]").await?;
    session.type_into("[data-testid=tracking-input]", &mistyped(&good)).await?;
    session.wait_for("the check digit failed", State("[data-testid=tracking-check-digit]", "failed")).await?;
    let verdict = session.texts("[data-testid=tracking-verdict]").await?.join(" ");
    assert!(verdict.contains("check digit does not match"), "{verdict}");

    clear(&session, "[data-testid=tracking-input]").await?;
    session.type_into("[data-testid=tracking-input]", &good).await?;
    session.wait_for("the number valid again", State("[data-testid=tracking-verdict]", "valid")).await?;
    session.click("[data-testid=tracking-submit]").await?;
    // The sandbox confirms within moments, often before a "queued" row can
    // be seen: what counts is that it went out through the outbox and came
    // back shipped in the replica.
    let shipped = format!("[data-testid=shipped-row][data-order-id='{first}']");
    let line = session.wait_for("the shipment confirmed", Shown(&shipped)).await?;
    assert!(line.contains(&good), "{line}");
    session.click("[data-testid=nav-queue]").await?;
    session
        .wait_for(
            "the upload sent from the outbox",
            State("[data-testid=queue-item][data-kind=tracking_upload]", "sent"),
        )
        .await?;
    session.click("[data-testid=nav-orders]").await?;

    // A file with mistakes: every problem listed by line, nothing can be queued.
    let rest = session.wait_for("orders still to ship", ToShip).await?;
    let files = tempfile::tempdir()?;
    let mut bad = String::from("order-id,ship-date,carrier-code,tracking-number\r\n");
    bad.push_str(&format!("{},,china-post,{}\r\n", rest[0], mistyped(&s10(27_182_818))));
    bad.push_str(&format!("503-0000000-0000000,,china-post,{}\r\n", s10(16_180_339)));
    let bad_path = files.path().join("tracking-with-mistakes.csv");
    std::fs::write(&bad_path, bad)?;
    choose_file(&session, &bad_path).await?;
    let problems = session.wait_for("the problems", AtLeast("[data-testid=upload-problem]", 2)).await?;
    assert!(problems.iter().any(|p| p.contains("check digit")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("no such order")), "{problems:?}");
    session
        .script("document.querySelector('[data-testid=upload-preview]').scrollIntoView({ block: 'center' })")
        .await?;
    session.doc_screenshot("orders-upload-en").await?;
    let queue = session.elements("[data-testid=upload-queue]").await?;
    let disabled = session.property(queue.first().ok_or("no queue button")?, "disabled").await?;
    assert_eq!(disabled, Value::Bool(true), "Queue stays disabled while problems remain");

    // A clean file of the orders still to ship: queued, then each row's result.
    let mut clean = String::from("order-id,ship-date,carrier-code,tracking-number\r\n");
    for (i, id) in rest.iter().enumerate() {
        let serial = 40_000_000 + u32::try_from(i)? * 13;
        clean.push_str(&format!("{id},,china-post,{}\r\n", s10(serial)));
    }
    let clean_path = files.path().join("tracking.csv");
    std::fs::write(&clean_path, clean)?;
    choose_file(&session, &clean_path).await?;
    session.wait_for("a clean preview", State("[data-testid=upload-preview]", "clean")).await?;
    session.click("[data-testid=upload-queue]").await?;
    session.wait_for("the upload confirmed", State("[data-testid=upload-status]", "done")).await?;
    let results = session.wait_for("the results", AtLeast("[data-testid=upload-result]", rest.len())).await?;
    for id in &rest {
        assert!(results.iter().any(|r| r.contains(id.as_str())), "{id} in {results:?}");
    }
    session.close().await?;
    Ok(())
}

/// The page's language is this locale.
struct Lang(&'static str);
impl AsyncCheck<()> for Lang {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<()>> {
        Ok((s.lang().await? == self.0).then_some(()))
    }
}
