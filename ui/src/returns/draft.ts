// The policy form's state: what the seller typed (numbers as text, so a half-typed value stays on
// screen), turned into the ReturnPolicy the backend checks. Only the shape is checked here (a
// number that is not a whole number, a country that is not two letters); every rule is Rust's.
import type { Category, Marketplace, Payer, RestockingWhen, ReturnMode, ReturnPolicy, ReturnReason } from '../ipc';
import { CATEGORIES, REASONS } from './text';

/** How the seller sells a category: not at all, returnable, returnable with free returns, not returnable. */
export type CategoryChoice = '' | 'returnable' | 'free' | 'not_returnable';

export type Draft = {
  return_window_days: string;
  returns: ReturnMode;
  returnless_threshold_minor: string;
  country: string;
  lines: string;
  prepaid_return_label: boolean;
  return_shipping: Partial<Record<ReturnReason, Payer>>;
  categories: Partial<Record<Category, CategoryChoice>>;
  refund_within_business_days: string;
  restocking_percent: string;
  restocking_when: RestockingWhen;
};

/** A form-shape problem at a field: returns.ftl id. */
export type ShapeErrors = Partial<Record<string, string>>;

export function draftOf(policy: ReturnPolicy | null, marketplace: Marketplace): Draft {
  if (!policy) {
    return {
      return_window_days: '30',
      returns: 'send_back',
      returnless_threshold_minor: '',
      country: marketplace,
      lines: '',
      prepaid_return_label: false,
      return_shipping: {},
      categories: {},
      refund_within_business_days: '2',
      restocking_percent: '',
      restocking_when: 'used_or_damaged',
    };
  }
  const categories: Partial<Record<Category, CategoryChoice>> = {};
  for (const c of policy.categories) categories[c.category] = !c.returnable ? 'not_returnable' : c.free_returns ? 'free' : 'returnable';
  return {
    return_window_days: String(policy.return_window_days),
    returns: policy.returns,
    returnless_threshold_minor:
      policy.returnless_threshold_minor === null || policy.returnless_threshold_minor === undefined ? '' : String(policy.returnless_threshold_minor),
    country: policy.return_address?.country ?? '',
    lines: (policy.return_address?.lines ?? []).join('\n'),
    prepaid_return_label: policy.prepaid_return_label,
    return_shipping: { ...policy.return_shipping },
    categories,
    refund_within_business_days: String(policy.refund_within_business_days),
    restocking_percent: policy.restocking_fee ? String(policy.restocking_fee.percent) : '',
    restocking_when: policy.restocking_fee?.when ?? 'used_or_damaged',
  };
}

const whole = (s: string): number | null => (/^\s*\d{1,9}\s*$/.test(s) ? Number(s.trim()) : null);

/** The policy the draft says, or the fields whose text is not a value yet. */
export function policyOf(d: Draft): { policy: ReturnPolicy | null; errors: ShapeErrors } {
  const errors: ShapeErrors = {};
  const window = whole(d.return_window_days);
  if (window === null) errors.return_window_days = 'returns-error-whole-number';
  const refund = whole(d.refund_within_business_days);
  if (refund === null) errors.refund_within_business_days = 'returns-error-whole-number';
  let threshold: number | null = null;
  if (d.returns === 'returnless_below_threshold' && d.returnless_threshold_minor.trim() !== '') {
    threshold = whole(d.returnless_threshold_minor);
    if (threshold === null) errors.returnless_threshold_minor = 'returns-error-whole-number';
  }
  const country = d.country.trim().toUpperCase();
  const lines = d.lines.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (country !== '' && !/^[A-Z]{2}$/.test(country)) errors['return_address.country'] = 'returns-error-country';
  if (country === '' && lines.length > 0) errors['return_address.country'] = 'returns-error-country';
  let percent: number | null = null;
  if (d.restocking_percent.trim() !== '') {
    percent = whole(d.restocking_percent);
    if (percent === null || percent > 100) errors.restocking_fee = 'returns-error-percent';
  }
  if (Object.keys(errors).length > 0) return { policy: null, errors };
  const return_shipping: Partial<Record<ReturnReason, Payer>> = {};
  for (const r of REASONS) if (d.return_shipping[r]) return_shipping[r] = d.return_shipping[r];
  return {
    errors,
    policy: {
      return_window_days: window!,
      returns: d.returns,
      // u64 in Rust (ts-rs says bigint); it travels as a JSON number, which is what invoke can send.
      returnless_threshold_minor: (d.returns === 'returnless_below_threshold' ? threshold : null) as ReturnPolicy['returnless_threshold_minor'],
      return_address: country === '' ? null : { country, lines },
      prepaid_return_label: d.prepaid_return_label,
      return_shipping,
      categories: CATEGORIES.filter((c) => d.categories[c]).map((c) => ({
        category: c,
        returnable: d.categories[c] !== 'not_returnable',
        free_returns: d.categories[c] === 'free',
      })),
      refund_within_business_days: refund!,
      restocking_fee: percent ? { percent, when: d.restocking_when } : null,
    },
  };
}
