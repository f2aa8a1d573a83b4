import { useI18n } from '../i18n';
import type { Locale, SyncStatus } from '../ipc';
import { serviceId } from '../messageIds';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Logo } from './Logo';
import { SyncIndicator } from './SyncIndicator';

type Props = {
  sync: SyncStatus | null;
  now: number;
  openCount: number;
  onLocaleChange: (locale: Locale) => void;
};

export function Header({ sync, now, openCount, onLocaleChange }: Props) {
  const i18n = useI18n();
  return (
    <header class="topbar">
      <div class="brand">
        <Logo />
        <span class="brand-name">{i18n.t('app-title')}</span>
      </div>
      <nav class="nav">
        <a class="nav-item active" aria-current="page" href="#inbox">
          {i18n.t('nav-inbox')}
          {openCount > 0 && <span class="nav-count">{openCount}</span>}
        </a>
      </nav>
      <div class="topbar-status">
        {sync && <SyncIndicator sync={sync} now={now} />}
        {sync && (
          <span class={`badge badge-${sync.service}`} data-testid="service-badge">
            {i18n.t(serviceId(sync.service))}
          </span>
        )}
      </div>
      <LanguageSwitcher onChange={onLocaleChange} />
    </header>
  );
}
