import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { QueueItem } from '../ipc';
import { MARKETPLACES, actionKindId, marketplaceId } from '../messageIds';
import { preview } from './CaseRow';
import { QueueStateChip } from './QueueStateChip';

type Props = {
  item: QueueItem;
  /** The store's name, when the desk syncs several accounts. */
  accountName?: string | null;
  onOpenCase?: (item: QueueItem) => void;
  onRetry: (item: QueueItem) => Promise<void>;
  onDiscard: (item: QueueItem) => Promise<void>;
};

/** One outbox entry: what it is, where it stands, and what the seller can do about a refusal. */
export function QueueItemRow({ item, accountName, onOpenCase, onRetry, onDiscard }: Props) {
  const i18n = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const discardButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    // The safe choice gets focus when the question appears, and Discard again when it goes.
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) discardButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const isCase = item.kind === 'case_reply';
  const failed = item.state === 'failed';
  const open = isCase && onOpenCase ? () => onOpenCase(item) : undefined;

  const act = async (what: (item: QueueItem) => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await what(item);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const subject = isCase
    ? i18n.t('queue-subject-case', { id: item.subject })
    : (MARKETPLACES as readonly string[]).includes(item.subject)
      ? i18n.t(marketplaceId(item.subject as (typeof MARKETPLACES)[number]))
      : item.subject;

  return (
    <li
      class={`queue-item state-${item.state}${open ? ' clickable' : ''}`}
      data-testid="queue-item"
      data-state={item.state}
      data-kind={item.kind}
      data-id={item.id}
      // A reply's whole row opens its case (the subject button does it from the keyboard).
      onClick={open && ((e: MouseEvent) => !(e.target as Element).closest('button') && open())}
    >
      <div class="queue-main">
        <div class="queue-meta">
          <span class="tag">{i18n.t(actionKindId(item.kind))}</span>
          {open ? (
            <button type="button" class="link-button queue-subject" data-testid="queue-open-case" onClick={open}>
              {subject}
            </button>
          ) : (
            <span class="queue-subject">{subject}</span>
          )}
          {accountName && <span class="account-name">{accountName}</span>}
        </div>
        {item.body_preview != null && <p class="queue-preview">{preview(item.body_preview)}</p>}
        <div class="queue-times">
          <span>{i18n.t('queue-created-at', { time: i18n.time(item.created_at) })}</span>
          {item.sent_at && <span>{i18n.t('queue-sent-at', { time: i18n.time(item.sent_at) })}</span>}
          {item.state === 'queued' && item.last_error != null && (
            <span data-testid="queue-next-attempt">
              {i18n.t('queue-next-attempt', { count: item.attempts, time: i18n.time(item.next_attempt_at) })}
            </span>
          )}
        </div>
        {failed && (
          <p class="queue-problem" data-testid="queue-problem">
            {i18n.error(item.problem)}
          </p>
        )}
        {item.last_error != null && (item.state === 'queued' || failed) && (
          // The service's own words: for support, so kept small and as is.
          <p class="queue-detail" data-testid="queue-detail">
            {i18n.t('queue-service-detail', { detail: item.last_error })}
          </p>
        )}
        {error != null && (
          <p class="queue-action-error" role="alert">
            {i18n.error(error)}
          </p>
        )}
      </div>
      <div class="queue-side">
        <QueueStateChip state={item.state} />
        {failed &&
          (confirming ? (
            <div class="queue-confirm" role="group" aria-label={i18n.t('queue-discard-question')}>
              <span class="queue-confirm-text">{i18n.t('queue-discard-question')}</span>
              <div class="queue-buttons">
                <button
                  type="button"
                  class="button danger"
                  data-testid="queue-discard-confirm"
                  disabled={busy}
                  onClick={() => void act(onDiscard)}
                >
                  {i18n.t('queue-discard-confirm')}
                </button>
                <button
                  type="button"
                  class="button"
                  data-testid="queue-discard-cancel"
                  ref={keep}
                  disabled={busy}
                  onClick={() => setConfirming(false)}
                >
                  {i18n.t('queue-discard-cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div class="queue-buttons">
              <button
                type="button"
                class="button primary"
                data-testid="queue-retry"
                disabled={busy}
                onClick={() => void act(onRetry)}
              >
                {i18n.t('queue-retry')}
              </button>
              <button
                type="button"
                class="button"
                data-testid="queue-discard"
                ref={discardButton}
                disabled={busy}
                onClick={() => setConfirming(true)}
              >
                {i18n.t('queue-discard')}
              </button>
            </div>
          ))}
      </div>
    </li>
  );
}
