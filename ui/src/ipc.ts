// Every call to the Rust backend goes through this module.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { toIpcError } from './errors';
import { commands } from './bindings/commands';

// The IPC types are generated from the Rust types by ts-rs (see
// src-tauri/src/ipc.rs); a Rust test fails when these files are stale.
export type { Locale } from './bindings/Locale';
export type { Marketplace } from './bindings/Marketplace';
export type { CaseKind } from './bindings/CaseKind';
export type { CaseStatus } from './bindings/CaseStatus';
export type { CaseView } from './bindings/CaseView';
export type { ServiceKind } from './bindings/ServiceKind';
export type { Inbox } from './bindings/Inbox';
export type { Settings } from './bindings/Settings';
export type { Connectivity as SyncState } from './bindings/Connectivity';
export type { SyncView as SyncStatus } from './bindings/SyncView';
export type { AccountId } from './bindings/AccountId';
export type { AccountView } from './bindings/AccountView';
export type { ActionKind } from './bindings/ActionKind';
export type { AppError } from './bindings/AppError';
export type { CaseDetail } from './bindings/CaseDetail';
export type { DraftView } from './bindings/DraftView';
export type { MessageView } from './bindings/MessageView';
export type { QueueCounts } from './bindings/QueueCounts';
export type { QueueItem } from './bindings/QueueItem';
export type { QueueState } from './bindings/QueueState';
export type { Badges } from './bindings/Badges';
export type { ViewFilter } from './bindings/ViewFilter';
export type { OrdersScreen } from './bindings/OrdersScreen';
export type { OrderRow } from './bindings/OrderRow';
export type { OrderTracking } from './bindings/OrderTracking';
export type { QueuedTracking } from './bindings/QueuedTracking';
export type { TrackingRate } from './bindings/TrackingRate';
export type { TrackingVerdict } from './bindings/TrackingVerdict';
export type { UploadOptions } from './bindings/UploadOptions';
export type { UploadProblem } from './bindings/UploadProblem';
export type { AmbiguousRow } from './bindings/AmbiguousRow';
export type { PreviewHandle } from './bindings/PreviewHandle';
export type { UploadStatus } from './bindings/UploadStatus';
export type { UploadRowResult } from './bindings/UploadRowResult';
export type { TemplateKind } from './bindings/TemplateKind';
export type { FileDownload } from './bindings/FileDownload';
import type { AccountId } from './bindings/AccountId';
import type { AccountView } from './bindings/AccountView';
import type { CaseDetail } from './bindings/CaseDetail';
import type { DraftView } from './bindings/DraftView';
import type { Inbox } from './bindings/Inbox';
import type { Locale } from './bindings/Locale';
import type { QueueItem } from './bindings/QueueItem';
import type { Settings } from './bindings/Settings';
import type { Badges } from './bindings/Badges';
import type { AlertSettings } from './bindings/AlertSettings';
import type { AlertSettingsScreen } from './bindings/AlertSettingsScreen';
import type { NotificationCheck } from './bindings/NotificationCheck';
import type { SnoozeChoice } from './bindings/SnoozeChoice';
import type { ViewFilter } from './bindings/ViewFilter';
import type { FileDownload } from './bindings/FileDownload';
import type { OrdersScreen } from './bindings/OrdersScreen';
import type { PreviewHandle } from './bindings/PreviewHandle';
import type { TemplateKind } from './bindings/TemplateKind';
import type { TrackingVerdict } from './bindings/TrackingVerdict';
import type { UploadOptions } from './bindings/UploadOptions';
import type { UploadStatus } from './bindings/UploadStatus';
import type { UpdateState } from './bindings/UpdateState';

export type { IpcError } from './errors';

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

/**
 * Every command, with the names and argument types of its Rust signature (generated into
 * bindings/commands.ts; `tsc` fails when a call does not match). Errors reject as an IpcError that
 * keeps the form field it is about: read it with `errorField(e)`.
 */
const backend = commands(call);

/** The form field a backend error is about (`tracking_number`, `units`, `name`…), or null. */
export function errorField(e: unknown): string | null {
  const field = typeof e === 'object' && e !== null ? (e as { field?: unknown }).field : undefined;
  return typeof field === 'string' ? field : null;
}

export const getInbox = (): Promise<Inbox> => backend.inbox();
export const getSettings = (): Promise<Settings> => backend.settings();
export const setLocale = (locale: Locale): Promise<Settings> => backend.setLocale(locale);

/** The settings screen: the seller's alert settings, the defaults, the snooze and what the desktop offers. */
export const getAlertSettings = (): Promise<AlertSettingsScreen> => backend.alertSettings();
/** Saves the settings; refused (nothing saved) with the first violation's code at its field. */
export const setAlertSettings = (settings: AlertSettings): Promise<AlertSettingsScreen> => backend.setAlertSettings(settings);
/** Pauses alerts for an hour or until tomorrow morning, or resumes them. */
export const snoozeAlerts = (choice: SnoozeChoice): Promise<AlertSettingsScreen> => backend.snoozeAlerts(choice);
/** Turns launching at login on or off. */
export const setAutostart = (enabled: boolean): Promise<AlertSettingsScreen> => backend.setAutostart(enabled);
/** Sends a test notification; says whether it reached the desktop (and why not). */
export const testNotification = (): Promise<NotificationCheck> => backend.testNotification();
export const getCaseDetail = (accountId: AccountId, caseId: string): Promise<CaseDetail> =>
  backend.caseDetail(accountId, caseId);

/** Stores the reply being written; an empty or blank body deletes the draft (and resolves to null). */
export const saveDraft = (accountId: AccountId, caseId: string, body: string): Promise<DraftView | null> =>
  backend.saveDraft(accountId, caseId, body);

/** The seller has reread a case that changed under their draft: clears `draft.case_changed`. */
export const acknowledgeCaseChange = (accountId: AccountId, caseId: string): Promise<void> =>
  backend.acknowledgeCaseChange(accountId, caseId);

/**
 * Queues the reply in the outbox and deletes its draft in the same transaction; `language` is the
 * reply language the seller picked (null: the case's default).
 */
export const sendReply = (accountId: AccountId, caseId: string, body: string, language: string | null = null) =>
  backend.sendReply(accountId, caseId, body, language);

/** What needs the seller now, per sidebar entry, in the store and marketplace the seller is looking at. */
export const getBadges = (filter: ViewFilter): Promise<Badges> => backend.badges(filter);

/** The outbox, newest first. */
export const getQueue = (): Promise<QueueItem[]> => backend.queue();

/** Queues a refused action again. */
export const retryAction = (id: number): Promise<QueueItem> => backend.retryAction(id);

/** Drops a refused action for good. */
export const discardAction = (id: number): Promise<void> => backend.discardAction(id);

/**
 * Adds a store: the backend checks the address, asks the service whose token it is, keeps the token in
 * the OS keychain only, and registers the account (the first real one replaces the demo). The token
 * goes straight to the backend: never log it, keep it or put it in an error.
 */
export const addAccount = (url: string, token: string): Promise<AccountView> => backend.addAccount(url, token);

/**
 * Removes an account, its data on this computer and its keychain token. Without `force` the backend
 * refuses (`account-has-unsent`) while the account has actions not yet sent.
 */
export const removeAccount = (id: AccountId, force: boolean): Promise<void> => backend.removeAccount(id, force);

/** Every account's link tries now instead of after its wait. */
export const syncNow = (): Promise<void> => backend.syncNow();

/** Tells the backend the inbox was first shown (start-up measurement). */
export const reportFirstRender = (): Promise<void> => backend.firstRender();

/** The Updates section of Settings: this version, the last check, the updater's phase and its one button. */
export const getUpdateState = (): Promise<UpdateState> => backend.updateState();
/** Asks the release manifest for a newer version. */
export const checkForUpdate = (): Promise<UpdateState> => backend.checkForUpdate();
/** Downloads the announced update; it is installed (and the app restarted) only if its signature verifies. */
export const installUpdate = (): Promise<UpdateState> => backend.installUpdate();

/** Calls `cb` with each new update state (check, download progress, a refusal); resolves to an unsubscribe function. */
export async function onUpdateChanged(cb: (state: UpdateState) => void): Promise<() => void> {
  return listen<UpdateState>('update-changed', (e) => cb(e.payload));
}

/** Calls `cb` whenever the local replica changed; resolves to an unsubscribe function. */
export async function onReplicaChanged(cb: () => void): Promise<() => void> {
  return listen('replica-changed', () => cb());
}

// ---- The CSBA program screen and reply templates (typed wrappers from bindings/commands.ts). ----

export type { ProgramScreen } from './bindings/ProgramScreen';
export type { ProgramView } from './bindings/ProgramView';
export type { EligibilityCheck } from './bindings/EligibilityCheck';
export type { PendingAction } from './bindings/PendingAction';
export type { FeeQuote } from './bindings/FeeQuote';
export type { ReplyTemplate } from './bindings/ReplyTemplate';

export const getProgramScreen = backend.programScreen;
export const enroll = backend.enroll;
export const pauseEnrollment = backend.pauseEnrollment;
export const resumeEnrollment = backend.resumeEnrollment;
export const feeWhatIf = backend.feeWhatIf;
export const getReplyTemplates = backend.replyTemplates;
export const saveReplyTemplate = backend.saveReplyTemplate;
export const deleteReplyTemplate = backend.deleteReplyTemplate;
export const fillReplyTemplate = backend.fillReplyTemplate;

// ---- The orders screen: single entry and bulk upload (typed wrappers from bindings/commands.ts). ----
// Errors keep their form field (`tracking_number`, `carrier`, `ship_date`): read it with `errorField(e)`.



/** Orders to ship (most urgent first), pending and shipped ones, and the 30-day valid tracking rate. */
export function getOrdersScreen(filter: ViewFilter): Promise<OrdersScreen> {
  return backend.ordersScreen(filter);
}

/** The live verdict on a tracking number as the seller types it. */
export function checkTracking(trackingNumber: string, carrier: string | null): Promise<TrackingVerdict> {
  return backend.checkTracking(trackingNumber, carrier);
}

/** Queues one shipment confirmation (ship date `YYYY-MM-DD` in the marketplace's time zone). */
export function confirmShipment(
  accountId: AccountId,
  orderId: string,
  trackingNumber: string,
  carrier: string | null,
  shipDate: string,
): Promise<QueueItem> {
  return backend.confirmShipment(accountId, orderId, trackingNumber, carrier, shipDate);
}

/** Reads and checks a bulk upload file dropped on the window (by its path); nothing is queued. */
export function previewUploadFile(path: string, options: UploadOptions): Promise<PreviewHandle> {
  return backend.previewUploadFile(path, options);
}

/** Checks a bulk upload given as bytes (the file chooser, a sample); nothing is queued. */
export function previewUploadBytes(fileName: string, bytes: number[], options: UploadOptions): Promise<PreviewHandle> {
  return backend.previewUploadBytes(fileName, bytes, options);
}

/** Queues a previewed upload (every batch in one transaction). */
export function queueUpload(previewId: string): Promise<UploadStatus> {
  return backend.queueUpload(previewId);
}

/** How far a queued upload got, with the service's per-row results. */
export function uploadStatus(group: string, rows: number): Promise<UploadStatus> {
  return backend.uploadStatus(group, rows);
}

/** A template to fill in, with the unshipped orders already in it. */
export function uploadTemplate(kind: TemplateKind, accountId: AccountId | null): Promise<FileDownload> {
  return backend.uploadTemplate(kind, accountId);
}

/** A sample upload file with the mistakes sellers make. */
export function uploadSample(accountId: AccountId): Promise<FileDownload> {
  return backend.uploadSample(accountId);
}

/** Saves a file the app made into the Downloads folder; resolves to where it went. */
export function saveDownload(file: FileDownload): Promise<string> {
  return backend.saveDownload(file);
}

// ---- Issue 10: return policy, feedback, questions to the CSBA team, performance. ----
// Errors keep their form field (`return_window_days`, `ground`, `explanation`, `question`, `order_id`…).

export type { PolicyScreen } from './bindings/PolicyScreen';
export type { PolicyView } from './bindings/PolicyView';
export type { PolicyChange } from './bindings/PolicyChange';
export type { FieldViolation } from './bindings/FieldViolation';
export type { ReturnPolicy } from './bindings/ReturnPolicy';
export type { ReturnPolicyRecord } from './bindings/ReturnPolicyRecord';
export type { ReturnRefundView } from './bindings/ReturnRefundView';
export type { ReturnReason } from './bindings/ReturnReason';
export type { Category } from './bindings/Category';
export type { Payer } from './bindings/Payer';
export type { ReturnMode } from './bindings/ReturnMode';
export type { RestockingWhen } from './bindings/RestockingWhen';
export type { FeedbackScreen } from './bindings/FeedbackScreen';
export type { FeedbackView } from './bindings/FeedbackView';
export type { CommentSpan } from './bindings/CommentSpan';
export type { RemovalRequestRecord } from './bindings/RemovalRequestRecord';
export type { RemovalDraftView } from './bindings/RemovalDraftView';
export type { QuestionsScreen } from './bindings/QuestionsScreen';
export type { QuestionView } from './bindings/QuestionView';
export type { PerformanceScreen } from './bindings/PerformanceScreen';
export type { PerformancePanel } from './bindings/PerformancePanel';
export type { WeekPoint } from './bindings/WeekPoint';
export type { Comparison } from './bindings/Comparison';
export type { MetricChange } from './bindings/MetricChange';

export const getPolicyScreen = backend.policyScreen;
export const checkPolicy = backend.checkPolicy;
export const submitPolicy = backend.submitPolicy;
export const policyDiff = backend.policyDiff;
export const getFeedbackScreen = backend.feedbackScreen;
export const composeRemoval = backend.composeRemoval;
export const requestRemoval = backend.requestRemoval;
export const getQuestionsScreen = backend.questionsScreen;
export const questionSubject = backend.questionSubject;
export const askQuestion = backend.askQuestion;
export const getPerformanceScreen = backend.performanceScreen;
