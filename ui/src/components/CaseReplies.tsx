import { useI18n } from '../i18n';
import type { QueueItem } from '../ipc';
import { QueueStateChip } from './QueueStateChip';

/**
 * The seller's replies to this case that are in the outbox: waiting, on
 * their way, refused, or sent but not yet back from the service's feed.
 */
export function CaseReplies({ items, language }: { items: QueueItem[]; language: string }) {
  const i18n = useI18n();
  if (items.length === 0) return null;
  return (
    <section class="case-replies" aria-labelledby="case-replies-heading">
      <h2 id="case-replies-heading">{i18n.t('case-replies-heading')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id} class={`reply-item state-${item.state}`} data-testid="case-reply-item" data-state={item.state}>
            <div class="reply-item-head">
              <QueueStateChip state={item.state} />
              <span class="reply-item-time">
                {item.sent_at
                  ? i18n.t('queue-sent-at', { time: i18n.time(item.sent_at) })
                  : i18n.t('queue-created-at', { time: i18n.time(item.created_at) })}
              </span>
            </div>
            {item.body_preview != null && (
              <p class="reply-item-body" lang={language || undefined}>
                {item.body_preview}
              </p>
            )}
            {item.state === 'failed' && (
              <p class="reply-item-problem" data-testid="case-reply-problem">
                {i18n.error(item.problem)} {i18n.t('case-reply-see-outbox')}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
