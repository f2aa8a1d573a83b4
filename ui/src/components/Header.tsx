import { useI18n } from '../i18n';
import type { Locale, QueueCounts, SyncStatus } from '../ipc';
import { serviceId } from '../messageIds';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Logo } from './Logo';
import { SyncIndicator } from './SyncIndicator';

export type Screen = 'inbox' | 'queue' | 'accounts';

type Props = {
  sync: SyncStatus | null;
  /** Local time, for "last synced N minutes ago". */
  now: number;
  openCount: number;
  queue?: QueueCounts | null;
  /** The screen the nav shows as current (none while a case is open). */
  current?: Screen | null;
  onNavigate?: (screen: Screen) => void;
  onSyncNow?: () => Promise<void>;
  onLocaleChange: (locale: Locale) => void;
};

export function Header({ sync, now, openCount, queue, current = 'inbox', onNavigate, onSyncNow, onLocaleChange }: Props) {
  const i18n = useI18n();
  const waiting = queue ? queue.queued + queue.sending : 0;
  const failed = queue?.failed ?? 0;
  const item = (screen: Screen) => ({
    type: 'button' as const,
    class: current === screen ? 'nav-item active' : 'nav-item',
    'aria-current': current === screen ? ('page' as const) : undefined,
    onClick: () => onNavigate?.(screen),
  });
  return (
    <header class="topbar">
      <div class="brand">
        <Logo />
        <span class="brand-name">{i18n.t('app-title')}</span>
      </div>
      <nav class="nav" aria-label={i18n.t('nav-label')}>
        <button {...item('inbox')} data-testid="nav-inbox">
          {i18n.t('nav-inbox')}
          {openCount > 0 && <span class="nav-count">{openCount}</span>}
        </button>
        <button {...item('queue')} data-testid="nav-queue">
          {i18n.t('nav-queue')}
          {/* The badges hold only the number (what a test or a glance reads); the words are for screen readers. */}
          {waiting > 0 && (
            <>
              <span class="nav-count" data-testid="queue-badge" aria-hidden="true" title={i18n.t('queue-badge-waiting', { count: waiting })}>
                {waiting}
              </span>
              <span class="sr-only">{i18n.t('queue-badge-waiting', { count: waiting })}</span>
            </>
          )}
          {failed > 0 && (
            <>
              <span
                class="nav-count nav-count-failed"
                data-testid="queue-failed-badge"
                aria-hidden="true"
                title={i18n.t('queue-badge-failed', { count: failed })}
              >
                {failed}
              </span>
              <span class="sr-only">{i18n.t('queue-badge-failed', { count: failed })}</span>
            </>
          )}
        </button>
        <button {...item('accounts')} data-testid="nav-accounts">
          {i18n.t('nav-accounts')}
        </button>
      </nav>
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
