// For tests: the shell's alert-settings commands behind a mocked `invoke`, keeping state the way the
// Rust side does (a save is refused with the first violation at its field and saves nothing, else it
// stores the settings normalized, each kind's thresholds most distant first), so tests see what went
// over IPC and what came back.
// Test files mock `@tauri-apps/api/core` themselves and call `install()`; commands this fake does
// not know go to `fallback` (e.g. a FakeBackend's handler).
import { invoke } from '@tauri-apps/api/core';
import { vi } from 'vitest';
import type { AlertSettings, AlertSettingsScreen, NotificationCheck, SnoozeChoice, UpdateState } from './types';

/** The defaults of csba_alerts::AlertSettings. */
export function defaultSettings(): AlertSettings {
  return {
    thresholds: [
      { kind: 'case_reply', minutes: [360, 120, 30, 0] },
      { kind: 'refund', minutes: [1440, 240, 0] },
      { kind: 'service_question', minutes: [0] },
      { kind: 'identity_verification', minutes: [4320, 1440, 0] },
      { kind: 'feedback_removal', minutes: [10080, 1440] },
      { kind: 'tracking', minutes: [240, 60, 0] },
    ],
    quiet_hours: null,
    close_to_tray: true,
  };
}

export function screenModel(over: Partial<AlertSettingsScreen> = {}): AlertSettingsScreen {
  return {
    settings: defaultSettings(),
    defaults: defaultSettings(),
    snoozed_until: null,
    desktop: {
      tray: { available: true, reason: null },
      notifications: { available: true, reason: null },
      autostart: false,
    },
    zone: 'Asia/Tokyo',
    ...over,
  };
}

/** The Updates section as the shell answers before any check. */
export function updateModel(over: Partial<UpdateState> = {}): UpdateState {
  return { current_version: '0.1.0', phase: { kind: 'idle' }, last_checked: null, action: 'check', ...over };
}

export type Call = { cmd: string; args: Record<string, unknown> };

/** csba_alerts::AlertSettings::violations, first one only, as the AppError set_alert_settings rejects with. */
function firstViolation(s: AlertSettings): { code: string; args: Record<string, string>; field: string } | null {
  for (const { kind, minutes } of s.thresholds) {
    for (const [i, m] of minutes.entries()) {
      if (m > 43_200) return { code: 'alert-threshold-out-of-range', args: { max_days: '30' }, field: `thresholds.${kind}.${i}` };
      if (minutes.indexOf(m) < i) return { code: 'alert-threshold-repeated', args: {}, field: `thresholds.${kind}.${i}` };
    }
    if (minutes.length > 8) return { code: 'alert-too-many-thresholds', args: { max: '8' }, field: `thresholds.${kind}` };
  }
  const q = s.quiet_hours;
  if (q && q.start === q.end) return { code: 'quiet-hours-empty', args: {}, field: 'quiet_hours' };
  return null;
}

export class FakeSettings {
  screen: AlertSettingsScreen;
  calls: Call[] = [];
  /** The next `set_alert_settings` is refused with this AppError (then it clears). */
  refuseNext: { code: string; args?: Record<string, string>; field: string | null } | null = null;
  /** Every call of these commands is refused with this error. */
  failures = new Map<string, unknown>();
  notification: NotificationCheck = { delivered: true, reason: null };
  /** What `update_state` answers. */
  update: UpdateState = updateModel();
  /** What `check_for_update` and `install_update` answer (and then `update_state` too); unset: `update`. */
  updateAfter = new Map<string, UpdateState>();
  /** When alerts resume for each snooze choice (an ISO instant). */
  snoozeTimes: Record<Exclude<SnoozeChoice, 'off'>, string>;

  constructor(
    now: number,
    over: Partial<AlertSettingsScreen> = {},
    private fallback?: (cmd: string, args: Record<string, unknown>) => unknown,
  ) {
    this.screen = screenModel(over);
    this.snoozeTimes = {
      one_hour: new Date(now + 3600_000).toISOString(),
      until_tomorrow_morning: new Date(now + 20 * 3600_000).toISOString(),
    };
  }

  install(): this {
    vi.mocked(invoke).mockImplementation(async (cmd: string, args?: unknown) => this.handle(cmd, (args ?? {}) as Record<string, unknown>));
    return this;
  }

  callsOf(cmd: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.cmd === cmd).map((c) => c.args);
  }

  handle(cmd: string, a: Record<string, unknown>): unknown {
    const mine = ['alert_settings', 'set_alert_settings', 'snooze_alerts', 'set_autostart', 'test_notification', 'update_state', 'check_for_update', 'install_update'];
    if (!mine.includes(cmd)) {
      if (this.fallback) return this.fallback(cmd, a);
      throw { code: 'unknown', args: {} };
    }
    this.calls.push({ cmd, args: a });
    const failure = this.failures.get(cmd);
    if (failure !== undefined) throw failure;
    switch (cmd) {
      case 'alert_settings':
        return structuredClone(this.screen);
      case 'set_alert_settings': {
        if (this.refuseNext) {
          const { code, args = {}, field } = this.refuseNext;
          this.refuseNext = null;
          throw { code, args, field };
        }
        const s = a.settings as AlertSettings;
        const refusal = firstViolation(s);
        if (refusal) throw refusal;
        this.screen = {
          ...this.screen,
          settings: {
            ...s,
            thresholds: s.thresholds.map((t) => ({ kind: t.kind, minutes: [...t.minutes].sort((x, y) => y - x) })),
          },
        };
        return structuredClone(this.screen);
      }
      case 'snooze_alerts': {
        const choice = a.choice as SnoozeChoice;
        this.screen = { ...this.screen, snoozed_until: choice === 'off' ? null : this.snoozeTimes[choice] };
        return structuredClone(this.screen);
      }
      case 'set_autostart':
        this.screen = { ...this.screen, desktop: { ...this.screen.desktop, autostart: a.enabled as boolean } };
        return structuredClone(this.screen);
      case 'test_notification':
        return { ...this.notification };
      case 'update_state':
        return structuredClone(this.update);
      case 'check_for_update':
      case 'install_update':
        this.update = this.updateAfter.get(cmd) ?? this.update;
        return structuredClone(this.update);
    }
    return null;
  }
}
