import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AccountsView } from './components/AccountsView';
import { CaseScreen } from './components/CaseScreen';
import { Header, type Screen } from './components/Header';
import { InboxView } from './components/InboxView';
import { OfflineBanner } from './components/OfflineBanner';
import { QueueView } from './components/QueueView';
import { useServerNow } from './clock';
import { I18nContext, LOCALES, getI18n, negotiateLocale } from './i18n';
import {
  getInbox,
  getSettings,
  onReplicaChanged,
  reportFirstRender,
  setLocale,
  syncNow,
  type AccountId,
  type CaseView,
  type Inbox,
  type Locale,
  type QueueItem,
} from './ipc';
import { sortByUrgency, summarize } from './urgency';

/** What the window shows. A plain state, not a router: the app has four screens and no URLs to share. */
type View = { name: Screen } | { name: 'case'; accountId: AccountId; caseId: string; from: CaseOrigin };
/** The screens that open cases (and that Back returns to). */
type CaseOrigin = Exclude<Screen, 'accounts'>;

function scrollToY(y: number) {
  try {
    window.scrollTo(0, y);
  } catch {
    // Not every environment scrolls (jsdom); nothing to restore there.
  }
}

const supported = (l: string): l is Locale => (LOCALES as readonly string[]).includes(l);

function initialLocale(): Locale {
  return negotiateLocale(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [view, setView] = useState<View>({ name: 'inbox' });
  // Bumped on every replica-changed: the open screen rereads what it shows.
  const [revision, setRevision] = useState(0);
  const i18n = useMemo(() => getI18n(locale), [locale]);
  const now = useServerNow(inbox?.server_offset_ms ?? 0);

  useEffect(() => {
    document.documentElement.lang = i18n.locale;
    document.title = i18n.t('app-title');
  }, [i18n]);

  const reload = useCallback(async () => {
    try {
      setInbox(await getInbox());
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    let unlisten: (() => void) | undefined;
    getSettings()
      .then((s) => !cancelled && supported(s.locale) && setLocaleState(s.locale))
      .catch((e) => !cancelled && setError(e));
    void reload();
    onReplicaChanged(() => {
      setRevision((r) => r + 1);
      void reload();
    })
      .then((u) => (cancelled ? u() : (unlisten = u)))
      .catch((e) => !cancelled && setError(e));
    return () => {
      cancelled = true;
      unlisten?.();
    };
  }, [reload]);

  const changeLocale = useCallback(async (next: Locale) => {
    setLocaleState(next); // re-render at once; the backend persists it
    try {
      const saved = await setLocale(next);
      if (supported(saved.locale)) setLocaleState(saved.locale);
    } catch (e) {
      setError(e);
    }
  }, []);

  // Each account's service has its own clock: a case's urgency is read on its own.
  const caseNow = useMemo(() => {
    const offsets = new Map((inbox?.accounts ?? []).map((a) => [a.id, a.server_offset_ms]));
    const base = now - (inbox?.server_offset_ms ?? 0);
    return (c: CaseView) => base + (offsets.get(c.account_id) ?? inbox?.server_offset_ms ?? 0);
  }, [inbox, now]);
  const cases = useMemo(() => (inbox ? sortByUrgency(inbox.cases, caseNow) : []), [inbox, caseNow]);
  const summary = useMemo(() => summarize(inbox?.cases ?? [], caseNow), [inbox, caseNow]);
  const hasCases = cases.length > 0;

  useEffect(() => {
    // After the commit that first shows cases; the backend logs it once.
    if (hasCases) reportFirstRender().catch(() => undefined);
  }, [hasCases]);

  // Where each list was scrolled, and which case was opened from it, so Back
  // returns to the same place with the keyboard on the same row.
  const scrolls = useRef<Record<Screen, number>>({ inbox: 0, queue: 0, accounts: 0 });
  const returning = useRef<{ screen: CaseOrigin; accountId: AccountId; caseId: string } | null>(null);

  const openCase = useCallback((accountId: AccountId, caseId: string, from: CaseOrigin) => {
    scrolls.current[from] = window.scrollY;
    setView({ name: 'case', accountId, caseId, from });
  }, []);

  const back = useCallback(() => {
    if (view.name !== 'case') return;
    returning.current = { screen: view.from, accountId: view.accountId, caseId: view.caseId };
    setView({ name: view.from });
    // The case's draft and reply counts changed behind the inbox's back.
    void reload();
  }, [view, reload]);

  const navigate = useCallback((screen: Screen) => {
    returning.current = null;
    setView({ name: screen });
  }, []);

  useLayoutEffect(() => {
    const back = returning.current;
    returning.current = null;
    if (view.name === 'case' || !back || back.screen !== view.name) {
      scrollToY(0);
      return;
    }
    scrollToY(scrolls.current[view.name]);
    // Keyboard users continue from the row they opened (the outbox from its heading).
    const target =
      view.name === 'inbox'
        ? [...document.querySelectorAll<HTMLElement>('[data-testid="case-row"]')].find(
            (r) => r.dataset.caseId === back.caseId && r.dataset.accountId === String(back.accountId),
          )
        : document.getElementById('queue-heading');
    target?.focus({ preventScroll: true });
  }, [view]);

  const onOpenRow = useCallback((c: CaseView) => openCase(c.account_id, c.id, 'inbox'), [openCase]);
  const onOpenQueued = useCallback((item: QueueItem) => openCase(item.account_id, item.subject, 'queue'), [openCase]);
  const accounts = inbox?.accounts ?? [];
  const headerOffset = inbox?.server_offset_ms ?? 0;
  const caseAccount = view.name === 'case' ? accounts.find((a) => a.id === view.accountId) : undefined;
  const waiting = inbox ? inbox.queue.queued + inbox.queue.sending : 0;

  return (
    <I18nContext.Provider value={i18n}>
      <div class="shell">
        <Header
          sync={inbox?.sync ?? null}
          now={now - headerOffset}
          openCount={summary.open}
          queue={inbox?.queue ?? null}
          current={view.name === 'case' ? view.from : view.name}
          onNavigate={navigate}
          onSyncNow={syncNow}
          onLocaleChange={changeLocale}
        />
        <main class="content">
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
              backTo={view.from}
              onBack={back}
            />
          ) : view.name === 'accounts' ? (
            <AccountsView accounts={inbox?.accounts ?? null} now={now - headerOffset} onChanged={() => void reload()} />
          ) : view.name === 'queue' ? (
            <QueueView revision={revision} accounts={accounts} onOpenCase={onOpenQueued} />
          ) : inbox ? (
            <InboxView cases={cases} summary={summary} now={caseNow} accounts={accounts} onOpen={onOpenRow} />
          ) : (
            error == null && (
              <div class="loading" data-testid="loading" aria-busy="true">
                <span class="spinner" aria-hidden="true" />
                {i18n.t('loading')}
              </div>
            )
          )}
        </main>
      </div>
    </I18nContext.Provider>
  );
}
