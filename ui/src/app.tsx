import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Header } from './components/Header';
import { InboxView } from './components/InboxView';
import { useServerNow } from './clock';
import { I18nContext, LOCALES, getI18n, negotiateLocale } from './i18n';
import { getInbox, getSettings, onReplicaChanged, reportFirstRender, setLocale, type Inbox, type Locale } from './ipc';
import { sortByUrgency, summarize } from './urgency';

const supported = (l: string): l is Locale => (LOCALES as readonly string[]).includes(l);

function initialLocale(): Locale {
  return negotiateLocale(typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [inbox, setInbox] = useState<Inbox | null>(null);
  const [error, setError] = useState<unknown>(null);
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
    onReplicaChanged(() => void reload())
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

  const cases = useMemo(() => (inbox ? sortByUrgency(inbox.cases, now) : []), [inbox, now]);
  const summary = useMemo(() => summarize(inbox?.cases ?? [], now), [inbox, now]);
  const hasCases = cases.length > 0;

  useEffect(() => {
    // After the commit that first shows cases; the backend logs it once.
    if (hasCases) reportFirstRender().catch(() => undefined);
  }, [hasCases]);

  return (
    <I18nContext.Provider value={i18n}>
      <div class="shell">
        <Header sync={inbox?.sync ?? null} now={now} openCount={summary.open} onLocaleChange={changeLocale} />
        <main class="content">
          {error != null && (
            <div class="alert" role="alert" data-testid="error">
              <span>{i18n.error(error)}</span>
              <button type="button" class="link-button" onClick={() => void reload()}>
                {i18n.t('action-retry')}
              </button>
            </div>
          )}
          {inbox ? (
            <InboxView cases={cases} summary={summary} now={now} />
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
