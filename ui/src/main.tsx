import { render } from 'preact';
import { App, initialLocale, supported } from './app';
import { loadLocale } from './i18n';
import { getSettings, type Locale } from './ipc';
import './styles.css';

// The seller's language and its catalog are read before the first frame, so the window never
// shows another language first; the OS's language is fetched meanwhile, for when they agree.
async function start() {
  const os = initialLocale();
  const osCatalog = loadLocale(os);
  const chosen = await getSettings()
    .then((s): Locale => (supported(s.locale) ? s.locale : os))
    .catch(() => os);
  await Promise.all([osCatalog, loadLocale(chosen)]).catch(() => undefined);
  render(<App startLocale={chosen} />, document.getElementById('app')!);
}

void start();
