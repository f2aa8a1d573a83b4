import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { $, key, mount, unmount } from '../test/dom';
import { VirtualList, windowOf } from './VirtualList';

const ROWS = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, text: `Row ${i + 1}` }));
type Row = (typeof ROWS)[number];

function list(onActivate?: (r: Row, i: number) => void) {
  return (
    <VirtualList
      items={ROWS}
      rowHeight={40}
      height={400}
      overscan={5}
      label="Ten thousand rows"
      testid="vlist"
      getKey={(r) => r.id}
      onActivate={onActivate}
      renderRow={(r, _i, row) => (
        <div {...row} data-testid="vrow" data-id={r.id}>
          {r.text}
        </div>
      )}
    />
  );
}

const rendered = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('[data-testid="vrow"]')];
const scroll = (el: HTMLElement, top: number) =>
  act(() => {
    el.scrollTop = top;
    el.dispatchEvent(new Event('scroll'));
  });

afterEach(() => unmount());

describe('VirtualList', () => {
  it('renders only a window of 10,000 rows, and says where each row is in the whole list', () => {
    const el = mount(list());
    const rows = rendered(el);
    // 10 visible + 5 overscan below (none above the top).
    expect(rows.length).toBe(16);
    expect(rows[0].textContent).toBe('Row 1');
    const box = el.querySelector('[role="listbox"]')!;
    expect(box.getAttribute('aria-label')).toBe('Ten thousand rows');
    expect((box as HTMLElement).style.height).toBe('400000px');
    expect(rows[3].getAttribute('role')).toBe('option');
    expect(rows[3].getAttribute('aria-posinset')).toBe('4');
    expect(rows[3].getAttribute('aria-setsize')).toBe('10000');
    expect(rows.map((r) => r.tabIndex).filter((t) => t === 0)).toHaveLength(1);
  });

  it('moves the window as it scrolls, keeping it small', () => {
    const el = mount(list());
    scroll($(el, 'vlist'), 200_000); // row 5,000 at the top
    const rows = rendered(el);
    expect(rows.length).toBeLessThanOrEqual(21);
    expect(rows[0].dataset.id).toBe('r4995');
    expect(rows[rows.length - 1].dataset.id).toBe('r5015');
    expect(rows.every((r) => r.style.top === `${Number(r.dataset.id!.slice(1)) * 40}px`)).toBe(true);
  });

  it('moves focus with the keys across rows that were not rendered yet', () => {
    const el = mount(list());
    const first = rendered(el)[0];
    act(() => first.focus());
    key(first, 'ArrowDown');
    expect((document.activeElement as HTMLElement).dataset.id).toBe('r1');
    key(document.activeElement as HTMLElement, 'End');
    expect((document.activeElement as HTMLElement).dataset.id).toBe('r9999');
    expect($(el, 'vlist').scrollTop).toBe(9999 * 40 + 40 - 400);
    expect(rendered(el).length).toBeLessThanOrEqual(21);
    expect(el.querySelector('[data-id="r0"]')).toBeNull();
    key(document.activeElement as HTMLElement, 'ArrowUp');
    expect((document.activeElement as HTMLElement).dataset.id).toBe('r9998');
    key(document.activeElement as HTMLElement, 'PageUp');
    expect((document.activeElement as HTMLElement).dataset.id).toBe('r9989');
    key(document.activeElement as HTMLElement, 'Home');
    expect((document.activeElement as HTMLElement).dataset.id).toBe('r0');
    expect($(el, 'vlist').scrollTop).toBe(0);
    key(document.activeElement as HTMLElement, 'ArrowUp'); // stays on the first row
    expect((document.activeElement as HTMLElement).dataset.id).toBe('r0');
    // One tab stop: the row with focus.
    expect(rendered(el).filter((r) => r.tabIndex === 0).map((r) => r.dataset.id)).toEqual(['r0']);
  });

  it('opens a row with Enter or Space', () => {
    const open = vi.fn();
    const el = mount(list(open));
    const first = rendered(el)[0];
    act(() => first.focus());
    key(first, 'ArrowDown');
    key(document.activeElement as HTMLElement, 'Enter');
    key(document.activeElement as HTMLElement, ' ');
    expect(open.mock.calls.map(([r, i]) => [r.id, i])).toEqual([
      ['r1', 1],
      ['r1', 1],
    ]);
  });

  it('computes the window from the scroll position', () => {
    expect(windowOf(0, 400, 40, 10_000, 5)).toEqual({ first: 0, last: 15 });
    expect(windowOf(4000, 400, 40, 10_000, 5)).toEqual({ first: 95, last: 115 });
    expect(windowOf(400_000, 400, 40, 10_000, 5)).toEqual({ first: 9995, last: 9999 });
    expect(windowOf(0, 400, 40, 0, 5)).toEqual({ first: 0, last: -1 });
  });
});
