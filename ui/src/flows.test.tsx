// The whole app against a fake backend behind `invoke`: navigation between
// the inbox, a case and the outbox, and the header's view of the link.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import { getI18n } from './i18n';
import { $, $$, click, key, mount, settle, type, unmount } from './test/dom';
import { FakeBackend, queueItem } from './test/fakeBackend';
import { makeCase } from './test/fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

const now = Date.parse('2025-06-01T09:00:00Z');
let backend: FakeBackend;
let scrollTo: ReturnType<typeof vi.fn>;

async function start(setup: (b: FakeBackend) => void = () => undefined) {
  setup(backend);
  const el = mount(<App />);
  await settle();
  return el;
}

const row = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-testid="case-row"][data-case-id="${id}"]`)!;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(now);
  backend = new FakeBackend(now).install();
  scrollTo = vi.fn();
  window.scrollTo = scrollTo as unknown as typeof window.scrollTo;
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true, writable: true });
});

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

describe('opening a case', () => {
  it('opens on click and comes back to the same scroll place, on the same row', async () => {
    const el = await start();
    window.scrollY = 640;
    click(row(el, '3'));
    await settle();
    expect($(el, 'case-detail').dataset.caseId).toBe('3');
    expect($$(el, 'case-row')).toHaveLength(0);
    expect(scrollTo).toHaveBeenLastCalledWith(0, 0);
    expect(document.activeElement).toBe(el.querySelector('#case-heading'));

    click($(el, 'back-to-inbox'));
    await settle();
    expect($$(el, 'case-detail')).toHaveLength(0);
    expect(scrollTo).toHaveBeenLastCalledWith(0, 640);
    expect(document.activeElement).toBe(row(el, '3'));
  });

  it('opens with Enter or Space on a focused row and closes with Escape', async () => {
    const el = await start();
    key(row(el, '2'), 'Enter');
    await settle();
    expect($(el, 'case-detail').dataset.caseId).toBe('2');
    key(document.body, 'Escape');
    await settle();
    expect($$(el, 'case-detail')).toHaveLength(0);
    key(row(el, '5'), ' ');
    await settle();
    expect($(el, 'case-detail').dataset.caseId).toBe('5');
  });

  it('marks the row with the draft and the reply waiting to be sent after going back', async () => {
    const el = await start();
    click(row(el, '2'));
    await settle();
    type($(el, 'reply-box'), 'half-written');
    click($(el, 'back-to-inbox'));
    await settle();
    expect($(row(el, '2'), 'case-draft').textContent).toBe('Draft');

    click(row(el, '3'));
    await settle();
    type($(el, 'reply-box'), 'sent');
    click($(el, 'send-reply'));
    await settle();
    click($(el, 'back-to-inbox'));
    await settle();
    expect($(row(el, '3'), 'case-pending').textContent).toBe('1 reply waiting to be sent');
    expect(row(el, '3').querySelector('[data-testid="case-draft"]')).toBeNull();
  });

  it('rereads the open case when the replica changes', async () => {
    const el = await start();
    click(row(el, '1'));
    await settle();
    expect($$(el, 'case-message')).toHaveLength(1);
    backend.messages.set('1/1', [
      { author: 'csba', body: 'Question 1', sent_at: '2025-06-01T08:00:00Z', language: null, late: false },
      { author: 'csba', body: 'The buyer wrote again.', sent_at: '2025-06-01T08:30:00Z', language: null, late: false },
    ]);
    backend.emitReplicaChanged();
    await settle();
    expect($$(el, 'case-message').map((m) => m.textContent)).toContain(
      `CSBA${getI18n('en').dateTime('2025-06-01T08:30:00Z')}The buyer wrote again.`,
    );
  });
});

describe('the outbox', () => {
  it('is in the header with a badge for what waits and a red one for what was refused', async () => {
    const el = await start((b) => {
      b.inbox.queue = { queued: 2, sending: 1, failed: 1 };
    });
    expect($(el, 'queue-badge').textContent).toBe('3');
    expect($(el, 'queue-failed-badge').textContent).toBe('1');
    expect($(el, 'queue-failed-badge').classList).toContain('nav-count-failed');
    expect($(el, 'nav-queue').textContent).toContain('3 actions waiting to be sent');

    click($(el, 'nav-queue'));
    await settle();
    expect($(el, 'nav-queue').getAttribute('aria-current')).toBe('page');
    expect($(el, 'nav-inbox').getAttribute('aria-current')).toBeNull();
    expect($(el, 'queue')).toBeTruthy();
    expect(backend.callsOf('queue')).toHaveLength(1);
  });

  it('hides the badges when nothing waits', async () => {
    const el = await start();
    expect($$(el, 'queue-badge')).toHaveLength(0);
    expect($$(el, 'queue-failed-badge')).toHaveLength(0);
  });

  it('opens the case of a queued reply, and Back returns to the outbox', async () => {
    const el = await start((b) => {
      b.queue = [queueItem(9, { subject: '2', body_preview: 'On its way' })];
    });
    click($(el, 'nav-queue'));
    await settle();
    click($(el, 'queue-open-case'));
    await settle();
    expect($(el, 'case-detail').dataset.caseId).toBe('2');
    expect($(el, 'case-reply-item').dataset.state).toBe('queued');
    expect($(el, 'back-to-inbox').textContent).toContain('Back to outbox');
    click($(el, 'back-to-inbox'));
    await settle();
    expect($$(el, 'queue-item')).toHaveLength(1);
    expect(document.activeElement).toBe(el.querySelector('#queue-heading'));
  });
});

describe('online, offline and the last sync', () => {
  it('shows a calm offline banner with what waits, and no banner online', async () => {
    let el = await start((b) => {
      b.inbox.sync = { ...b.inbox.sync, state: 'offline', error: { code: 'service-unreachable', args: {}, field: null } };
      b.inbox.queue = { queued: 2, sending: 0, failed: 0 };
    });
    const banner = $(el, 'offline-banner');
    expect(banner.getAttribute('role')).toBe('status');
    expect(banner.textContent).toContain('You’re offline');
    expect(banner.textContent).toContain('Keep working as usual');
    expect($(banner, 'offline-waiting').textContent).toBe('2 actions are waiting to be sent.');
    // The banner already says the service cannot be reached; the header says it too.
    expect(banner.textContent).not.toContain(getI18n('en').t('error-service-unreachable'));
    expect($(el, 'sync-status').textContent).toContain('Offline');
    unmount();

    backend = new FakeBackend(now).install();
    el = await start();
    expect($$(el, 'offline-banner')).toHaveLength(0);
  });

  it('says in the offline banner when the seller has to act (a rejected token)', async () => {
    const el = await start((b) => {
      b.inbox.sync = { ...b.inbox.sync, state: 'offline', error: { code: 'token-rejected', args: {}, field: null } };
    });
    expect($(el, 'offline-banner').textContent).toContain(getI18n('en').t('error-token-rejected'));
    expect($$(el, 'offline-waiting')).toHaveLength(0);
  });

  it('syncs now on request and shows it is working until news comes back', async () => {
    const el = await start();
    const button = $(el, 'sync-now') as HTMLButtonElement;
    click(button);
    await settle();
    expect(backend.callsOf('sync_now')).toHaveLength(1);
    expect(button.disabled).toBe(true);
    expect($(el, 'sync-status').textContent).toContain('Syncing…');
    backend.emitReplicaChanged();
    await settle();
    expect(button.disabled).toBe(false);
    expect($(el, 'sync-status').textContent).toContain('Online');
  });

  it('says how long ago it last synced, and keeps counting', async () => {
    const el = await start((b) => {
      b.inbox.sync = { ...b.inbox.sync, last_sync_at: new Date(now - 5 * 60_000).toISOString() };
    });
    expect($(el, 'sync-status').textContent).toContain('Last synced 5 minutes ago');
    await settle(61_000); // the clock ticks on whole seconds
    expect($(el, 'sync-status').textContent).toContain('Last synced 6 minutes ago');
  });

  it('says "just now" under a minute, in the seller’s language', async () => {
    const el = await start((b) => {
      b.inbox.sync = { ...b.inbox.sync, last_sync_at: new Date(now - 20_000).toISOString() };
    });
    expect($(el, 'sync-status').textContent).toContain('Last synced just now');
    click(el.querySelector<HTMLElement>('[data-locale="ja"]')!);
    await settle();
    expect($(el, 'sync-status').textContent).toContain('最終同期：たった今');
  });
});

describe('several accounts', () => {
  it('names the store on every row and in the case, and counts down on each store’s clock', async () => {
    const el = await start((b) => {
      const sync = b.inbox.sync;
      b.inbox.accounts = [
        { id: 1, seller_id: 'A1', display_name: 'Sakura Zakka', marketplaces: ['JP'], service_url: 'https://csba.example', unsent: 0, sync, server_offset_ms: 0 },
        { id: 2, seller_id: 'A2', display_name: 'Maple Goods', marketplaces: ['US'], service_url: 'https://csba.example', unsent: 0, sync, server_offset_ms: 3600_000 },
      ];
      b.inbox.cases = [
        makeCase('1', 5, now, { account_id: 1 }),
        makeCase('1', 5, now, { account_id: 2, subject: 'Other store' }), // the same id in another store
      ];
    });
    const rows = $$(el, 'case-row');
    expect(rows.map((r) => $(r, 'case-account').textContent)).toEqual(['Maple Goods', 'Sakura Zakka']);
    expect(rows.map((r) => $(r, 'case-countdown').textContent)).toEqual(['4:00:00 left', '5:00:00 left']);

    click(rows[0]);
    await settle();
    expect($(el, 'case-account').textContent).toBe('Maple Goods');
    expect(el.querySelector('#case-heading')!.textContent).toBe('Other store');
    expect($(el, 'case-countdown').textContent).toBe('4:00:00 left');
    expect(backend.callsOf('case_detail')).toEqual([{ accountId: 2, caseId: '1' }]);
  });

  it('does not name the store when there is only one', async () => {
    const el = await start();
    expect($$(el, 'case-account')).toHaveLength(0);
  });
});
