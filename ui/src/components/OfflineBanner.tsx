import { useI18n } from '../i18n';
import type { SyncStatus } from '../ipc';

type Props = {
  sync: SyncStatus;
  /** Actions in the outbox that wait for the connection (queued + sending). */
  waiting: number;
};

/**
 * Offline is a normal state for this app, not an error: say so calmly, and
 * say what happens to the seller's work.
 */
export function OfflineBanner({ sync, waiting }: Props) {
  const i18n = useI18n();
  // "Cannot reach the service" is what the banner already says; other reasons
  // (a rejected token, a missing one) need the seller to act, so show them.
  const reason = sync.error && sync.error.code !== 'service-unreachable' ? i18n.error(sync.error) : null;
  return (
    <div class="notice notice-offline" role="status" data-testid="offline-banner">
      <svg class="notice-icon" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M2.5 7.5a11 11 0 0 1 15 0M5 10.5a7 7 0 0 1 10 0M7.6 13.4a3 3 0 0 1 4.8 0" stroke="currentColor" stroke-width="1.7" fill="none" stroke-linecap="round" />
        <circle cx="10" cy="16" r="1.3" fill="currentColor" />
      </svg>
      <div class="notice-text">
        <strong>{i18n.t('offline-title')}</strong>
        <span>{i18n.t('offline-body')}</span>
        {waiting > 0 && <span data-testid="offline-waiting">{i18n.t('offline-waiting', { count: waiting })}</span>}
        {reason && <span class="notice-error">{reason}</span>}
      </div>
    </div>
  );
}
