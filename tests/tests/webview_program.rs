//! End to end: the CSBA program (enroll, pause, resume) and replies in another language from a template.

#[allow(unused_imports)]
use super::*;

/// The program card of a marketplace has this `data-state`.
struct CardState(&'static str, &'static str);
impl AsyncCheck<()> for CardState {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<()>> {
        let states = s.states(&format!("[data-testid=program-card][data-marketplace={}]", self.0)).await?;
        Ok(states.iter().any(|st| st == self.1).then_some(()))
    }
}

/// The US card's free trial line; yields (days left, text).
struct TrialLeft;
impl AsyncCheck<(u32, String)> for TrialLeft {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<(u32, String)>> {
        let Some(el) = s
            .elements("[data-testid=program-card][data-marketplace=US] [data-testid=program-trial]")
            .await?
            .into_iter()
            .next()
        else {
            return Ok(None);
        };
        let days = s.attribute(&el, "data-days-left").await?.and_then(|d| d.parse().ok());
        let text = s.text(&el).await?;
        Ok(days.map(|d| (d, text)))
    }
}

/// The program screen speaks `locale` (its heading is drawn).
struct ProgramIn(&'static str);
impl AsyncCheck<String> for ProgramIn {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<String>> {
        if s.lang().await? != self.0 {
            return Ok(None);
        }
        Ok(s.texts("#program-heading").await?.into_iter().next())
    }
}

/// The conversation shows a seller message containing this text, written in this language.
struct SellerMessageIn(String, String);
impl AsyncCheck<()> for SellerMessageIn {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<()>> {
        for m in s.elements("[data-testid=case-message][data-author=seller]").await? {
            if s.text(&m).await?.contains(&self.0) {
                let lang = s.attribute(&m, "lang").await?.unwrap_or_default();
                return Ok((lang == self.1).then_some(()));
            }
        }
        Ok(None)
    }
}

/// A language's own name, as the reply language selector shows it.
fn own_name(code: &str) -> &'static str {
    match code {
        "zh-CN" => "中文",
        "ja" => "日本語",
        _ => "English",
    }
}

#[tokio::test]
async fn the_program_pauses_and_resumes_and_a_template_reply_goes_out_in_the_other_language() -> Result {
    let data = tempfile::tempdir()?;
    let driver = Driver::start(data.path(), "en_US.UTF-8").await?;
    let session = driver.session().await?;
    session.wait_for("the demo cases", Rows(5)).await?;

    // The program screen from the sidebar: JP active for months, US inside its free trial.
    session.click("[data-testid=nav-enrollment]").await?;
    session.wait_for("the program screen", ProgramIn("en")).await?;
    session.wait_for("JP active", CardState("JP", "active")).await?;
    let (days, trial) = session.wait_for("the US trial", TrialLeft).await?;
    assert!(days > 0, "US trial days left: {days} ({trial})");
    assert!(trial.contains("left in the free trial"), "{trial}");
    let coverage =
        session.texts("[data-testid=program-card][data-marketplace=JP] [data-testid=program-coverage]").await?;
    assert!(coverage.iter().any(|c| c.contains("not covered")), "{coverage:?}");
    session.doc_screenshot("program-en").await?;

    session.click("button[data-locale='zh-CN']").await?;
    let heading = session.wait_for("the program screen in Chinese", ProgramIn("zh-CN")).await?;
    assert!(has(&heading, HAN) && !has(&heading, KANA), "{heading}");
    session.doc_screenshot("program-zh-CN").await?;
    session.click("button[data-locale='en']").await?;
    session.wait_for("the program screen in English", ProgramIn("en")).await?;

    // Pause JP: the dialog says what stays covered; the sandbox confirms it.
    session.click("[data-testid=program-card][data-marketplace=JP] [data-testid=program-pause]").await?;
    let body = session.wait_for("the pause dialog", Shown("[data-testid=program-dialog-body]")).await?;
    assert!(body.contains("yours to answer") && body.contains("stay covered"), "{body}");
    session.click("[data-testid=program-dialog-confirm]").await?;
    session.wait_for("JP paused", CardState("JP", "paused")).await?;
    let paused =
        session.texts("[data-testid=program-card][data-marketplace=JP] [data-testid=program-coverage]").await?;
    assert!(paused.iter().any(|c| c.contains("stay covered")), "{paused:?}");

    // Resume: it waits the activation delay again.
    session.click("[data-testid=program-card][data-marketplace=JP] [data-testid=program-resume]").await?;
    let body = session.wait_for("the resume dialog", Shown("[data-testid=program-dialog-body]")).await?;
    assert!(body.contains("activation delay"), "{body}");
    session.click("[data-testid=program-dialog-confirm]").await?;
    session.wait_for("JP pending activation", CardState("JP", "pending_activation")).await?;
    session
        .wait_for(
            "when CSBA takes over",
            Shown("[data-testid=program-card][data-marketplace=JP] [data-testid=program-activates-at]"),
        )
        .await?;

    // A case: pick the other reply language, save a template in it, insert it at the cursor, send.
    session.click("[data-testid=nav-inbox]").await?;
    let case_id = session.wait_for("a case taking replies", OpenCase).await?;
    session.click(&format!("[data-testid=case-row][data-case-id='{case_id}']")).await?;
    session.wait_for("the case screen", Shown("[data-testid=reply-language]")).await?;
    let order_id = session
        .texts("[data-testid=case-detail] [data-testid=case-order]")
        .await?
        .into_iter()
        .next()
        .unwrap_or_default();
    let select =
        session.elements("[data-testid=reply-language]").await?.into_iter().next().ok_or("no reply language")?;
    let default = session.property(&select, "value").await?.as_str().unwrap_or_default().to_owned();
    let mut other = None;
    for option in session.elements("[data-testid=reply-language] option").await? {
        let value = session.attribute(&option, "value").await?.unwrap_or_default();
        if value != default {
            other = Some(value);
        }
    }
    let other = other.ok_or("only one reply language")?;
    session
        .script(&format!(
            "const s = document.querySelector('[data-testid=reply-language]'); s.value = {other:?}; \
             s.dispatchEvent(new Event('change', {{ bubbles: true }})); return s.value"
        ))
        .await?;

    let template = match other.as_str() {
        "zh-CN" => "您好，订单 {order_id} 已于今天发货。",
        "ja" => "ご注文 {order_id} は本日発送しました。",
        _ => "Your order {order_id} shipped today.",
    };
    session.type_into("[data-testid=reply-box]", template).await?;
    session.click("[data-testid=template-save]").await?;
    session.type_into("[data-testid=template-name]", "Shipped today").await?;
    session.click("[data-testid=template-save-confirm]").await?;
    session.wait_for("the template saved", ContentHas("[data-testid=template-note]", "Shipped today")).await?;

    // The caret at the start of the box: the filled-in template goes there, before the text.
    session.script("const b = document.querySelector('[data-testid=reply-box]'); b.focus(); b.setSelectionRange(0, 0); return 0").await?;
    session.click("[data-testid=template-menu]").await?;
    session.wait_for("the template menu", Shown("[data-testid=template-item]")).await?;
    session.click("[data-testid=template-item]").await?;
    let filled = template.replace("{order_id}", &order_id);
    let expected = format!("{filled}{template}");
    session.wait_for("the template inserted", BoxValue(expected.clone())).await?;
    session.wait_for("the draft saved", SavedDraftText).await?;
    session.doc_screenshot("case-template-en").await?;

    session.click("[data-testid=send-reply]").await?;
    let queued = session
        .wait_for("the reply queued", TextHas("[data-testid=draft-status]".into(), "added to the outbox".into()))
        .await?;
    assert!(queued.contains(own_name(&other)), "queued in {other}: {queued}");
    session.wait_for("the reply confirmed", State("[data-testid=case-reply-item]", "sent")).await?;
    session.wait_for("the reply in its language", SellerMessageIn(filled.trim_end().to_owned(), other.clone())).await?;
    session.close().await?;
    Ok(())
}

/// An element's text content (read by script: a status for screen readers
/// is visually hidden, and WebDriver's element text is only what is drawn).
struct ContentHas(&'static str, &'static str);
impl AsyncCheck<()> for ContentHas {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<()>> {
        let script = format!("return document.querySelector({:?})?.textContent ?? ''", self.0);
        Ok(s.script(&script).await?.as_str().is_some_and(|t| t.contains(self.1)).then_some(()))
    }
}

/// The reply box holds exactly this text.
struct BoxValue(String);
impl AsyncCheck<()> for BoxValue {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<()>> {
        let Some(el) = s.elements("[data-testid=reply-box]").await?.into_iter().next() else { return Ok(None) };
        Ok((s.property(&el, "value").await?.as_str() == Some(self.0.as_str())).then_some(()))
    }
}

/// The draft status line says the draft was saved.
struct SavedDraftText;
impl AsyncCheck<()> for SavedDraftText {
    async fn check(&mut self, s: &Session<'_>) -> Result<Option<()>> {
        Ok(s.states("[data-testid=draft-status]").await?.iter().any(|st| st == "saved").then_some(()))
    }
}

/// A store whose seller never enrolled: the program screen offers CSBA on
/// its marketplace, and enrolling (terms accepted) goes through the outbox
/// to the service, which starts the activation delay.
#[tokio::test]
async fn a_store_not_yet_in_csba_enrolls_from_the_program_screen() -> Result {
    let service_dir = tempfile::tempdir()?;
    let service = csba_server::Sandbox::start(
        &service_dir.path().join("service.sqlite"),
        std::sync::Arc::new(csba_server::SystemClock),
    )
    .await?;
    let now = chrono::Utc::now();
    let seller = csba_server::sellers::create_seller(service.db(), "茶房 Tea House", &[Marketplace::Jp], now).await?;
    let token = csba_server::tokens::issue_token(service.db(), &seller, "e2e", now).await?;

    let data = tempfile::tempdir()?;
    let driver = Driver::start(data.path(), "en_US.UTF-8").await?;
    let session = driver.session().await?;
    session.wait_for("the demo cases", Rows(1)).await?;
    session.click("[data-testid=nav-accounts]").await?;
    session.type_into("[data-testid=account-url]", &service.base_url()).await?;
    session.type_into("[data-testid=account-token]", token.secret()).await?;
    session.click("[data-testid=account-add]").await?;
    session.wait_for("the account added", Shown("[data-testid=account-added]")).await?;

    session.click("[data-testid=nav-enrollment]").await?;
    session.wait_for("JP not enrolled", CardState("JP", "not_enrolled")).await?;
    let card = "[data-testid=program-card][data-marketplace=JP]";
    session.click(&format!("{card} [data-testid=program-terms]")).await?;
    session.click(&format!("{card} [data-testid=program-enroll]")).await?;
    session.wait_for("JP waiting to start", CardState("JP", "pending_activation")).await?;
    let enrolled = session.texts(&format!("{card} [data-testid=program-enrolled-at]")).await?;
    let activates = session.texts(&format!("{card} [data-testid=program-activates-at]")).await?;
    assert!(enrolled.len() == 1 && activates.len() == 1, "enrolled {enrolled:?}, CSBA takes over {activates:?}");
    session.close().await?;
    service.shutdown().await?;
    Ok(())
}
