// Every call to the Rust backend goes through this module.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { toIpcError } from './errors';

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
import type { AccountId } from './bindings/AccountId';
import type { AccountView } from './bindings/AccountView';
import type { CaseDetail } from './bindings/CaseDetail';
import type { DraftView } from './bindings/DraftView';
import type { Inbox } from './bindings/Inbox';
import type { Locale } from './bindings/Locale';
import type { QueueItem } from './bindings/QueueItem';
import type { Settings } from './bindings/Settings';

export type { IpcError } from './errors';

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

export function getInbox(): Promise<Inbox> {
  return call<Inbox>('inbox');
}

export function getSettings(): Promise<Settings> {
  return call<Settings>('settings');
}

export function setLocale(locale: Locale): Promise<Settings> {
  return call<Settings>('set_locale', { locale });
}

// Tauri maps these camelCase argument names to the Rust commands' snake_case ones.

export function getCaseDetail(accountId: AccountId, caseId: string): Promise<CaseDetail> {
  return call<CaseDetail>('case_detail', { accountId, caseId });
}

/** Stores the reply being written; an empty or blank body deletes the draft (and resolves to null). */
export function saveDraft(accountId: AccountId, caseId: string, body: string): Promise<DraftView | null> {
  return call<DraftView | null>('save_draft', { accountId, caseId, body });
}

/** The seller has reread a case that changed under their draft: clears `draft.case_changed`. */
export function acknowledgeCaseChange(accountId: AccountId, caseId: string): Promise<void> {
  return call<void>('acknowledge_case_change', { accountId, caseId });
}

/** Queues the reply in the outbox and deletes its draft in the same transaction. */
export function sendReply(accountId: AccountId, caseId: string, body: string): Promise<QueueItem> {
  return call<QueueItem>('send_reply', { accountId, caseId, body });
}

/** The outbox, newest first. */
export function getQueue(): Promise<QueueItem[]> {
  return call<QueueItem[]>('queue');
}

/** Queues a refused action again. */
export function retryAction(id: number): Promise<QueueItem> {
  return call<QueueItem>('retry_action', { id });
}

/** Drops a refused action for good. */
export function discardAction(id: number): Promise<void> {
  return call<void>('discard_action', { id });
}

/**
 * Adds a store: the backend checks the address, asks the service whose token it is, keeps the token in
 * the OS keychain only, and registers the account (the first real one replaces the demo). The token
 * goes straight to the backend: never log it, keep it or put it in an error.
 */
export function addAccount(url: string, token: string): Promise<AccountView> {
  return call<AccountView>('add_account', { url, token });
}

/**
 * Removes an account, its data on this computer and its keychain token. Without `force` the backend
 * refuses (`account-has-unsent`) while the account has actions not yet sent.
 */
export function removeAccount(id: AccountId, force: boolean): Promise<void> {
  return call<void>('remove_account', { id, force });
}

/** Every account's link tries now instead of after its wait. */
export function syncNow(): Promise<void> {
  return call<void>('sync_now');
}

/** Tells the backend the inbox was first shown (start-up measurement). */
export function reportFirstRender(): Promise<void> {
  return call<void>('first_render');
}

/** Calls `cb` whenever the local replica changed; resolves to an unsubscribe function. */
export async function onReplicaChanged(cb: () => void): Promise<() => void> {
  return listen('replica-changed', () => cb());
}
