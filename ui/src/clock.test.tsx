import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useServerNow } from './clock';
import { mount, unmount } from './test/dom';

function Probe() {
  return <p data-testid="now">{useServerNow(0)}</p>;
}

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

const shown = (root: HTMLElement) => Number(root.querySelector('[data-testid=now]')?.textContent);
const second = (root: HTMLElement) => {
  act(() => {
    vi.advanceTimersByTime(1010);
  });
  return shown(root);
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-02T05:00:00.000Z'));
});
afterEach(() => {
  unmount();
  setHidden(false);
  vi.useRealTimers();
});

describe('useServerNow', () => {
  it('ticks every second while shown, not at all while hidden, and at once when shown again', () => {
    const root = mount(<Probe />);
    const start = shown(root);
    expect(second(root)).toBeGreaterThan(start);
    const a = shown(root);
    expect(second(root)).toBeGreaterThan(a);

    setHidden(true);
    const hiddenAt = shown(root);
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(shown(root)).toBe(hiddenAt);
    expect(vi.getTimerCount()).toBe(0);

    setHidden(false);
    expect(shown(root)).toBeGreaterThanOrEqual(hiddenAt + 60_000);
    const back = shown(root);
    expect(second(root)).toBeGreaterThan(back);
  });
});
