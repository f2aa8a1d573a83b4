import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import * as ipc from './ipc';
import type { ErrorCode } from './bindings/ErrorCode';
import { makeInbox } from './test/fixtures';

// The screens behind the inbox are tested against a fake backend in flows.test.tsx.
vi.mock('./ipc', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./ipc')>()),
  getInbox: vi.fn(),
  getSettings: vi.fn(),
  setLocale: vi.fn(),
  onReplicaChanged: vi.fn(),
  reportFirstRender: vi.fn(() => Promise.resolve()),
  syncNow: vi.fn(() => Promise.resolve()),
}));

const mocked = vi.mocked(ipc);
let container: HTMLElement;
let replicaChanged: (() => void) | undefined;

async function flush() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

async function mount() {
  container = document.createElement('div');
  document.body.appendChild(container);
  await act(async () => {
    render(<App />, container);
  });
  await flush();
  return container;
}

const kana = /[\u3040-\u30ff]/;

beforeEach(() => {
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo; // jsdom does not scroll
  mocked.getInbox.mockImplementation(async () => makeInbox(Date.now()));
  mocked.getSettings.mockResolvedValue({ locale: 'en' });
  mocked.setLocale.mockImplementation(async (locale) => ({ locale }));
  mocked.onReplicaChanged.mockImplementation(async (cb) => {
    replicaChanged = cb;
    return () => {
      replicaChanged = undefined;
    };
  });
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('App started by main.tsx', () => {
  it('draws the inbox main.tsx read in its first frame, without asking again, and rereads on a change', async () => {
    const inbox = makeInbox(Date.now());
    container = document.createElement('div');
    document.body.appendChild(container);
    // No act(), no flush: what the very first synchronous render put in the DOM.
    render(<App startLocale="ja" startInbox={inbox} />, container);
    const rows = [...container.querySelectorAll('[data-testid="case-row"]')];
    expect(rows.map((r) => r.getAttribute('data-case-id'))).toEqual(['2', '3', '1', '5', '4']);
    expect(container.textContent).toMatch(kana);
    // Effects run after the frame was painted (preact waits at most 100 ms for it).
    await act(async () => {
      await new Promise((r) => setTimeout(r, 150));
    });
    expect(mocked.getInbox).not.toHaveBeenCalled();
    expect(mocked.getSettings).not.toHaveBeenCalled();
    expect(mocked.reportFirstRender.mock.calls.length, "first render reported").toBe(1);

    await act(async () => replicaChanged?.());
    await flush();
    expect(mocked.getInbox).toHaveBeenCalledTimes(1);
  });

  it('reads an empty desk again once it listens, so news that came before the listener is not missed', async () => {
    // The backend fills an empty desk as soon as main.tsx has read it; here
    // its news came before the listener was in place and is never repeated.
    container = document.createElement('div');
    document.body.appendChild(container);
    await act(async () => {
      render(<App startLocale="en" startInbox={{ ...makeInbox(Date.now()), cases: [] }} />, container);
    });
    await flush();
    expect(mocked.getInbox).toHaveBeenCalledTimes(1);
    expect(container.querySelectorAll('[data-testid="case-row"]').length).toBe(5);
    expect(mocked.reportFirstRender.mock.calls.length, 'first render reported').toBe(1);
  });

  it('reads the inbox itself when main.tsx could not', async () => {
    container = document.createElement('div');
    document.body.appendChild(container);
    await act(async () => {
      render(<App startLocale="en" startInbox={null} />, container);
    });
    await flush();
    expect(mocked.getInbox).toHaveBeenCalledTimes(1);
    expect(container.querySelectorAll('[data-testid="case-row"]').length).toBe(5);
  });
});

describe('App', () => {
  it('shows the inbox sorted by urgency with header and summary', async () => {
    const el = await mount();
    const rows = [...el.querySelectorAll('[data-testid="case-row"]')];
    expect(rows.map((r) => r.getAttribute('data-case-id'))).toEqual(['2', '3', '1', '5', '4']);
    expect(el.querySelector('.brand-name')!.textContent).toBe('CSBA Desk');
    expect(el.querySelector('[data-testid="service-badge"]')!.textContent).toBe('Sandbox · demo data');
    expect(el.querySelector('[data-testid="sync-status"]')!.textContent).toContain('Online');
    expect(el.querySelector('[data-testid="summary"]')!.textContent).toContain('3 open cases');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('CSBA Desk');
    expect(el.querySelector('[data-locale="en"]')!.getAttribute('aria-pressed')).toBe('true');
  });

  it('switches language at once and persists it', async () => {
    const el = await mount();
    expect(el.textContent).not.toMatch(kana);
    await act(async () => {
      (el.querySelector('[data-locale="ja"]') as HTMLButtonElement).click();
    });
    await flush();
    expect(mocked.setLocale).toHaveBeenCalledWith('ja');
    expect(el.textContent).toMatch(kana);
    expect(el.querySelector('[data-testid="case-countdown"]')!.textContent).toMatch(/^期限超過 \d+:\d\d:\d\d$/);
    expect(el.querySelector('[data-locale="ja"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(el.querySelector('[data-locale="en"]')!.getAttribute('aria-pressed')).toBe('false');
    expect(document.documentElement.lang).toBe('ja');

    await act(async () => {
      (el.querySelector('[data-locale="ko"]') as HTMLButtonElement).click();
    });
    await flush();
    expect(el.querySelector('[data-testid="summary"]')!.textContent).toContain('미처리 3건');
    expect(document.documentElement.lang).toBe('ko');
  });

  it('starts in the locale from settings', async () => {
    mocked.getSettings.mockResolvedValue({ locale: 'zh-CN' });
    const el = await mount();
    expect(el.querySelector('h1')!.textContent).toBe('待处理案例');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('reloads the inbox when the replica changes', async () => {
    const el = await mount();
    mocked.getInbox.mockResolvedValue({ ...makeInbox(Date.now()), cases: [] });
    await act(async () => replicaChanged!());
    await flush();
    expect(el.querySelectorAll('[data-testid="case-row"]')).toHaveLength(0);
    expect(el.querySelector('[data-testid="inbox-empty"]')).not.toBeNull();
  });

  it('shows backend errors localized, with the fallback message', async () => {
    mocked.getInbox.mockRejectedValue({ code: 'surely-not-a-real-code', args: {} });
    const el = await mount();
    expect(el.querySelector('[data-testid="error"]')!.textContent).toContain('Something went wrong');
  });

  it('shows why the last sync failed', async () => {
    const inbox = makeInbox(Date.now());
    mocked.getInbox.mockResolvedValue({
      ...inbox,
      sync: { ...inbox.sync, state: 'offline', error: { code: 'surely-not-a-real-code' as ErrorCode, args: {}, field: null } },
    });
    const el = await mount();
    const sync = el.querySelector('[data-testid="sync-status"]')!;
    expect(sync.textContent).toContain('Offline');
    expect(sync.textContent).toContain('Something went wrong');
  });

  it('counts down using server time, not the local clock', async () => {
    const now = Date.now();
    const inbox = makeInbox(now);
    const offset = 2 * 3600_000; // the local clock is two hours behind the server
    mocked.getInbox.mockResolvedValue({
      ...inbox,
      server_offset_ms: offset, // the first account's, for the header
      accounts: inbox.accounts.map((a) => ({ ...a, server_offset_ms: offset })),
    });
    const el = await mount();
    const row = el.querySelector('[data-case-id="1"] [data-testid="case-countdown"]')!;
    // case 1 is due 10 h after local now, i.e. 8 h after server now
    expect(row.textContent).toMatch(/^(7:59:\d\d|8:00:00) left$/);
  });
});
