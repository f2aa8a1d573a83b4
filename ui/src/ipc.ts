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
import type { Inbox } from './bindings/Inbox';
import type { Locale } from './bindings/Locale';
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

/** Tells the backend the inbox was first shown (start-up measurement). */
export function reportFirstRender(): Promise<void> {
  return call<void>('first_render');
}

/** Calls `cb` whenever the local replica changed; resolves to an unsubscribe function. */
export async function onReplicaChanged(cb: () => void): Promise<() => void> {
  return listen('replica-changed', () => cb());
}
