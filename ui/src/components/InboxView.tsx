import { useRef } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { AccountView, CaseView } from '../ipc';
import type { ServerNow, Summary } from '../urgency';
import { CaseRow } from './CaseRow';
import { usePageWindow } from './pageWindow';

/** Up to this many cases are all drawn; a longer inbox draws only what is in view. */
export const WINDOWED_FROM = 200;
/** A row's height in a windowed inbox (fixed, so the window is exact). */
export const WINDOWED_ROW_HEIGHT = 168;
import { SummaryStrip } from './SummaryStrip';

type Props = {
  cases: CaseView[];
  summary: Summary;
  /** Server time: one clock, or each case's own account's (several accounts, several services). */
  now: ServerNow;
  accounts?: AccountView[];
  /** The store or marketplace filter hides some cases. */
  filtered?: boolean;
  /** Clears the filter (offered when it hides every case). */
  onShowAll?: () => void;
  onOpen?: (c: CaseView) => void;
};

/** The case inbox: summary strip and the cases, already sorted by urgency. */
export function InboxView({ cases, summary, now, accounts = [], filtered = false, onShowAll, onOpen }: Props) {
  const i18n = useI18n();
  const byId = new Map(accounts.map((a) => [a.id, a]));
  // One store needs no label on every row; several do.
  const named = accounts.length > 1;
  const list = useRef<HTMLUListElement>(null);
  const windowed = cases.length > WINDOWED_FROM;
  const range = usePageWindow(list, windowed ? cases.length : 0, WINDOWED_ROW_HEIGHT);
  const drawn = windowed ? cases.slice(range.first, range.last + 1) : cases;
  const pad = windowed
    ? `padding-top:${range.first * WINDOWED_ROW_HEIGHT}px;padding-bottom:${Math.max(0, cases.length - 1 - range.last) * WINDOWED_ROW_HEIGHT}px`
    : undefined;
  return (
    <section class="inbox" id="inbox" aria-labelledby="inbox-heading">
      <div class="inbox-head">
        <div>
          <h1 id="inbox-heading" tabIndex={-1}>{i18n.t('inbox-heading')}</h1>
          <p class="inbox-sub">{i18n.t('inbox-subheading')}</p>
        </div>
        <SummaryStrip summary={summary} />
      </div>
      {cases.length === 0 && filtered ? (
        <div class="empty" data-testid="inbox-empty-filtered">
          <h2>{i18n.t('inbox-empty-filtered-title')}</h2>
          <p>{i18n.t('inbox-empty-filtered-body')}</p>
          {onShowAll && (
            <button type="button" class="button" data-testid="filter-show-all" onClick={onShowAll}>
              {i18n.t('filter-show-all')}
            </button>
          )}
        </div>
      ) : cases.length === 0 ? (
        <div class="empty" data-testid="inbox-empty">
          <svg width="56" height="56" viewBox="0 0 56 56" aria-hidden="true">
            <circle cx="28" cy="28" r="26" fill="var(--accent-soft)" />
            <path d="M18 29l7 7 13-15" stroke="var(--accent)" stroke-width="3.5" fill="none" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <h2>{i18n.t('inbox-empty-title')}</h2>
          <p>{i18n.t('inbox-empty-body')}</p>
        </div>
      ) : (
        <ul
          ref={list}
          class={`case-list${windowed ? ' windowed' : ''}`}
          aria-label={i18n.t('inbox-list-label')}
          data-testid="case-list"
          data-count={cases.length}
          style={pad}
        >
          {drawn.map((c, i) => (
            <CaseRow
              key={`${c.account_id}/${c.id}`}
              position={windowed ? { index: range.first + i, of: cases.length } : undefined}
              c={c}
              now={typeof now === 'number' ? now : now(c)}
              accountName={named ? (byId.get(c.account_id)?.display_name ?? null) : null}
              onOpen={onOpen}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
