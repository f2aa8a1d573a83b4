// The Accounts screen inside the whole app, against the fake backend: the list of stores and their
// links, adding a store with a service address and an API token, and removing one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';
import { getI18n } from '../i18n';
import type { Locale } from '../ipc';
import { $, $$, click, mount, settle, type, unmount } from '../test/dom';
import { FakeBackend, account } from '../test/fakeBackend';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

const now = Date.parse('2025-06-01T09:00:00Z');
const TOKEN = 'csba_live_S3cr3t-T0ken-do-not-leak';
const URL_ = 'https://csba.example.com';
let backend: FakeBackend;

const CONSOLE = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
let consoleSpies: ReturnType<typeof vi.spyOn>[];

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(now);
  backend = new FakeBackend(now).install();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
  consoleSpies = CONSOLE.map((m) => vi.spyOn(console, m));
});

afterEach(() => {
  unmount();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function openAccounts(locale: Locale = 'en', setup: (b: FakeBackend) => void = () => undefined) {
  setup(backend);
  const el = mount(<App />);
  await settle();
  // The seller's language, chosen the way the seller does.
  if (locale !== 'en') click(el.querySelector<HTMLElement>(`[data-locale="${locale}"]`)!);
  await settle();
  click($(el, 'nav-accounts'));
  await settle();
  return el;
}

/** A console argument as text, however it would be printed. */
function show(a: unknown): string {
  if (typeof a === 'string') return a;
  try {
    return `${String(a)} ${JSON.stringify(a)}`;
  } catch {
    return String(a);
  }
}

const card = (el: HTMLElement, id: number) =>
  el.querySelector<HTMLElement>(`[data-testid="account-item"][data-account-id="${id}"]`);
const tokenInput = (el: HTMLElement) => $(el, 'account-token') as HTMLInputElement;
const urlInput = (el: HTMLElement) => $(el, 'account-url') as HTMLInputElement;
const addButton = (el: HTMLElement) => $(el, 'account-add') as HTMLButtonElement;

/** Two real stores: one syncing fine, one whose token the locked keychain will not give, with unsent actions. */
function twoStores(b: FakeBackend) {
  b.inbox.accounts = [
    account(1, {
      display_name: 'Sakura Zakka',
      seller_id: 'ASAKURA0JP',
      marketplaces: ['JP', 'US'],
      service_url: 'https://csba.example.com',
      sync: { state: 'online', last_sync_at: new Date(now - 5 * 60_000).toISOString(), service: 'remote', error: null },
    }),
    account(2, {
      display_name: 'Maple Goods',
      seller_id: 'AMAPLE0US',
      service_url: 'https://csba.other.example',
      unsent: 3,
      sync: {
        state: 'offline',
        last_sync_at: null,
        service: 'remote',
        error: { code: 'keychain-unavailable', args: {}, field: null },
      },
    }),
  ];
  b.inbox.cases = b.inbox.cases.map((c, i) => ({ ...c, account_id: i % 2 ? 2 : 1 }));
}

describe('the accounts screen', () => {
  it('is in the header and lists every account with its link', async () => {
    const el = await openAccounts('en', twoStores);
    expect($(el, 'nav-accounts').getAttribute('aria-current')).toBe('page');
    expect($(el, 'accounts')).toBeTruthy();
    const cards = $$(el, 'account-item');
    expect(cards.map((c) => c.dataset.accountId)).toEqual(['1', '2']);

    const sakura = card(el, 1)!;
    expect(sakura.textContent).toContain('Sakura Zakka');
    expect($(sakura, 'account-seller-id').textContent).toBe('ASAKURA0JP');
    expect($(sakura, 'account-service').textContent).toBe('https://csba.example.com');
    expect(sakura.textContent).toContain('Amazon.co.jp');
    expect(sakura.textContent).toContain('Amazon.com');
    expect($(sakura, 'account-sync').dataset.state).toBe('online');
    expect($(sakura, 'account-sync').textContent).toContain('Online');
    expect($(sakura, 'account-sync').textContent).toContain('Last synced 5 minutes ago');
    expect(sakura.querySelector('[data-testid="account-error"]')).toBeNull();
    expect(sakura.querySelector('[data-testid="account-unsent"]')).toBeNull();

    const maple = card(el, 2)!;
    expect($(maple, 'account-sync').dataset.state).toBe('offline');
    expect($(maple, 'account-sync').textContent).toContain('Offline');
    expect($(maple, 'account-sync').textContent).toContain('Not synced yet');
    expect($(maple, 'account-error').textContent).toBe(getI18n('en').t('error-keychain-unavailable'));
    expect($(maple, 'account-error').textContent).toContain('Unlock the keychain');
    expect($(maple, 'account-unsent').textContent).toBe('3 actions not sent yet');
  });

  it.each(['ja', 'zh-CN', 'ko'] as const)('speaks %s, the keychain problem included', async (locale) => {
    const el = await openAccounts(locale, twoStores);
    const i18n = getI18n(locale);
    expect($(el, 'nav-accounts').textContent).toBe(i18n.t('nav-accounts'));
    expect($(card(el, 2)!, 'account-error').textContent).toBe(i18n.t('error-keychain-unavailable'));
    expect($(card(el, 2)!, 'account-unsent').textContent).toBe(i18n.t('account-unsent', { count: 3 }));
    expect($(el, 'account-keychain-note').textContent).toBe(i18n.t('account-token-keychain'));
  });

  it('shows the demo account as the built-in demo, without a remove button', async () => {
    const el = await openAccounts();
    const demo = card(el, 1)!;
    expect($(demo, 'account-service').textContent).toBe('Built-in demo (sample data)');
    expect(demo.querySelector('[data-testid="account-remove"]')).toBeNull();
    expect(demo.textContent).toContain('It goes away when you add your own store.');
  });
});

describe('adding a store', () => {
  it('sends the exact address and token, clears the token at once, and names the store', async () => {
    backend.accountToAdd = { display_name: 'Maple Goods', seller_id: 'AMAPLE0US' };
    const el = await openAccounts();
    const token = tokenInput(el);
    expect(token.type).toBe('password');
    expect(token.getAttribute('autocomplete')).toBe('off');
    expect(token.getAttribute('spellcheck')).toBe('false');
    expect(urlInput(el).type).toBe('url');
    expect(urlInput(el).placeholder).toBe('https://…');
    expect(addButton(el).disabled).toBe(true);

    type(urlInput(el), URL_);
    expect(addButton(el).disabled).toBe(true); // no token yet
    type(token, TOKEN);
    expect(addButton(el).disabled).toBe(false);

    const release = backend.hold('add_account');
    click(addButton(el));
    await settle();
    // Still working: the token is already gone from the field, and the button waits.
    expect(tokenInput(el).value).toBe('');
    expect(addButton(el).disabled).toBe(true);
    expect(backend.callsOf('add_account')).toEqual([{ url: URL_, token: TOKEN }]);

    release();
    await settle();
    expect($(el, 'account-added').textContent).toBe(
      getI18n('en').t('account-added-replaced-demo', { name: 'Maple Goods', seller: 'AMAPLE0US' }),
    );
    expect($(el, 'account-added').textContent).toContain('the inbox now shows only real cases');
    expect(tokenInput(el).value).toBe('');
    expect(urlInput(el).value).toBe('');
    expect(el.querySelector('[data-testid="account-add-error"]')).toBeNull();
    // The demo is replaced by the new store.
    expect($$(el, 'account-item').map((c) => c.dataset.accountId)).toEqual(['10']);
    expect(card(el, 10)!.textContent).toContain('Maple Goods');
    expect($(card(el, 10)!, 'account-remove')).toBeTruthy();
  });

  it('does not mention the demo when it was already gone', async () => {
    backend.accountToAdd = { display_name: 'Third Store', seller_id: 'A3' };
    const el = await openAccounts('en', twoStores);
    type(urlInput(el), URL_);
    type(tokenInput(el), TOKEN);
    click(addButton(el));
    await settle();
    expect($(el, 'account-added').textContent).toBe('Third Store (A3) was added.');
    expect($$(el, 'account-item')).toHaveLength(3);
  });

  it.each([
    ['token-rejected', 'en'],
    ['service-unreachable', 'en'],
    ['not-csba-service', 'ja'],
    ['token-malformed', 'ko'],
    ['keychain-unavailable', 'zh-CN'],
    ['account-url-invalid', 'ja'],
  ] as const)('explains a refusal (%s, in %s), keeps the address and clears the token', async (code, locale) => {
    backend.failures.set('add_account', { code, args: {} });
    const el = await openAccounts(locale);
    type(urlInput(el), URL_);
    type(tokenInput(el), TOKEN);
    click(addButton(el));
    await settle();
    const i18n = getI18n(locale);
    const message = $(el, 'account-add-error').textContent;
    expect(message).toBe(i18n.t(`error-${code}`));
    expect(message).not.toBe(i18n.t('error-unknown'));
    expect(message).not.toContain(TOKEN);
    expect(urlInput(el).value).toBe(URL_);
    expect(tokenInput(el).value).toBe('');
    expect(addButton(el).disabled).toBe(true); // a new token is needed
    expect(el.querySelector('[data-testid="account-added"]')).toBeNull();
    expect($$(el, 'account-item')).toHaveLength(1); // the demo is still there
  });

  it('never lets the token reach the console, the storage or the page', async () => {
    const el = await openAccounts();
    // A failure, then a success.
    backend.failures.set('add_account', { code: 'token-rejected', args: {} });
    type(urlInput(el), URL_);
    type(tokenInput(el), TOKEN);
    click(addButton(el));
    await settle();
    backend.failures.delete('add_account');
    type(tokenInput(el), TOKEN);
    click(addButton(el));
    await settle();
    expect(backend.callsOf('add_account')).toHaveLength(2);

    for (const spy of consoleSpies) {
      for (const args of spy.mock.calls) {
        const text = args.map(show).join(' ');
        expect(text).not.toContain(TOKEN);
      }
    }
    const stored = [localStorage, sessionStorage].flatMap((s) =>
      Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`),
    );
    expect(stored.join('\n')).not.toContain(TOKEN);
    expect(document.documentElement.outerHTML).not.toContain(TOKEN);
    expect(tokenInput(el).value).toBe('');
  });
});

describe('removing a store', () => {
  it('asks first, and removes without force when nothing is waiting', async () => {
    const el = await openAccounts('en', twoStores);
    click($(card(el, 1)!, 'account-remove'));
    expect(backend.callsOf('remove_account')).toEqual([]);
    expect($(card(el, 1)!, 'account-remove-question').textContent).toBe(
      getI18n('en').t('account-remove-question', { name: 'Sakura Zakka' }),
    );
    expect(document.activeElement).toBe($(card(el, 1)!, 'account-remove-cancel'));

    click($(card(el, 1)!, 'account-remove-cancel'));
    expect(backend.callsOf('remove_account')).toEqual([]);
    expect(card(el, 1)!.querySelector('[data-testid="account-remove-confirm"]')).toBeNull();
    expect(document.activeElement).toBe($(card(el, 1)!, 'account-remove'));

    click($(card(el, 1)!, 'account-remove'));
    click($(card(el, 1)!, 'account-remove-confirm'));
    await settle();
    expect(backend.callsOf('remove_account')).toEqual([{ id: 1, force: false }]);
    expect(card(el, 1)).toBeNull();
    expect($$(el, 'account-item').map((c) => c.dataset.accountId)).toEqual(['2']);
    expect(document.activeElement).toBe(el.querySelector('#accounts-heading'));
  });

  it('says how many unsent actions will be lost, and then forces', async () => {
    const el = await openAccounts('en', twoStores);
    click($(card(el, 2)!, 'account-remove'));
    const question = $(card(el, 2)!, 'account-remove-question').textContent!;
    expect(question).toContain('3 actions have not been sent yet and will be lost');
    expect($(card(el, 2)!, 'account-remove-confirm').textContent).toBe('Remove anyway');
    click($(card(el, 2)!, 'account-remove-confirm'));
    await settle();
    expect(backend.callsOf('remove_account')).toEqual([{ id: 2, force: true }]);
    expect(card(el, 2)).toBeNull();
  });

  it('shows why a removal did not work', async () => {
    backend.failures.set('remove_account', { code: 'keychain-unavailable', args: {} });
    const el = await openAccounts('ja', twoStores);
    click($(card(el, 1)!, 'account-remove'));
    click($(card(el, 1)!, 'account-remove-confirm'));
    await settle();
    expect($(card(el, 1)!, 'account-remove-error').textContent).toBe(getI18n('ja').t('error-keychain-unavailable'));
    expect(card(el, 1)).not.toBeNull();
  });

  it('rereads the list when actions were queued since it was shown, then asks again with their count', async () => {
    const el = await openAccounts('en', twoStores);
    backend.inbox.accounts[0].unsent = 2; // queued behind the screen's back
    click($(card(el, 1)!, 'account-remove'));
    click($(card(el, 1)!, 'account-remove-confirm'));
    await settle();
    expect(backend.callsOf('remove_account')).toEqual([{ id: 1, force: false }]);
    expect($(card(el, 1)!, 'account-remove-error').textContent).toContain('2 actions that have not been sent');
    expect($(card(el, 1)!, 'account-unsent').textContent).toBe('2 actions not sent yet');
    click($(card(el, 1)!, 'account-remove'));
    expect($(card(el, 1)!, 'account-remove-question').textContent).toContain('2 actions have not been sent yet');
    click($(card(el, 1)!, 'account-remove-confirm'));
    await settle();
    expect(backend.callsOf('remove_account')).toEqual([
      { id: 1, force: false },
      { id: 1, force: true },
    ]);
    expect(card(el, 1)).toBeNull();
  });

  it('localizes the refusal for unsent actions with their count', () => {
    for (const locale of ['en', 'ja', 'zh-CN', 'ko'] as const) {
      const text = getI18n(locale).error({ code: 'account-has-unsent', args: { count: '4' } });
      expect(text, locale).toContain('4');
      expect(text, locale).not.toBe(getI18n(locale).t('error-unknown'));
    }
  });
});
