import { describe, expect, it } from 'vitest';
import { makeCase, makeInbox } from './test/fixtures';
import { sortByUrgency, summarize } from './urgency';

const now = Date.parse('2025-06-01T00:00:00Z');

describe('sortByUrgency', () => {
  it('puts overdue open cases first, then open by deadline, then answered/resolved', () => {
    const sorted = sortByUrgency(makeInbox(now).cases, now).map((c) => c.id);
    expect(sorted).toEqual(['2', '3', '1', '5', '4']);
  });

  it('orders several overdue cases by deadline, most overdue first', () => {
    const cases = [makeCase('a', -1, now), makeCase('b', -5, now), makeCase('c', 2, now)];
    expect(sortByUrgency(cases, now).map((c) => c.id)).toEqual(['b', 'a', 'c']);
  });

  it('never puts a closed case above an open one, even if its deadline is earlier', () => {
    const cases = [makeCase('x', -10, now, { status: 'answered' }), makeCase('y', 23, now)];
    expect(sortByUrgency(cases, now).map((c) => c.id)).toEqual(['y', 'x']);
  });

  it('does not mutate its input', () => {
    const cases = makeInbox(now).cases;
    const before = cases.map((c) => c.id);
    sortByUrgency(cases, now);
    expect(cases.map((c) => c.id)).toEqual(before);
  });
});

describe('summarize', () => {
  it('counts overdue, due within 3 hours and open cases', () => {
    expect(summarize(makeInbox(now).cases, now)).toEqual({ overdue: 1, dueSoon: 1, open: 3 });
  });
});

describe('several accounts, several clocks', () => {
  it('reads each case on its own account’s clock', () => {
    const now = Date.parse('2025-06-01T00:00:00Z');
    const a = makeCase('a', 2, now, { account_id: 1 }); // 2 h left on a clock that agrees with ours
    const b = makeCase('b', 2.5, now, { account_id: 2 }); // 2.5 h on paper, but that service is 1 h ahead
    const offsets = new Map([
      [1, 0],
      [2, 3600_000],
    ]);
    const nowOf = (c: { account_id: number }) => now + offsets.get(c.account_id)!;
    expect(sortByUrgency([a, b], now).map((c) => c.id)).toEqual(['a', 'b']);
    expect(sortByUrgency([a, b], nowOf).map((c) => c.id)).toEqual(['b', 'a']);
    const late = makeCase('c', 0.5, now, { account_id: 2 }); // overdue by 30 min on its own clock
    expect(summarize([a, b, late], nowOf)).toEqual({ overdue: 1, dueSoon: 2, open: 3 });
  });
});
