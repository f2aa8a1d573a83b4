import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { countdown } from '../countdown';
import { useI18n } from '../i18n';
import { getOrdersScreen, type AccountId, type OrderRow, type QueuedTracking, type TrackingRate } from '../ipc';
import { marketplaceCountryId, marketplaceId } from '../messageIds';
import { useNavigate } from '../nav/route';
import { CARRIERS, carrierName, dateTimeIn, plainDate, tr } from '../orders/text';
import '../orders/orders.css';
import type { ScreenProps } from '../screens';
import { useScreenData } from '../screenData';
import { parseTimestamp } from '../time';
import { TrackingEntry } from './TrackingEntry';
import { OrderDetail } from '../orders/OrderDetail';
import { ScreenFrame } from './ScreenFrame';
import { UploadPanel } from './UploadPanel';
import { VirtualList, type VirtualRowProps } from './VirtualList';

/** Every to-ship row's height (fixed: what keeps 10,000 rows smooth). */
export const ORDER_ROW_HEIGHT = 68;
/** At most this many rows show at once; the list scrolls beyond. */
const VISIBLE_ROWS = 7;
/** The valid tracking rate account health asks for. */
const TARGET_PERCENT = 95;

const keyOf = (o: { account_id: AccountId; id: string }) => `${o.account_id}/${o.id}`;

/** The Orders & tracking screen: what to ship, single entry, bulk upload, the valid tracking rate. */
export function OrdersView({ view, filter, accounts, inbox, revision, now, reload }: ScreenProps) {
  const i18n = useI18n();
  const nav = useNavigate();
  const { data, error, reload: load } = useScreenData(getOrdersScreen, filter, revision);
  const [openKey, setOpenKeyState] = useState<string | null>(null);
  // A pending or shipped order opened from its row (one detail at a time, with the tracking entry).
  const [detailKey, setDetailKey] = useState<string | null>(null);
  const setOpenKey = (key: string | null) => {
    setOpenKeyState(key);
    if (key) setDetailKey(null);
  };
  const openDetail = (key: string) => {
    setOpenKeyState(null);
    setDetailKey(key);
  };
  // Queued here and not yet in what the backend last said.
  const [queuedHere, setQueuedHere] = useState<Map<string, QueuedTracking>>(new Map());
  const list = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const toShip = data?.to_ship ?? [];
  const names = useMemo(() => (accounts.length > 1 ? new Map(accounts.map((a) => [a.id, a.display_name])) : null), [accounts]);
  const cases = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of inbox?.cases ?? []) m.set(`${c.account_id}/${c.order_id}`, c.id);
    return m;
  }, [inbox]);
  const carriers = data?.carriers.length ? data.carriers : CARRIERS;
  const shipped = useMemo(
    () =>
      [...(data?.shipped ?? [])].sort((a, b) => {
        const da = a.tracking?.ship_date ?? '';
        const db = b.tracking?.ship_date ?? '';
        if (da !== db) return da < db ? 1 : -1;
        return (b.tracking?.confirmed_at ?? '').localeCompare(a.tracking?.confirmed_at ?? '');
      }),
    [data],
  );

  const open = toShip.find((o) => keyOf(o) === openKey) ?? null;
  const queuedOf = (o: OrderRow) => o.queued ?? queuedHere.get(keyOf(o)) ?? null;

  const rowElement = (key: string) =>
    [...(list.current?.querySelectorAll<HTMLElement>('[role=option][data-order-id]') ?? [])].find(
      (r) => `${r.dataset.accountId}/${r.dataset.orderId}` === key,
    ) ?? null;

  const close = (focusRow: boolean) => {
    const key = openKey;
    setOpenKey(null);
    if (focusRow && key) setTimeout(() => rowElement(key)?.focus({ preventScroll: false }), 0);
  };

  const onQueued = (o: OrderRow, q: QueuedTracking) => {
    setQueuedHere((m) => new Map(m).set(keyOf(o), q));
    close(true);
    void load();
    reload();
  };

  // The `order` view: that order's row scrolled to and focused (once per order opened).
  const shownOrder = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (view.name !== 'order' || !data) return;
    const key = `${view.accountId}/${view.orderId}`;
    if (shownOrder.current === key) return;
    const index = toShip.findIndex((o) => keyOf(o) === key);
    if (index >= 0) {
      shownOrder.current = key;
      const viewport = list.current?.querySelector<HTMLElement>('.vlist');
      if (viewport) {
        viewport.scrollTop = Math.max(0, index * ORDER_ROW_HEIGHT - ORDER_ROW_HEIGHT);
        viewport.dispatchEvent(new Event('scroll'));
      }
      list.current?.scrollIntoView?.({ block: 'start' });
      setTimeout(() => {
        const row = list.current?.querySelector<HTMLElement>(`[role=option][data-index="${index}"]`);
        row?.focus({ preventScroll: true });
      }, 0);
      return;
    }
    const other = [...document.querySelectorAll<HTMLElement>('#orders [data-order-row]')].find(
      (r) => r.dataset.orderId === view.orderId && r.dataset.accountId === String(view.accountId),
    );
    if (other) {
      shownOrder.current = key;
      other.scrollIntoView?.({ block: 'center' });
      other.focus({ preventScroll: true });
    }
  }, [view, data]);
  useEffect(() => {
    if (view.name !== 'order') shownOrder.current = null;
  }, [view]);

  const renderRow = (o: OrderRow, _i: number, row: VirtualRowProps) => {
    const key = keyOf(o);
    const serverNow = now + o.server_offset_ms;
    const due = o.ship_by ? parseTimestamp(o.ship_by) : NaN;
    const cd = o.ship_by ? countdown(o.ship_by, serverNow) : null;
    const queued = queuedOf(o);
    const caseId = cases.get(`${o.account_id}/${o.id}`);
    const store = names?.get(o.account_id);
    return (
      <div
        {...row}
        class={`order-row${cd?.overdue ? ' order-overdue' : ''}${openKey === key ? ' order-open' : ''}`}
        data-testid="order-row"
        data-order-id={o.id}
        data-account-id={String(o.account_id)}
        data-state={queued ? 'queued' : cd?.overdue ? 'overdue' : 'due'}
        aria-expanded={openKey === key ? 'true' : 'false'}
        onClick={() => !queued && setOpenKey(key)}
      >
        <div class="order-row-main">
          <div class="order-row-top">
            {caseId ? (
              <button
                type="button"
                class="link-button order-id"
                data-testid="order-id"
                tabIndex={row.tabIndex}
                title={tr(i18n, 'orders-open-case')}
                onClick={(e) => {
                  e.stopPropagation();
                  nav.openCase(o.account_id, caseId);
                }}
              >
                {o.id}
              </button>
            ) : (
              <span class="order-id" data-testid="order-id">
                {o.id}
              </span>
            )}
            {store && <span class="account-name">{store}</span>}
            <span class="marketplace" title={i18n.t(marketplaceCountryId(o.marketplace))}>
              <span class="mp-code">{o.marketplace}</span>
            </span>
            <span class="order-qty">{tr(i18n, 'orders-quantity', { count: o.quantity })}</span>
          </div>
          <div class="order-item" data-testid="order-item">
            {o.item_title}
          </div>
        </div>
        <div class="order-row-side">
          {cd ? (
            <>
              <span class={`countdown countdown-${cd.tone}`} data-testid="order-countdown">
                {cd.overdue ? i18n.t('countdown-overdue', { time: cd.text }) : i18n.t('countdown-left', { time: cd.text })}
              </span>
              <span class="order-ship-by" data-testid="order-ship-by">
                {tr(i18n, 'orders-ship-by', { date: dateTimeIn(i18n.locale, o.marketplace, due) })}
              </span>
            </>
          ) : (
            <span class="order-ship-by">{tr(i18n, 'orders-ship-by-none')}</span>
          )}
        </div>
        <div class="order-row-action">
          {queued ? (
            <span class={`flag ${queued.state === 'failed' ? 'flag-failed' : 'flag-pending'}`} data-testid="order-queued" data-state={queued.state}>
              {tr(i18n, queued.state === 'failed' ? 'orders-queued-failed' : 'orders-queued', { number: queued.tracking_number })}
            </span>
          ) : (
            <button
              type="button"
              class="button small"
              data-testid="order-enter"
              tabIndex={row.tabIndex}
              onClick={(e) => {
                e.stopPropagation();
                setOpenKey(key);
              }}
            >
              {tr(i18n, 'orders-enter-tracking')}
            </button>
          )}
        </div>
      </div>
    );
  };

  const height = Math.max(1, Math.min(VISIBLE_ROWS, toShip.length)) * ORDER_ROW_HEIGHT;
  return (
    <section class="orders" id="orders" data-testid="orders" aria-labelledby="orders-heading">
      <ScreenFrame
        headingId="orders-heading"
        heading={tr(i18n, 'orders-heading')}
        sub={tr(i18n, 'orders-subheading')}
        headingRef={heading}
        aside={data && <Rates rates={data.tracking_rates} names={names} />}
        errorTestid="orders-error"
        error={error}
        onRetry={() => void load()}
        data={data}
        loadingTestid="orders-loading"
      >
        {(data) => (
          <>
            <section class="orders-section" aria-labelledby="to-ship-heading" data-testid="to-ship">
              <h2 id="to-ship-heading">
                {tr(i18n, 'orders-to-ship-heading')} <span class="count">{tr(i18n, 'orders-count', { count: toShip.length })}</span>
              </h2>
              {toShip.length === 0 ? (
                <p class="empty-line" data-testid="to-ship-empty">
                  {tr(i18n, 'orders-to-ship-empty')}
                </p>
              ) : (
                <div ref={list}>
                  <VirtualList
                    items={toShip}
                    rowHeight={ORDER_ROW_HEIGHT}
                    height={height}
                    label={tr(i18n, 'orders-to-ship-heading')}
                    idPrefix="to-ship"
                    testid="to-ship-list"
                    class="orders-list"
                    getKey={keyOf}
                    renderRow={renderRow}
                    onActivate={(o) => !queuedOf(o) && setOpenKey(keyOf(o))}
                  />
                </div>
              )}
              {open && (
                <TrackingEntry
                  key={openKey}
                  order={open}
                  carriers={carriers}
                  now={now}
                  onQueued={(q) => onQueued(open, q)}
                  onClose={() => close(true)}
                />
              )}
            </section>

            <section class="orders-section" aria-labelledby="pending-heading" data-testid="pending">
              <h2 id="pending-heading">
                {tr(i18n, 'orders-pending-heading')} <span class="count">{tr(i18n, 'orders-count', { count: data.pending.length })}</span>
              </h2>
              {data.pending.length === 0 ? (
                <p class="empty-line">{tr(i18n, 'orders-pending-empty')}</p>
              ) : (
                <ul class="simple-orders">
                  {data.pending.map((o) => (
                    <li
                      key={keyOf(o)}
                      class="simple-order"
                      data-testid="pending-row"
                      data-order-row
                      data-order-id={o.id}
                      data-account-id={String(o.account_id)}
                      tabIndex={-1}
                    >
                      <button type="button" class="link-button order-id" data-testid="order-open-detail" onClick={() => openDetail(keyOf(o))}>
                        {o.id}
                      </button>
                      {names?.get(o.account_id) && <span class="account-name">{names.get(o.account_id)}</span>}
                      <span class="mp-code" title={i18n.t(marketplaceId(o.marketplace))}>
                        {o.marketplace}
                      </span>
                      <span class="order-item">{o.item_title}</span>
                      <span class="order-qty">{tr(i18n, 'orders-quantity', { count: o.quantity })}</span>
                      <span class="flag flag-warn">{tr(i18n, 'orders-pending-note')}</span>
                    </li>
                  ))}
                </ul>
              )}
              {(() => {
                const d = data.pending.find((o) => keyOf(o) === detailKey);
                return d ? <OrderDetail key={detailKey} order={d} onClose={() => setDetailKey(null)} /> : null;
              })()}
            </section>

            <UploadPanel accounts={accounts} carriers={carriers} revision={revision} onQueued={() => void load()} />

            <section class="orders-section" aria-labelledby="shipped-heading" data-testid="shipped">
              <h2 id="shipped-heading">{tr(i18n, 'orders-shipped-heading')}</h2>
              {shipped.length === 0 ? (
                <p class="empty-line">{tr(i18n, 'orders-shipped-empty')}</p>
              ) : (
                <div class="table-wrap">
                  <table class="data-table">
                    <thead>
                      <tr>
                        <th scope="col">{tr(i18n, 'orders-col-order')}</th>
                        <th scope="col">{tr(i18n, 'orders-col-item')}</th>
                        <th scope="col">{tr(i18n, 'orders-col-tracking')}</th>
                        <th scope="col">{tr(i18n, 'orders-col-carrier')}</th>
                        <th scope="col">{tr(i18n, 'orders-col-ship-date')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shipped.map((o) => (
                        <tr
                          key={keyOf(o)}
                          data-testid="shipped-row"
                          data-order-row
                          data-order-id={o.id}
                          data-account-id={String(o.account_id)}
                          tabIndex={-1}
                        >
                          <td>
                            <button type="button" class="link-button order-id" data-testid="order-open-detail" onClick={() => openDetail(keyOf(o))}>
                              {o.id}
                            </button>{' '}
                            <span class="mp-code">{o.marketplace}</span>
                            {names?.get(o.account_id) && <span class="account-name">{names.get(o.account_id)}</span>}
                          </td>
                          <td class="order-item">{o.item_title}</td>
                          <td class="mono" data-testid="shipped-tracking">
                            {o.tracking?.tracking_number ?? ''}
                          </td>
                          <td data-testid="shipped-carrier">{o.tracking ? carrierName(i18n, o.tracking.carrier) : ''}</td>
                          <td>{o.tracking ? plainDate(i18n.locale, o.tracking.ship_date) : ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {(() => {
                const d = shipped.find((o) => keyOf(o) === detailKey);
                return d ? <OrderDetail key={detailKey} order={d} onClose={() => setDetailKey(null)} /> : null;
              })()}
            </section>
          </>
        )}
      </ScreenFrame>
    </section>
  );
}

function Rates({ rates, names }: { rates: TrackingRate[]; names: Map<AccountId, string> | null }) {
  const i18n = useI18n();
  if (rates.length === 0) return null;
  return (
    <div class="rates" data-testid="tracking-rates" aria-label={tr(i18n, 'orders-rate-heading')}>
      <p class="rates-title">
        {tr(i18n, 'orders-rate-heading')} · {tr(i18n, 'orders-rate-target', { target: TARGET_PERCENT })}
      </p>
      <ul class="rate-list">
        {rates.map((r) => {
          const state = r.rate_percent === null ? 'none' : r.meets_target ? 'meets' : 'below';
          return (
            <li key={`${r.account_id}/${r.marketplace}`} class={`rate rate-${state}`} data-testid="tracking-rate" data-state={state}>
              <span class="rate-where">
                {names?.get(r.account_id) && <span class="account-name">{names.get(r.account_id)}</span>}
                <span class="mp-code">{r.marketplace}</span>
              </span>
              <span class="rate-value">{r.rate_percent === null ? '–' : `${r.rate_percent} %`}</span>
              <span class="rate-detail">
                {r.rate_percent === null
                  ? tr(i18n, 'orders-rate-none')
                  : `${tr(i18n, state === 'meets' ? 'orders-rate-meets' : 'orders-rate-below')} · ${tr(i18n, 'orders-rate-detail', { valid: r.valid, shipped: r.shipped })}`}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
