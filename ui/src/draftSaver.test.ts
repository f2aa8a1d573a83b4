import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver, SAVE_DELAY_MS, SAVE_MAX_WAIT_MS, SAVE_RETRY_MS } from './draftSaver';
import type { DraftView } from './ipc';

const stored = (body: string): DraftView => ({ body, updated_at: '2025-06-01T09:30:00Z', case_changed: false });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DraftSaver', () => {
  it('saves the exact text 400 ms after the last keystroke, not before', async () => {
    const save = vi.fn(async (body: string) => stored(body));
    const saver = new DraftSaver(save, null);
    saver.change('H');
    await vi.advanceTimersByTimeAsync(200);
    saver.change('Hello  \n');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('Hello  \n');
    expect(saver.current).toMatchObject({ saving: false, error: null, savedAt: '2025-06-01T09:30:00Z' });
  });

  it('saves at least once a second while the seller keeps typing', async () => {
    const save = vi.fn(async (body: string) => stored(body));
    const saver = new DraftSaver(save, null);
    let text = '';
    for (let i = 0; i < 10; i++) {
      text += 'a';
      saver.change(text);
      await vi.advanceTimersByTimeAsync(150); // faster than the debounce
    }
    // 1.5 s of typing: the first save went out by the 1 s mark.
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(save.mock.calls[0][0].length).toBeLessThanOrEqual(Math.ceil(SAVE_MAX_WAIT_MS / 150) + 1);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(save).toHaveBeenLastCalledWith(text);
  });

  it('flush() sends what is typed at once, synchronously, and only once', async () => {
    const save = vi.fn(async (body: string) => stored(body));
    const saver = new DraftSaver(save, null);
    saver.change('last words');
    void saver.flush();
    expect(save).toHaveBeenCalledWith('last words'); // before any timer or microtask
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('does not save text that is already stored', async () => {
    const save = vi.fn(async (body: string) => stored(body));
    const saver = new DraftSaver(save, stored('kept'));
    await saver.flush();
    saver.change('kept!');
    saver.change('kept');
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(save).not.toHaveBeenCalled();
    expect(saver.current.saving).toBe(false);
  });

  it('never lets a slow save overwrite newer text: one at a time, newest last', async () => {
    const releases: (() => void)[] = [];
    const save = vi.fn(
      (body: string) => new Promise<DraftView>((resolve) => releases.push(() => resolve(stored(body)))),
    );
    const saver = new DraftSaver(save, null);
    saver.change('one');
    const first = saver.flush();
    saver.change('one two');
    const second = saver.flush();
    expect(save).toHaveBeenCalledTimes(1); // the second waits for the first
    releases[0]();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('one two');
    releases[1]();
    await Promise.all([first, second]);
    expect(saver.current.saving).toBe(false);
  });

  it('reports a failed save, keeps the text, and tries again by itself', async () => {
    const save = vi.fn<(body: string) => Promise<DraftView | null>>();
    save.mockRejectedValueOnce({ code: 'replica-unavailable', args: {} });
    save.mockImplementation(async (body) => stored(body));
    const saver = new DraftSaver(save, null);
    const seen: unknown[] = [];
    saver.subscribe((s) => seen.push(s.error));
    saver.change('do not lose me');
    await saver.flush();
    expect(saver.current.error).toEqual({ code: 'replica-unavailable', args: {} });
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('do not lose me');
    expect(saver.current.error).toBeNull();
  });

  it('settle() waits for the saves under way; reset() forgets the draft without saving', async () => {
    let release!: () => void;
    const save = vi.fn<(body: string) => Promise<DraftView>>();
    save.mockImplementationOnce((body) => new Promise((r) => (release = () => r(stored(body)))));
    save.mockImplementation(async (body) => stored(body));
    const saver = new DraftSaver(save, null);
    saver.change('a');
    void saver.flush();
    saver.change('ab'); // typed while the first save runs
    let done = false;
    const settled = saver.settle().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    release();
    await settled;
    // The running flush went on to store the newest text before settle() returned.
    expect(save.mock.calls.map((c) => c[0])).toEqual(['a', 'ab']);
    saver.reset('');
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    expect(save).toHaveBeenCalledTimes(2);
    expect(saver.current).toMatchObject({ saving: false, savedAt: null });
  });
});
