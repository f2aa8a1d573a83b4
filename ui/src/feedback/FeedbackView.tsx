import { useMemo, useRef, useState } from 'preact/hooks';
import { countdown } from '../countdown';
import { useI18n } from '../i18n';
import { getFeedbackScreen, type AccountId, type FeedbackView as Feedback } from '../ipc';
import type { ScreenProps } from '../screens';
import { ScreenFrame } from '../components/ScreenFrame';
import { VirtualList, type VirtualRowProps } from '../components/VirtualList';
import { useScreenData } from '../screenData';
import '../returns/returns.css';
import './feedback.css';
import { Comment } from './Comment';
import { RemovalComposer } from './RemovalComposer';
import { fb, groundLabel, recipientLabel, sentimentLabel, statusLabel } from './text';

/** Every feedback row's height (fixed: what keeps 10,000 rows smooth). */
export const FEEDBACK_ROW_HEIGHT = 112;
const VISIBLE_ROWS = 6;
const DAY_MS = 86_400_000;

const keyOf = (f: { account_id: AccountId; id: string }) => `${f.account_id}/${f.id}`;


/** Negatives first, then newest first (the backend's order; kept when rows are merged here). */
export function feedbackOrder(items: readonly Feedback[]): Feedback[] {
  const negative = (f: Feedback) => (f.sentiment === 'negative' ? 0 : 1);
  return [...items].sort((a, b) => negative(a) - negative(b) || b.left_at.localeCompare(a.left_at) || keyOf(a).localeCompare(keyOf(b)));
}

/** The feedback screen: negatives on top, the 90-day removal window, grounds marked in the comment, removal requests. */
export function FeedbackView({ filter, accounts, revision, now, reload }: ScreenProps) {
  const i18n = useI18n();
  const { data, error, reload: load } = useScreenData(getFeedbackScreen, filter, revision);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);

  const items = useMemo(() => feedbackOrder(data?.items ?? []), [data]);
  const names = useMemo(() => (accounts.length > 1 ? new Map(accounts.map((a) => [a.id, a.display_name])) : null), [accounts]);
  const open = items.find((f) => keyOf(f) === openKey) ?? null;

  const close = () => {
    const key = openKey;
    setOpenKey(null);
    setTimeout(() => {
      const row = [...(list.current?.querySelectorAll<HTMLElement>('[role=option]') ?? [])].find((r) => r.dataset.key === key);
      row?.focus();
    }, 0);
  };

  const status = (f: Feedback) => {
    const r = f.removal_request;
    if (r) return { state: r.status, text: statusLabel(i18n, r.status) };
    if (f.pending) {
      return {
        state: f.pending.state === 'failed' ? 'failed' : 'queued',
        text:
          f.pending.state === 'failed'
            ? fb(i18n, 'feedback-request-failed', { problem: f.pending.problem ? i18n.error(f.pending.problem) : '' })
            : fb(i18n, 'feedback-request-queued'),
      };
    }
    if (f.removal_asked) return { state: 'queued', text: fb(i18n, 'feedback-request-queued') };
    return null;
  };

  const windowText = (f: Feedback) => {
    const ms = Date.parse(f.removal_deadline) - now;
    if (!(ms > 0) || !f.removal_in_time) return { tone: 'closed', text: fb(i18n, 'feedback-window-closed') };
    if (ms < DAY_MS) {
      const cd = countdown(f.removal_deadline, now);
      return { tone: 'overdue', text: fb(i18n, 'feedback-window-closes-in', { time: cd.text }) };
    }
    const days = f.days_left ?? Math.ceil(ms / DAY_MS);
    return { tone: days <= 3 ? 'soon' : 'normal', text: fb(i18n, 'feedback-window-days-left', { days }) };
  };

  const renderRow = (f: Feedback, _i: number, row: VirtualRowProps) => {
    const key = keyOf(f);
    const st = status(f);
    const w = windowText(f);
    return (
      <div
        {...row}
        class={`feedback-row feedback-${f.sentiment}${openKey === key ? ' feedback-open' : ''}`}
        data-testid={`feedback-row-${f.id}`}
        data-key={key}
        data-sentiment={f.sentiment}
        aria-expanded={f.removable_now ? (openKey === key ? 'true' : 'false') : undefined}
        onClick={() => f.removable_now && setOpenKey(key)}
      >
        <div class="feedback-main">
          <div class="feedback-top">
            <span class="stars" aria-label={fb(i18n, 'feedback-stars', { stars: f.rating })} title={fb(i18n, 'feedback-stars', { stars: f.rating })}>
              <span aria-hidden="true">{'★'.repeat(f.rating)}{'☆'.repeat(Math.max(0, 5 - f.rating))}</span>
            </span>
            <span class={`flag feedback-flag-${f.sentiment}`}>{sentimentLabel(i18n, f.sentiment)}</span>
            <span class="order-id">{f.order_id}</span>
            {names?.get(f.account_id) && <span class="account-name">{names.get(f.account_id)}</span>}
            <span class="mp-code">{f.marketplace}</span>
            <span class="feedback-date">{i18n.dateTime(f.left_at)}</span>
          </div>
          <Comment text={f.comment} spans={f.spans} class="feedback-comment-clamp" testid={`feedback-comment-${f.id}`} />
          {f.possible_grounds.length > 0 && (
            <p class="feedback-grounds">
              {f.possible_grounds.map((g) => (
                <span key={g.ground} class="chip">
                  {groundLabel(i18n, g.ground)}
                </span>
              ))}
            </p>
          )}
        </div>
        <div class="feedback-side">
          {f.sentiment === 'negative' && (
            <span class={`countdown countdown-${w.tone === 'closed' ? 'normal' : w.tone}`} data-testid={`feedback-window-${f.id}`} data-tone={w.tone}>
              {w.text}
            </span>
          )}
          {st ? (
            <span class={`flag request-${st.state}`} data-testid={`removal-status-${f.id}`} data-state={st.state}>
              {st.text}
            </span>
          ) : (
            f.removable_now && (
              <button
                type="button"
                class="button small"
                data-testid={`removal-open-${f.id}`}
                tabIndex={row.tabIndex}
                onClick={(e) => {
                  e.stopPropagation();
                  setOpenKey(key);
                }}
              >
                {fb(i18n, 'feedback-request-removal')}
              </button>
            )
          )}
        </div>
      </div>
    );
  };

  const requests = data?.requests ?? [];
  return (
    <section class="feedback" data-testid="feedback-screen" aria-labelledby="feedback-heading">
      <ScreenFrame
        headingId="feedback-heading"
        heading={fb(i18n, 'feedback-heading')}
        sub={fb(i18n, 'feedback-subheading')}
        errorTestid="feedback-error"
        error={error}
        onRetry={() => void load()}
        data={data}
      >
        {() => (
          <>
            <section class="desk-section" aria-labelledby="feedback-list-heading">
              <h2 id="feedback-list-heading">
                {fb(i18n, 'feedback-list-heading')} <span class="count">{fb(i18n, 'feedback-count', { count: items.length })}</span>
              </h2>
              {items.length === 0 ? (
                <p class="empty-line" data-testid="feedback-empty">
                  {fb(i18n, 'feedback-empty')}
                </p>
              ) : (
                <div ref={list}>
                  <VirtualList
                    items={items}
                    rowHeight={FEEDBACK_ROW_HEIGHT}
                    height={Math.max(1, Math.min(VISIBLE_ROWS, items.length)) * FEEDBACK_ROW_HEIGHT}
                    label={fb(i18n, 'feedback-list-heading')}
                    idPrefix="feedback"
                    testid="feedback-list"
                    class="feedback-list"
                    getKey={keyOf}
                    renderRow={renderRow}
                    onActivate={(f) => f.removable_now && setOpenKey(keyOf(f))}
                  />
                </div>
              )}
              {open && (
                <RemovalComposer
                  key={openKey}
                  feedback={open}
                  onQueued={() => {
                    close();
                    void load();
                    reload();
                  }}
                  onClose={close}
                />
              )}
            </section>
            <section class="desk-section" aria-labelledby="requests-heading" data-testid="removal-requests">
              <h2 id="requests-heading">{fb(i18n, 'feedback-requests-heading')}</h2>
              {requests.length === 0 ? (
                <p class="empty-line">{fb(i18n, 'feedback-requests-empty')}</p>
              ) : (
                <div class="table-wrap">
                  <table class="data-table">
                    <thead>
                      <tr>
                        <th scope="col">{fb(i18n, 'feedback-col-order')}</th>
                        <th scope="col">{fb(i18n, 'feedback-col-ground')}</th>
                        <th scope="col">{fb(i18n, 'feedback-col-sent-to')}</th>
                        <th scope="col">{fb(i18n, 'feedback-col-requested')}</th>
                        <th scope="col">{fb(i18n, 'feedback-col-status')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {requests.map((r) => (
                        <tr key={`${r.account_id}/${r.id}`} data-testid={`removal-request-${r.id}`} data-status={r.status}>
                          <td>
                            {items.find((f) => f.id === r.feedback_id && f.account_id === r.account_id)?.order_id ?? r.feedback_id}
                            {r.marketplace && <span class="mp-code"> {r.marketplace}</span>}
                          </td>
                          <td>{groundLabel(i18n, r.ground)}</td>
                          <td>
                            {recipientLabel(i18n, r.recipient)}
                            {r.subject && <div class="request-subject">{r.subject}</div>}
                          </td>
                          <td>{i18n.dateTime(r.requested_at)}</td>
                          <td>
                            <span class={`flag request-${r.status}`}>{statusLabel(i18n, r.status)}</span>
                            {r.decided_at && <div class="request-decided">{fb(i18n, 'feedback-decided', { date: i18n.dateTime(r.decided_at) })}</div>}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          </>
        )}
      </ScreenFrame>
    </section>
  );
}
