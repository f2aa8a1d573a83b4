import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCALES, catalogFiles } from '../i18n';
import type { Locale } from '../ipc';
import { NavigateContext, ALL, type Navigate, type View } from '../nav/route';
import { orderMessageIds } from '../orders/text';
import type { ScreenProps } from '../screens';
import { $, $$, click, key, mount, rerender, settle, type, unmount } from '../test/dom';
import { FakeBackend } from '../test/fakeBackend';
import { orderId, orderRow, s10 } from '../test/fakeOrders';
import { makeInbox } from '../test/fixtures';
import { ORDER_ROW_HEIGHT, OrdersView } from './OrdersView';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
vi.mock('@tauri-apps/api/webview', () => ({
  getCurrentWebview: () => {
    throw new Error('no webview in jsdom');
  },
}));

let backend: FakeBackend;
const NOW = Date.now();

beforeEach(() => {
  backend = new FakeBackend(NOW).install();
});

afterEach(() => unmount());

function props(over: Partial<ScreenProps> = {}): ScreenProps {
  const inbox = makeInbox(NOW);
  return {
    view: { name: 'orders' },
    filter: ALL,
    accounts: inbox.accounts,
    inbox,
    revision: 0,
    now: NOW,
    loadError: null,
    reload: () => undefined,
    ...over,
  };
}

const navigate = (over: Partial<Navigate> = {}): Navigate => ({
  view: { name: 'orders' },
  backTarget: null,
  open: vi.fn(),
  openCase: vi.fn(),
  openOrder: vi.fn(),
  canOpenOrder: true,
  askQuestion: vi.fn(),
  canAsk: true,
  back: vi.fn(),
  filter: ALL,
  setFilter: vi.fn(),
  ...over,
});

async function open(over: Partial<ScreenProps> = {}, locale: Locale = 'en', nav = navigate()) {
  const el = mount(
    <NavigateContext.Provider value={nav}>
      <OrdersView {...props(over)} />
    </NavigateContext.Provider>,
    locale,
  );
  await settle();
  return el;
}

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const rows = (el: HTMLElement) => $$(el, 'order-row');

async function openEntry(el: HTMLElement, index = 0) {
  click(rows(el)[index].querySelector<HTMLElement>('[data-testid=order-enter]')!);
  await settle();
  return $(el, 'tracking-entry');
}

async function typeNumber(el: HTMLElement, text: string) {
  type($(el, 'tracking-input'), text);
  await settle(200); // past the debounce
}

describe('OrdersView: the lists', () => {
  it('lists orders to ship in the backend’s order, with ship-by, overdue in red, pending and shipped apart', async () => {
    const el = await open();
    expect(rows(el).map((r) => r.dataset.orderId)).toEqual([orderId(1), orderId(2), orderId(3)]);
    const first = rows(el)[0];
    expect(first.dataset.state).toBe('overdue');
    expect(first.className).toContain('order-overdue');
    expect($(first, 'order-countdown').textContent).toMatch(/^Overdue by /);
    expect($(rows(el)[1], 'order-countdown').textContent).toMatch(/ left$/);
    expect($(first, 'order-ship-by').textContent).toMatch(/^Ship by /);
    expect($(rows(el)[1], 'order-item').textContent).toBe('Tea caddy');
    expect(rows(el)[1].textContent).toContain('Qty 2');
    expect($(el, 'pending').textContent).toContain('Awaiting payment — do not ship');
    expect($$(el, 'pending-row').map((r) => r.dataset.orderId)).toEqual([orderId(9)]);
    // Shipped: newest first, with the carrier's name.
    expect($$(el, 'shipped-row').map((r) => r.dataset.orderId)).toEqual([orderId(21), orderId(20)]);
    expect($$(el, 'shipped-carrier').map((c) => c.textContent)).toEqual(['Yamato Transport', 'China Post']);
    const rate = $(el, 'tracking-rate');
    expect(rate.dataset.state).toBe('meets');
    expect(rate.textContent).toContain('97.5 %');
    expect(rate.textContent).toContain('39 of 40 valid');
    expect(backend.callsOf('orders_screen')).toEqual([{ filter: ALL }]);
  });

  it('shows the ship-by time on the marketplace’s clock', async () => {
    backend.orders.toShip = [
      orderRow(orderId(1), { marketplace: 'JP', ship_by: '2025-06-02T14:59:59Z' }),
      orderRow(orderId(2), { marketplace: 'US', ship_by: '2025-06-03T06:59:59Z' }),
    ];
    const el = await open();
    // 23:59 in Tokyo and in Los Angeles (PDT), whatever the computer's own zone.
    expect($(rows(el)[0], 'order-ship-by').textContent).toMatch(/Jun 2.*11:59/);
    expect($(rows(el)[1], 'order-ship-by').textContent).toMatch(/Jun 2.*11:59/);
  });

  it('keeps 10,000 rows smooth: only the rows in view are in the DOM', async () => {
    backend.orders.toShip = Array.from({ length: 10_000 }, (_, i) => orderRow(orderId(i + 1), { ship_by: new Date(NOW + i * 60_000).toISOString() }));
    const el = await open();
    expect(rows(el).length).toBeLessThan(30);
    expect(rows(el)[0].getAttribute('aria-setsize')).toBe('10000');
    const viewport = $(el, 'to-ship-list');
    viewport.scrollTop = 5000 * ORDER_ROW_HEIGHT;
    viewport.dispatchEvent(new Event('scroll'));
    await settle();
    expect(rows(el).some((r) => r.dataset.orderId === orderId(5001))).toBe(true);
    expect(rows(el).length).toBeLessThan(30);
  });

  it('shows a queued tracking instead of the entry button', async () => {
    backend.orders.toShip[1].queued = { tracking_number: s10('11111111'), carrier: 'china-post', ship_date: '2025-06-01', state: 'queued' };
    const el = await open();
    const row = rows(el)[1];
    expect($(row, 'order-queued').textContent).toBe(`Queued: ${s10('11111111')}`);
    expect(row.querySelector('[data-testid=order-enter]')).toBeNull();
    expect(row.dataset.state).toBe('queued');
  });

  it('names the store on each row when several are synced, and the order id opens its case', async () => {
    const inbox = makeInbox(NOW);
    inbox.accounts.push({ ...inbox.accounts[0], id: 2, display_name: 'Second Store' });
    inbox.cases[0].order_id = orderId(1);
    const nav = navigate();
    const el = await open({ inbox, accounts: inbox.accounts }, 'en', nav);
    expect(rows(el)[0].textContent).toContain('Sakura Zakka');
    click(rows(el)[0].querySelector<HTMLElement>('button[data-testid=order-id]')!);
    expect(nav.openCase).toHaveBeenCalledWith(1, inbox.cases[0].id);
    expect(rows(el)[1].querySelector('button[data-testid=order-id]')).toBeNull();
  });

  it('the order view scrolls to that order’s row and focuses it', async () => {
    backend.orders.toShip = Array.from({ length: 500 }, (_, i) => orderRow(orderId(i + 1)));
    const view: View = { name: 'order', accountId: 1, orderId: orderId(321), from: 'inbox' };
    const el = await open({ view });
    await settle();
    expect((document.activeElement as HTMLElement).dataset.orderId).toBe(orderId(321));
    expect(el.contains(document.activeElement)).toBe(true);
  });
});

describe('OrdersView: single entry', () => {
  it('opens with Enter on a row, closes with Escape back to the row, fields in tab order', async () => {
    const el = await open();
    const row = rows(el)[1];
    row.focus();
    key(row, 'Enter');
    await settle();
    const form = $(el, 'tracking-entry');
    expect(form.dataset.orderFor).toBe(orderId(2));
    expect(document.activeElement).toBe($(el, 'tracking-input'));
    const order = [...form.querySelectorAll<HTMLElement>('input, select, button')].map((e) => e.dataset.testid);
    expect(order).toEqual(['tracking-input', 'tracking-ship-date', 'tracking-submit', 'tracking-cancel', 'order-ask-question']);
    key($(el, 'tracking-input'), 'Escape');
    await settle();
    expect(el.querySelector('[data-testid=tracking-entry]')).toBeNull();
    expect((document.activeElement as HTMLElement).dataset.orderId).toBe(orderId(2));
  });

  it('defaults the ship date to today in the marketplace’s zone', async () => {
    const el = await open();
    await openEntry(el, 0);
    const expected = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(NOW);
    expect(($(el, 'tracking-ship-date') as HTMLInputElement).value).toBe(expected);
  });

  it('checks the number live: valid, with its normalized form, carrier and passed check digit', async () => {
    const el = await open();
    await openEntry(el);
    const number = s10('12345678');
    await typeNumber(el, `${number.slice(0, 4)} ${number.slice(4).toLowerCase()}`);
    expect($(el, 'tracking-verdict').dataset.state).toBe('valid');
    expect($(el, 'tracking-verdict-text').textContent).toBe('Valid tracking ID');
    expect($(el, 'tracking-normalized').textContent).toContain(number);
    expect($(el, 'tracking-carrier-name').textContent).toBe('Carrier: China Post');
    expect($(el, 'tracking-check-digit').dataset.state).toBe('passed');
    expect(backend.callsOf('check_tracking').slice(-1)[0]).toEqual({ trackingNumber: `${number.slice(0, 4)} ${number.slice(4).toLowerCase()}`, carrier: null });
  });

  it('waits for a pause in typing before checking', async () => {
    const el = await open();
    await openEntry(el);
    type($(el, 'tracking-input'), 'EV1');
    type($(el, 'tracking-input'), 'EV12');
    type($(el, 'tracking-input'), 'EV123');
    expect($(el, 'tracking-verdict').dataset.state).toBe('checking');
    await settle(200);
    expect(backend.callsOf('check_tracking').map((c) => c.trackingNumber)).toEqual(['EV123']);
  });

  it.each([
    ['en', 'Not valid: the check digit does not match: a digit was probably mistyped.'],
    ['ja', '無効：チェックディジットが一致しません'],
  ] as const)('a mistyped digit fails the check digit, the reason in %s', async (locale, text) => {
    const el = await open({}, locale);
    await openEntry(el);
    const good = s10('12345678');
    const bad = `${good.slice(0, 5)}${(Number(good[5]) + 1) % 10}${good.slice(6)}`;
    await typeNumber(el, bad);
    expect($(el, 'tracking-verdict').dataset.state).toBe('invalid');
    expect($(el, 'tracking-verdict-text').textContent).toContain(text);
    expect($(el, 'tracking-check-digit').dataset.state).toBe('failed');
  });

  it('asks for the carrier when several fit, and checks again with the one chosen', async () => {
    const el = await open();
    await openEntry(el);
    await typeNumber(el, '123456789012');
    expect($(el, 'tracking-candidates').textContent).toContain('Yamato Transport, Sagawa Express, Japan Post (Yu-Pack)');
    const select = $(el, 'tracking-carrier') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['', 'yamato', 'sagawa', 'japan-post-domestic']);
    // Submitting without choosing: the error is at the carrier.
    click($(el, 'tracking-submit'));
    await settle();
    expect($(el, 'tracking-carrier-error').textContent).toContain('Choose the carrier');
    expect(backend.callsOf('confirm_shipment')).toEqual([]);
    choose(select, 'sagawa');
    await settle(200);
    expect(backend.callsOf('check_tracking').slice(-1)[0]).toEqual({ trackingNumber: '123456789012', carrier: 'sagawa' });
    expect($(el, 'tracking-carrier-name').textContent).toBe('Carrier: Sagawa Express');
  });

  it('shows the backend’s errors at their field', async () => {
    const el = await open();
    await openEntry(el);
    await typeNumber(el, s10('12345678'));
    const date = $(el, 'tracking-ship-date') as HTMLInputElement;
    type(date, '2999-01-01');
    click($(el, 'tracking-submit'));
    await settle();
    expect($(el, 'tracking-ship-date-error').textContent).toMatch(/^The ship date is after today/);
    expect(document.activeElement).toBe(date);
    type(date, '2025-06-01');
    await typeNumber(el, 'nonsense');
    click($(el, 'tracking-submit'));
    await settle();
    expect($(el, 'tracking-number-error').textContent).toBe('This tracking ID is not valid. The check below the field says why.');
    expect(el.querySelector('[data-testid=tracking-ship-date-error]')).toBeNull();
  });

  it('submits: the shipment is queued and the row says so', async () => {
    const reload = vi.fn();
    const el = await open({ reload });
    await openEntry(el, 1);
    const number = s10('87654321');
    await typeNumber(el, number);
    type($(el, 'tracking-ship-date'), '2025-06-01');
    click($(el, 'tracking-submit'));
    await settle();
    expect(backend.callsOf('confirm_shipment')).toEqual([
      { accountId: 1, orderId: orderId(2), trackingNumber: number, carrier: null, shipDate: '2025-06-01' },
    ]);
    expect(el.querySelector('[data-testid=tracking-entry]')).toBeNull();
    expect($(rows(el)[1], 'order-queued').textContent).toBe(`Queued: ${number}`);
    expect(reload).toHaveBeenCalled();
    // Rereading the screen on replica-changed keeps it queued (now from the backend).
    rerender(
      <NavigateContext.Provider value={navigate()}>
        <OrdersView {...props({ revision: 1 })} />
      </NavigateContext.Provider>,
    );
    await settle();
    expect($(rows(el)[1], 'order-queued').dataset.state).toBe('queued');
  });

  it('words the same screen in every locale', async () => {
    for (const locale of ['zh-CN', 'ja', 'ko'] as const) {
      const el = await open({}, locale);
      const text = $(el, 'orders').textContent ?? '';
      // No English chrome: only data (ids, item titles from the fixtures) may be Latin.
      expect(text).not.toContain('To ship');
      expect(text).not.toContain('Enter tracking');
      unmount();
    }
  });
});

describe('orders.ftl', () => {
  const sources = import.meta.glob<string>(['./Orders*.tsx', './Tracking*.tsx', './Upload*.tsx', '../orders/*.ts', '!./*.test.tsx'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });
  const used = () => {
    const ids = new Set(orderMessageIds());
    for (const text of Object.values(sources)) {
      // Every literal id inside a tr(i18n, …) call (ternaries too).
      for (const call of text.matchAll(/\btr\(i18n,\s*([^{)]*)/g)) {
        for (const m of call[1].matchAll(/'([a-z][a-z0-9_]*-[a-z0-9_-]*)'/g)) ids.add(m[1]);
      }
    }
    return [...ids].sort();
  };
  const messages = (locale: Locale) => {
    const ids = new Set<string>();
    for (const [, text] of catalogFiles(locale)) for (const m of text.matchAll(/^([a-z][a-z0-9_-]*)\s*=/gm)) ids.add(m[1]);
    return ids;
  };
  const ordersIds = (locale: Locale) => {
    const [, text] = catalogFiles(locale).find(([f]) => f === 'orders.ftl')!;
    return [...text.matchAll(/^([a-z][a-z0-9_-]*)\s*=/gm)].map((m) => m[1]).sort();
  };

  it.each(LOCALES)('has every id the screen uses in %s', (locale) => {
    const own = messages(locale);
    expect(used().filter((id) => !own.has(id))).toEqual([]);
  });

  it('has the same ids in every locale, and a name for every carrier the backend lists', () => {
    for (const locale of LOCALES) expect(ordersIds(locale), locale).toEqual(ordersIds('en'));
    expect(used().length).toBeGreaterThan(60);
    for (const c of new FakeBackend().orders.carriers) expect(ordersIds('en')).toContain(`carrier-${c}`);
  });
});
