import { afterEach, describe, expect, it } from 'vitest';
import { makeCase } from '../test/fixtures';
import { mount, unmount } from '../test/dom';
import { summarize } from '../urgency';
import { InboxView, WINDOWED_FROM, WINDOWED_ROW_HEIGHT } from './InboxView';

const now = Date.parse('2026-12-02T00:00:00Z');
afterEach(unmount);

describe('InboxView with a busy desk', () => {
  it('draws every case of a small inbox', () => {
    const cases = Array.from({ length: 12 }, (_, i) => makeCase(String(i), 60 + i, now));
    const el = mount(<InboxView cases={cases} summary={summarize(cases, now)} now={now} />);
    expect(el.querySelectorAll('[data-testid=case-row]')).toHaveLength(12);
    expect(el.querySelector('.case-list.windowed')).toBeNull();
  });

  it('draws only the rows in view of 10,000 cases, each saying where it stands, the rest as padding', () => {
    const cases = Array.from({ length: 10_000 }, (_, i) => makeCase(String(i), 60 + i, now));
    const el = mount(<InboxView cases={cases} summary={summarize(cases, now)} now={now} />);
    const rows = el.querySelectorAll<HTMLElement>('[data-testid=case-row]');
    expect(cases.length).toBeGreaterThan(WINDOWED_FROM);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0].getAttribute('aria-posinset')).toBe('1');
    expect(rows[0].getAttribute('aria-setsize')).toBe('10000');
    const list = el.querySelector<HTMLElement>('[data-testid=case-list]')!;
    const below = parseInt(list.style.paddingBottom, 10);
    expect(below).toBe((10_000 - rows.length) * WINDOWED_ROW_HEIGHT);
  });
});
