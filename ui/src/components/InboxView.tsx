import { useI18n } from '../i18n';
import type { AccountView, CaseView } from '../ipc';
import type { ServerNow, Summary } from '../urgency';
import { CaseRow } from './CaseRow';
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
        <ul class="case-list" aria-label={i18n.t('inbox-list-label')}>
          {cases.map((c) => (
            <CaseRow
              key={`${c.account_id}/${c.id}`}
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
