import { useMemo, useState } from 'preact/hooks';
import { countdown } from '../countdown';
import { useI18n } from '../i18n';
import { getQuestionsScreen, type AccountId } from '../ipc';
import { flatQuestion, type Question } from './model';
import { NAV_ENTRIES } from '../nav/entries';
import { useNavigate } from '../nav/route';
import type { ScreenProps } from '../screens';
import { useScreenData } from '../screenData';
import { Loading, ScreenHead } from '../components/ScreenFrame';
import { VirtualList, type VirtualRowProps } from '../components/VirtualList';
import '../returns/returns.css';
import './questions.css';
import { AskForm } from './AskForm';
import { qt, statusText } from './text';

export const QUESTION_ROW_HEIGHT = 124;
const VISIBLE_ROWS = 5;

const keyOf = (q: { account_id: AccountId; id: string }) => `${q.account_id}/${q.id}`;

/** Queued ones first, then those awaiting an answer (due soonest first), then answered ones, newest first. */
export function questionOrder(qs: readonly Question[]): Question[] {
  const rank = (q: Question) => (q.status === 'queued' ? 0 : q.status === 'answered' ? 2 : 1);
  return [...qs].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 1 ? a.answer_by.localeCompare(b.answer_by) : b.asked_at.localeCompare(a.asked_at)) ||
      keyOf(a).localeCompare(keyOf(b)),
  );
}

/** Questions to the CSBA team about how it handled an order: the 48-hour answer-by, status, answer; and asking one. */
export function QuestionsView({ view, filter, accounts, revision, now, reload }: ScreenProps) {
  const i18n = useI18n();
  const nav = useNavigate();
  const { data, error, reload: load } = useScreenData(getQuestionsScreen, filter, revision);
  const [openKey, setOpenKey] = useState<string | null>(null);

  const questions = useMemo(() => questionOrder((data?.questions ?? []).map(flatQuestion)), [data]);
  const offsets = useMemo(() => new Map(accounts.map((a) => [a.id, a.server_offset_ms])), [accounts]);
  const names = useMemo(() => (accounts.length > 1 ? new Map(accounts.map((a) => [a.id, a.display_name])) : null), [accounts]);
  const open = questions.find((q) => keyOf(q) === openKey) ?? null;
  const asking = view.name === 'ask' ? view : null;
  const backTarget = nav.backTarget;
  const backLabel =
    backTarget === 'order'
      ? i18n.t('back-to-order')
      : backTarget === 'case'
        ? i18n.t('back-to-case')
        : i18n.t('back-to-screen', { name: i18n.t(NAV_ENTRIES.find((e) => e.id === backTarget)?.label ?? 'nav-orders') });

  const renderRow = (q: Question, _i: number, row: VirtualRowProps) => {
    const serverNow = now + (offsets.get(q.account_id) ?? 0);
    const awaiting = q.status !== 'answered';
    const cd = awaiting ? countdown(q.answer_by, serverNow) : null;
    const state = q.pending?.state === 'failed' ? 'failed' : q.status === 'queued' && q.pending?.state === 'sent' ? 'sent' : q.status;
    return (
      <div
        {...row}
        class={`question-row${openKey === keyOf(q) ? ' question-open' : ''}`}
        data-testid={`question-row-${q.id}`}
        data-key={keyOf(q)}
        aria-expanded={openKey === keyOf(q) ? 'true' : 'false'}
        onClick={() => setOpenKey(keyOf(q))}
      >
        <div class="question-main">
          <div class="question-top">
            <span class="question-subject">{q.subject}</span>
          </div>
          <div class="question-meta">
            <span class="order-id">{q.order_id}</span>
            {names?.get(q.account_id) && <span class="account-name">{names.get(q.account_id)}</span>}
            {q.marketplace && <span class="mp-code">{q.marketplace}</span>}
            {q.item_title && <span class="order-item">{q.item_title}</span>}
          </div>
          <p class="question-text">{q.question}</p>
          {q.answer !== null && (
            <p class="question-answer" data-testid={`question-answer-${q.id}`}>
              {q.answer}
            </p>
          )}
        </div>
        <div class="question-side">
          <span class={`flag question-${state}`} data-testid={`question-status-${q.id}`} data-state={state}>
            {state === 'failed'
              ? qt(i18n, 'questions-refused', { problem: q.pending?.problem ? i18n.error(q.pending.problem) : '' })
              : statusText(i18n, state)}
          </span>
          {cd && (
            <span class={`countdown countdown-${cd.tone}`} data-testid={`question-countdown-${q.id}`}>
              {cd.overdue ? qt(i18n, 'questions-answer-overdue', { time: cd.text }) : qt(i18n, 'questions-answer-in', { time: cd.text })}
            </span>
          )}
          {q.status === 'answered' && q.answered_at && (
            <span class="question-when">{qt(i18n, 'questions-answered-at', { date: i18n.dateTime(q.answered_at) })}</span>
          )}
          {awaiting && <span class="question-when">{qt(i18n, 'questions-answer-by', { date: i18n.dateTime(q.answer_by) })}</span>}
        </div>
      </div>
    );
  };

  return (
    <section class="questions" data-testid="questions-screen" aria-labelledby="questions-heading">
      {asking && (
        <div class="case-toolbar">
          <button type="button" class="back-button" data-testid="ask-back" onClick={nav.back}>
            <span aria-hidden="true">←</span>
            {backLabel}
          </button>
        </div>
      )}
      <ScreenHead
        headingId="questions-heading"
        heading={qt(i18n, 'questions-heading')}
        sub={qt(i18n, 'questions-subheading')}
        errorTestid="questions-error"
        error={error}
        onRetry={() => void load()}
      />
      <AskForm
        key={asking ? `${asking.accountId}/${asking.orderId}` : 'free'}
        accounts={accounts}
        accountId={asking?.accountId ?? filter.account_id}
        orderId={asking?.orderId ?? ''}
        autoFocus={asking !== null}
        onQueued={() => {
          void load();
          reload();
        }}
      />
      <section class="desk-section" aria-labelledby="questions-list-heading">
        <h2 id="questions-list-heading">
          {qt(i18n, 'questions-list-heading')} {data && <span class="count">{qt(i18n, 'questions-count', { count: questions.length })}</span>}
        </h2>
        {data === null ? (
          error == null && <Loading />
        ) : questions.length === 0 ? (
          <p class="empty-line" data-testid="questions-empty">
            {qt(i18n, 'questions-empty')}
          </p>
        ) : (
          <VirtualList
            items={questions}
            rowHeight={QUESTION_ROW_HEIGHT}
            height={Math.max(1, Math.min(VISIBLE_ROWS, questions.length)) * QUESTION_ROW_HEIGHT}
            label={qt(i18n, 'questions-list-heading')}
            idPrefix="question"
            testid="questions-list"
            class="questions-list"
            getKey={keyOf}
            renderRow={renderRow}
            onActivate={(q) => setOpenKey(keyOf(q))}
          />
        )}
        {open && (
          <article class="question-detail" data-testid="question-detail" aria-labelledby="question-detail-heading">
            <h3 id="question-detail-heading">{open.subject}</h3>
            {nav.canOpenOrder && (
              <button type="button" class="link-button" data-testid="question-open-order" onClick={() => nav.openOrder(open.account_id, open.order_id)}>
                {qt(i18n, 'questions-open-order', { order: open.order_id })}
              </button>
            )}
            <h4>{qt(i18n, 'questions-your-question')}</h4>
            <p class="question-full">{open.question}</p>
            <h4>{qt(i18n, 'questions-answer')}</h4>
            {open.answer !== null ? (
              <p class="question-full" data-testid="question-detail-answer">
                {open.answer}
              </p>
            ) : (
              <p class="empty-line">{qt(i18n, 'questions-no-answer-yet')}</p>
            )}
          </article>
        )}
      </section>
    </section>
  );
}
