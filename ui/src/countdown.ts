import { parseTimestamp } from './time';

/** Below this much time left, a deadline is shown as "due soon" (amber). */
export const DUE_SOON_MS = 3 * 60 * 60 * 1000;

export type Tone = 'overdue' | 'soon' | 'normal';

export type Countdown = {
  /** True once the deadline has been reached (remaining time <= 0). */
  overdue: boolean;
  /** Whole seconds left (rounded up) or, when overdue, elapsed since the deadline (rounded down). */
  seconds: number;
  /** H:MM:SS; hours are not wrapped at 24. */
  text: string;
  tone: Tone;
};

/** Formats a number of seconds as H:MM:SS (e.g. 5:03:12, 27:00:00). */
export function formatHms(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/** Milliseconds until `respondBy`, seen at server time `now`. Negative when past. */
export function remainingMs(respondBy: string, now: number): number {
  return parseTimestamp(respondBy) - now;
}

/**
 * The countdown to `respondBy` at server time `now` (Date.now() + server offset).
 * The deadline itself counts as reached: exactly 0 left is "overdue by 0:00:00".
 */
export function countdown(respondBy: string, now: number): Countdown {
  const ms = remainingMs(respondBy, now);
  if (Number.isNaN(ms)) return { overdue: false, seconds: 0, text: '–:––:––', tone: 'normal' };
  if (ms <= 0) {
    const seconds = Math.max(0, Math.floor(-ms / 1000));
    return { overdue: true, seconds, text: formatHms(seconds), tone: 'overdue' };
  }
  const seconds = Math.ceil(ms / 1000);
  return {
    overdue: false,
    seconds,
    text: formatHms(seconds),
    tone: ms < DUE_SOON_MS ? 'soon' : 'normal',
  };
}
