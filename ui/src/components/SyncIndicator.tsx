import { useI18n } from '../i18n';
import type { SyncStatus } from '../ipc';
import { syncStateId } from '../messageIds';

export function SyncIndicator({ sync, now }: { sync: SyncStatus; now: number }) {
  const i18n = useI18n();
  const state = i18n.t(syncStateId(sync.state));
  const last = sync.last_sync_at
    ? i18n.t('sync-last', { time: i18n.time(sync.last_sync_at, now) })
    : i18n.t('sync-never');
  const problem = sync.error ? i18n.error(sync.error) : null;
  return (
    <div
      class={`sync sync-${sync.state}${problem ? ' sync-failed' : ''}`}
      data-testid="sync-status"
      role="status"
      title={problem ? `${last}\n${problem}` : last}
    >
      <span class="sync-dot" aria-hidden="true" />
      <span class="sync-state">{state}</span>
      <span class="sync-last">{problem ?? last}</span>
    </div>
  );
}
