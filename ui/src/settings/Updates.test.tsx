import { listen } from '@tauri-apps/api/event';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '../ipc';
import { $, click, mount, settle, unmount } from '../test/dom';
import { FakeSettings, updateModel } from './fakeSettings';
import type { UpdateState } from './types';
import { UpdatesSection } from './Updates';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

let fake: FakeSettings;
/** The `update-changed` listener the section registered. */
let emit: ((s: UpdateState) => void) | null;

beforeEach(() => {
  fake = new FakeSettings(Date.parse('2026-12-02T03:00:00Z')).install();
  emit = null;
  vi.mocked(listen).mockImplementation(async (event: string, cb: unknown) => {
    if (event === 'update-changed') emit = (s) => (cb as (e: unknown) => void)({ event, id: 0, payload: s });
    return () => {
      emit = null;
    };
  });
});
afterEach(() => unmount());

async function open(state: Partial<UpdateState> = {}, locale: Locale = 'en') {
  fake.update = updateModel(state);
  const el = mount(<UpdatesSection />, locale);
  await settle();
  return el;
}

const refused = (version: string | null = '0.2.0'): UpdateState =>
  updateModel({
    phase: { kind: 'failed', error: { code: 'update-signature-invalid', args: {}, field: null }, version },
    last_checked: '2026-12-02T02:59:00Z',
  });

describe('the Updates section', () => {
  it('shows this version, that it never checked, and offers a check', async () => {
    const el = await open();
    expect($(el, 'settings-update-version').textContent).toBe('0.1.0');
    expect($(el, 'settings-update-last-check').textContent).toBe('Not yet');
    expect($(el, 'settings-update-state').dataset.phase).toBe('idle');
    const button = $(el, 'settings-update-action');
    expect(button.textContent).toBe('Check for updates');
    expect(button.getAttribute('aria-disabled')).toBeNull();
    expect(el.querySelector('[data-testid="settings-update-error"]')).toBeNull();
  });

  it('checks on Enter-activated click and then offers Install and restart, the one button keeping focus', async () => {
    fake.updateAfter.set('check_for_update', updateModel({ phase: { kind: 'available', version: '0.2.0', notes: '<b>Faster</b> sync' }, action: 'install-and-restart', last_checked: '2026-12-02T03:00:00Z' }));
    const el = await open();
    const button = $(el, 'settings-update-action');
    button.focus();
    click(button);
    await settle();
    expect(fake.callsOf('check_for_update')).toHaveLength(1);
    expect($(el, 'settings-update-state').textContent).toBe('Version 0.2.0 is available.');
    expect($(el, 'settings-update-action')).toBe(button);
    expect(document.activeElement).toBe(button);
    expect(button.textContent).toBe('Install and restart');
    expect(button.dataset.action).toBe('install-and-restart');
    // Release notes are text, never markup.
    expect($(el, 'settings-update-notes').querySelector('b')).toBeNull();
    expect($(el, 'settings-update-notes').textContent).toContain('<b>Faster</b> sync');
    expect($(el, 'settings-update-last-check').textContent).not.toBe('Not yet');
  });

  it('installs when offered, and says a bad signature was refused, in the seller’s language', async () => {
    fake.updateAfter.set('install_update', refused());
    const el = await open({ phase: { kind: 'available', version: '0.2.0', notes: null }, action: 'install-and-restart' }, 'ja');
    click($(el, 'settings-update-action'));
    await settle();
    expect(fake.callsOf('install_update')).toHaveLength(1);
    const error = $(el, 'settings-update-error');
    expect(error.dataset.code).toBe('update-signature-invalid');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('署名が CSBA Desk の署名鍵と一致しない');
    expect($(el, 'settings-update-state').textContent).toBe('バージョン 0.2.0 はインストールされませんでした。');
    // Nothing to install any more: the seller may check again.
    expect($(el, 'settings-update-action').textContent).toBe('アップデートを確認');
  });

  it('follows the events: progress while downloading, busy without a usable button', async () => {
    const el = await open();
    expect(emit).not.toBeNull();
    act(() => emit!(updateModel({ phase: { kind: 'downloading', version: '0.2.0', received: 400, total: 1000 }, action: 'none' })));
    expect($(el, 'settings-update-state').textContent).toBe('Downloading version 0.2.0… 40%');
    const button = $(el, 'settings-update-action');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('aria-busy')).toBe('true');
    click(button);
    await settle();
    expect(fake.callsOf('check_for_update')).toHaveLength(0);
    expect(fake.callsOf('install_update')).toHaveLength(0);
    act(() => emit!(updateModel({ phase: { kind: 'failed', error: { code: 'update-unreachable', args: {}, field: null }, version: null } })));
    expect($(el, 'settings-update-state').textContent).toBe('The check for a new version did not work.');
    expect($(el, 'settings-update-error').textContent).toContain('could not be reached');
  });

  it('says a refused call (no update left to install) under the button', async () => {
    fake.failures.set('install_update', { code: 'update-not-available', args: {}, field: null });
    const el = await open({ phase: { kind: 'available', version: '0.2.0', notes: null }, action: 'install-and-restart' }, 'ko');
    click($(el, 'settings-update-action'));
    await settle();
    expect($(el, 'settings-update-call-error').textContent).toBe('설치할 업데이트가 없습니다. 먼저 업데이트를 확인해 주세요.');
  });

  it('words every phase in all four languages', async () => {
    for (const locale of ['en', 'zh-CN', 'ja', 'ko'] as const) {
      const el = await open(refused(null), locale);
      expect($(el, 'settings-update-state').textContent).not.toMatch(/settings-updates/);
      expect($(el, 'settings-update-error').textContent).not.toMatch(/error-/);
      unmount();
    }
  });
});
