import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getI18n } from '../i18n';
import type { Locale, QueueItem } from '../ipc';
import { $, $$, click, mount, settle, unmount } from '../test/dom';
import { FakeBackend, queueItem } from '../test/fakeBackend';
import { QueueView } from './QueueView';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

let backend: FakeBackend;
let onOpenCase: ReturnType<typeof vi.fn<(item: QueueItem) => void>>;

const refused = () =>
  queueItem(3, {
  kind: 'tracking_upload',
  subject: '250-0000003-1234567',
  state: 'failed',
  attempts: 1,
  problem: { code: 'shipment-rejected', args: {}, field: null },
  last_error: 'row 2: check_digit_mismatch',
});

beforeEach(() => {
  backend = new FakeBackend().install();
  onOpenCase = vi.fn<(item: QueueItem) => void>();
  backend.queue = [
    queueItem(4, { subject: '7', body_preview: 'Thank you,\nwe ship today.' }),
    refused(),
    queueItem(2, {
      kind: 'enroll',
      subject: 'JP',
      state: 'queued',
      attempts: 3,
      last_error: 'HTTP 503',
      next_attempt_at: '2025-06-01T10:00:00Z',
    }),
    queueItem(1, { kind: 'return_policy', subject: 'US', state: 'sent', sent_at: '2025-06-01T08:00:00Z' }),
    queueItem(5, { subject: '8', state: 'sending' }),
  ];
});

afterEach(() => unmount());

async function open(locale: Locale = 'en') {
  const el = mount(<QueueView revision={0} onOpenCase={onOpenCase} />, locale);
  await settle();
  return el;
}

const item = (el: HTMLElement, id: number) => el.querySelector<HTMLElement>(`[data-testid="queue-item"][data-id="${id}"]`)!;

describe('QueueView', () => {
  it('lists every action with its kind, subject and state', async () => {
    const el = await open();
    const items = $$(el, 'queue-item');
    expect(items.map((i) => i.dataset.state)).toEqual(['queued', 'failed', 'queued', 'sent', 'sending']);
    expect(items.map((i) => $(i, 'queue-state').textContent)).toEqual(['Queued', 'Failed', 'Queued', 'Sent', 'Sending']);
    expect(items[0].textContent).toContain('Case reply');
    expect(items[0].textContent).toContain('Case 7');
    expect(items[0].querySelector('.queue-preview')!.textContent).toBe('Thank you, we ship today.');
    expect(items[1].textContent).toContain('Tracking upload');
    expect(items[1].textContent).toContain('250-0000003-1234567');
    expect(items[2].textContent).toContain('Enrollment');
    expect(items[2].textContent).toContain('Amazon.co.jp');
    expect(items[3].textContent).toContain('Return policy');
  });

  it('shows attempts and the next try for an action that keeps failing to go out', async () => {
    const el = await open();
    const retrying = item(el, 2);
    expect($(retrying, 'queue-next-attempt').textContent).toMatch(/^Tried 3 times, next try /);
    expect($(retrying, 'queue-detail').textContent).toBe('Service response: HTTP 503');
    expect(retrying.querySelector('[data-testid="queue-retry"]')).toBeNull();
    expect(item(el, 4).querySelector('[data-testid="queue-next-attempt"]')).toBeNull(); // no error yet
  });

  it.each(['en', 'ja', 'zh-CN', 'ko'] as const)('explains a refusal in %s, with the service’s detail below', async (locale) => {
    const el = await open(locale);
    const failed = item(el, 3);
    expect($(failed, 'queue-problem').textContent).toBe(getI18n(locale).t('error-shipment-rejected'));
    expect($(failed, 'queue-detail').textContent).toContain('row 2: check_digit_mismatch');
  });

  it('retries a refused action', async () => {
    const el = await open();
    click($(item(el, 3), 'queue-retry'));
    await settle();
    expect(backend.callsOf('retry_action')).toEqual([{ id: 3 }]);
    expect(item(el, 3).dataset.state).toBe('queued');
    expect(item(el, 3).querySelector('[data-testid="queue-retry"]')).toBeNull();
  });

  it('shows why a retry did not work', async () => {
    backend.failures.set('retry_action', { code: 'action-not-failed', args: {} });
    const el = await open();
    click($(item(el, 3), 'queue-retry'));
    await settle();
    expect(item(el, 3).querySelector('[role="alert"]')!.textContent).toBe(getI18n('en').t('error-action-not-failed'));
  });

  it('discards a refused action only after a confirmation', async () => {
    const el = await open();
    click($(item(el, 3), 'queue-discard'));
    expect(backend.callsOf('discard_action')).toEqual([]);
    expect(item(el, 3).textContent).toContain('Discard this action? It will not be sent.');
    expect(document.activeElement).toBe($(item(el, 3), 'queue-discard-cancel'));

    click($(item(el, 3), 'queue-discard-cancel'));
    expect(backend.callsOf('discard_action')).toEqual([]);
    expect(document.activeElement).toBe($(item(el, 3), 'queue-discard'));

    click($(item(el, 3), 'queue-discard'));
    click($(item(el, 3), 'queue-discard-confirm'));
    await settle();
    expect(backend.callsOf('discard_action')).toEqual([{ id: 3 }]);
    expect(item(el, 3)).toBeNull();
    expect(document.activeElement).toBe(el.querySelector('#queue-heading'));
  });

  it('opens the case of a reply', async () => {
    const el = await open();
    click($(item(el, 4), 'queue-open-case'));
    expect(onOpenCase).toHaveBeenCalledWith(expect.objectContaining({ id: 4, subject: '7', account_id: 1 }));
    click(item(el, 4).querySelector('.queue-preview')!); // anywhere on the row
    expect(onOpenCase).toHaveBeenCalledTimes(2);
    click(item(el, 3)); // not a reply: nothing to open
    expect(onOpenCase).toHaveBeenCalledTimes(2);
  });

  it('says so when nothing is waiting', async () => {
    backend.queue = [];
    const el = await open('ko');
    expect($(el, 'queue-empty').textContent).toContain(getI18n('ko').t('queue-empty-title'));
    expect($$(el, 'queue-item')).toHaveLength(0);
  });
});
