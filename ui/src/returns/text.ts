// Words of the return-policy screen. Its messages live in locales/*/returns.ftl (written as
// rt('id') so the catalog test finds each); violations, rules, reasons and categories come from
// policy.ftl by the ids the Rust side names (message_id, rule_message_id, return-reason-…).
import type { Args, I18n } from '../i18n';
import type { Category, FieldViolation, ReturnReason } from '../ipc';

/** A returns.ftl message. */
export function rt(i18n: I18n, id: string, args?: Args): string {
  return i18n.t(id, args);
}

/** The 22 return reasons in the order of Amazon's form (the seed: 15 at the seller's cost, then 7). */
export const REASONS: readonly ReturnReason[] = [
  'performance_or_quality_not_adequate',
  'not_compatible_with_intended_use',
  'damaged_due_to_inadequate_packaging',
  'missed_estimated_delivery',
  'missing_parts_or_accessories',
  'damaged_in_shipping',
  'wrong_item_sent',
  'defective',
  'received_extra_or_different_item',
  'unauthorized_purchase',
  'inaccurate_website_description',
  'battery_dead',
  'missing_documents_or_manual_or_warranty',
  'missing_certificate_of_authenticity',
  'no_shine_discolored_or_unacceptable_condition',
  'accidental_order',
  'better_price_found',
  'no_longer_needed',
  'incompatible_with_existing_system',
  'installation_cost_higher_than_expected',
  'size_too_small',
  'size_too_large',
];

export const CATEGORIES: readonly Category[] = [
  'apparel',
  'bags',
  'shoes',
  'food',
  'beverages',
  'hazmat',
  'drugs',
  'medical_devices',
  'electronics',
  'home',
  'toys',
  'beauty',
  'books',
  'other',
];

const kebab = (s: string) => s.replace(/_/g, '-');

export const reasonLabel = (i18n: I18n, r: string) => i18n.t(`return-reason-${kebab(r)}`);
export const categoryLabel = (i18n: I18n, c: string) => i18n.t(`policy-category-${kebab(c)}`);

/** A violation in the seller's language: what is wrong, with the reason, category and limit it names. */
export function violationText(i18n: I18n, v: FieldViolation): string {
  return i18n.t(v.message_id, {
    limit: v.limit ?? '',
    reason: v.reason ? reasonLabel(i18n, v.reason) : '',
    category: v.category ? categoryLabel(i18n, v.category) : '',
  });
}

/** The rule a violation breaks, in the seller's language. */
export function ruleText(i18n: I18n, v: FieldViolation): string {
  return i18n.has(v.rule_message_id) ? i18n.t(v.rule_message_id) : v.rule;
}

/** A form field's name, for the diff and the list of violations (`return_shipping.defective` → its reason). */
export function fieldLabel(i18n: I18n, field: string): string {
  const [head, tail, part] = field.split('.');
  if (head === 'return_shipping' && tail) return rt(i18n, 'returns-field-return-shipping-for', { reason: reasonLabel(i18n, tail) });
  if (head === 'categories' && tail) {
    const category = categoryLabel(i18n, tail);
    if (part === 'returnable') return rt(i18n, 'returns-field-category-returnable-for', { category });
    if (part === 'free_returns') return rt(i18n, 'returns-field-category-free-for', { category });
    return rt(i18n, 'returns-field-category-for', { category });
  }
  const id = `returns-field-${kebab(field).replace(/\./g, '-')}`;
  return i18n.has(id) ? i18n.t(id) : field;
}

/** A value of the diff (the core's codes: `send_back`, `seller`, `true`…) in the seller's words. */
export function diffValue(i18n: I18n, field: string, value: string | null): string {
  if (value === null) return rt(i18n, 'returns-diff-not-set');
  const [head] = field.split('.');
  if (field === 'returns') {
    const id = `returns-mode-${kebab(value)}`;
    if (i18n.has(id)) return i18n.t(id);
  }
  if (head === 'return_shipping' && (value === 'seller' || value === 'buyer')) return rt(i18n, value === 'seller' ? 'returns-payer-seller' : 'returns-payer-buyer');
  if (field === 'restocking_fee.when') {
    const id = `returns-restocking-${kebab(value)}`;
    if (i18n.has(id)) return i18n.t(id);
  }
  if (value === 'true') return rt(i18n, 'returns-yes');
  if (value === 'false') return rt(i18n, 'returns-no');
  return value;
}

/** The field ids whose label is looked up by name (for the catalog test). */
export const NAMED_FIELDS = [
  'return_window_days',
  'returns',
  'returnless_threshold_minor',
  'return_address',
  'return_address.country',
  'return_address.lines',
  'prepaid_return_label',
  'return_shipping',
  'categories',
  'refund_within_business_days',
  'restocking_fee',
  'restocking_fee.percent',
  'restocking_fee.when',
] as const;

/** Every returns.ftl id built from data, for the catalog test. */
export function returnsMessageIds(): string[] {
  return NAMED_FIELDS.map((f) => `returns-field-${kebab(f).replace(/\./g, '-')}`);
}

/** Zone abbreviations sellers know (JST); others from Intl, e.g. PST/PDT. */
export function zoneAbbreviation(zone: string, at: number): string {
  if (zone === 'Asia/Tokyo') return 'JST';
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(at);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}

/**
 * "Tue, Dec 8 23:59 JST": the refund deadline as the marketplace's clock shows it. The day comes
 * from `local` ("2026-12-08T23:59", the marketplace's wall clock), the weekday and month in the
 * seller's language, the time as written.
 */
export function refundByText(locale: string, local: string, zone: string, at: number): { date: string; time: string; zone: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(local);
  if (!m) return { date: local, time: '', zone: zoneAbbreviation(zone, at) };
  const date = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])),
  );
  return { date, time: m[4], zone: zoneAbbreviation(zone, at) };
}
