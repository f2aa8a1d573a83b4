import { useI18n } from '../i18n';
import type { MessageView } from '../ipc';

type Props = {
  messages: MessageView[];
  /** The case's language, for messages that do not name their own. */
  language: string;
};

/**
 * The case's conversation, oldest first. Bodies are text from CSBA and the
 * buyer: Preact renders them as text nodes, and `white-space: pre-wrap`
 * keeps their line breaks without any markup.
 */
export function Conversation({ messages, language }: Props) {
  const i18n = useI18n();
  return (
    <ol class="conversation" aria-label={i18n.t('conversation-label')}>
      {messages.map((m, i) => {
        const seller = m.author === 'seller';
        return (
          <li
            key={i}
            class={`message ${seller ? 'message-seller' : 'message-csba'}${m.late ? ' message-late' : ''}`}
            data-testid="case-message"
            data-author={seller ? 'seller' : 'csba'}
            lang={m.language || language || undefined}
          >
            {/* Our own labels are in the UI language, not the message's. */}
            <div class="message-head" lang={i18n.locale}>
              <span class="message-author">
                {seller ? i18n.t('message-author-seller') : i18n.t('message-author-csba')}
              </span>
              <time class="message-time" dateTime={m.sent_at}>
                {i18n.dateTime(m.sent_at)}
              </time>
              {m.late && (
                <span class="message-late-mark" data-testid="message-late">
                  {i18n.t('message-late')}
                </span>
              )}
            </div>
            <p class="message-body">{m.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
