// The shell's alert events. `desk-alert`: an alert the desktop could not show (no notification
// daemon), to show in the window. `open-target`: a notification or tray item was chosen.
import { listen } from '@tauri-apps/api/event';
import type { DeskAlert, OpenTarget } from '../settings/types';

export async function onDeskAlert(cb: (alert: DeskAlert) => void): Promise<() => void> {
  return listen<DeskAlert>('desk-alert', (e) => cb(e.payload));
}

export async function onOpenTarget(cb: (target: OpenTarget) => void): Promise<() => void> {
  return listen<OpenTarget>('open-target', (e) => cb(e.payload));
}
