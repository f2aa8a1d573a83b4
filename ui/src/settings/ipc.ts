// The alert settings commands of the shell. Until Part B generates them into
// ../bindings/commands.ts these wrappers call `invoke` with the exact command names and snake_case
// arguments of the contract; errors reject as an IpcError that keeps its field (`errorField`).
import { invoke } from '@tauri-apps/api/core';
import { toIpcError } from '../errors';
import type { AlertSettings, AlertSettingsScreen, NotificationCheck, SnoozeChoice } from './types';

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

/** The settings screen: the seller's alert settings, the defaults, the snooze and what the desktop offers. */
export const getAlertSettings = (): Promise<AlertSettingsScreen> => call<AlertSettingsScreen>('alert_settings');

/** Saves the settings; refused (nothing saved) with the first violation's code at its field. */
export const setAlertSettings = (settings: AlertSettings): Promise<AlertSettingsScreen> =>
  call<AlertSettingsScreen>('set_alert_settings', { settings });

/** Pauses alerts for an hour or until tomorrow morning, or resumes them. */
export const snoozeAlerts = (choice: SnoozeChoice): Promise<AlertSettingsScreen> => call<AlertSettingsScreen>('snooze_alerts', { choice });

/** Turns launching at login on or off. */
export const setAutostart = (enabled: boolean): Promise<AlertSettingsScreen> => call<AlertSettingsScreen>('set_autostart', { enabled });

/** Sends a test notification; says whether it reached the desktop (and why not). */
export const testNotification = (): Promise<NotificationCheck> => call<NotificationCheck>('test_notification');
