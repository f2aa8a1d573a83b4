import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';
import type { Locale, SyncStatus } from '../ipc';
import { serviceId } from '../messageIds';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Logo } from './Logo';
import { SyncIndicator } from './SyncIndicator';

type Props = {
  sync: SyncStatus | null;
  /** Local time, for "last synced N minutes ago". */
  now: number;
  onSyncNow?: () => Promise<void>;
  onLocaleChange: (locale: Locale) => void;
  /** What the top bar holds besides brand and status: the store and marketplace filter. */
  children?: ComponentChildren;
};

/** The top bar: brand, the filter, the link's state and the language. The screens are in the sidebar. */
export function Header({ sync, now, onSyncNow, onLocaleChange, children }: Props) {
  const i18n = useI18n();
  return (
    <header class="topbar">
      <div class="brand">
        <Logo />
        <span class="brand-name">{i18n.t('app-title')}</span>
      </div>
      {children}
      <div class="topbar-status">
        {sync && <SyncIndicator sync={sync} now={now} onSyncNow={onSyncNow} />}
        {sync && (
          <span class={`badge badge-${sync.service}`} data-testid="service-badge">
            {i18n.t(serviceId(sync.service))}
          </span>
        )}
        {/* In the same group, so a narrow window wraps status and languages together, on the right. */}
        <LanguageSwitcher onChange={onLocaleChange} />
      </div>
    </header>
  );
}
