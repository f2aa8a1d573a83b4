//! Tauri commands: one-line adapters from IPC to `csba_app::Desk`. The
//! local clock is read here, at the edge, and passed in. The list is also
//! the source of the UI's typed wrappers (see `command_list`).

use crate::command_list::commands;
use crate::session::REPLICA_CHANGED;
use chrono::Utc;
use csba_alerts::AlertSettings;
use csba_app::alerts::{AlertSettingsScreen, NotificationCheck, SnoozeChoice};
use csba_app::enrollment::{FeeQuote, ProgramScreen};
use csba_app::feedback::{FeedbackScreen, RemovalDraftView};
use csba_app::orders::{OrdersScreen, TrackingVerdict};
use csba_app::performance::PerformanceScreen;
use csba_app::policy::{FieldViolation, PolicyChange, PolicyScreen};
use csba_app::questions::QuestionsScreen;
use csba_app::templates::ReplyTemplate;
use csba_app::updates::UpdateState;
use csba_app::upload::{FileDownload, PreviewHandle, TemplateKind, UploadOptions, UploadStatus};
use csba_app::views::{AccountView, CaseDetail, DraftView, Inbox, QueueItem, Settings};
use csba_app::{Badges, ViewFilter};
use csba_domain::policy::ReturnPolicy;
use csba_domain::Marketplace;
use csba_store::AccountId;
use tauri::{AppHandle, Emitter, Manager};

/// Tells every window the replica changed (the header's queue counts).
fn changed(app: &AppHandle) {
    // An action queued may settle a deadline (a reply, a tracking ID).
    if let Some(desk) = app.try_state::<std::sync::Arc<csba_app::Desk>>() {
        desk.alerts_changed.notify_one();
    }
    if let Err(e) = app.emit(REPLICA_CHANGED, ()) {
        tracing::warn!("cannot notify the UI: {e}");
    }
}

commands! {
    /// Cases of every account, most urgent first, with the accounts and the queue counts.
    fn inbox[app, desk]() -> Inbox {
        crate::startup::phase("inbox asked");
        let inbox = desk.inbox()?;
        crate::startup::phase("inbox read");
        crate::startup::inbox_read(inbox.cases.is_empty());
        Ok(inbox)
    }

    /// One case with its conversation, draft and queued replies.
    fn case_detail[app, desk](account_id: AccountId, case_id: String) -> CaseDetail {
        desk.case_detail(account_id, &case_id)
    }

    /// Stores the reply being written; an empty or blank body deletes the draft (and resolves to null).
    fn save_draft[app, desk](account_id: AccountId, case_id: String, body: String) -> Option<DraftView> {
        desk.save_draft(account_id, &case_id, &body, Utc::now())
    }

    /// The seller has reread a case that changed under their draft: clears `draft.case_changed`.
    fn acknowledge_case_change[app, desk](account_id: AccountId, case_id: String) -> () {
        desk.acknowledge_case_change(account_id, &case_id)
    }

    /// Queues the reply (in `language`, or the case's default) and deletes its draft in one transaction.
    fn send_reply[app, desk](account_id: AccountId, case_id: String, body: String, language: Option<String>) -> QueueItem {
        let item = desk.send_reply(account_id, &case_id, &body, language.as_deref(), Utc::now())?;
        changed(&app);
        Ok(item)
    }

    /// The outbox, newest first.
    fn queue[app, desk]() -> Vec<QueueItem> { desk.queue() }

    /// Queues a refused action again, with a new idempotency key.
    fn retry_action[app, desk](id: i64) -> QueueItem {
        let item = desk.retry_action(id, Utc::now())?;
        changed(&app);
        Ok(item)
    }

    /// Drops a refused action for good.
    fn discard_action[app, desk](id: i64) -> () {
        desk.discard_action(id)?;
        changed(&app);
        Ok(())
    }

    /// Adds a store: the service is asked whose token it is, the token goes into the OS keychain only, the
    /// account into the replica. The token is never logged or echoed back.
    fn add_account[app, desk](url: String, token: String) -> AccountView {
        let token = token.trim();
        let seller = csba_sync::onboarding::verify_token(&url, token).await.map_err(csba_app::add_account_error)?;
        let account = desk.save_account(&seller, token, Utc::now())?;
        changed(&app);
        Ok(account)
    }

    /// Removes an account, its data here and its keychain token; without `force` it is refused while
    /// actions are unsent.
    fn remove_account[app, desk](id: AccountId, force: bool) -> () {
        desk.remove_account(id, force)?;
        changed(&app);
        Ok(())
    }

    /// Every account's link tries now instead of after its wait.
    fn sync_now[app, desk]() -> () {
        desk.sync_now();
        Ok(())
    }

    /// The seller's settings.
    fn settings[app, desk]() -> Settings {
        crate::startup::phase("settings asked");
        desk.settings()
    }

    /// Chooses the language of the app (and of its window title).
    fn set_locale[app, desk](locale: String) -> Settings {
        let settings = desk.set_locale(&locale)?;
        crate::session::retitle(&app, &desk);
        // The tray, the notifications and the title's count are worded in Rust.
        desk.alerts_changed.notify_one();
        Ok(settings)
    }

    /// The UI showed its first inbox: lets us measure start-up.
    fn first_render[app, desk]() -> () {
        crate::startup::first_render();
        crate::updates::on_first_render(&app);
        // In-window alerts need a window that listens: the first round may have been before it.
        desk.alerts_changed.notify_one();
        Ok(())
    }

    /// How many things on each screen need the seller now.
    fn badges[app, desk](filter: ViewFilter) -> Badges { desk.badges(filter, Utc::now()) }

    /// Orders to ship (most urgent first), pending and shipped ones, and the 30-day valid tracking rate.
    fn orders_screen[app, desk](filter: ViewFilter) -> OrdersScreen { desk.orders_screen(filter, Utc::now()) }

    /// The live verdict on a tracking number as the seller types it.
    fn check_tracking[app, desk](tracking_number: String, carrier: Option<String>) -> TrackingVerdict {
        csba_app::orders::check_tracking(&tracking_number, carrier.as_deref())
    }

    /// Queues one shipment confirmation (ship date `YYYY-MM-DD` in the marketplace's time zone).
    fn confirm_shipment[app, desk](
        account_id: AccountId,
        order_id: String,
        tracking_number: String,
        carrier: Option<String>,
        ship_date: String,
    ) -> QueueItem {
        let item =
            desk.confirm_shipment(account_id, &order_id, &tracking_number, carrier.as_deref(), &ship_date, Utc::now())?;
        changed(&app);
        Ok(item)
    }

    /// Reads and checks a bulk upload file (chosen or dropped) against the replica; nothing is queued.
    fn preview_upload_file[app, desk](path: String, options: UploadOptions) -> PreviewHandle {
        desk.preview_upload_file(std::path::Path::new(&path), &options, Utc::now())
    }

    /// Checks a bulk upload given as bytes (from the file chooser); nothing is queued.
    fn preview_upload_bytes[app, desk](file_name: String, bytes: Vec<u8>, options: UploadOptions) -> PreviewHandle {
        desk.preview_upload(&bytes, &file_name, &options, Utc::now())
    }

    /// Queues the previewed upload (all batches in one transaction).
    fn queue_upload[app, desk](preview_id: String) -> UploadStatus {
        let status = desk.queue_previewed_upload(&preview_id, Utc::now())?;
        changed(&app);
        Ok(status)
    }

    /// How far a queued upload got, with the service's per-row results.
    fn upload_status[app, desk](group: String, rows: u32) -> UploadStatus { desk.upload_status(&group, rows) }

    /// A template to fill in, with the unshipped orders already in it.
    fn upload_template[app, desk](kind: TemplateKind, account_id: Option<AccountId>) -> FileDownload {
        desk.upload_template(kind, account_id)
    }

    /// A sample file with the mistakes sellers make, to try the upload with.
    fn upload_sample[app, desk](account_id: AccountId) -> FileDownload { desk.upload_sample(account_id, Utc::now()) }

    /// Saves a file the app made into the Downloads folder; resolves to where it went.
    fn save_download[app, desk](file: FileDownload) -> String {
        let fallback = csba_store::paths::data_dir().unwrap_or_default();
        csba_app::upload::save_download(&file, &fallback)
    }

    /// Every enrollment with its timeline, checklist, trial and fee.
    fn program_screen[app, desk](filter: ViewFilter) -> ProgramScreen { desk.program_screen(filter, Utc::now()) }

    /// Enrolls in CSBA on a marketplace, accepting the terms version shown.
    fn enroll[app, desk](account_id: AccountId, marketplace: Marketplace, terms_version: String) -> QueueItem {
        let item = desk.enroll(account_id, marketplace, &terms_version, Utc::now())?;
        changed(&app);
        Ok(item)
    }

    /// Pauses CSBA on a marketplace.
    fn pause_enrollment[app, desk](account_id: AccountId, marketplace: Marketplace) -> QueueItem {
        let item = desk.pause_enrollment(account_id, marketplace, Utc::now())?;
        changed(&app);
        Ok(item)
    }

    /// Resumes CSBA on a marketplace (it waits the activation delay again).
    fn resume_enrollment[app, desk](account_id: AccountId, marketplace: Marketplace) -> QueueItem {
        let item = desk.resume_enrollment(account_id, marketplace, Utc::now())?;
        changed(&app);
        Ok(item)
    }

    /// The fee for a number of contacts and units, under today's schedule.
    fn fee_what_if[app, desk](marketplace: Marketplace, units: u32, contacts: u32) -> FeeQuote {
        csba_app::enrollment::fee_what_if(marketplace, units.into(), contacts.into(), Utc::now().date_naive())
    }

    /// Every reply template, by language then name.
    fn reply_templates[app, desk]() -> Vec<ReplyTemplate> { desk.reply_templates() }

    /// Adds a reply template, or replaces the one with `id`.
    fn save_reply_template[app, desk](id: Option<String>, name: String, language: String, body: String) -> ReplyTemplate {
        desk.save_reply_template(id.as_deref(), &name, &language, &body)
    }

    /// Deletes a reply template.
    fn delete_reply_template[app, desk](id: String) -> () { desk.delete_reply_template(&id) }

    /// A template's text with the case's order id, item and store filled in.
    fn fill_reply_template[app, desk](id: String, account_id: AccountId, case_id: String) -> String {
        desk.fill_reply_template(&id, account_id, &case_id)
    }

    /// Every store's return policy per marketplace (current, history, violations now, rules) and the
    /// returns waiting for their refund.
    fn policy_screen[app, desk](filter: ViewFilter) -> PolicyScreen { desk.policy_screen(filter, Utc::now()) }

    /// The live check of a policy as the seller edits it: every violation at its form field.
    fn check_policy[app, desk](marketplace: Marketplace, policy: ReturnPolicy) -> Vec<FieldViolation> {
        csba_app::policy::check_policy(marketplace, &policy, Utc::now())
    }

    /// Queues a return policy; refused at its first field while it breaks a rule.
    fn submit_policy[app, desk](account_id: AccountId, marketplace: Marketplace, policy: ReturnPolicy) -> QueueItem {
        let item = desk.submit_policy(account_id, marketplace, policy, Utc::now())?;
        changed(&app);
        Ok(item)
    }

    /// What changed between two versions of a return policy, field by field.
    fn policy_diff[app, desk](account_id: AccountId, marketplace: Marketplace, from_version: i64, to_version: i64) -> Vec<PolicyChange> {
        desk.policy_diff(account_id, marketplace, from_version, to_version)
    }

    /// Feedback, negatives first, with the removal window, the grounds' words and removal requests.
    fn feedback_screen[app, desk](filter: ViewFilter) -> FeedbackScreen { desk.feedback_screen(filter, Utc::now()) }

    /// The removal request as the service will file it (recipient, the CSBA team's subject line).
    fn compose_removal[app, desk](account_id: AccountId, feedback_id: String, ground: String, explanation: String) -> RemovalDraftView {
        desk.compose_removal(account_id, &feedback_id, &ground, &explanation, Utc::now())
    }

    /// Queues a feedback removal request; refused at `ground` or `explanation` when it cannot be made.
    fn request_removal[app, desk](account_id: AccountId, feedback_id: String, ground: String, explanation: String) -> QueueItem {
        let item = desk.request_removal(account_id, &feedback_id, &ground, &explanation, Utc::now())?;
        changed(&app);
        Ok(item)
    }

    /// Questions to the CSBA team: queued, awaiting (with the answer-by countdown), answered.
    fn questions_screen[app, desk](filter: ViewFilter) -> QuestionsScreen { desk.questions_screen(filter, Utc::now()) }

    /// The subject a question about this order will carry.
    fn question_subject[app, desk](account_id: AccountId, order_id: String) -> String {
        desk.question_subject(account_id, &order_id)
    }

    /// Queues a question to the CSBA team about an order in the replica.
    fn ask_question[app, desk](account_id: AccountId, order_id: String, question: String) -> QueueItem {
        let item = desk.ask_question(account_id, &order_id, &question, Utc::now())?;
        changed(&app);
        Ok(item)
    }

    /// Weekly figures per store and marketplace as chart points, the activation day and pauses, and the
    /// before/after comparison.
    fn performance_screen[app, desk](filter: ViewFilter) -> PerformanceScreen {
        desk.performance_screen(filter, Utc::now())
    }

    /// Alert thresholds, quiet hours, pause, window behaviour, and what this desktop offers (tray,
    /// notifications, launch at login).
    fn alert_settings[app, desk]() -> AlertSettingsScreen {
        desk.alert_settings(crate::alerting::support(&app), Utc::now())
    }

    /// Saves the alert settings; refused with the first rule broken, at its field, and nothing saved.
    fn set_alert_settings[app, desk](settings: AlertSettings) -> AlertSettingsScreen {
        desk.set_alert_settings(settings, crate::alerting::support(&app), Utc::now())
    }

    /// Pauses alerts for an hour or until tomorrow morning, or resumes them.
    fn snooze_alerts[app, desk](choice: SnoozeChoice) -> AlertSettingsScreen {
        desk.snooze_alerts(choice, crate::alerting::support(&app), Utc::now())
    }

    /// Turns launch at login on or off.
    fn set_autostart[app, desk](enabled: bool) -> AlertSettingsScreen {
        crate::autostart::set(&app, enabled)?;
        desk.alert_settings(crate::alerting::support(&app), Utc::now())
    }

    /// Sends a test notification in the seller's language and says whether it reached the desktop.
    fn test_notification[app, desk]() -> NotificationCheck {
        Ok(crate::alerting::test_notification(&app, &desk))
    }

    /// The Updates section: this version, the last check, where the updater is and the one button it offers.
    fn update_state[app, desk]() -> UpdateState { Ok(crate::updates::state(&app, &desk)) }

    /// Asks the release manifest for a newer version; each step also comes as the `update-changed` event.
    fn check_for_update[app, desk]() -> UpdateState { Ok(crate::updates::check(&app, &desk, Utc::now()).await) }

    /// Downloads the announced update, has its signature verified, installs it and restarts the app.
    fn install_update[app, desk]() -> UpdateState { crate::updates::install_and_restart(&app, &desk).await }
}
