import { render } from 'preact';
import { App, initialLocale, supported } from './app';
import { loadLocale } from './i18n';
import { getInbox, getSettings, type Inbox, type Locale } from './ipc';
import './styles.css';

// The seller's language and its catalog are read before the first frame, so the window never
// shows another language first; the OS's language is fetched meanwhile, for when they agree.
// The inbox is asked for at the same moment: the first frame is the inbox with its cases, not an
// empty shell painted first that only then asks for them. (A failed read is retried by App,
// which shows why.)
async function start() {
  const os = initialLocale();
  const osCatalog = loadLocale(os);
  const inbox = getInbox().catch((): Inbox | null => null);
  const chosen = await getSettings()
    .then((s): Locale => (supported(s.locale) ? s.locale : os))
    .catch(() => os);
  await Promise.all([osCatalog, loadLocale(chosen)]).catch(() => undefined);
  render(<App startLocale={chosen} startInbox={await inbox} />, document.getElementById('app')!);
}

void start();
