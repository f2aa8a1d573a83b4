import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { SyncStatus } from '../ipc';
import { syncStateId } from '../messageIds';

type Props = {
  sync: SyncStatus;
  /** Local time (last_sync_at is written with the local clock); ticks, so "N minutes ago" moves. */
  now: number;
  onSyncNow?: () => Promise<void>;
};

/** How long "Sync now" shows that it is working when no news comes back. */
const SYNC_NOW_FEEDBACK_MS = 10_000;

/** The link to the service: state, when it last synced, why it failed, and Sync now. */
export function SyncIndicator({ sync, now, onSyncNow }: Props) {
  const i18n = useI18n();
  const [asked, setAsked] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // Any news from the backend (a new SyncView) ends the wait; so does a timeout.
  useEffect(() => setAsked(false), [sync]);
  useEffect(() => {
    if (!asked) return;
    const t = setTimeout(() => setAsked(false), SYNC_NOW_FEEDBACK_MS);
    return () => clearTimeout(t);
  }, [asked]);

  const syncNow = async () => {
    if (!onSyncNow) return;
    setAsked(true);
    setError(null);
    try {
      await onSyncNow();
    } catch (e) {
      setError(e);
      setAsked(false);
    }
  };

  const state = i18n.t(syncStateId(asked ? 'syncing' : sync.state));
  const last = sync.last_sync_at
    ? i18n.t('sync-last', { time: i18n.ago(sync.last_sync_at, now) })
    : i18n.t('sync-never');
  const problem = error != null ? i18n.error(error) : sync.error ? i18n.error(sync.error) : null;
  const exact = sync.last_sync_at ? i18n.dateTime(sync.last_sync_at) : '';
  return (
    <div class="sync-wrap">
      <div
        class={`sync sync-${asked ? 'syncing' : sync.state}${problem ? ' sync-failed' : ''}`}
        data-testid="sync-status"
        data-state={sync.state}
        title={[exact, problem].filter(Boolean).join('\n')}
      >
        <span class="sync-dot" aria-hidden="true" />
        {/* Only the state and the problem are live regions: the ticking "N minutes ago" would be noise. */}
        <div class="sync-lines">
          <div class="sync-line">
            <span class="sync-state" role="status">
              {state}
            </span>
            <span class="sync-last">{last}</span>
          </div>
          <div class="sync-problem" role="status" data-testid="sync-error">
            {problem ?? ''}
          </div>
        </div>
      </div>
      {onSyncNow && (
        <button
          type="button"
          class="button small"
          data-testid="sync-now"
          disabled={asked}
          onClick={() => void syncNow()}
        >
          {i18n.t('sync-now')}
        </button>
      )}
    </div>
  );
}
