// The navigation shell against the fake backend: the sidebar (badges, roving focus, Alt+N),
// the store and marketplace filter, the screen registry and opening orders from anywhere.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { App } from './app';
import { useNavigate } from './nav/route';
import { defaultScreens, type ScreenProps } from './screens';
import { $, $$, click, key, mount, settle, unmount } from './test/dom';
import { FakeBackend, account } from './test/fakeBackend';
import { makeCase } from './test/fixtures';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

const now = Date.parse('2025-06-01T09:00:00Z');
let backend: FakeBackend;

// The shell's own screens; the tests that add one (orders) say so.
const {
  orders: _orders,
  enrollment: _enrollment,
  returns: _returns,
  feedback: _feedback,
  questions: _questions,
  performance: _performance,
  settings: _settings,
  ...baseScreens
} = defaultScreens;

async function start(setup: (b: FakeBackend) => void = () => undefined, node = <App screens={baseScreens} />) {
  setup(backend);
  const el = mount(node);
  await settle();
  return el;
}

const last = <T,>(xs: T[]) => xs[xs.length - 1];
const entries = (el: HTMLElement) => [...el.querySelectorAll<HTMLButtonElement>('[data-testid="sidebar"] button.nav-item')];
const rowIds = (el: HTMLElement) => $$(el, 'case-row').map((r) => `${r.dataset.accountId}/${r.dataset.caseId}`);
function choose(select: HTMLElement, value: string) {
  act(() => {
    (select as HTMLSelectElement).value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Two stores, each with a JP and a US case. */
function twoStores(b: FakeBackend) {
  b.inbox.accounts = [account(1, { display_name: 'Sakura Zakka', marketplaces: ['JP', 'US'] }), account(2, { display_name: 'Maple Goods' })];
  b.inbox.cases = [
    makeCase('a', 5, now, { account_id: 1, marketplace: 'JP' }),
    makeCase('b', 6, now, { account_id: 1, marketplace: 'US' }),
    makeCase('c', 7, now, { account_id: 2, marketplace: 'US' }),
    makeCase('d', 8, now, { account_id: 2, marketplace: 'JP', status: 'answered' }),
  ];
}

/** A stand-in for the orders screen another file will provide: it shows the order it was opened on. */
function FakeOrders({ view }: ScreenProps) {
  const nav = useNavigate();
  return (
    <section>
      <h1 tabIndex={-1}>Orders</h1>
      {view.name === 'order' && (
        <p data-testid="order-focus" data-order-id={view.orderId}>
          {view.orderId}
          <button type="button" data-testid="order-open-case" onClick={() => nav.openCase(view.accountId, '3')}>
            case
          </button>
        </p>
      )}
    </section>
  );
}

/** A case row's neighbour that opens the case's order, as any screen can. */
function OrderLink() {
  const nav = useNavigate();
  return nav.canOpenOrder ? (
    <button type="button" data-testid="open-order" onClick={() => nav.openOrder(1, '250-0000003-1234567')}>
      order
    </button>
  ) : null;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(now);
  backend = new FakeBackend(now).install();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true, writable: true });
});

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

describe('the sidebar', () => {
  it('lists every screen the app has by default', async () => {
    const el = await start(() => undefined, <App />);
    expect(entries(el).map((b) => b.dataset.screen)).toEqual([
      'inbox',
      'orders',
      'enrollment',
      'returns',
      'feedback',
      'questions',
      'performance',
      'queue',
      'accounts',
      'settings',
    ]);
  });

  it('is a landmark listing the screens that exist, in order, with the current one marked', async () => {
    const el = await start();
    const nav = el.querySelector('nav[data-testid="sidebar"]')!;
    expect(nav.getAttribute('aria-label')).toBe('Main');
    expect(entries(el).map((b) => b.dataset.screen)).toEqual(['inbox', 'queue', 'accounts']);
    expect(entries(el).map((b) => b.querySelector('.nav-label')!.textContent)).toEqual(['Cases', 'Outbox', 'Accounts']);
    expect($(el, 'nav-inbox').getAttribute('aria-current')).toBe('page');
    expect($$(el, 'nav-orders')).toHaveLength(0);
  });

  it('shows what needs the seller as numbers with sentences for screen readers, from `badges`', async () => {
    const el = await start((b) => {
      b.inbox.queue = { queued: 1, sending: 1, failed: 2 };
    });
    expect(backend.callsOf('badges')).toEqual([{ filter: { account_id: null, marketplace: null } }]);
    expect($(el, 'badge-cases-due').textContent).toBe('3');
    expect($(el, 'nav-inbox').textContent).toContain('3 cases waiting for your reply');
    expect($(el, 'queue-badge').textContent).toBe('2');
    expect($(el, 'queue-failed-badge').textContent).toBe('2');
    expect($(el, 'nav-queue').textContent).toContain('2 actions refused, need your attention');
    expect($(el, 'badge-cases-due').getAttribute('aria-hidden')).toBe('true');
  });

  it('reloads the badges when the replica changes', async () => {
    const el = await start();
    backend.inbox.queue = { queued: 4, sending: 0, failed: 0 };
    backend.emitReplicaChanged();
    await settle();
    expect(backend.callsOf('badges').length).toBeGreaterThanOrEqual(2);
    expect($(el, 'queue-badge').textContent).toBe('4');
  });

  it('falls back to the inbox’s counts when the backend has no `badges` command', async () => {
    const el = await start((b) => {
      b.failures.set('badges', new Error('command badges not found'));
      b.inbox.queue = { queued: 2, sending: 0, failed: 0 };
    });
    expect($(el, 'badge-cases-due').textContent).toBe('3');
    expect($(el, 'queue-badge').textContent).toBe('2');
    expect($$(el, 'error')).toHaveLength(0);
  });

  it('has one tab stop; Up/Down/Home/End move, Enter and Space open, focus goes to the heading', async () => {
    const el = await start();
    const [inbox, queue, accounts] = entries(el);
    expect(entries(el).map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    act(() => inbox.focus());
    key(inbox, 'ArrowDown');
    expect(document.activeElement).toBe(queue);
    expect(entries(el).map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    key(queue, 'ArrowDown');
    expect(document.activeElement).toBe(accounts);
    key(accounts, 'ArrowDown'); // wraps
    expect(document.activeElement).toBe(inbox);
    key(inbox, 'ArrowUp');
    expect(document.activeElement).toBe(accounts);
    key(accounts, 'Home');
    expect(document.activeElement).toBe(inbox);
    key(inbox, 'End');
    expect(document.activeElement).toBe(accounts);

    key(accounts, 'Enter');
    await settle();
    expect($(el, 'accounts')).toBeTruthy();
    expect($(el, 'nav-accounts').getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(el.querySelector('#accounts-heading'));

    key(entries(el)[1], ' ');
    await settle();
    expect($(el, 'queue')).toBeTruthy();
    expect(document.activeElement).toBe(el.querySelector('#queue-heading'));
  });

  it('opens the Nth screen with Alt+N from anywhere, even from a case', async () => {
    const el = await start();
    key(document.body, '3', { altKey: true, code: 'Digit3' });
    await settle();
    expect($(el, 'accounts')).toBeTruthy();
    expect(document.activeElement).toBe(el.querySelector('#accounts-heading'));
    // A Mac's Option+2 types "™", but the key is still Digit2.
    key(document.body, '™', { altKey: true, code: 'Digit2' });
    await settle();
    expect($(el, 'queue')).toBeTruthy();
    key(document.body, '1', { altKey: true, code: 'Digit1' });
    await settle();
    click($(el, 'case-row'));
    await settle();
    expect($$(el, 'case-detail')).toHaveLength(1);
    key(document.activeElement as HTMLElement, '2', { altKey: true, code: 'Digit2' });
    await settle();
    expect($$(el, 'case-detail')).toHaveLength(0);
    expect($(el, 'queue')).toBeTruthy();
    // No entry 9, no Alt: nothing happens.
    key(document.body, '9', { altKey: true, code: 'Digit9' });
    key(document.body, '1', { code: 'Digit1' });
    await settle();
    expect($(el, 'queue')).toBeTruthy();
    expect(entries(el).map((b) => b.getAttribute('aria-keyshortcuts'))).toEqual(['Alt+1', 'Alt+2', 'Alt+3']);
  });

  it('starts with a skip link to the screen’s heading', async () => {
    const el = await start();
    const skip = $(el, 'skip-link');
    expect(el.querySelector('.shell')!.firstElementChild).toBe(skip);
    expect(skip.textContent).toBe('Skip to content');
    click(skip);
    expect(document.activeElement).toBe(el.querySelector('#inbox-heading'));
  });

  it('collapses to icons, keeping the names for screen readers', async () => {
    const el = await start();
    const toggle = $(el, 'sidebar-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    click(toggle);
    expect($(el, 'sidebar').classList).toContain('collapsed');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect($(el, 'nav-queue').getAttribute('title')).toBe('Outbox');
    expect($(el, 'nav-queue').querySelector('.nav-label')!.textContent).toBe('Outbox');
  });

  it('speaks the seller’s language', async () => {
    const el = await start();
    click(el.querySelector<HTMLElement>('[data-locale="ja"]')!);
    await settle();
    expect(entries(el).map((b) => b.querySelector('.nav-label')!.textContent)).toEqual(['ケース', '送信トレイ', 'アカウント']);
    expect($(el, 'nav-inbox').textContent).toContain('返信待ちのケース 3 件');
    expect($(el, 'skip-link').textContent).toBe('本文へ移動');
  });
});

describe('the store and marketplace filter', () => {
  it('hides the store choice with one store, and filters the inbox by marketplace', async () => {
    const el = await start();
    expect($$(el, 'filter-store')).toHaveLength(0);
    expect(rowIds(el)).toEqual(['1/2', '1/3', '1/1', '1/5', '1/4']);
    choose($(el, 'filter-marketplace'), 'US');
    await settle();
    expect(rowIds(el)).toEqual(['1/1']);
    expect($(el, 'summary').textContent).toContain('1 open case');
    expect(last(backend.callsOf('badges'))).toEqual({ filter: { account_id: null, marketplace: 'US' } });
    expect($(el, 'badge-cases-due').textContent).toBe('1');
  });

  it('filters by store and marketplace together, and offers to show everything when nothing is left', async () => {
    const el = await start(twoStores);
    expect(rowIds(el)).toEqual(['1/a', '1/b', '2/c', '2/d']);
    const store = $(el, 'filter-store') as HTMLSelectElement;
    expect([...store.options].map((o) => o.textContent)).toEqual(['All stores', 'Sakura Zakka', 'Maple Goods']);
    choose(store, '2');
    await settle();
    expect(rowIds(el)).toEqual(['2/c', '2/d']);
    expect(last(backend.callsOf('badges'))).toEqual({ filter: { account_id: 2, marketplace: null } });
    choose($(el, 'filter-marketplace'), 'JP');
    await settle();
    expect(rowIds(el)).toEqual(['2/d']);
    expect($$(el, 'badge-cases-due')).toHaveLength(0); // d is answered: nothing due
    choose(store, '1');
    choose($(el, 'filter-marketplace'), 'US');
    await settle();
    expect(rowIds(el)).toEqual(['1/b']);

    backend.inbox.cases = backend.inbox.cases.filter((c) => c.id !== 'b');
    backend.emitReplicaChanged();
    await settle();
    expect($$(el, 'inbox-empty')).toHaveLength(0);
    expect($(el, 'inbox-empty-filtered').textContent).toContain('No cases for this store or marketplace');
    click($(el, 'filter-show-all'));
    await settle();
    expect(rowIds(el)).toEqual(['1/a', '2/c', '2/d']);
    expect((store as HTMLSelectElement).value).toBe('');
  });

  it('is given to every screen as its filter prop', async () => {
    const seen: unknown[] = [];
    const screens = { ...baseScreens, orders: (p: ScreenProps) => (seen.push(p.filter), <FakeOrders {...p} />) };
    const el = await start(twoStores, <App screens={screens} />);
    choose($(el, 'filter-store'), '1');
    click($(el, 'nav-orders'));
    await settle();
    expect(last(seen)).toEqual({ account_id: 1, marketplace: null });
  });
});

describe('the screen registry and opening orders', () => {
  it('lists a screen once the registry has it, in the sidebar’s order, with its badge', async () => {
    const screens = { ...baseScreens, orders: (p: ScreenProps) => <FakeOrders {...p} /> };
    const el = await start((b) => {
      b.badgeCounts = { orders_without_tracking: 4 };
    }, <App screens={screens} />);
    expect(entries(el).map((b) => b.dataset.screen)).toEqual(['inbox', 'orders', 'queue', 'accounts']);
    expect($(el, 'badge-orders-without-tracking').textContent).toBe('4');
    expect($(el, 'nav-orders').textContent).toContain('4 orders without a tracking ID');
    key(document.body, '2', { altKey: true, code: 'Digit2' });
    await settle();
    expect(el.querySelector('#main h1')!.textContent).toBe('Orders');
    expect(document.activeElement).toBe(el.querySelector('#main h1'));
  });

  it('opens an order from a case, a case from the order, and Back retraces each step', async () => {
    const screens = {
      ...baseScreens,
      orders: (p: ScreenProps) => <FakeOrders {...p} />,
      inbox: (p: ScreenProps) => (
        <>
          <OrderLink />
          {defaultScreens.inbox!(p)}
        </>
      ),
    };
    const el = await start(() => undefined, <App screens={screens} />);
    window.scrollY = 300;
    click($(el, 'open-order'));
    await settle();
    expect($(el, 'order-focus').dataset.orderId).toBe('250-0000003-1234567');
    // The sidebar keeps the screen it was opened from.
    expect($(el, 'nav-inbox').getAttribute('aria-current')).toBe('page');

    click($(el, 'order-open-case'));
    await settle();
    expect($(el, 'case-detail').dataset.caseId).toBe('3');
    expect($(el, 'back-to-inbox').textContent).toContain('Back to order');

    click($(el, 'back-to-inbox'));
    await settle();
    expect($(el, 'order-focus').dataset.orderId).toBe('250-0000003-1234567');
    key(document.body, 'Escape'); // only the case screen takes Escape
    await settle();
    expect($$(el, 'order-focus')).toHaveLength(1);
  });

  it('has no order to open while the orders screen does not exist', async () => {
    const el = await start(() => undefined, (
      <App screens={{ ...baseScreens, inbox: (p: ScreenProps) => (<><OrderLink />{defaultScreens.inbox!(p)}</>) }} />
    ));
    expect($$(el, 'open-order')).toHaveLength(0);
    expect($$(el, 'case-row')).toHaveLength(5);
  });
});
