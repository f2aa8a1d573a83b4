import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $, $$, click, key, rerender, settle, type, unmount } from '../test/dom';
import { NavigateContext } from '../nav/route';
import { FakeBackend } from '../test/fakeBackend';
import { fakeCheck, policyRecord, policyView, refund, returnPolicy } from '../test/fakeDesk';
import { mountScreen, navigate, screenProps } from '../test/screen';
import { draftOf, policyOf } from './draft';
import { POLICY_CHECK_DEBOUNCE_MS } from './PolicyForm';
import { ReturnsView } from './ReturnsView';
import { refundByText } from './text';
import type { Locale } from '../ipc';
import { act } from 'preact/test-utils';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

const NOW = Date.parse('2026-12-06T00:00:00Z');
let backend: FakeBackend;

beforeEach(() => {
  backend = new FakeBackend(NOW).install();
});
afterEach(() => {
  unmount();
  vi.useRealTimers();
});

/** A JP policy that is fine, and a US one whose return window is too short. */
function twoPolicies(b: FakeBackend) {
  const us = policyRecord(1, returnPolicy({ return_window_days: 14, return_address: { country: 'US', lines: ['1 Main St'] } }), { marketplace: 'US' });
  const jp1 = policyRecord(1, returnPolicy({ refund_within_business_days: 2 }));
  const jp2 = policyRecord(2, returnPolicy({ return_window_days: 45, categories: [{ category: 'electronics', returnable: true, free_returns: true }], returns: 'returnless' }));
  b.desk.policies = [
    policyView({ marketplace: 'JP', current: jp2, history: [jp2, jp1] }),
    policyView({ marketplace: 'US', current: us, history: [us], violations_now: fakeCheck('US', us.policy) }),
  ];
  b.desk.returns = [refund('503-1111111-2222222'), refund('113-3333333-4444444', { marketplace: 'US', zone: 'America/Los_Angeles', refund_by: '2026-12-09T07:59:59Z', refund_by_local: '2026-12-08T23:59' })];
}

async function open(locale: Locale = 'en') {
  return mountScreen(<ReturnsView {...screenProps(NOW, { view: { name: 'returns' } })} />, { name: 'returns' }, locale);
}

const field = (el: HTMLElement, f: string) => $(el, `policy-field-${f}`) as HTMLInputElement;

describe('the refund deadlines', () => {
  it('says the day and time in the marketplace’s zone: "refund by Tue 23:59 JST"', async () => {
    twoPolicies(backend);
    const el = await open();
    expect($(el, 'refund-by-503-1111111-2222222').textContent).toBe('Refund by Tue, Dec 8 23:59 JST');
    expect($(el, 'refund-by-113-3333333-4444444').textContent).toBe('Refund by Tue, Dec 8 23:59 PST');
  });

  it('in the seller’s language', async () => {
    twoPolicies(backend);
    const el = await open('ja');
    expect($(el, 'refund-by-503-1111111-2222222').textContent).toBe('12月8日(火) 23:59 JST までに返金');
    expect(refundByText('zh-CN', '2026-12-08T23:59', 'Asia/Tokyo', 0).date).toMatch(/12月8日.*周二/);
  });
});

describe('the policy form', () => {
  it('opens on the policy that breaks a rule, each violation at its field with the rule behind it', async () => {
    twoPolicies(backend);
    const el = await open();
    expect($(el, 'returns-screen')).toBeTruthy();
    expect($(el, 'policy-tab-1-US').getAttribute('aria-selected')).toBe('true');
    expect(field(el, 'return_window_days').value).toBe('14');
    const v = $(el, 'policy-violation-return_window_days');
    expect(v.textContent).toContain('at least 30 days after delivery');
    expect(v.querySelector('[data-testid="policy-rule"]')!.textContent).toContain('Amazon.com accepts most returns for 30 days');
    expect(field(el, 'return_window_days').getAttribute('aria-invalid')).toBe('true');
    expect(field(el, 'return_window_days').getAttribute('aria-describedby')).toBe(v.id);
    expect($(el, 'policy-form').dataset.state).toBe('violations');
  });

  it('shows the violations in the seller’s language (Korean)', async () => {
    twoPolicies(backend);
    const el = await open('ko');
    const v = $(el, 'policy-violation-return_window_days');
    expect(v.textContent).toMatch(/[가-힣]/);
    expect(v.textContent).not.toMatch(/policy-violation|policy-rule/);
  });

  it('is checked live as the seller types, and a fixed field loses its violation', async () => {
    vi.useFakeTimers();
    twoPolicies(backend);
    const el = await open();
    type(field(el, 'return_window_days'), '30');
    await settle(POLICY_CHECK_DEBOUNCE_MS + 10);
    const checks = backend.callsOf('check_policy');
    expect(checks.length).toBe(1);
    expect(checks[0].marketplace).toBe('US');
    expect((checks[0].policy as { return_window_days: number }).return_window_days).toBe(30);
    expect(el.querySelector('[data-testid="policy-violation-return_window_days"]')).toBeNull();
    expect($(el, 'policy-form').dataset.state).toBe('compliant');
    expect($(el, 'policy-summary').textContent).toBe('This policy meets every US rule.');
  });

  it('marks a reason or a category at its own field, with its name in the message', async () => {
    vi.useFakeTimers();
    twoPolicies(backend);
    const el = await open();
    click($(el, 'policy-tab-1-JP'));
    const select = field(el, 'return_shipping.defective') as unknown as HTMLSelectElement;
    act(() => {
      select.value = 'buyer';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const food = field(el, 'categories.food') as unknown as HTMLSelectElement;
    act(() => {
      food.value = 'returnable';
      food.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle(POLICY_CHECK_DEBOUNCE_MS + 10);
    expect($(el, 'policy-violation-return_shipping.defective').textContent).toContain('“Defective or does not work properly” must be paid by the seller');
    expect($(el, 'policy-violation-categories.food').textContent).toContain('Food: this category is not returnable');
  });

  it('says at the field when what was typed is not a number yet, without asking the backend', async () => {
    vi.useFakeTimers();
    twoPolicies(backend);
    const el = await open();
    type(field(el, 'refund_within_business_days'), 'two');
    await settle(POLICY_CHECK_DEBOUNCE_MS + 10);
    expect($(el, 'policy-violation-refund_within_business_days').textContent).toContain('Enter a whole number');
    expect(backend.callsOf('check_policy')).toEqual([]);
  });

  it('submits: refused at the first field while a rule is broken, queued once compliant', async () => {
    vi.useFakeTimers();
    twoPolicies(backend);
    const el = await open();
    click($(el, 'policy-submit'));
    await settle();
    expect(backend.callsOf('submit_policy').length).toBe(1);
    expect(document.activeElement).toBe(field(el, 'return_window_days'));
    expect(backend.queue).toEqual([]);
    type(field(el, 'return_window_days'), '30');
    await settle(POLICY_CHECK_DEBOUNCE_MS + 10);
    click($(el, 'policy-submit'));
    await settle();
    expect(backend.queue.map((q) => q.kind)).toEqual(['return_policy']);
    const sent = backend.callsOf('submit_policy')[1];
    expect(sent).toMatchObject({ accountId: 1, marketplace: 'US' });
    expect((sent.policy as { return_address: unknown }).return_address).toEqual({ country: 'US', lines: ['1 Main St'] });
    expect($(el, 'policy-pending').textContent).toBe('Submitted: waiting to be sent to Amazon.');
    // Accepted and back from the service: the seller stays on the policy they fixed.
    const p = backend.desk.policies[1];
    const v2 = policyRecord(2, sent.policy as never, { marketplace: 'US' });
    Object.assign(p, { current: v2, history: [v2, ...p.history], violations_now: [], pending: null });
    rerender(
      <NavigateContext.Provider value={navigate({ name: 'returns' })}>
        <ReturnsView {...screenProps(NOW, { view: { name: 'returns' }, revision: 1 })} />
      </NavigateContext.Provider>,
    );
    await settle();
    expect(backend.callsOf('policy_screen').length).toBe(3);
    expect($(el, 'policy-tab-1-US').getAttribute('aria-selected')).toBe('true');
    expect($(el, 'policy-form').dataset.state).toBe('compliant');
    expect($$(el, 'policy-version-2').length).toBe(1);
  });

  it('keeps markup in the address as text', async () => {
    const policy = returnPolicy({ return_address: { country: 'JP', lines: ['<script>alert(1)</script>'] } });
    backend.desk.policies = [policyView({ current: policyRecord(1, policy) })];
    const el = await open();
    expect((field(el, 'return_address.lines') as unknown as HTMLTextAreaElement).value).toBe('<script>alert(1)</script>');
    expect(el.querySelector('script')).toBeNull();
  });

  it('switches between policies with the arrow keys (one tab stop)', async () => {
    twoPolicies(backend);
    const el = await open();
    const tabs = el.querySelectorAll<HTMLElement>('[role=tab]');
    expect([...tabs].map((t) => t.tabIndex)).toEqual([-1, 0]);
    key($(el, 'policy-tab-1-US'), 'ArrowRight');
    await settle();
    expect($(el, 'policy-tab-1-JP').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe($(el, 'policy-tab-1-JP'));
    expect(field(el, 'return_window_days').value).toBe('45');
  });

  it('labels every input (keyboard and screen readers find each field by its name)', async () => {
    twoPolicies(backend);
    const el = await open();
    const form = $(el, 'policy-form');
    for (const input of form.querySelectorAll<HTMLElement>('input, select, textarea')) {
      const labelled = input.closest('label') ?? (input.id ? form.querySelector(`label[for="${input.id}"]`) : null);
      expect(labelled, input.dataset.testid).not.toBeNull();
    }
  });
});

describe('a store without a policy yet', () => {
  it('starts from the marketplace’s standard terms and checks them at once', async () => {
    vi.useFakeTimers();
    backend.desk.policies = [policyView({ marketplace: 'US', current: null })];
    const el = await open();
    await settle(POLICY_CHECK_DEBOUNCE_MS + 10);
    expect(field(el, 'return_window_days').value).toBe('30');
    expect(field(el, 'return_address.country').value).toBe('US');
    expect(backend.callsOf('check_policy').length).toBe(1);
    expect($(el, 'policy-form').dataset.state).toBe('compliant');
  });
});

describe('a refusal by the service', () => {
  it('is shown with its code, at its field when it names one', async () => {
    backend.desk.policies = [
      policyView({
        pending: {
          kind: 'return_policy',
          state: 'failed',
          problem: { code: 'return-policy-rejected', args: {}, field: 'refund_within_business_days' },
          entry_id: 9,
        },
      }),
    ];
    const el = await open();
    expect($(el, 'policy-pending').dataset.code).toBe('return-policy-rejected');
    expect($(el, 'policy-pending').textContent).toContain('return-policy-rejected');
    expect($(el, 'policy-violation-refund_within_business_days').textContent).toBeTruthy();
    expect(field(el, 'refund_within_business_days').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('the history', () => {
  it('lists the versions and what changed between two of them', async () => {
    twoPolicies(backend);
    const el = await open();
    click($(el, 'policy-tab-1-JP'));
    await settle();
    const history = $(el, 'policy-history');
    expect($$(history, 'policy-version-2').length).toBe(1);
    expect($$(history, 'policy-version-1').length).toBe(1);
    expect(backend.callsOf('policy_diff')).toEqual([{ accountId: 1, marketplace: 'JP', fromVersion: 1, toVersion: 2 }]);
    const rows = $$(history, 'policy-diff-row');
    expect(rows.map((r) => r.dataset.field)).toEqual(['categories.electronics.free_returns', 'return_window_days', 'returns']);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Electronics: free return shippingNoYes',
      'Return window (days after delivery)3045',
      'ReturnsBuyers send the item backBuyers keep the item (returnless refund)',
    ]);
  });
});

describe('the draft', () => {
  it('round-trips a policy and leaves out a category not sold', () => {
    const p = returnPolicy({ return_shipping: { defective: 'seller' }, restocking_fee: { percent: 10, when: 'late' } });
    const d = draftOf(p, 'JP');
    expect(policyOf(d).policy).toEqual(p);
    expect(policyOf({ ...d, country: 'Japan' }).errors).toEqual({ 'return_address.country': 'returns-error-country' });
    expect(policyOf({ ...d, categories: {} }).policy!.categories).toEqual([]);
  });
});
