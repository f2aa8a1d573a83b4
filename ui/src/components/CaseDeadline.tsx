import { countdown } from '../countdown';
import { useI18n } from '../i18n';
import type { CaseView } from '../ipc';
import { statusId } from '../messageIds';

/**
 * Where a case stands against its deadline: the live countdown while it is
 * open, the outcome once it is closed, then the deadline and reply language.
 * Shared by the inbox row and the case screen so both always agree.
 */
export function CaseDeadline({ c, now }: { c: CaseView; now: number }) {
  const i18n = useI18n();
  const open = c.status === 'open';
  const cd = countdown(c.respond_by, now);
  return (
    <>
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
    </>
  );
}

/** The tone a case row or header is drawn in: the countdown's, or closed. */
export function caseTone(c: CaseView, now: number): string {
  return c.status === 'open' ? countdown(c.respond_by, now).tone : 'closed';
}
