// The settings screen and the in-window alerts inside the whole window, against the fake backend:
// the sidebar opens Settings, its language choice switches the whole app, and the shell's
// `desk-alert` and `open-target` events show an alert and open a case wherever the seller is.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';
import { FakeSettings } from '../settings/fakeSettings';
import { $, $$, click, mount, settle, unmount } from '../test/dom';
import { FakeBackend } from '../test/fakeBackend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

const now = Date.parse('2025-06-01T09:00:00Z');
let backend: FakeBackend;
let shellEvents: Map<string, (e: { payload: unknown }) => void>;

beforeEach(() => {
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
  backend = new FakeBackend(now).install();
  const desk = vi.mocked(invoke).getMockImplementation()!;
  new FakeSettings(now, {}, (cmd, a) => desk(cmd, a)).install();
  const events = vi.mocked(listen).getMockImplementation()!;
  shellEvents = new Map();
  vi.mocked(listen).mockImplementation(async (event, cb) => {
    if (event !== 'desk-alert' && event !== 'open-target') return events(event, cb);
    shellEvents.set(event, cb as (e: { payload: unknown }) => void);
    return () => shellEvents.delete(event);
  });
});
afterEach(() => {
  unmount();
  vi.useRealTimers();
});

async function start() {
  const el = mount(<App />);
  await settle();
  return el;
}

function emit(event: string, payload: unknown) {
  act(() => shellEvents.get(event)!({ payload }));
}

describe('the settings screen in the window', () => {
  it('is the last sidebar entry; its language choice switches the whole app, as the top bar’s does', async () => {
    const el = await start();
    click($(el, 'nav-settings'));
    await settle();
    expect($(el, 'settings-screen')).toBeTruthy();
    expect(document.activeElement).toBe(el.querySelector('#settings-heading'));
    const select = $(el, 'settings-language') as HTMLSelectElement;
    act(() => {
      select.value = 'ja';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(backend.callsOf('set_locale')).toEqual([{ locale: 'ja' }]);
    expect(document.documentElement.lang).toBe('ja');
    expect(el.querySelector('[data-locale="ja"]')!.getAttribute('aria-pressed')).toBe('true');
    expect($(el, 'nav-settings').textContent).toContain('設定');
    expect(el.querySelector('#settings-heading')!.textContent).toBe('設定');
    expect(($(el, 'settings-language') as HTMLSelectElement).value).toBe('ja');
  });
});

describe('alerts from the shell', () => {
  it('open-target opens the case from any screen', async () => {
    const el = await start();
    click($(el, 'nav-settings'));
    await settle();
    emit('open-target', { screen: 'case', account_id: 1, id: '3' });
    await settle();
    expect($$(el, 'case-detail')).toHaveLength(1);
    expect($$(el, 'settings-screen')).toHaveLength(0);
  });

  it('a desk-alert shows in the window until dismissed; Open opens its case', async () => {
    const el = await start();
    emit('desk-alert', { title: 'Case 3: 2 hours left', body: 'Answer by 11:00 or CSBA decides without you.', targets: [{ screen: 'case', account_id: 1, id: '3' }], labels: ['503-3'] });
    const shown = $(el, 'desk-alert');
    expect(el.querySelector('#main')!.contains(shown)).toBe(true);
    click($(el, 'desk-alert-open-0'));
    await settle();
    expect($$(el, 'case-detail')).toHaveLength(1);
    expect($$(el, 'desk-alert')).toHaveLength(1);
    click($(el, 'desk-alert-dismiss'));
    await settle();
    expect($$(el, 'desk-alert')).toHaveLength(0);
  });
});
