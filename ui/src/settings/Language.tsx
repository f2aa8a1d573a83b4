// The app's language, the same choice as the top bar's: it applies at once to the window, the
// backend's texts, the tray and the notifications.
import { LOCALE_NAMES, LOCALES, useI18n } from '../i18n';
import type { Locale } from '../ipc';
import { useChangeLocale } from './locale';
import { st } from './text';

export function LanguageSection() {
  const i18n = useI18n();
  const changeLocale = useChangeLocale();
  return (
    <section class="settings-section" aria-labelledby="settings-language-heading" data-testid="settings-language-section">
      <h2 id="settings-language-heading">{st(i18n, 'settings-language-heading')}</h2>
      <div class="field">
        <label class="field-label" for="settings-language">
          {st(i18n, 'settings-language-label')}
        </label>
        <select
          id="settings-language"
          class="select"
          data-testid="settings-language"
          value={i18n.locale}
          aria-describedby="settings-language-hint"
          onChange={(e) => {
            const next = (e.currentTarget as HTMLSelectElement).value as Locale;
            if (next !== i18n.locale) changeLocale(next);
          }}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
        <p id="settings-language-hint" class="field-hint">
          {st(i18n, 'settings-language-hint')}
        </p>
      </div>
    </section>
  );
}
