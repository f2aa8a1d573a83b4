import { useI18n } from '../i18n';
import type { QueueState } from '../ipc';
import { queueStateId } from '../messageIds';

/** queued / sending / sent / failed, as a small coloured chip. */
export function QueueStateChip({ state }: { state: QueueState }) {
  const i18n = useI18n();
  return (
    <span class={`state-chip state-${state}`} data-testid="queue-state">
      {i18n.t(queueStateId(state))}
    </span>
  );
}
