import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountView, Locale } from '../ipc';
import { $, $$, click, mount, rerender, settle, unmount } from '../test/dom';
import { FakeBackend } from '../test/fakeBackend';
import { CARRIERS } from '../orders/text';
import { MAX_UPLOAD_BYTES, UploadPanel } from './UploadPanel';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
const drops = vi.hoisted(() => ({ handler: null as null | ((e: { payload: unknown }) => void), unlistened: 0 }));
vi.mock('@tauri-apps/api/webview', () => ({
  getCurrentWebview: () => ({
    onDragDropEvent: async (cb: (e: { payload: unknown }) => void) => {
      drops.handler = cb;
      return () => {
        drops.unlistened++;
        drops.handler = null;
      };
    },
  }),
}));

let backend: FakeBackend;

beforeEach(() => {
  backend = new FakeBackend().install();
  drops.handler = null;
});

afterEach(() => unmount());

const accounts = (): AccountView[] => backend.inbox.accounts;

async function open(locale: Locale = 'en', revision = 0) {
  const el = mount(<UploadPanel accounts={accounts()} carriers={CARRIERS} revision={revision} />, locale);
  await settle();
  return el;
}

function choose(el: HTMLElement, files: File[]) {
  const input = $(el, 'upload-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { configurable: true, value: files });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

function drop(payload: unknown) {
  act(() => drops.handler!({ payload }));
}

const withProblems = () => {
  backend.orders.preview = {
    file_kind: 'flat_file',
    encoding: 'shift_jis',
    rows: 4,
    valid: 1,
    problems: [
      { line: 2, column: 'tracking-number', code: 'invalid_tracking_id:check_digit_mismatch' },
      { line: 3, column: 'order-id', code: 'unknown_order' },
      { line: 4, column: 'ship-date', code: 'ship_date_in_future' },
    ],
    ambiguous: [{ line: 5, order_id: '503-0000005-1234567', tracking_number: '123456789012', candidates: ['yamato', 'sagawa'] }],
    batches: 1,
    orders_unchecked: false,
  };
};

describe('UploadPanel', () => {
  it('accepts the upload formats in the file chooser', async () => {
    const el = await open();
    const input = $(el, 'upload-input') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.txt,.tsv,.csv,.xlsx');
  });

  it('checks a chosen file as bytes and lists every problem by line and column, Queue disabled', async () => {
    withProblems();
    const el = await open();
    choose(el, [new File(['order-id\ttracking-number\n'], 'confirm.txt')]);
    await settle();
    const [call] = backend.callsOf('preview_upload_bytes');
    expect(call.fileName).toBe('confirm.txt');
    expect(call.bytes).toEqual([...new TextEncoder().encode('order-id\ttracking-number\n')]);
    expect(call.options).toEqual({ account_id: 1, marketplace: null, carrier: null });
    expect($(el, 'upload-facts').textContent).toBe('Amazon flat file, shift_jis · 1 of 4 rows ready');
    const problems = $$(el, 'upload-problem');
    expect(problems.map((p) => [$(p, 'upload-problem-line').textContent, $(p, 'upload-problem-column').textContent])).toEqual([
      ['2', 'tracking-number'],
      ['3', 'order-id'],
      ['4', 'ship-date'],
    ]);
    expect($(problems[0], 'upload-problem-reason').textContent).toBe(
      'invalid tracking ID: the check digit does not match: a digit was probably mistyped.',
    );
    expect($(problems[1], 'upload-problem-reason').textContent).toBe('there is no such order in this account.');
    expect($(problems[2], 'upload-problem-reason').textContent).toBe('the ship date is in the future.');
    expect($(el, 'upload-problems-heading').textContent).toBe('3 problems to fix');
    expect($(el, 'upload-ambiguous').textContent).toContain('Yamato Transport, Sagawa Express');
    expect(($(el, 'upload-queue') as HTMLButtonElement).disabled).toBe(true);
  });

  it('words the problems in the seller’s language', async () => {
    withProblems();
    const el = await open('ja');
    choose(el, [new File(['x'], 'confirm.txt')]);
    await settle();
    const reasons = $$(el, 'upload-problem-reason').map((r) => r.textContent);
    expect(reasons[0]).toContain('チェックディジット');
    expect(reasons[2]).toBe('出荷日が未来の日付です。');
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const el = await open();
    const big = new File(['x'], 'huge.csv');
    Object.defineProperty(big, 'size', { value: MAX_UPLOAD_BYTES + 1 });
    const read = vi.fn(async () => new ArrayBuffer(1));
    Object.defineProperty(big, 'arrayBuffer', { value: read });
    choose(el, [big]);
    await settle();
    expect($(el, 'upload-error').textContent).toBe('This file is 51 MB; an upload can be at most 50 MB. Split it into smaller files.');
    expect(read).not.toHaveBeenCalled();
    expect(backend.callsOf('preview_upload_bytes')).toEqual([]);
  });

  it('queues a clean file, follows its progress every second, then shows each row’s result', async () => {
    try {
      backend.orders.preview = { ...backend.orders.preview, rows: 3, valid: 3, batches: 2 };
      backend.orders.statuses = [
        { done: false, batches: 2, sent: 0, failed: 0, results: [] },
        { done: false, batches: 2, sent: 1, failed: 0, results: [] },
        {
          done: true,
          batches: 2,
          sent: 2,
          failed: 0,
          results: [
            { entry_id: 7, row: 0, order_id: '503-0000001-1234567', tracking_number: 'EV123456785CN', carrier: 'china-post', carrier_ambiguous: false },
            { entry_id: 7, row: 1, order_id: '503-0000002-1234567', tracking_number: '123456789012', carrier: 'yamato', carrier_ambiguous: true },
            { entry_id: 8, row: 2, order_id: '503-0000003-1234567', tracking_number: '1Z999AA10123456784', carrier: 'ups', carrier_ambiguous: false },
          ],
        },
      ];
      const el = await open();
      choose(el, [new File(['x'], 'clean.csv')]);
      await settle();
      const queue = $(el, 'upload-queue') as HTMLButtonElement;
      expect(queue.disabled).toBe(false);
      expect(queue.textContent).toBe('Queue 3 shipments');
      vi.useFakeTimers();
      click(queue);
      await settle();
      expect(backend.callsOf('queue_upload')).toEqual([{ previewId: 'p1' }]);
      expect($(el, 'upload-status').dataset.state).toBe('sending');
      await settle(1000);
      expect(($(el, 'upload-progress') as HTMLProgressElement).value).toBe(1);
      expect($(el, 'upload-status').textContent).toContain('1 of 2 batches answered');
      await settle(1000);
      expect($(el, 'upload-status').dataset.state).toBe('done');
      expect($(el, 'upload-status').textContent).toContain('Done: 3 shipments confirmed.');
      const results = $$(el, 'upload-result');
      expect(results.map((r) => r.dataset.orderId)).toEqual(['503-0000001-1234567', '503-0000002-1234567', '503-0000003-1234567']);
      expect(results[1].dataset.ambiguous).toBe('true');
      expect($(results[1], 'upload-result-ambiguous').textContent).toContain('single entry');
      const polls = backend.callsOf('upload_status').length;
      await settle(3000);
      expect(backend.callsOf('upload_status').length).toBe(polls); // done: no more polling
      expect(backend.callsOf('upload_status')[0]).toEqual({ group: 'g1', rows: 3 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('rereads the progress when the replica changes', async () => {
    backend.orders.statuses = [{ done: false, batches: 1, sent: 0, failed: 0, results: [] }];
    const el = await open();
    choose(el, [new File(['x'], 'clean.csv')]);
    await settle();
    click($(el, 'upload-queue'));
    await settle();
    const before = backend.callsOf('upload_status').length;
    rerender(<UploadPanel accounts={accounts()} carriers={CARRIERS} revision={1} />);
    await settle();
    expect(backend.callsOf('upload_status').length).toBe(before + 1);
  });

  it('checks a file dropped on the window by its path, highlighting the drop zone while over', async () => {
    withProblems();
    const el = await open();
    expect(drops.handler).not.toBeNull();
    drop({ type: 'over', position: { x: 1, y: 1 } });
    expect($(el, 'upload-drop-zone').dataset.over).toBe('true');
    drop({ type: 'drop', paths: ['/home/seller/confirm.txt'], position: { x: 1, y: 1 } });
    await settle();
    expect($(el, 'upload-drop-zone').dataset.over).toBe('false');
    expect(backend.callsOf('preview_upload_file')).toEqual([{ path: '/home/seller/confirm.txt', options: { account_id: 1, marketplace: null, carrier: null } }]);
    expect($$(el, 'upload-problem').length).toBe(3);
    expect(el.querySelector('[data-testid=upload-notice]')).toBeNull();
  });

  it('uses the first of several dropped files and says so', async () => {
    const el = await open();
    drop({ type: 'drop', paths: ['/tmp/a.csv', '/tmp/b.csv'], position: { x: 0, y: 0 } });
    await settle();
    expect($(el, 'upload-notice').textContent).toBe('2 files were dropped: checking only the first, a.csv.');
    expect(backend.callsOf('preview_upload_file').map((c) => c.path)).toEqual(['/tmp/a.csv']);
  });

  it('shows a dropped folder’s refusal, and stops listening when the screen closes', async () => {
    const el = await open();
    drop({ type: 'drop', paths: ['/home/seller/uploads/'], position: { x: 0, y: 0 } });
    await settle();
    expect($(el, 'upload-error').textContent).toBe('/home/seller/uploads/ is a folder. Choose or drop a single file.');
    unmount();
    expect(drops.unlistened).toBeGreaterThan(0);
  });

  it('passes the options chosen (marketplace, default carrier) with the file', async () => {
    const el = await open();
    const mp = $(el, 'upload-marketplace') as HTMLSelectElement;
    const carrier = $(el, 'upload-carrier') as HTMLSelectElement;
    act(() => {
      mp.value = 'US';
      mp.dispatchEvent(new Event('change'));
      carrier.value = 'usps';
      carrier.dispatchEvent(new Event('change'));
    });
    choose(el, [new File(['x'], 'us.csv')]);
    await settle();
    expect(backend.callsOf('preview_upload_bytes')[0].options).toEqual({ account_id: 1, marketplace: 'US', carrier: 'usps' });
  });

  it('saves templates and the sample into Downloads, and checks the sample on request', async () => {
    withProblems();
    const el = await open();
    click($(el, 'template-csv'));
    await settle();
    expect(backend.callsOf('upload_template')).toEqual([{ kind: 'csv', accountId: 1 }]);
    expect($(el, 'template-saved').textContent).toContain('/home/seller/Downloads/shipping-template.csv');
    click($(el, 'template-flat-file'));
    await settle();
    expect(backend.callsOf('upload_template').slice(-1)[0]).toEqual({ kind: 'flat_file', accountId: 1 });
    click($(el, 'template-sample'));
    await settle();
    expect(backend.callsOf('upload_sample')).toEqual([{ accountId: 1 }]);
    expect($(el, 'template-saved').textContent).toContain('sample-with-mistakes.txt');
    click($(el, 'template-check-sample'));
    await settle();
    const [call] = backend.callsOf('preview_upload_bytes');
    expect(call.fileName).toBe('sample-with-mistakes.txt');
    expect(new TextDecoder().decode(new Uint8Array(call.bytes as number[]))).toContain('EV123456785CN');
    expect($$(el, 'upload-problem').length).toBe(3);
  });
});
