// Words of the orders screen. Its messages live in locales/*/orders.ftl (and, for what the Rust
// side says too, tracking.ftl): `tr` formats them (ui.ftl's are `i18n.t`), and ORDER_MESSAGE_IDS
// lists the ids built from data so a test can check every locale has them.
import type { Args, I18n } from '../i18n';
import type { Marketplace, UploadProblem } from '../ipc';

/** A message of orders.ftl or tracking.ftl. */
export function tr(i18n: I18n, id: string, args?: Args): string {
  return i18n.t(id, args);
}

/** Every carrier code the backend lists in `OrdersScreen.carriers` (crates/domain/src/tracking/carrier.rs). */
export const CARRIERS = [
  'china-post',
  'japan-post',
  'upu-s10',
  'ups',
  'fedex',
  'usps',
  'dhl-express',
  'yamato',
  'sagawa',
  'japan-post-domestic',
  'yunexpress',
  '4px',
  'cainiao',
  'sf-express',
  'amazon-logistics',
  'dhl-ecommerce',
] as const;

/** A carrier's name in the seller's language (its code when the catalog does not know it). */
export function carrierName(i18n: I18n, code: string): string {
  const id = `carrier-${code}`;
  return i18n.has(id) ? tr(i18n, id) : code;
}

/** The name of a tracking number format (`s10`, `ups-1z`, …). */
export function formatName(i18n: I18n, code: string): string {
  const id = `tracking-format-${code}`;
  return i18n.has(id) ? tr(i18n, id) : code;
}

/** Why a tracking number is refused, in the seller's language. */
export function rejectionText(i18n: I18n, code: string): string {
  const id = `tracking-rejection-${code}`;
  return i18n.has(id) ? tr(i18n, id) : tr(i18n, 'orders-rejection-other', { code });
}

/**
 * What an upload problem says, as `csba upload` words it (crates/cli/src/tracking.rs, problem_text):
 * `invalid_tracking_id:<rejection>` is `import-problem-invalid_tracking_id` with the rejection as
 * `$reason`; every other code is `import-problem-<code>`.
 */
export function problemText(i18n: I18n, p: Pick<UploadProblem, 'code'>): string {
  const [code, detail] = splitCode(p.code);
  if (code === 'invalid_tracking_id') {
    return tr(i18n, 'import-problem-invalid_tracking_id', { reason: detail ? rejectionText(i18n, detail) : '' });
  }
  const id = `import-problem-${code}`;
  return i18n.has(id) ? tr(i18n, id) : tr(i18n, 'orders-problem-other', { code: p.code });
}

function splitCode(code: string): [string, string | null] {
  const i = code.indexOf(':');
  return i < 0 ? [code, null] : [code.slice(0, i), code.slice(i + 1)];
}

/** The IANA time zone in which a marketplace's days start and end. */
export const MARKETPLACE_ZONE: Record<Marketplace, string> = {
  JP: 'Asia/Tokyo',
  US: 'America/Los_Angeles',
};

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of instant `ms` in the marketplace's time zone. */
export function dayIn(marketplace: Marketplace, ms: number): string {
  const zone = MARKETPLACE_ZONE[marketplace] ?? 'UTC';
  let f = dayFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, f);
  }
  // en-CA gives 2025-06-01; assemble from parts in case a runtime formats it otherwise.
  const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const shortFormats = new Map<string, Intl.DateTimeFormat>();

/** A date and time (`Jun 3, 11:59 PM`) as the marketplace's clock shows it, in the seller's language. */
export function dateTimeIn(locale: string, marketplace: Marketplace, ms: number): string {
  const zone = MARKETPLACE_ZONE[marketplace] ?? 'UTC';
  const key = `${locale}|${zone}`;
  let f = shortFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, month: 'short', day: 'numeric', weekday: 'short', hour: 'numeric', minute: '2-digit' });
    shortFormats.set(key, f);
  }
  return f.format(ms);
}

const plainDates = new Map<string, Intl.DateTimeFormat>();

/** A calendar date `YYYY-MM-DD` (no time zone of its own) in the seller's language. */
export function plainDate(locale: string, ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!m) return ymd;
  let f = plainDates.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
    plainDates.set(locale, f);
  }
  return f.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Every message id the orders screen builds from data (carriers), for the catalog test. */
export function orderMessageIds(): string[] {
  return [...CARRIERS.map((c) => `carrier-${c}`), ...['flat_file', 'csv', 'tsv', 'xlsx'].map((k) => `orders-upload-kind-${k}`)];
}
