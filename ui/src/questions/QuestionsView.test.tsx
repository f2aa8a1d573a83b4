import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { App } from '../app';
import { $, $$, click, key, mount, settle, type, unmount } from '../test/dom';
import { FakeBackend } from '../test/fakeBackend';
import { questionView } from '../test/fakeDesk';
import { orderRow } from '../test/fakeOrders';
import { makeCase } from '../test/fixtures';
import { mountScreen, navigate, screenProps } from '../test/screen';
import type { Locale } from '../ipc';
import type { View } from '../nav/route';
import { QuestionsView, questionOrder } from './QuestionsView';
import { SUBJECT_DEBOUNCE_MS } from './AskForm';
import { flatQuestion } from './model';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
vi.mock('@tauri-apps/api/webview', () => ({
  getCurrentWebview: () => {
    throw new Error('no webview in jsdom');
  },
}));

const NOW = Date.now();
const HOUR = 3600_000;
let backend: FakeBackend;

beforeEach(() => {
  backend = new FakeBackend(NOW).install();
});
afterEach(() => {
  unmount();
  vi.useRealTimers();
});

const iso = (ms: number) => new Date(ms).toISOString();
const ANSWER = 'We refunded because the parcel was lost. <script>alert(1)</script>';

function demo(b: FakeBackend) {
  b.desk.questions = [
    questionView('answered-old', { status: 'answered', asked_at: iso(NOW - 90 * HOUR), answer_by: iso(NOW - 42 * HOUR), answer: 'Old answer', answered_at: iso(NOW - 50 * HOUR) }),
    questionView('awaiting-late', { asked_at: iso(NOW - 2 * HOUR), answer_by: iso(NOW + 46 * HOUR) }),
    questionView('answered-new', { status: 'answered', asked_at: iso(NOW - 30 * HOUR), answer_by: iso(NOW + 18 * HOUR), answer: ANSWER, answered_at: iso(NOW - HOUR) }),
    questionView('awaiting-soon', { asked_at: iso(NOW - 46 * HOUR), answer_by: iso(NOW + 2 * HOUR) }),
  ];
  b.desk.orders = new Set(['1/503-1234567-7654321']);
}

async function open(view: View = { name: 'questions' }, locale: Locale = 'en', nav = navigate(view)) {
  return mountScreen(<QuestionsView {...screenProps(NOW, { view })} />, view, locale, nav);
}

const rowIds = (el: HTMLElement) => [...el.querySelectorAll<HTMLElement>('[role=option]')].map((r) => r.dataset.testid!.replace('question-row-', ''));

describe('the questions list', () => {
  it('lists those awaiting first (due soonest first), then answered ones newest first', async () => {
    demo(backend);
    const el = await open();
    expect($(el, 'questions-screen')).toBeTruthy();
    expect(rowIds(el)).toEqual(['awaiting-soon', 'awaiting-late', 'answered-new', 'answered-old']);
    expect(questionOrder(backend.desk.questions.map(flatQuestion)).map((q) => q.id)).toEqual(rowIds(el));
  });

  it('counts down to the 48-hour answer-by, amber when it is close', async () => {
    demo(backend);
    const el = await open();
    expect($(el, 'question-countdown-awaiting-late').textContent).toBe('Answer due in 46:00:00');
    expect($(el, 'question-countdown-awaiting-soon').className).toContain('countdown-soon');
    expect($(el, 'question-status-awaiting-soon').textContent).toBe('Awaiting the answer');
    expect(el.querySelector('[data-testid="question-countdown-answered-new"]')).toBeNull();
  });

  it('shows the answer as text, markup included, and opens the order', async () => {
    demo(backend);
    const nav = navigate({ name: 'questions' });
    const el = await open({ name: 'questions' }, 'en', nav);
    expect($(el, 'question-status-answered-new').textContent).toBe('Answered');
    expect($(el, 'question-answer-answered-new').textContent).toBe(ANSWER);
    expect(el.querySelector('script')).toBeNull();
    const row = $(el, 'question-row-answered-new');
    act(() => row.focus());
    key(row, 'Enter');
    await settle();
    expect($(el, 'question-detail-answer').textContent).toBe(ANSWER);
    click($(el, 'question-open-order'));
    expect(nav.openOrder).toHaveBeenCalledWith(1, '503-answered-new');
  });

  it('says when a queued question was sent and the feed has not brought it yet', async () => {
    backend.desk.questions = [questionView('queued-7', { status: 'queued', pending: { kind: 'service_question', state: 'sent', problem: null, entry_id: 7 } })];
    const el = await open();
    expect($(el, 'question-status-queued-7').textContent).toBe('Sent, waiting for confirmation');
    expect($(el, 'question-status-queued-7').dataset.state).toBe('sent');
  });

  it('speaks the seller’s language', async () => {
    demo(backend);
    const el = await open({ name: 'questions' }, 'zh-CN');
    expect($(el, 'question-countdown-awaiting-late').textContent).toBe('距答复期限还剩 46:00:00');
    expect($(el, 'question-status-answered-new').textContent).toBe('已答复');
  });
});

describe('asking', () => {
  it('from an order: the order filled in, the question box focused, the subject previewed, refusals at their field', async () => {
    vi.useFakeTimers();
    demo(backend);
    const view: View = { name: 'ask', accountId: 1, orderId: '503-1234567-7654321', from: 'questions' };
    const nav = navigate(view, { backTarget: 'order' });
    const el = await open(view, 'en', nav);
    await settle(SUBJECT_DEBOUNCE_MS + 10);
    expect(($(el, 'ask-question-order') as HTMLInputElement).value).toBe('503-1234567-7654321');
    expect(document.activeElement).toBe($(el, 'ask-question-text'));
    expect($(el, 'ask-question-subject').textContent).toBe('Question about 503-1234567-7654321');
    expect($(el, 'ask-back').textContent).toContain('Back to order');

    click($(el, 'ask-question-submit'));
    await settle();
    expect($(el, 'ask-question-text-error').getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe($(el, 'ask-question-text'));

    type($(el, 'ask-question-text'), 'Why did CSBA refund this order without asking me? <b>now</b>');
    click($(el, 'ask-question-submit'));
    await settle();
    expect(backend.queue.map((q) => q.kind)).toEqual(['service_question']);
    expect(backend.callsOf('ask_question').slice(-1)[0]).toEqual({
      accountId: 1,
      orderId: '503-1234567-7654321',
      question: 'Why did CSBA refund this order without asking me? <b>now</b>',
    });
    const queued = el.querySelector<HTMLElement>('[data-testid^="question-status-queued-"]')!;
    expect(queued.textContent).toBe('Not sent yet');
    expect(rowIds(el)[0]).toMatch(/^queued-/);
    expect(el.querySelector('b')).toBeNull();
    click($(el, 'ask-back'));
    expect(nav.back).toHaveBeenCalled();
  });

  it('refuses an order the replica does not have at the order field', async () => {
    vi.useFakeTimers();
    demo(backend);
    const el = await open();
    type($(el, 'ask-question-order'), '999-0000000-0000000');
    await settle(SUBJECT_DEBOUNCE_MS + 10);
    expect($(el, 'ask-question-order-error')).toBeTruthy();
    expect($(el, 'ask-question-order').getAttribute('aria-invalid')).toBe('true');
    type($(el, 'ask-question-text'), 'Anything');
    click($(el, 'ask-question-submit'));
    await settle();
    expect(document.activeElement).toBe($(el, 'ask-question-order'));
    expect(backend.queue).toEqual([]);
  });
});

describe('“Ask the CSBA team” in the app', () => {
  it('goes from the order detail to the questions screen with the order, and Back returns', async () => {
    demo(backend);
    backend.orders.toShip = [orderRow('503-1234567-7654321', { ship_by: iso(NOW + 5 * HOUR) })];
    const el = mount(<App />);
    await settle();
    click($(el, 'nav-orders'));
    await settle();
    click($(el, 'order-enter'));
    await settle();
    click($(el, 'order-ask-question'));
    await settle();
    expect($(el, 'questions-screen')).toBeTruthy();
    expect(($(el, 'ask-question-order') as HTMLInputElement).value).toBe('503-1234567-7654321');
    expect(el.querySelector('[data-screen="questions"]')!.getAttribute('aria-current')).toBe('page');
    click($(el, 'ask-back'));
    await settle();
    expect($(el, 'orders')).toBeTruthy();
  });

  it('from a shipped order’s detail, and from a case', async () => {
    demo(backend);
    backend.orders.pending = [];
    backend.orders.shipped = [
      orderRow('503-1234567-7654321', { status: 'shipped', tracking: { tracking_number: 'EV123', carrier: 'china-post', ship_date: '2025-06-01', confirmed_at: '2025-06-01T00:00:00Z' } as never }),
    ];
    backend.inbox.cases = [makeCase('7', 5, NOW, { order_id: '503-1234567-7654321' })];
    const el = mount(<App />);
    await settle();
    click($(el, 'nav-orders'));
    await settle();
    click($(el, 'order-open-detail'));
    await settle();
    expect($$(el, 'order-ask-question').length).toBe(1);
    click($(el, 'order-ask-question'));
    await settle();
    expect(($(el, 'ask-question-order') as HTMLInputElement).value).toBe('503-1234567-7654321');

    click($(el, 'nav-inbox'));
    await settle();
    click(el.querySelector<HTMLElement>('[data-testid="case-row"]')!);
    await settle();
    click($(el, 'case-ask-question'));
    await settle();
    expect(($(el, 'ask-question-order') as HTMLInputElement).value).toBe('503-1234567-7654321');
    expect($(el, 'ask-back').textContent).toContain('Back to case');
  });
});
