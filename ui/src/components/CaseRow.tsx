import { useI18n } from '../i18n';
import type { CaseView } from '../ipc';
import { CaseDeadline, caseTone } from './CaseDeadline';
import { CaseMeta } from './CaseMeta';

type Props = {
  c: CaseView;
  /** Server time of the case's own account. */
  now: number;
  /** The store's name, shown only when the desk syncs several accounts. */
  accountName?: string | null;
  onOpen?: (c: CaseView) => void;
  /** In a windowed list: where the row stands in the whole list (for screen readers). */
  position?: { index: number; of: number };
};

/** One escalation case. All buyer and CSBA text is rendered as plain text. */
export function CaseRow({ c, now, accountName, onOpen, position }: Props) {
  const i18n = useI18n();
  const textLang = c.language || undefined;
  const open = onOpen && (() => onOpen(c));
  return (
    // The whole row is the target (as sellers expect of a mail-like list); it is
    // focusable and answers Enter and Space like a button would.
    <li
      class={`case-row tone-${caseTone(c, now)}${open ? ' clickable' : ''}`}
      data-testid="case-row"
      data-case-id={c.id}
      data-account-id={c.account_id}
      aria-posinset={position && position.index + 1}
      aria-setsize={position?.of}
      tabIndex={open ? 0 : undefined}
      onClick={open}
      onKeyDown={
        open &&
        ((e: KeyboardEvent) => {
          if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
          e.preventDefault(); // Space would scroll the page
          open();
        })
      }
    >
      <div class="case-main">
        <CaseMeta c={c} accountName={accountName} />
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
        {(c.has_draft || c.pending_replies > 0) && (
          <div class="case-flags">
            {c.has_draft && (
              <span class="flag flag-draft" data-testid="case-draft">
                {i18n.t('row-draft')}
              </span>
            )}
            {c.pending_replies > 0 && (
              <span class="flag flag-pending" data-testid="case-pending">
                {i18n.t('row-pending-replies', { count: c.pending_replies })}
              </span>
            )}
          </div>
        )}
      </div>
      <div class="case-side">
        <CaseDeadline c={c} now={now} />
      </div>
    </li>
  );
}

/** The message as a two-line preview: line breaks and indentation collapsed. */
export function preview(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
