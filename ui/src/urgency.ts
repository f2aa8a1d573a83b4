import { DUE_SOON_MS, remainingMs } from './countdown';
import type { CaseView } from './ipc';
import { parseTimestamp } from './time';

function deadline(c: CaseView): number {
  const t = parseTimestamp(c.respond_by);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

function rank(c: CaseView, now: number): number {
  if (c.status !== 'open') return 2;
  return remainingMs(c.respond_by, now) <= 0 ? 0 : 1;
}

/**
 * Orders cases by urgency at server time `now`: overdue open cases first, then
 * the other open cases by deadline (soonest first), then answered and resolved
 * cases (most recently opened first). Returns a new array.
 */
export function sortByUrgency(cases: readonly CaseView[], now: number): CaseView[] {
  return [...cases].sort((a, b) => {
    const ra = rank(a, now);
    const rb = rank(b, now);
    if (ra !== rb) return ra - rb;
    let d: number;
    if (ra < 2) d = deadline(a) - deadline(b);
    else d = parseTimestamp(b.opened_at) - parseTimestamp(a.opened_at);
    if (d !== 0 && !Number.isNaN(d)) return d;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export type Summary = { overdue: number; dueSoon: number; open: number };

/** Counts for the summary strip: overdue, due within 3 hours, and all open cases. */
export function summarize(cases: readonly CaseView[], now: number): Summary {
  const s: Summary = { overdue: 0, dueSoon: 0, open: 0 };
  for (const c of cases) {
    if (c.status !== 'open') continue;
    s.open++;
    const ms = remainingMs(c.respond_by, now);
    if (ms <= 0) s.overdue++;
    else if (ms < DUE_SOON_MS) s.dueSoon++;
  }
  return s;
}
