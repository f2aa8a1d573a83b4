import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { $, click, key, settle, type, unmount } from '../test/dom';
import { FakeBackend } from '../test/fakeBackend';
import { feedbackView } from '../test/fakeDesk';
import { mountScreen, screenProps } from '../test/screen';
import type { Locale, RemovalRequestRecord } from '../ipc';
import { FeedbackView, feedbackOrder } from './FeedbackView';
import { COMPOSE_DEBOUNCE_MS } from './RemovalComposer';
import { segments } from './text';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

const NOW = Date.parse('2026-12-01T00:00:00Z');
const DAY = 86_400_000;
let backend: FakeBackend;

beforeEach(() => {
  backend = new FakeBackend(NOW).install();
});
afterEach(() => {
  unmount();
  vi.useRealTimers();
});

const SCRIPT = 'The CSBA agent was rude <script>alert(1)</script> and useless';

function request(id: string, feedbackId: string, status: string): RemovalRequestRecord {
  return {
    account_id: 1,
    id,
    feedback_id: feedbackId,
    marketplace: 'JP',
    ground: 'obscene_language',
    recipient: 'feedback_manager',
    subject: null,
    explanation: 'x',
    status,
    requested_at: '2026-11-25T00:00:00Z',
    decided_at: status === 'submitted' ? null : '2026-11-28T00:00:00Z',
  } as RemovalRequestRecord;
}

function demo(b: FakeBackend) {
  b.desk.feedback = [
    feedbackView('pos-new', { left_at: '2026-11-30T00:00:00Z' }),
    feedbackView('neg-csba', {
      sentiment: 'negative',
      rating: 1,
      left_at: '2026-11-20T00:00:00Z',
      comment: SCRIPT,
      spans: [{ start: 4, end: 8, ground: 'caused_by_csba' }],
      possible_grounds: [{ ground: 'caused_by_csba', evidence: ['CSBA'] }],
      removable_now: true,
      days_left: 80,
      removal_deadline: new Date(NOW + 80 * DAY).toISOString(),
      subject_preview: '11月/20日卖家Sakura客服负面评论请求删除',
    }),
    feedbackView('neg-closing', {
      sentiment: 'negative',
      rating: 2,
      left_at: '2026-09-03T00:00:00Z',
      comment: 'Damn this shop',
      spans: [{ start: 0, end: 4, ground: 'obscene_language' }],
      possible_grounds: [{ ground: 'obscene_language', evidence: ['Damn'] }],
      removable_now: true,
      days_left: 1,
      removal_deadline: new Date(NOW + 5 * 3600_000).toISOString(),
    }),
    feedbackView('neg-declined', {
      sentiment: 'negative',
      rating: 1,
      left_at: '2026-11-10T00:00:00Z',
      removal_request: request('r1', 'neg-declined', 'declined'),
      removal_deadline: new Date(NOW + 60 * DAY).toISOString(),
    }),
    feedbackView('neg-removed', {
      sentiment: 'negative',
      rating: 1,
      left_at: '2026-11-09T00:00:00Z',
      removal_request: request('r2', 'neg-removed', 'removed'),
    }),
    feedbackView('neg-old', { sentiment: 'negative', rating: 1, left_at: '2026-07-01T00:00:00Z', removal_in_time: false, removal_deadline: '2026-09-29T00:00:00Z' }),
  ];
  b.desk.requests = [request('r1', 'neg-declined', 'declined'), request('r2', 'neg-removed', 'removed')];
}

async function open(locale: Locale = 'en') {
  return mountScreen(<FeedbackView {...screenProps(NOW, { view: { name: 'feedback' } })} />, { name: 'feedback' }, locale);
}

const rowIds = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('[role=option]')].map((r) => r.dataset.testid!.replace('feedback-row-', ''));

describe('the feedback list', () => {
  it('puts negatives on top, then the newest first', async () => {
    demo(backend);
    const el = await open();
    expect($(el, 'feedback-screen')).toBeTruthy();
    expect(rowIds(el)).toEqual(['neg-csba', 'neg-declined', 'neg-removed', 'neg-closing', 'neg-old', 'pos-new']);
    expect(feedbackOrder([]).length).toBe(0);
  });

  it('marks the words that suggest a ground in <mark>, and keeps markup as text', async () => {
    demo(backend);
    const el = await open();
    const comment = $(el, 'feedback-comment-neg-csba');
    expect(comment.textContent).toBe(SCRIPT);
    const marks = [...comment.querySelectorAll('mark')];
    expect(marks.map((m) => [m.textContent, m.dataset.ground])).toEqual([['CSBA', 'caused_by_csba']]);
    expect(marks[0].title).toBe('Caused by CSBA’s customer service');
    expect(el.querySelector('script')).toBeNull();
    expect(comment.innerHTML).toContain('&lt;script&gt;');
  });

  it('counts down the 90-day removal window: days, then hours, then closed', async () => {
    demo(backend);
    const el = await open();
    expect($(el, 'feedback-window-neg-csba').textContent).toBe('Removal possible for 80 more days');
    expect($(el, 'feedback-window-neg-closing').textContent).toBe('Removal window closes in 5:00:00');
    expect($(el, 'feedback-window-neg-closing').dataset.tone).toBe('overdue');
    expect($(el, 'feedback-window-neg-old').textContent).toBe('Removal window closed');
  });

  it('shows the status of each request: removed, declined', async () => {
    demo(backend);
    const el = await open();
    expect($(el, 'removal-status-neg-declined').textContent).toBe('Declined');
    expect($(el, 'removal-status-neg-removed').textContent).toBe('Removed');
    expect($(el, 'removal-request-r1').dataset.status).toBe('declined');
    expect(el.querySelector('[data-testid="removal-open-neg-declined"]')).toBeNull();
  });

  it('keeps 10,000 rows smooth: only a window of them is in the DOM', async () => {
    backend.desk.feedback = Array.from({ length: 10_000 }, (_, i) =>
      feedbackView(`f${i}`, { left_at: new Date(NOW - i * 60_000).toISOString(), comment: `Comment ${i}` }),
    );
    const el = await open();
    const rows = el.querySelectorAll('[role=option]');
    expect(rows.length).toBeLessThan(40);
    expect(rows[0].getAttribute('aria-setsize')).toBe('10000');
    key(rows[0] as HTMLElement, 'End');
    await settle();
    expect((document.activeElement as HTMLElement).dataset.testid).toBe('feedback-row-f9999');
  });

  it('speaks the seller’s language', async () => {
    demo(backend);
    const el = await open('ja');
    expect($(el, 'feedback-window-neg-csba').textContent).toBe('削除を依頼できるのはあと 80 日');
    expect($(el, 'removal-status-neg-declined').textContent).toBe('却下');
  });
});

describe('the removal request', () => {
  it('opens from the row by keyboard, with the ground suggested, the subject the CSBA team expects, and the explanation required', async () => {
    vi.useFakeTimers();
    demo(backend);
    const el = await open();
    const row = $(el, 'feedback-row-neg-csba');
    act(() => row.focus());
    key(row, 'Enter');
    await settle(COMPOSE_DEBOUNCE_MS + 10);
    const ground = $(el, 'removal-ground') as HTMLSelectElement;
    expect(document.activeElement).toBe(ground);
    expect(ground.value).toBe('caused_by_csba');
    expect($(el, 'removal-subject').textContent).toBe('11月/20日卖家Sakura客服负面评论请求删除');
    expect($(el, 'removal-recipient').textContent).toBe('The CSBA team, by e-mail');
    expect($(el, 'removal-comment').querySelectorAll('mark').length).toBe(1);

    click($(el, 'removal-submit'));
    await settle();
    expect($(el, 'removal-explanation-error').getAttribute('role')).toBe('alert');
    expect($(el, 'removal-explanation').getAttribute('aria-describedby')).toContain('explanation-error');
    expect(document.activeElement).toBe($(el, 'removal-explanation'));
    expect(backend.queue).toEqual([]);
    // Typing is fixing it: the refusal about the empty text goes.
    type($(el, 'removal-explanation'), 'C');
    expect(el.querySelector('[data-testid="removal-explanation-error"]')).toBeNull();

    type($(el, 'removal-explanation'), 'x'.repeat(2001));
    expect($(el, 'removal-count').textContent).toBe('2,001 / 2,000 characters');
    click($(el, 'removal-submit'));
    await settle();
    expect($(el, 'removal-explanation').getAttribute('aria-invalid')).toBe('true');
    expect(backend.queue).toEqual([]);

    type($(el, 'removal-explanation'), 'CSBA told the buyer the wrong return address; the seller did nothing wrong.');
    click($(el, 'removal-submit'));
    await settle();
    expect(backend.queue.map((q) => q.kind)).toEqual(['removal_request']);
    expect(backend.callsOf('request_removal')[0]).toMatchObject({ accountId: 1, feedbackId: 'neg-csba', ground: 'caused_by_csba' });
    expect(el.querySelector('[data-testid="removal-composer"]')).toBeNull();
    expect($(el, 'removal-status-neg-csba').dataset.state).toBe('queued');
  });

  it('shows a ground the feedback does not qualify for at the ground', async () => {
    vi.useFakeTimers();
    demo(backend);
    const el = await open();
    click($(el, 'removal-open-neg-closing'));
    await settle();
    const ground = $(el, 'removal-ground') as HTMLSelectElement;
    act(() => {
      ground.value = 'caused_by_csba';
      ground.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle(COMPOSE_DEBOUNCE_MS + 10);
    expect($(el, 'removal-ground-error')).toBeTruthy();
    expect(ground.getAttribute('aria-invalid')).toBe('true');
    key(ground, 'Escape');
    await settle();
    expect(el.querySelector('[data-testid="removal-composer"]')).toBeNull();
  });
});

describe('segments', () => {
  it('cuts at span edges, merges overlaps, clips out-of-range spans', () => {
    expect(segments('abcdef', [])).toEqual([{ text: 'abcdef', grounds: [] }]);
    expect(segments('abcdef', [{ start: 1, end: 3, ground: 'a' }, { start: 2, end: 5, ground: 'b' }, { start: 4, end: 99, ground: 'c' }])).toEqual([
      { text: 'a', grounds: [] },
      { text: 'b', grounds: ['a'] },
      { text: 'c', grounds: ['a', 'b'] },
      { text: 'd', grounds: ['b'] },
      { text: 'e', grounds: ['b', 'c'] },
      { text: 'f', grounds: ['c'] },
    ]);
    expect(segments('abc', [{ start: 2, end: 1, ground: 'x' }])).toEqual([{ text: 'abc', grounds: [] }]);
  });

  it('counts UTF-16 code units, as the backend does', () => {
    const text = '😡 最悪の客服';
    // 😡 is two code units: "最悪" starts at 3.
    expect(segments(text, [{ start: 3, end: 5, ground: 'obscene_language' }]).map((s) => s.text)).toEqual(['😡 ', '最悪', 'の客服']);
  });
});

