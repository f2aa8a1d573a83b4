// The orders part of the fake backend (see fakeBackend.ts): the orders screen, the live tracking
// check, single confirmations and bulk uploads, keeping state the way the desk does.
import type {
  FileDownload,
  OrderRow,
  OrdersScreen,
  PreviewHandle,
  QueueItem,
  TrackingVerdict,
  UploadOptions,
  UploadStatus,
  ViewFilter,
} from '../ipc';
import { inFilter } from '../nav/route';
import { CARRIERS, dayIn } from '../orders/text';

const HOUR = 3600_000;

export function orderRow(id: string, over: Partial<OrderRow> = {}): OrderRow {
  return {
    queued: null,
    server_offset_ms: 0,
    account_id: 1,
    id,
    marketplace: 'JP',
    placed_at: '2025-06-01T00:00:00Z',
    item_title: `Item ${id}`,
    sku: `SKU-${id}`,
    quantity: 1,
    status: 'unshipped',
    ship_by: null,
    tracking: null,
    return_received_at: null,
    refunded_at: null,
    ...over,
  };
}

/** An Amazon-shaped order id from a number. */
export const orderId = (n: number, prefix = '503') => `${prefix}-${String(n).padStart(7, '0')}-${String(n * 7 + 1234567).slice(-7)}`;

/** The UPU S10 check digit of 8 serial digits. */
export function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...serial].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** A valid S10 number: `EV` + serial + check digit + `CN`. */
export const s10 = (serial: string, country = 'CN') => `EV${serial}${s10CheckDigit(serial)}${country}`;

/** The verdict as the backend gives it, for the few shapes tests use. */
export function fakeVerdict(input: string, carrier: string | null): TrackingVerdict {
  const normalized = input.toUpperCase().replace(/[\s-]/g, '');
  const base = { input, normalized, routing_zip: null } as const;
  const s = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(normalized);
  if (s) {
    const ok = s10CheckDigit(s[2]) === Number(s[3]);
    const c = carrier ?? (s[4] === 'CN' ? 'china-post' : s[4] === 'JP' ? 'japan-post' : 'upu-s10');
    return {
      ...base,
      valid: ok,
      carrier: c,
      candidates: [c],
      needs_carrier: false,
      format: 'upu-s10',
      check_digit: ok ? 'passed' : 'failed',
      rejection: ok ? null : 'check_digit_mismatch',
    };
  }
  if (/^\d{12}$/.test(normalized)) {
    const candidates = ['yamato', 'sagawa', 'japan-post-domestic'];
    return {
      ...base,
      valid: true,
      carrier: carrier ?? null,
      candidates,
      needs_carrier: carrier === null,
      format: 'japan-domestic-12',
      check_digit: 'passed',
      rejection: null,
    };
  }
  return {
    ...base,
    valid: false,
    carrier: null,
    candidates: [],
    needs_carrier: false,
    format: null,
    check_digit: 'none',
    rejection: normalized === '' ? 'empty' : 'unknown_format',
  };
}

export class FakeOrders {
  toShip: OrderRow[] = [];
  pending: OrderRow[] = [];
  shipped: OrderRow[] = [];
  rates: OrdersScreen['tracking_rates'] = [];
  carriers: string[] = [...CARRIERS];
  /** What the next `preview_upload_*` answers (its id is assigned then). */
  preview: Omit<PreviewHandle, 'id' | 'file_name' | 'account_id'> = {
    file_kind: 'flat_file',
    encoding: 'utf-8',
    rows: 1,
    valid: 1,
    problems: [],
    ambiguous: [],
    batches: 1,
    orders_unchecked: false,
  };
  /** What `upload_status` answers, one after the other (the last one repeats). */
  statuses: Omit<UploadStatus, 'group' | 'rows'>[] = [{ done: true, batches: 1, sent: 1, failed: 0, results: [] }];
  private statusIndex = 0;
  private nextPreview = 1;
  private nextGroup = 1;
  saved: FileDownload[] = [];

  constructor(now = Date.now()) {
    this.toShip = [
      orderRow(orderId(1), { ship_by: new Date(now - 2 * HOUR).toISOString(), item_title: 'Arita teapot' }),
      orderRow(orderId(2), { ship_by: new Date(now + 5 * HOUR).toISOString(), marketplace: 'US', item_title: 'Tea caddy', quantity: 2 }),
      orderRow(orderId(3), { ship_by: new Date(now + 29 * HOUR).toISOString() }),
    ];
    this.pending = [orderRow(orderId(9), { status: 'pending', item_title: 'Bamboo whisk' })];
    this.shipped = [
      orderRow(orderId(20), {
        status: 'shipped',
        tracking: { tracking_number: s10('12345678'), carrier: 'china-post', ship_date: '2025-05-30', confirmed_at: '2025-05-30T03:00:00Z' },
      }),
      orderRow(orderId(21), {
        status: 'shipped',
        tracking: { tracking_number: '123456789012', carrier: 'yamato', ship_date: '2025-06-01', confirmed_at: '2025-06-01T03:00:00Z' },
      }),
    ];
    this.rates = [{ account_id: 1, marketplace: 'JP', shipped: 40, valid: 39, rate_percent: '97.5', meets_target: true }];
  }

  handles(cmd: string): boolean {
    return [
      'orders_screen',
      'check_tracking',
      'confirm_shipment',
      'preview_upload_file',
      'preview_upload_bytes',
      'queue_upload',
      'upload_status',
      'upload_template',
      'upload_sample',
      'save_download',
    ].includes(cmd);
  }

  handle(cmd: string, a: Record<string, unknown>, queue: (item: Partial<QueueItem>) => QueueItem): unknown {
    switch (cmd) {
      case 'orders_screen': {
        const f = a.filter as ViewFilter;
        const mine = (o: Pick<OrderRow, 'account_id' | 'marketplace'>) => inFilter(f, o);
        return structuredClone({
          to_ship: this.toShip.filter(mine),
          pending: this.pending.filter(mine),
          shipped: this.shipped.filter(mine),
          tracking_rates: this.rates.filter(mine),
          carriers: this.carriers,
        } satisfies OrdersScreen);
      }
      case 'check_tracking':
        return fakeVerdict(String(a.trackingNumber ?? ''), (a.carrier as string | null) ?? null);
      case 'confirm_shipment': {
        const o = this.toShip.find((x) => x.account_id === a.accountId && x.id === a.orderId);
        if (!o) throw { code: 'order-not-found', args: { order: String(a.orderId) }, field: null };
        const v = fakeVerdict(String(a.trackingNumber ?? ''), (a.carrier as string | null) ?? null);
        if (!v.valid) throw { code: 'tracking-invalid', args: {}, field: 'tracking_number' };
        if (v.needs_carrier) throw { code: 'carrier-unknown', args: {}, field: 'carrier' };
        const today = dayIn(o.marketplace, Date.now());
        if (String(a.shipDate) > today) throw { code: 'ship-date-in-future', args: { today }, field: 'ship_date' };
        o.queued = { tracking_number: v.normalized, carrier: v.carrier, ship_date: String(a.shipDate), state: 'queued' };
        return queue({ account_id: o.account_id, kind: 'tracking_upload', subject: o.id });
      }
      case 'preview_upload_file':
      case 'preview_upload_bytes': {
        const options = a.options as UploadOptions;
        const path = String(a.path ?? a.fileName ?? '');
        if (path.endsWith('/')) throw { code: 'upload-is-folder', args: { path }, field: null };
        const name = path.split(/[\\/]/).pop() ?? path;
        return structuredClone({ ...this.preview, id: `p${this.nextPreview++}`, file_name: name, account_id: options.account_id ?? 1 });
      }
      case 'queue_upload':
        if (this.preview.problems.length > 0) {
          throw { code: 'upload-has-problems', args: { count: String(this.preview.problems.length) }, field: null };
        }
        this.statusIndex = 0;
        return { group: `g${this.nextGroup++}`, rows: this.preview.valid, done: false, batches: this.preview.batches, sent: 0, failed: 0, results: [] };
      case 'upload_status': {
        const s = this.statuses[Math.min(this.statusIndex++, this.statuses.length - 1)];
        return structuredClone({ ...s, group: String(a.group), rows: Number(a.rows) });
      }
      case 'upload_template':
        return { name: a.kind === 'csv' ? 'shipping-template.csv' : 'shipping-template.txt', text: 'order-id\ttracking-number\n' };
      case 'upload_sample':
        return { name: 'sample-with-mistakes.txt', text: 'order-id\ttracking-number\n503-0000001-1234567\tEV123456785CN\n' };
      case 'save_download': {
        const file = a.file as FileDownload;
        this.saved.push(file);
        return `/home/seller/Downloads/${file.name}`;
      }
      default:
        throw new Error(`the fake orders backend has no command ${cmd}`);
    }
  }
}
