import { listen } from '@tauri-apps/api/event';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, click, settle, unmount } from '../test/dom';
import { mountScreen, navigate } from '../test/screen';
import type { DeskAlert, OpenTarget } from '../settings/types';
import { AlertHost, MAX_TARGETS } from './AlertHost';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

let handlers: Map<string, (e: { payload: unknown }) => void>;
let unlistened: string[];

beforeEach(() => {
  handlers = new Map();
  unlistened = [];
  vi.mocked(listen).mockImplementation(async (event: string, cb: unknown) => {
    handlers.set(event, cb as (e: { payload: unknown }) => void);
    return () => {
      unlistened.push(event);
      handlers.delete(event);
    };
  });
});
afterEach(() => unmount());

function emit(event: string, payload: unknown) {
  act(() => handlers.get(event)!({ payload }));
}

const target = (i: number, over: Partial<OpenTarget> = {}): OpenTarget => ({ screen: 'case', account_id: 1, id: `113-000${i}`, ...over });
const alert = (over: Partial<DeskAlert> = {}): DeskAlert => ({
  title: 'Case 113-0001: 2 hours left',
  body: 'Answer by 14:30 (JST) or CSBA decides without you.',
  targets: [target(1)],
  labels: ['503-0001'],
  ...over,
});

async function host(locale: 'en' | 'ja' = 'en', nav = navigate({ name: 'inbox' })) {
  const el = await mountScreen(
    <main id="main">
      <AlertHost />
      <h1 tabIndex={-1}>Cases</h1>
    </main>,
    { name: 'inbox' },
    locale,
    nav,
  );
  return { el, nav };
}

describe('in-window alerts', () => {
  it('listen for desk-alert and open-target, and stop when the window goes', async () => {
    await host();
    expect([...handlers.keys()].sort()).toEqual(['desk-alert', 'open-target']);
    unmount();
    expect(unlistened.sort()).toEqual(['desk-alert', 'open-target']);
  });

  it('show nothing until an alert comes, then the alert, announced, with its lines', async () => {
    const { el } = await host();
    expect($$(el, 'desk-alert')).toHaveLength(0);
    emit('desk-alert', alert({ title: '4 deadlines need you', body: 'Case 113-0001 — in 2 h\nRefund 114-2222 — 3 h overdue\n' }));
    const shown = $(el, 'desk-alert');
    expect(shown.getAttribute('role')).toBe('alert');
    expect($(el, 'desk-alert-title').textContent).toBe('4 deadlines need you');
    expect([...shown.querySelectorAll('.desk-alert-line')].map((l) => l.textContent)).toEqual(['Case 113-0001 — in 2 h', 'Refund 114-2222 — 3 h overdue']);
    // It does not take the keyboard from what the seller is doing.
    expect(shown.contains(document.activeElement)).toBe(false);
  });

  it('open what they are about (the first five), and stay until dismissed', async () => {
    const { el, nav } = await host();
    const targets = [0, 1, 2, 3, 4, 5, 6].map((i) => target(i, i === 3 ? { screen: 'returns', id: '114-2222' } : {}));
    // Each is named by what the seller knows it by (its order), not by the case's id.
    const labels = targets.map((t, i) => (i === 3 ? t.id : `503-000${i}`));
    emit('desk-alert', alert({ targets, labels }));
    expect($(el, 'desk-alert').querySelectorAll('[data-testid^="desk-alert-open-"]')).toHaveLength(MAX_TARGETS);
    expect($(el, 'desk-alert-open-0').textContent).toBe('Open the case on order 503-0000');
    expect($(el, 'desk-alert-open-3').textContent).toBe('Open return 114-2222');
    click($(el, 'desk-alert-open-1'));
    expect(nav.openCase).toHaveBeenCalledWith(1, '113-0001');
    click($(el, 'desk-alert-open-3'));
    expect(nav.open).toHaveBeenCalledWith('returns');
    expect($$(el, 'desk-alert')).toHaveLength(1);
    click($(el, 'desk-alert-dismiss'));
    expect($$(el, 'desk-alert')).toHaveLength(0);
  });

  it('are buttons the keyboard reaches in order: Open…, then Dismiss', async () => {
    const { el } = await host();
    emit('desk-alert', alert({ targets: [target(1), target(2)] }));
    const buttons = [...$(el, 'desk-alert').querySelectorAll('button')];
    expect(buttons.map((b) => b.dataset.testid)).toEqual(['desk-alert-open-0', 'desk-alert-open-1', 'desk-alert-dismiss']);
    expect(buttons.every((b) => b.type === 'button' && b.tabIndex === 0)).toBe(true);
  });

  it('stack newest first; dismissing one puts the keyboard on the next, the last on the heading', async () => {
    const { el } = await host();
    emit('desk-alert', alert({ title: 'first' }));
    emit('desk-alert', alert({ title: 'second' }));
    expect($$(el, 'desk-alert-title').map((t) => t.textContent)).toEqual(['second', 'first']);
    const dismiss = $$(el, 'desk-alert-dismiss')[0];
    dismiss.focus();
    click(dismiss);
    await settle();
    expect($$(el, 'desk-alert-title').map((t) => t.textContent)).toEqual(['first']);
    expect(document.activeElement).toBe($(el, 'desk-alert-dismiss'));
    click($(el, 'desk-alert-dismiss'));
    await settle();
    expect($$(el, 'desk-alert')).toHaveLength(0);
    expect(document.activeElement).toBe(el.querySelector('h1'));
  });

  it('speak the seller’s language around the shell’s text', async () => {
    const { el } = await host('ja');
    emit('desk-alert', alert({ title: 'ケース 113-0001：残り 2 時間', targets: [target(1, { screen: 'order', id: '503-1' })], labels: ['503-1'] }));
    expect($(el, 'desk-alert-open-0').textContent).toBe('注文 503-1 を開く');
    expect($(el, 'desk-alert-dismiss').textContent).toBe('閉じる');
  });

  it('open-target opens the case or screen at once', async () => {
    const { nav } = await host();
    emit('open-target', target(9, { account_id: 2 }));
    expect(nav.openCase).toHaveBeenCalledWith(2, '113-0009');
    emit('open-target', { screen: 'feedback', account_id: 1, id: '503-1' });
    expect(nav.open).toHaveBeenCalledWith('feedback');
  });

  it('outside the desktop shell there are no events, and nothing breaks', async () => {
    vi.mocked(listen).mockRejectedValue(new Error('no shell'));
    const { el } = await host();
    expect($$(el, 'desk-alerts')).toHaveLength(0);
    expect(el.querySelector('h1')).not.toBeNull();
  });
});
