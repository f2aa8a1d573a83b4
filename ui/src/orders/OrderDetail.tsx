import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { OrderRow } from '../ipc';
import { useNavigate } from '../nav/route';
import { qt } from '../questions/text';
import { carrierName, plainDate } from './text';

/** The "Ask the CSBA team" action of an order detail (the tracking entry, or a pending or shipped order). */
export function AskTeamButton({ order }: { order: Pick<OrderRow, 'account_id' | 'id'> }) {
  const i18n = useI18n();
  const nav = useNavigate();
  if (!nav.canAsk) return null;
  return (
    <button type="button" class="button" data-testid="order-ask-question" onClick={() => nav.askQuestion(order.account_id, order.id)}>
      {qt(i18n, 'questions-ask-from-order')}
    </button>
  );
}

/** A pending or shipped order opened from its row: what it is, and what can be done about it. */
export function OrderDetail({ order, onClose }: { order: OrderRow; onClose: () => void }) {
  const i18n = useI18n();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.querySelector<HTMLElement>('button')?.focus();
  }, []);
  return (
    <div
      ref={root}
      class="tracking-entry order-detail"
      data-testid="order-detail"
      data-order-for={order.id}
      role="group"
      aria-label={qt(i18n, 'questions-order-detail', { order: order.id })}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.isComposing) {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h3 class="tracking-entry-heading">{order.id}</h3>
      <p class="tracking-entry-item">{order.item_title}</p>
      {order.tracking && (
        <p>
          <span class="mono">{order.tracking.tracking_number}</span> · {carrierName(i18n, order.tracking.carrier)} · {plainDate(i18n.locale, order.tracking.ship_date)}
        </p>
      )}
      <div class="tracking-entry-actions">
        <AskTeamButton order={order} />
        <button type="button" class="button" data-testid="order-detail-close" onClick={onClose}>
          {qt(i18n, 'questions-order-close')}
        </button>
      </div>
    </div>
  );
}
