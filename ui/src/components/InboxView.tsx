import { useI18n } from '../i18n';
import type { CaseView } from '../ipc';
import type { Summary } from '../urgency';
import { CaseRow } from './CaseRow';
import { SummaryStrip } from './SummaryStrip';

type Props = { cases: CaseView[]; summary: Summary; now: number };

/** The case inbox: summary strip and the cases, already sorted by urgency. */
export function InboxView({ cases, summary, now }: Props) {
  const i18n = useI18n();
  return (
    <section class="inbox" id="inbox" aria-labelledby="inbox-heading">
      <div class="inbox-head">
        <div>
          <h1 id="inbox-heading">{i18n.t('inbox-heading')}</h1>
          <p class="inbox-sub">{i18n.t('inbox-subheading')}</p>
        </div>
        <SummaryStrip summary={summary} />
      </div>
      {cases.length === 0 ? (
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
            <CaseRow key={c.id} c={c} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
