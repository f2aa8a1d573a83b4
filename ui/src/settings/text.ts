// Words of the settings screen and the in-window alerts. Their messages live in
// locales/*/settings.ftl, written as st(i18n, '<id>') so the catalog test finds each; ids built from
// data (kinds, reasons, durations) are listed by settingsMessageIds().
import type { Args, I18n } from '../i18n';
import type { ObligationKind } from './types';

/** A settings.ftl message. */
export function st(i18n: I18n, id: string, args?: Args): string {
  return i18n.t(id, args);
}

/** Every kind, in ObligationKind::ALL order (the order the Rust side keeps thresholds in). */
export const KINDS: readonly ObligationKind[] = [
  'case_reply',
  'refund',
  'service_question',
  'identity_verification',
  'feedback_removal',
  'tracking',
];

const kebab = (s: string) => s.replace(/_/g, '-');

/** The kind's name, e.g. "A case's 24-hour reply". */
export const kindName = (i18n: I18n, k: ObligationKind) => i18n.t(`settings-kind-${kebab(k)}`);
/** What the deadline is, in a sentence. */
export const kindHint = (i18n: I18n, k: ObligationKind) => i18n.t(`settings-kind-${kebab(k)}-hint`);

/** The reasons the shell gives for what the desktop lacks (catalog ids, defined in settings.ftl). */
export const REASONS = ['desktop-no-tray-host', 'desktop-no-notification-daemon', 'desktop-notifications-denied'] as const;

/** A reason id from the shell in the seller's words; one this UI does not know yet reads as "not available". */
export function reasonText(i18n: I18n, reason: string | null): string {
  if (reason && i18n.has(reason)) return i18n.t(reason);
  return st(i18n, 'settings-unavailable-unknown');
}

/**
 * A duration in hours and minutes in the seller's language ("2 h 30 min", "2小时30分钟",
 * "2時間30分", "2시간 30분"); whole days read as days ("7 days") since that is how sellers count
 * a feedback window.
 */
export function duration(i18n: I18n, minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m >= 1440 && m % 1440 === 0) return st(i18n, 'settings-duration-days', { days: m / 1440 });
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  if (hours === 0) return st(i18n, 'settings-duration-minutes', { minutes: rest });
  if (rest === 0) return st(i18n, 'settings-duration-hours', { hours });
  return st(i18n, 'settings-duration-hours-minutes', { hours, minutes: rest });
}

/** One threshold as a seller reads it: "2 h before", or "When it passes" for 0. */
export function whenText(i18n: I18n, minutes: number): string {
  return minutes === 0 ? st(i18n, 'settings-threshold-when-passes') : st(i18n, 'settings-threshold-before', { duration: duration(i18n, minutes) });
}

/** A list of thresholds, e.g. "6 h before, 2 h before and when it passes"; none: "no alerts". */
export function thresholdList(i18n: I18n, minutes: readonly number[]): string {
  if (minutes.length === 0) return st(i18n, 'settings-list-none');
  const items = minutes.map((m) => whenText(i18n, m));
  try {
    return new Intl.ListFormat(i18n.locale, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** Where an alert's Open button leads, in words ("Open case 113-0001"). */
export function openLabel(i18n: I18n, screen: string, id: string): string {
  const known = OPEN_SCREENS.includes(screen as (typeof OPEN_SCREENS)[number]);
  return known ? i18n.t(`desk-alert-open-${screen}`, { id }) : st(i18n, 'desk-alert-open', { id });
}

/** The screens an alert opens (OpenTarget::screen), each with its own button words. */
export const OPEN_SCREENS = ['case', 'order', 'returns', 'questions', 'enrollment', 'feedback'] as const;

/** Every settings.ftl id built from data, for the catalog test. */
export function settingsMessageIds(): string[] {
  return [
    ...KINDS.flatMap((k) => [`settings-kind-${kebab(k)}`, `settings-kind-${kebab(k)}-hint`]),
    ...REASONS,
    'settings-duration-days',
    'settings-duration-hours',
    'settings-duration-minutes',
    'settings-duration-hours-minutes',
    // What cannot be read in an input (draft.ts names them by field).
    'settings-threshold-not-a-number',
    'settings-quiet-time-missing',
    ...OPEN_SCREENS.map((s) => `desk-alert-open-${s}`),
  ];
}
