// The settings form's state: what the seller typed (strings, as inputs hold them) and how it turns
// back into AlertSettings. Only input parsing lives here — whether a threshold is too far, repeated
// or one too many, and whether quiet hours are empty, is the Rust side's to say, at its field.
import { KINDS } from './text';
import type { AlertSettings, ObligationKind } from './types';

/** One threshold as typed: hours and minutes. `key` keeps an input's identity while others are removed. */
export type ThresholdDraft = { key: number; hours: string; minutes: string };

export type Draft = {
  thresholds: Record<ObligationKind, ThresholdDraft[]>;
  quietEnabled: boolean;
  /** "HH:MM", as <input type="time"> holds it. */
  quietStart: string;
  quietEnd: string;
  alertDueInside: boolean;
  closeToTray: boolean;
};

/** What quiet hours start as when the seller turns them on for the first time: the night. */
export const QUIET_DEFAULT = { start: 22 * 60, end: 7 * 60, alert_due_inside: true };

let nextKey = 1;
export const newKey = () => nextKey++;

export function thresholdDraft(minutes: number): ThresholdDraft {
  return { key: newKey(), hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) };
}

/** 0..1440 minutes after midnight as "HH:MM" (1440 is not a time of day; it shows as 00:00). */
export function minutesToTime(m: number): string {
  const wrapped = ((Math.round(m) % 1440) + 1440) % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/** "HH:MM" (or "HH:MM:SS", which some webviews give) as minutes after midnight; null when not a time. */
export function timeToMinutes(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(s.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** A whole number as typed, full-width digits (from a CJK input method) included; "" is 0. */
function wholeNumber(s: string): number | null {
  const t = s.normalize('NFKC').trim();
  if (t === '') return 0;
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** The minutes a typed threshold stands for; null when hours or minutes are not whole numbers (or both are blank). */
export function thresholdMinutes(t: Pick<ThresholdDraft, 'hours' | 'minutes'>): number | null {
  if (t.hours.trim() === '' && t.minutes.trim() === '') return null;
  const h = wholeNumber(t.hours);
  const m = wholeNumber(t.minutes);
  if (h === null || m === null) return null;
  return h * 60 + m;
}

export function minutesFor(settings: AlertSettings, kind: ObligationKind): number[] | undefined {
  return settings.thresholds.find((t) => t.kind === kind)?.minutes;
}

/**
 * The form for `settings`; a kind the settings lack starts from its default. With `previous` (the
 * form just saved), a threshold keeps the key of the input that held the same minutes, so the
 * inputs the seller was in stay the same elements when the saved order differs from the typed one.
 */
export function draftOf(settings: AlertSettings, defaults: AlertSettings, previous?: Draft): Draft {
  const thresholds = {} as Record<ObligationKind, ThresholdDraft[]>;
  for (const kind of KINDS) {
    const before = [...(previous?.thresholds[kind] ?? [])];
    thresholds[kind] = (minutesFor(settings, kind) ?? minutesFor(defaults, kind) ?? []).map((m) => {
      const i = before.findIndex((t) => thresholdMinutes(t) === m);
      const key = i >= 0 ? before.splice(i, 1)[0].key : newKey();
      return { ...thresholdDraft(m), key };
    });
  }
  const q = settings.quiet_hours;
  return {
    thresholds,
    quietEnabled: q !== null,
    quietStart: minutesToTime((q ?? QUIET_DEFAULT).start),
    quietEnd: minutesToTime((q ?? QUIET_DEFAULT).end),
    alertDueInside: (q ?? QUIET_DEFAULT).alert_due_inside,
    closeToTray: settings.close_to_tray,
  };
}

/** Field → settings.ftl id of what is wrong with what was typed there (the fields are the Rust side's). */
export type ParseErrors = Record<string, string>;

export const thresholdField = (kind: ObligationKind, index: number) => `thresholds.${kind}.${index}`;

/**
 * The settings the form stands for, or the fields whose input cannot be read. Thresholds keep the
 * order they are shown in, so an index in a refusal (`thresholds.case_reply.2`) names the input shown.
 */
export function settingsOf(d: Draft): { settings: AlertSettings | null; errors: ParseErrors } {
  const errors: ParseErrors = {};
  const thresholds = KINDS.map((kind) => ({
    kind,
    minutes: d.thresholds[kind].map((t, i) => {
      const m = thresholdMinutes(t);
      if (m === null) errors[thresholdField(kind, i)] = 'settings-threshold-not-a-number';
      return m ?? 0;
    }),
  }));
  let quiet_hours: AlertSettings['quiet_hours'] = null;
  if (d.quietEnabled) {
    const start = timeToMinutes(d.quietStart);
    const end = timeToMinutes(d.quietEnd);
    if (start === null) errors['quiet_hours.start'] = 'settings-quiet-time-missing';
    if (end === null) errors['quiet_hours.end'] = 'settings-quiet-time-missing';
    quiet_hours = { start: start ?? 0, end: end ?? 0, alert_due_inside: d.alertDueInside };
  }
  const settings: AlertSettings = { thresholds, quiet_hours, close_to_tray: d.closeToTray };
  return { settings: Object.keys(errors).length === 0 ? settings : null, errors };
}

/** What the form stands for, comparable across drafts (unparsable inputs compare as typed). */
function fingerprint(d: Draft) {
  return {
    thresholds: KINDS.map((k) => d.thresholds[k].map((t) => thresholdMinutes(t) ?? `${t.hours}|${t.minutes}`)),
    quiet: d.quietEnabled ? [timeToMinutes(d.quietStart) ?? d.quietStart, timeToMinutes(d.quietEnd) ?? d.quietEnd, d.alertDueInside] : null,
    closeToTray: d.closeToTray,
  };
}

/** Which parts of the form differ from the saved settings: per kind, the quiet hours, the window. */
export function changes(d: Draft, saved: Draft): { kinds: Set<ObligationKind>; quiet: boolean; window: boolean; any: boolean } {
  const a = fingerprint(d);
  const b = fingerprint(saved);
  const kinds = new Set(KINDS.filter((_, i) => JSON.stringify(a.thresholds[i]) !== JSON.stringify(b.thresholds[i])));
  const quiet = JSON.stringify(a.quiet) !== JSON.stringify(b.quiet);
  const window = a.closeToTray !== b.closeToTray;
  return { kinds, quiet, window, any: kinds.size > 0 || quiet || window };
}
