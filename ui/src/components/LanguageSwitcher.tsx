import { LOCALE_NAMES, LOCALES, useI18n } from '../i18n';
import type { Locale } from '../ipc';

export function LanguageSwitcher({ onChange }: { onChange: (locale: Locale) => void }) {
  const i18n = useI18n();
  return (
    <div class="segmented" role="group" aria-label={i18n.t('language-label')}>
      {LOCALES.map((loc) => (
        <button
          type="button"
          key={loc}
          lang={loc}
          data-locale={loc}
          aria-pressed={loc === i18n.locale ? 'true' : 'false'}
          class={loc === i18n.locale ? 'segment active' : 'segment'}
          onClick={() => loc !== i18n.locale && onChange(loc)}
        >
          {LOCALE_NAMES[loc]}
        </button>
      ))}
    </div>
  );
}
