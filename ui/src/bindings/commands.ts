// Generated from src-tauri/src/commands.rs by `UPDATE_BINDINGS=1 cargo test -p csba-desk`; do not edit.
import type { AccountId } from './AccountId';
import type { AccountView } from './AccountView';
import type { AlertSettings } from './AlertSettings';
import type { AlertSettingsScreen } from './AlertSettingsScreen';
import type { Badges } from './Badges';
import type { CaseDetail } from './CaseDetail';
import type { DraftView } from './DraftView';
import type { FeeQuote } from './FeeQuote';
import type { FeedbackScreen } from './FeedbackScreen';
import type { FieldViolation } from './FieldViolation';
import type { FileDownload } from './FileDownload';
import type { Inbox } from './Inbox';
import type { Marketplace } from './Marketplace';
import type { NotificationCheck } from './NotificationCheck';
import type { OrdersScreen } from './OrdersScreen';
import type { PerformanceScreen } from './PerformanceScreen';
import type { PolicyChange } from './PolicyChange';
import type { PolicyScreen } from './PolicyScreen';
import type { PreviewHandle } from './PreviewHandle';
import type { ProgramScreen } from './ProgramScreen';
import type { QuestionsScreen } from './QuestionsScreen';
import type { QueueItem } from './QueueItem';
import type { RemovalDraftView } from './RemovalDraftView';
import type { ReplyTemplate } from './ReplyTemplate';
import type { ReturnPolicy } from './ReturnPolicy';
import type { Settings } from './Settings';
import type { SnoozeChoice } from './SnoozeChoice';
import type { TemplateKind } from './TemplateKind';
import type { TrackingVerdict } from './TrackingVerdict';
import type { UpdateState } from './UpdateState';
import type { UploadOptions } from './UploadOptions';
import type { UploadStatus } from './UploadStatus';
import type { ViewFilter } from './ViewFilter';

export type Call = <T>(cmd: string, args?: Record<string, unknown>) => Promise<T>;

/** Every backend command, typed from its Rust signature. */
export function commands(call: Call) {
  return {
    /** Cases of every account, most urgent first, with the accounts and the queue counts. */
    inbox: (): Promise<Inbox> => call<Inbox>('inbox'),
    /** One case with its conversation, draft and queued replies. */
    caseDetail: (accountId: AccountId, caseId: string): Promise<CaseDetail> => call<CaseDetail>('case_detail', { accountId, caseId }),
    /** Stores the reply being written; an empty or blank body deletes the draft (and resolves to null). */
    saveDraft: (accountId: AccountId, caseId: string, body: string): Promise<DraftView | null> => call<DraftView | null>('save_draft', { accountId, caseId, body }),
    /** The seller has reread a case that changed under their draft: clears `draft.case_changed`. */
    acknowledgeCaseChange: (accountId: AccountId, caseId: string): Promise<void> => call<void>('acknowledge_case_change', { accountId, caseId }),
    /** Queues the reply (in `language`, or the case's default) and deletes its draft in one transaction. */
    sendReply: (accountId: AccountId, caseId: string, body: string, language: string | null): Promise<QueueItem> => call<QueueItem>('send_reply', { accountId, caseId, body, language }),
    /** The outbox, newest first. */
    queue: (): Promise<Array<QueueItem>> => call<Array<QueueItem>>('queue'),
    /** Queues a refused action again, with a new idempotency key. */
    retryAction: (id: number): Promise<QueueItem> => call<QueueItem>('retry_action', { id }),
    /** Drops a refused action for good. */
    discardAction: (id: number): Promise<void> => call<void>('discard_action', { id }),
    /** Adds a store: the service is asked whose token it is, the token goes into the OS keychain only, the account into the replica. The token is never logged or echoed back. */
    addAccount: (url: string, token: string): Promise<AccountView> => call<AccountView>('add_account', { url, token }),
    /** Removes an account, its data here and its keychain token; without `force` it is refused while actions are unsent. */
    removeAccount: (id: AccountId, force: boolean): Promise<void> => call<void>('remove_account', { id, force }),
    /** Every account's link tries now instead of after its wait. */
    syncNow: (): Promise<void> => call<void>('sync_now'),
    /** The seller's settings. */
    settings: (): Promise<Settings> => call<Settings>('settings'),
    /** Chooses the language of the app (and of its window title). */
    setLocale: (locale: string): Promise<Settings> => call<Settings>('set_locale', { locale }),
    /** The UI showed its first inbox: lets us measure start-up. */
    firstRender: (): Promise<void> => call<void>('first_render'),
    /** How many things on each screen need the seller now. */
    badges: (filter: ViewFilter): Promise<Badges> => call<Badges>('badges', { filter }),
    /** Orders to ship (most urgent first), pending and shipped ones, and the 30-day valid tracking rate. */
    ordersScreen: (filter: ViewFilter): Promise<OrdersScreen> => call<OrdersScreen>('orders_screen', { filter }),
    /** The live verdict on a tracking number as the seller types it. */
    checkTracking: (trackingNumber: string, carrier: string | null): Promise<TrackingVerdict> => call<TrackingVerdict>('check_tracking', { trackingNumber, carrier }),
    /** Queues one shipment confirmation (ship date `YYYY-MM-DD` in the marketplace's time zone). */
    confirmShipment: (accountId: AccountId, orderId: string, trackingNumber: string, carrier: string | null, shipDate: string): Promise<QueueItem> => call<QueueItem>('confirm_shipment', { accountId, orderId, trackingNumber, carrier, shipDate }),
    /** Reads and checks a bulk upload file (chosen or dropped) against the replica; nothing is queued. */
    previewUploadFile: (path: string, options: UploadOptions): Promise<PreviewHandle> => call<PreviewHandle>('preview_upload_file', { path, options }),
    /** Checks a bulk upload given as bytes (from the file chooser); nothing is queued. */
    previewUploadBytes: (fileName: string, bytes: Array<number>, options: UploadOptions): Promise<PreviewHandle> => call<PreviewHandle>('preview_upload_bytes', { fileName, bytes, options }),
    /** Queues the previewed upload (all batches in one transaction). */
    queueUpload: (previewId: string): Promise<UploadStatus> => call<UploadStatus>('queue_upload', { previewId }),
    /** How far a queued upload got, with the service's per-row results. */
    uploadStatus: (group: string, rows: number): Promise<UploadStatus> => call<UploadStatus>('upload_status', { group, rows }),
    /** A template to fill in, with the unshipped orders already in it. */
    uploadTemplate: (kind: TemplateKind, accountId: AccountId | null): Promise<FileDownload> => call<FileDownload>('upload_template', { kind, accountId }),
    /** A sample file with the mistakes sellers make, to try the upload with. */
    uploadSample: (accountId: AccountId): Promise<FileDownload> => call<FileDownload>('upload_sample', { accountId }),
    /** Saves a file the app made into the Downloads folder; resolves to where it went. */
    saveDownload: (file: FileDownload): Promise<string> => call<string>('save_download', { file }),
    /** Every enrollment with its timeline, checklist, trial and fee. */
    programScreen: (filter: ViewFilter): Promise<ProgramScreen> => call<ProgramScreen>('program_screen', { filter }),
    /** Enrolls in CSBA on a marketplace, accepting the terms version shown. */
    enroll: (accountId: AccountId, marketplace: Marketplace, termsVersion: string): Promise<QueueItem> => call<QueueItem>('enroll', { accountId, marketplace, termsVersion }),
    /** Pauses CSBA on a marketplace. */
    pauseEnrollment: (accountId: AccountId, marketplace: Marketplace): Promise<QueueItem> => call<QueueItem>('pause_enrollment', { accountId, marketplace }),
    /** Resumes CSBA on a marketplace (it waits the activation delay again). */
    resumeEnrollment: (accountId: AccountId, marketplace: Marketplace): Promise<QueueItem> => call<QueueItem>('resume_enrollment', { accountId, marketplace }),
    /** The fee for a number of contacts and units, under today's schedule. */
    feeWhatIf: (marketplace: Marketplace, units: number, contacts: number): Promise<FeeQuote> => call<FeeQuote>('fee_what_if', { marketplace, units, contacts }),
    /** Every reply template, by language then name. */
    replyTemplates: (): Promise<Array<ReplyTemplate>> => call<Array<ReplyTemplate>>('reply_templates'),
    /** Adds a reply template, or replaces the one with `id`. */
    saveReplyTemplate: (id: string | null, name: string, language: string, body: string): Promise<ReplyTemplate> => call<ReplyTemplate>('save_reply_template', { id, name, language, body }),
    /** Deletes a reply template. */
    deleteReplyTemplate: (id: string): Promise<void> => call<void>('delete_reply_template', { id }),
    /** A template's text with the case's order id, item and store filled in. */
    fillReplyTemplate: (id: string, accountId: AccountId, caseId: string): Promise<string> => call<string>('fill_reply_template', { id, accountId, caseId }),
    /** Every store's return policy per marketplace (current, history, violations now, rules) and the returns waiting for their refund. */
    policyScreen: (filter: ViewFilter): Promise<PolicyScreen> => call<PolicyScreen>('policy_screen', { filter }),
    /** The live check of a policy as the seller edits it: every violation at its form field. */
    checkPolicy: (marketplace: Marketplace, policy: ReturnPolicy): Promise<Array<FieldViolation>> => call<Array<FieldViolation>>('check_policy', { marketplace, policy }),
    /** Queues a return policy; refused at its first field while it breaks a rule. */
    submitPolicy: (accountId: AccountId, marketplace: Marketplace, policy: ReturnPolicy): Promise<QueueItem> => call<QueueItem>('submit_policy', { accountId, marketplace, policy }),
    /** What changed between two versions of a return policy, field by field. */
    policyDiff: (accountId: AccountId, marketplace: Marketplace, fromVersion: number, toVersion: number): Promise<Array<PolicyChange>> => call<Array<PolicyChange>>('policy_diff', { accountId, marketplace, fromVersion, toVersion }),
    /** Feedback, negatives first, with the removal window, the grounds' words and removal requests. */
    feedbackScreen: (filter: ViewFilter): Promise<FeedbackScreen> => call<FeedbackScreen>('feedback_screen', { filter }),
    /** The removal request as the service will file it (recipient, the CSBA team's subject line). */
    composeRemoval: (accountId: AccountId, feedbackId: string, ground: string, explanation: string): Promise<RemovalDraftView> => call<RemovalDraftView>('compose_removal', { accountId, feedbackId, ground, explanation }),
    /** Queues a feedback removal request; refused at `ground` or `explanation` when it cannot be made. */
    requestRemoval: (accountId: AccountId, feedbackId: string, ground: string, explanation: string): Promise<QueueItem> => call<QueueItem>('request_removal', { accountId, feedbackId, ground, explanation }),
    /** Questions to the CSBA team: queued, awaiting (with the answer-by countdown), answered. */
    questionsScreen: (filter: ViewFilter): Promise<QuestionsScreen> => call<QuestionsScreen>('questions_screen', { filter }),
    /** The subject a question about this order will carry. */
    questionSubject: (accountId: AccountId, orderId: string): Promise<string> => call<string>('question_subject', { accountId, orderId }),
    /** Queues a question to the CSBA team about an order in the replica. */
    askQuestion: (accountId: AccountId, orderId: string, question: string): Promise<QueueItem> => call<QueueItem>('ask_question', { accountId, orderId, question }),
    /** Weekly figures per store and marketplace as chart points, the activation day and pauses, and the before/after comparison. */
    performanceScreen: (filter: ViewFilter): Promise<PerformanceScreen> => call<PerformanceScreen>('performance_screen', { filter }),
    /** Alert thresholds, quiet hours, pause, window behaviour, and what this desktop offers (tray, notifications, launch at login). */
    alertSettings: (): Promise<AlertSettingsScreen> => call<AlertSettingsScreen>('alert_settings'),
    /** Saves the alert settings; refused with the first rule broken, at its field, and nothing saved. */
    setAlertSettings: (settings: AlertSettings): Promise<AlertSettingsScreen> => call<AlertSettingsScreen>('set_alert_settings', { settings }),
    /** Pauses alerts for an hour or until tomorrow morning, or resumes them. */
    snoozeAlerts: (choice: SnoozeChoice): Promise<AlertSettingsScreen> => call<AlertSettingsScreen>('snooze_alerts', { choice }),
    /** Turns launch at login on or off. */
    setAutostart: (enabled: boolean): Promise<AlertSettingsScreen> => call<AlertSettingsScreen>('set_autostart', { enabled }),
    /** Sends a test notification in the seller's language and says whether it reached the desktop. */
    testNotification: (): Promise<NotificationCheck> => call<NotificationCheck>('test_notification'),
    /** The Updates section: this version, the last check, where the updater is and the one button it offers. */
    updateState: (): Promise<UpdateState> => call<UpdateState>('update_state'),
    /** Asks the release manifest for a newer version; each step also comes as the `update-changed` event. */
    checkForUpdate: (): Promise<UpdateState> => call<UpdateState>('check_for_update'),
    /** Downloads the announced update, has its signature verified, installs it and restarts the app. */
    installUpdate: (): Promise<UpdateState> => call<UpdateState>('install_update'),
  };
}
