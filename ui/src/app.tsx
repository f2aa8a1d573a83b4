import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CaseScreen } from './components/CaseScreen';
import { FilterBar } from './components/FilterBar';
import { Header } from './components/Header';
import { OfflineBanner } from './components/OfflineBanner';
import { Sidebar } from './components/Sidebar';
import { useServerNow } from './clock';
import { I18nContext, LOCALES, getI18n, isLoaded, loadLocale, negotiateLocale } from './i18n';
import {
  getBadges,
  getInbox,
  getSettings,
  onReplicaChanged,
  reportFirstRender,
  setLocale,
  syncNow,
  type AccountId,
  type Badges,
  type Inbox,
  type Locale,
  type ViewFilter,
} from './ipc';
import { NAV_ENTRIES, type NavEntry } from './nav/entries';
import {
  ALL,
  NavigateContext,
  backTargetOf,
  inFilter,
  isDetail,
  openScreen,
  pop,
  push,
  screenOf,
  viewKey,
  type DetailView,
  type History,
  type Navigate,
  type View,
} from './nav/route';
import { defaultScreens, type ScreenProps, type ScreenRegistry } from './screens';
import { AlertHost } from './alerts/AlertHost';
import { LocaleChangeContext } from './settings/locale';

function scrollToY(y: number) {
  try {
    window.scrollTo(0, y);
  } catch {
    // Not every environment scrolls (jsdom); nothing to restore there.
  }
}

export const supported = (l: string): l is Locale => (LOCALES as readonly string[]).includes(l);

/** The OS's language, the choice until the settings say otherwise. */
export function initialLocale(): Locale {
  return negotiateLocale(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);
}

/** A narrow window shows the sidebar as icons only (unless the seller expands it). */
const NARROW = '(max-width: 860px)';

function useMediaQuery(query: string): boolean {
  const get = () => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : false);
  const [matches, setMatches] = useState(get);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(query);
    const on = () => setMatches(mq.matches);
    mq.addEventListener?.('change', on);
    return () => mq.removeEventListener?.('change', on);
  }, [query]);
  return matches;
}

/** The badges from what the inbox already says, until (or when) the `badges` command cannot answer. */
function badgesFromInbox(inbox: Inbox | null, filter: ViewFilter): Badges {
  const cases = inbox?.cases ?? [];
  return {
    cases_due: cases.filter((c) => c.status === 'open' && inFilter(filter, c)).length,
    orders_without_tracking: 0,
    removable_feedback: 0,
    questions_awaiting: 0,
    failed_actions: inbox?.queue.failed ?? 0,
    queued_actions: inbox ? inbox.queue.queued + inbox.queue.sending : 0,
  };
}

/** The first heading of the screen shown: where focus goes when a screen opens. */
function focusHeading() {
  document.querySelector<HTMLElement>('#main h1')?.focus({ preventScroll: true });
}

/** The row of the case or order Back returns from, when the screen lists it (else its heading). */
function focusReturned(left: View) {
  const rows =
    left.name === 'case'
      ? document.querySelectorAll<HTMLElement>('#main [data-case-id][data-account-id]')
      : left.name === 'order'
        ? document.querySelectorAll<HTMLElement>('#main [data-order-id][data-account-id]')
        : [];
  const id = left.name === 'case' ? left.caseId : left.name === 'order' ? left.orderId : null;
  const row = [...rows].find(
    (r) =>
      r.tabIndex >= 0 &&
      (left.name === 'case' ? r.dataset.caseId : r.dataset.orderId) === id &&
      r.dataset.accountId === String((left as { accountId: AccountId }).accountId),
  );
  if (row) row.focus({ preventScroll: true });
  else focusHeading();
}

type Props = {
  /** Which screens exist and how each is drawn (see screens.tsx). */
  screens?: ScreenRegistry;
  /** The language to draw in first (main.tsx reads the settings and its catalog before). */
  startLocale?: Locale;
  /** The inbox main.tsx read with the settings, drawn in the first frame (null: App reads it). */
  startInbox?: Inbox | null;
};

export function App({ screens = defaultScreens, startLocale, startInbox = null }: Props) {
  const [locale, setLocaleState] = useState<Locale>(() => startLocale ?? initialLocale());
  // Bumped when a locale's catalog arrives: its messages replace the English stand-ins.
  const [catalogs, setCatalogs] = useState(0);
  const [inbox, setInbox] = useState<Inbox | null>(startInbox);
  const [error, setError] = useState<unknown>(null);
  const [history, setHistory] = useState<History>({ view: { name: 'inbox' }, stack: [] });
  const [filter, setFilterState] = useState<ViewFilter>(ALL);
  const [badges, setBadges] = useState<Badges | null>(null);
  const [collapsedChoice, setCollapsedChoice] = useState<boolean | null>(null);
  // Bumped on every replica-changed: the open screen rereads what it shows.
  const [revision, setRevision] = useState(0);
  // `catalogs` in the deps: the same locale gets its real messages once they arrived.
  const i18n = useMemo(() => getI18n(locale), [locale, catalogs]);
  useEffect(() => {
    if (isLoaded(locale)) return;
    let current = true;
    loadLocale(locale)
      .then(() => current && setCatalogs((n) => n + 1))
      .catch((e) => current && setError(e));
    return () => {
      current = false;
    };
  }, [locale]);
  const now = useServerNow(inbox?.server_offset_ms ?? 0);
  const headerOffset = inbox?.server_offset_ms ?? 0;
  const localNow = now - headerOffset;
  const narrow = useMediaQuery(NARROW);
  const collapsed = collapsedChoice ?? narrow;

  const entries = useMemo<NavEntry[]>(() => NAV_ENTRIES.filter((e) => screens[e.id] !== undefined), [screens]);
  // A view of a screen that does not exist (yet) shows the inbox.
  const view: View = (() => {
    const v = history.view;
    if (v.name === 'case') return v;
    if (v.name === 'order') return screens.orders ? v : { name: v.from };
    if (v.name === 'ask') return screens.questions ? v : { name: 'inbox' };
    return screens[v.name] ? v : { name: 'inbox' };
  })();

  useEffect(() => {
    document.documentElement.lang = i18n.locale;
    document.title = i18n.t('app-title');
  }, [i18n]);

  const filterRef = useRef(filter);
  filterRef.current = filter;
  const badgeGeneration = useRef(0);
  const loadBadges = useCallback(async () => {
    const mine = ++badgeGeneration.current;
    try {
      const b = await getBadges(filterRef.current);
      if (mine === badgeGeneration.current) setBadges(b);
    } catch {
      // No `badges` command (an older backend) or it failed: the counts the inbox gives stand in.
      if (mine === badgeGeneration.current) setBadges(null);
    }
  }, []);

  const reload = useCallback(async () => {
    void loadBadges();
    try {
      setInbox(await getInbox());
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [loadBadges]);

  useEffect(() => {
    let cancelled = false;
    let unlisten: (() => void) | undefined;
    // What main.tsx already read is not asked for again.
    if (!startLocale) {
      getSettings()
        .then((s) => !cancelled && supported(s.locale) && setLocaleState(s.locale))
        .catch((e) => !cancelled && setError(e));
    }
    // An empty desk is filled as soon as it has been read (the backend
    // starts the sandbox and the sync then, see startup::inbox_read), so the
    // news of it may come before this listener is in place: such a desk is
    // read once the listener is, and a change can no longer fall between.
    const readWhenListening = !startInbox || startInbox.cases.length === 0;
    // A desk read again loads its badges with it (reload).
    if (!readWhenListening) void loadBadges();
    onReplicaChanged(() => {
      setRevision((r) => r + 1);
      void reload();
    })
      .then((u) => {
        if (cancelled) return u();
        unlisten = u;
        if (readWhenListening) void reload();
      })
      .catch(async (e) => {
        if (cancelled) return;
        if (readWhenListening) await reload();
        setError(e);
      });
    return () => {
      cancelled = true;
      unlisten?.();
    };
    // main.tsx's reads are for the first mount only (`reload` never changes).
  }, [reload]);

  const firstFilter = useRef(true);
  useEffect(() => {
    if (firstFilter.current) {
      firstFilter.current = false;
      return;
    }
    void loadBadges();
  }, [filter, loadBadges]);

  // A store that was removed is no longer a choice.
  const accounts = inbox?.accounts ?? [];
  useEffect(() => {
    if (filter.account_id !== null && inbox && !inbox.accounts.some((a) => a.id === filter.account_id)) {
      setFilterState((f) => ({ ...f, account_id: null }));
    }
  }, [inbox, filter.account_id]);

  const changeLocale = useCallback(async (next: Locale) => {
    // Its catalog first (a chunk read from the app, milliseconds), so nothing shows in English meanwhile.
    await loadLocale(next).catch(() => undefined);
    setLocaleState(next); // re-render at once; the backend persists it
    try {
      const saved = await setLocale(next);
      if (supported(saved.locale)) setLocaleState(saved.locale);
    } catch (e) {
      setError(e);
    }
  }, []);

  const hasCases = (inbox?.cases.length ?? 0) > 0;
  useEffect(() => {
    // After the commit that first shows cases; the backend logs it once.
    if (hasCases) reportFirstRender().catch(() => undefined);
  }, [hasCases]);

  // Where each view was scrolled; what Back left (to put the keyboard back on its row); and
  // whether focus goes to the heading of the screen about to show.
  const scrolls = useRef(new Map<string, number>());
  const returning = useRef<View | null>(null);
  const toHeading = useRef(false);

  const historyRef = useRef(history);
  historyRef.current = history;

  const nav = useMemo<Navigate>(() => {
    const go = (next: History) => {
      historyRef.current = next;
      setHistory(next);
    };
    const detail = (d: DetailView) => {
      const h = historyRef.current;
      scrolls.current.set(viewKey(h.view), window.scrollY);
      returning.current = null;
      toHeading.current = false;
      go(push(h, d));
    };
    const current = () => screenOf(historyRef.current.view);
    return {
      view,
      backTarget: backTargetOf(history),
      filter,
      setFilter: setFilterState,
      canOpenOrder: screens.orders !== undefined,
      canAsk: screens.questions !== undefined,
      askQuestion(accountId, orderId) {
        if (!screens.questions) return;
        detail({ name: 'ask', accountId, orderId, from: 'questions' });
      },
      open(screen) {
        returning.current = null;
        toHeading.current = true;
        go(openScreen(historyRef.current, screen));
      },
      openCase(accountId, caseId, from = current()) {
        detail({ name: 'case', accountId, caseId, from });
      },
      openOrder(accountId, orderId, from = current()) {
        if (!screens.orders) return;
        detail({ name: 'order', accountId, orderId, from });
      },
      back() {
        const h = historyRef.current;
        if (!isDetail(h.view)) return;
        returning.current = h.view;
        toHeading.current = false;
        go(pop(h));
        // What was done there (a draft, a reply) changed the lists behind the screen's back.
        void reload();
      },
    };
  }, [view, history, filter, screens, reload]);

  useLayoutEffect(() => {
    const left = returning.current;
    const heading = toHeading.current;
    returning.current = null;
    toHeading.current = false;
    if (left) {
      scrollToY(scrolls.current.get(viewKey(view)) ?? 0);
      // Keyboard users continue from the row they opened (else from the screen's heading).
      if (view.name !== 'case') focusReturned(left);
      return;
    }
    scrollToY(0);
    // A case focuses its own heading once it is read.
    if (heading && view.name !== 'case') focusHeading();
  }, [history]);

  // Alt+1…Alt+9 open the sidebar's entries from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing || e.defaultPrevented) return;
      // `code`: on a Mac, Option+1 types "¡", but the key is still Digit1.
      const digit = /^Digit([1-9])$/.exec(e.code)?.[1] ?? /^[1-9]$/.exec(e.key)?.[0];
      const entry = digit ? entries[Number(digit) - 1] : undefined;
      if (!entry) return;
      e.preventDefault();
      nav.open(entry.id);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [entries, nav]);

  // The sidebar sticks under the top bar, whose height changes when a narrow window wraps it.
  const shell = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = shell.current;
    const bar = el?.querySelector<HTMLElement>('.topbar');
    if (!el || !bar || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => el.style.setProperty('--topbar-h', `${bar.offsetHeight}px`));
    ro.observe(bar);
    return () => ro.disconnect();
  }, []);

  const skipToContent = (e: Event) => {
    e.preventDefault();
    const heading = document.querySelector<HTMLElement>('#main h1');
    (heading ?? document.getElementById('main'))?.focus();
  };

  const shownBadges = badges ?? badgesFromInbox(inbox, filter);
  const caseAccount = view.name === 'case' ? accounts.find((a) => a.id === view.accountId) : undefined;
  const waiting = inbox ? inbox.queue.queued + inbox.queue.sending : 0;
  const screenProps: ScreenProps = {
    view,
    filter,
    accounts,
    inbox,
    revision,
    now: localNow,
    loadError: error,
    reload: () => void reload(),
  };
  const render =
    view.name === 'case' ? null : screens[view.name === 'order' ? 'orders' : view.name === 'ask' ? 'questions' : view.name];

  return (
    <I18nContext.Provider value={i18n}>
      <NavigateContext.Provider value={nav}>
        <LocaleChangeContext.Provider value={changeLocale}>
          <div class="shell" ref={shell}>
            <a class="skip-link" href="#main" data-testid="skip-link" onClick={skipToContent}>
              {i18n.t('skip-to-content')}
            </a>
            <Header sync={inbox?.sync ?? null} now={localNow} onSyncNow={syncNow} onLocaleChange={changeLocale}>
              {inbox && <FilterBar accounts={accounts} filter={filter} onChange={setFilterState} />}
            </Header>
            <div class="body">
              <Sidebar
                entries={entries}
                current={screenOf(view)}
                badges={shownBadges}
                onOpen={nav.open}
                collapsed={collapsed}
                onToggle={() => setCollapsedChoice(!collapsed)}
              />
              <main class="content" id="main" tabIndex={-1}>
                {/* Alerts the desktop could not show (no notification daemon), and `open-target` navigation. */}
                <AlertHost />
                {inbox?.sync.state === 'offline' && <OfflineBanner sync={inbox.sync} waiting={waiting} />}
                {error != null && (
                  <div class="alert" role="alert" data-testid="error">
                    <span>{i18n.error(error)}</span>
                    <button type="button" class="link-button" onClick={() => void reload()}>
                      {i18n.t('action-retry')}
                    </button>
                  </div>
                )}
                {view.name === 'case' ? (
                  <CaseScreen
                    key={`${view.accountId}/${view.caseId}`}
                    accountId={view.accountId}
                    caseId={view.caseId}
                    offsetMs={caseAccount?.server_offset_ms ?? null}
                    accountName={accounts.length > 1 ? (caseAccount?.display_name ?? null) : null}
                    revision={revision}
                    backTo={nav.backTarget ?? view.from}
                    onBack={nav.back}
                  />
                ) : (
                  render?.(screenProps)
                )}
              </main>
            </div>
          </div>
        </LocaleChangeContext.Provider>
      </NavigateContext.Provider>
    </I18nContext.Provider>
  );
}
