import type { CaseView, Inbox } from '../ipc';

const HOUR = 3600_000;

/** A case whose deadline is `hoursLeft` hours after `now` (negative: overdue). */
export function makeCase(id: string, hoursLeft: number, now: number, over: Partial<CaseView> = {}): CaseView {
  return {
    account_id: 1,
    id,
    order_id: `250-${id.padStart(7, '0')}-1234567`,
    marketplace: 'JP',
    kind: 'product_question',
    status: 'open',
    language: 'ja',
    subject: `Subject ${id}`,
    question: `Question ${id}`,
    item_title: `Item ${id}`,
    opened_at: new Date(now + (hoursLeft - 24) * HOUR).toISOString(),
    respond_by: new Date(now + hoursLeft * HOUR).toISOString(),
    has_draft: false,
    pending_replies: 0,
    ...over,
  };
}

export function makeInbox(now: number): Inbox {
  const sync = { state: 'online', last_sync_at: new Date(now - 60_000).toISOString(), service: 'sandbox', error: null } as const;
  return {
    server_offset_ms: 0,
    sync,
    accounts: [
      {
        id: 1,
        seller_id: 'ADEMOSAKURA0JP',
        display_name: 'Sakura Zakka',
        marketplaces: ['JP'],
        service_url: null,
        unsent: 0,
        sync,
        server_offset_ms: 0,
      },
    ],
    queue: { queued: 0, sending: 0, failed: 0 },
    cases: [
      makeCase('1', 10, now, { kind: 'return', marketplace: 'US', language: 'en' }),
      makeCase('2', -2, now, { kind: 'delivery' }),
      makeCase('3', 1.5, now, { kind: 'refund' }),
      makeCase('4', -30, now, { status: 'resolved_by_csba', kind: 'order_change' }),
      makeCase('5', 20, now, { status: 'answered', item_title: null }),
    ],
  };
}
