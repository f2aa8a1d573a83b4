import { DUE_SOON_MS, remainingMs } from './countdown';
import type { CaseView } from './ipc';
import { parseTimestamp } from './time';

/**
 * Server time, either one clock for every case or each case's own (with
 * several accounts, each service has its own clock offset).
 */
export type ServerNow = number | ((c: CaseView) => number);

const at = (now: ServerNow, c: CaseView) => (typeof now === 'number' ? now : now(c));

function rank(c: CaseView, now: ServerNow): number {
  if (c.status !== 'open') return 2;
  return remainingMs(c.respond_by, at(now, c)) <= 0 ? 0 : 1;
}

/** Time left on the case's own clock; a deadline that cannot be read sorts last. */
function left(c: CaseView, now: ServerNow): number {
  const ms = remainingMs(c.respond_by, at(now, c));
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/**
 * Orders cases by urgency at server time `now`: overdue open cases first, then
 * the other open cases by time left (least first), then answered and resolved
 * cases (most recently opened first). Returns a new array.
 */
export function sortByUrgency(cases: readonly CaseView[], now: ServerNow): CaseView[] {
  return [...cases].sort((a, b) => {
    const ra = rank(a, now);
    const rb = rank(b, now);
    if (ra !== rb) return ra - rb;
    let d: number;
    if (ra < 2) d = left(a, now) - left(b, now);
    else d = parseTimestamp(b.opened_at) - parseTimestamp(a.opened_at);
    if (d !== 0 && !Number.isNaN(d)) return d;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

export type Summary = { overdue: number; dueSoon: number; open: number };

/** Counts for the summary strip: overdue, due within 3 hours, and all open cases. */
export function summarize(cases: readonly CaseView[], now: ServerNow): Summary {
  const s: Summary = { overdue: 0, dueSoon: 0, open: 0 };
  for (const c of cases) {
    if (c.status !== 'open') continue;
    s.open++;
    const ms = remainingMs(c.respond_by, at(now, c));
    if (ms <= 0) s.overdue++;
    else if (ms < DUE_SOON_MS) s.dueSoon++;
  }
  return s;
}
