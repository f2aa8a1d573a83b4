import { countdown } from '../countdown';
import { useI18n } from '../i18n';
import type { CaseView } from '../ipc';
import { kindId, marketplaceCountryId, marketplaceId, statusId } from '../messageIds';

/** One escalation case. All buyer and CSBA text is rendered as plain text. */
export function CaseRow({ c, now }: { c: CaseView; now: number }) {
  const i18n = useI18n();
  const open = c.status === 'open';
  const cd = countdown(c.respond_by, now);
  const tone = open ? cd.tone : 'closed';
  const textLang = c.language || undefined;
  return (
    <li class={`case-row tone-${tone}`} data-testid="case-row" data-case-id={c.id}>
      <div class="case-main">
        <div class="case-meta">
          <span class={`tag kind-${c.kind}`}>{i18n.t(kindId(c.kind))}</span>
          <span class="marketplace" title={i18n.t(marketplaceCountryId(c.marketplace))}>
            <span class="mp-code">{c.marketplace}</span>
            {i18n.t(marketplaceId(c.marketplace))}
          </span>
          <span class="order">
            <span class="order-label">{i18n.t('order-label')}</span>
            <span class="order-id" data-testid="case-order">{c.order_id}</span>
          </span>
        </div>
        {c.item_title && (
          <div class="case-item" lang={textLang}>
            {c.item_title}
          </div>
        )}
        <div class="case-subject" lang={textLang}>
          {c.subject}
        </div>
        <p class="case-question" data-testid="case-question" lang={textLang}>
          {preview(c.question)}
        </p>
      </div>
      <div class="case-side">
        {open ? (
          <div class={`countdown countdown-${cd.tone}`} data-testid="case-countdown" role="timer">
            {cd.overdue
              ? i18n.t('countdown-overdue', { time: cd.text })
              : i18n.t('countdown-left', { time: cd.text })}
          </div>
        ) : (
          <span class={`status status-${c.status}`} data-testid="case-status">
            {i18n.t(statusId(c.status))}
          </span>
        )}
        <div class="deadline">{i18n.t('due-at', { time: i18n.dateTime(c.respond_by) })}</div>
        {open && c.language && (
          <div class="reply-language">
            {i18n.t('case-reply-language', { language: i18n.languageName(c.language) })}
          </div>
        )}
      </div>
    </li>
  );
}

/** The message as a two-line preview: line breaks and indentation collapsed. */
export function preview(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
