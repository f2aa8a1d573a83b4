import { useEffect, useMemo, useState } from 'preact/hooks';
import { ScreenFrame } from '../components/ScreenFrame';
import { countdown } from '../countdown';
import { useI18n } from '../i18n';
import { getPolicyScreen, type AccountId, type PolicyView, type ReturnRefundView } from '../ipc';
import type { ScreenProps } from '../screens';
import { useScreenData } from '../screenData';
import { parseTimestamp } from '../time';
import { PolicyForm } from './PolicyForm';
import { PolicyHistory } from './PolicyHistory';
import './returns.css';
import { refundByText, rt } from './text';

const keyOf = (p: { account_id: AccountId; marketplace: string }) => `${p.account_id}-${p.marketplace}`;

/** The return-policy screen: refunds due, then one store × marketplace's policy (form, history, diff). */
export function ReturnsView({ filter, accounts, revision, now }: ScreenProps) {
  const i18n = useI18n();
  const { data, error, reload: load } = useScreenData(getPolicyScreen, filter, revision);
  const [chosen, setChosen] = useState<string | null>(null);

  const names = useMemo(() => new Map(accounts.map((a) => [a.id, a.display_name])), [accounts]);
  const policies = data?.policies ?? [];
  // The one the seller chose, else the first that breaks a rule, else the first.
  const shown: PolicyView | null =
    policies.find((p) => keyOf(p) === chosen) ?? policies.find((p) => p.violations_now.length > 0) ?? policies[0] ?? null;
  // Stay on the policy shown once fixed: it no longer breaks a rule, but the seller is still on it.
  const shownKey = shown ? keyOf(shown) : null;
  useEffect(() => {
    if (chosen === null && shownKey !== null) setChosen(shownKey);
  }, [chosen, shownKey]);
  const where = (p: { account_id: AccountId; marketplace: string }) =>
    accounts.length > 1 ? `${names.get(p.account_id) ?? ''} · ${p.marketplace}` : p.marketplace;

  const onTabKey = (e: KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = policies[(index + step + policies.length) % policies.length];
    setChosen(keyOf(next));
    setTimeout(() => document.querySelector<HTMLElement>(`[data-testid="policy-tab-${keyOf(next)}"]`)?.focus(), 0);
  };

  return (
    <section class="returns" data-testid="returns-screen" aria-labelledby="returns-heading">
      <ScreenFrame
        headingId="returns-heading"
        heading={rt(i18n, 'returns-heading')}
        sub={rt(i18n, 'returns-subheading')}
        errorTestid="returns-error"
        error={error}
        onRetry={() => void load()}
        data={data}
      >
        {(data) => (
          <>
            <Refunds returns={data.returns} now={now} offsets={new Map(accounts.map((a) => [a.id, a.server_offset_ms]))} where={where} />
            <section class="desk-section" aria-labelledby="policy-heading">
              <h2 id="policy-heading">{rt(i18n, 'returns-policy-heading')}</h2>
              {policies.length === 0 ? (
                <p class="empty-line" data-testid="policy-empty">
                  {rt(i18n, 'returns-policy-empty')}
                </p>
              ) : (
                <>
                  {policies.length > 1 && (
                    <div class="tabs" role="tablist" aria-label={rt(i18n, 'returns-policy-heading')}>
                      {policies.map((p, i) => {
                        const selected = shown !== null && keyOf(p) === keyOf(shown);
                        return (
                          <button
                            key={keyOf(p)}
                            type="button"
                            role="tab"
                            class="tab"
                            id={`policy-tab-${keyOf(p)}`}
                            data-testid={`policy-tab-${keyOf(p)}`}
                            aria-selected={selected ? 'true' : 'false'}
                            aria-controls="policy-panel"
                            tabIndex={selected ? 0 : -1}
                            onClick={() => setChosen(keyOf(p))}
                            onKeyDown={(e) => onTabKey(e, i)}
                          >
                            {where(p)}
                            {p.violations_now.length > 0 && (
                              <span class="flag flag-failed">{rt(i18n, 'returns-tab-violations', { count: p.violations_now.length })}</span>
                            )}
                          </button>
                        );
                      })}
                    </div>
                  )}
                  {shown && (
                    <div id="policy-panel" role={policies.length > 1 ? 'tabpanel' : undefined} aria-labelledby={policies.length > 1 ? `policy-tab-${keyOf(shown)}` : undefined}>
                      <PolicyForm key={`${keyOf(shown)}/${shown.current?.version ?? 0}`} view={shown} onQueued={() => void load()} />
                      <PolicyHistory key={`h-${keyOf(shown)}/${shown.current?.version ?? 0}`} view={shown} />
                    </div>
                  )}
                </>
              )}
            </section>
          </>
        )}
      </ScreenFrame>
    </section>
  );
}

function Refunds({
  returns,
  now,
  offsets,
  where,
}: {
  returns: ReturnRefundView[];
  now: number;
  offsets: Map<AccountId, number>;
  where: (r: ReturnRefundView) => string;
}) {
  const i18n = useI18n();
  return (
    <section class="desk-section" aria-labelledby="refunds-heading" data-testid="refunds">
      <h2 id="refunds-heading">{rt(i18n, 'returns-refunds-heading')}</h2>
      {returns.length === 0 ? (
        <p class="empty-line">{rt(i18n, 'returns-refunds-empty')}</p>
      ) : (
        <ul class="refund-list">
          {returns.map((r) => {
            const by = refundByText(i18n.locale, r.refund_by_local, r.zone, parseTimestamp(r.refund_by));
            const cd = countdown(r.refund_by, now + (offsets.get(r.account_id) ?? 0));
            return (
              <li key={`${r.account_id}/${r.order_id}`} class="refund-row" data-order-id={r.order_id}>
                <span class="order-id">{r.order_id}</span>
                <span class="mp-code">{where(r)}</span>
                <span class="order-item">{r.item_title}</span>
                <span class="refund-received">
                  {rt(i18n, 'returns-received', { date: i18n.dateTime(r.return_received_at) })}
                </span>
                <span class="refund-due">
                  <strong class={`refund-by countdown-${cd.tone}`} data-testid={`refund-by-${r.order_id}`}>
                    {rt(i18n, 'returns-refund-by', by)}
                  </strong>
                  <span class={`countdown countdown-${cd.tone}`}>
                    {cd.overdue ? i18n.t('countdown-overdue', { time: cd.text }) : i18n.t('countdown-left', { time: cd.text })}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
