// Words of the performance screen: locales/*/performance.ftl, written as pf(i18n, '…') so the
// catalog test finds each; numbers, dates and money through Intl in the seller's locale.
import type { Args, I18n } from '../i18n';

export function pf(i18n: I18n, id: string, args?: Args): string {
  return i18n.t(id, args);
}

/** The charts, in the order shown. */
export const METRICS = [
  'response_hours',
  'a_to_z_claim_rate',
  'negative_feedback_rate',
  'order_defect_rate',
  'valid_tracking_rate',
  'contacts_per_unit',
  'fee_minor',
] as const;
export type Metric = (typeof METRICS)[number];

/** How a metric's values read: a percentage, hours, or money in minor units. */
export function unitOf(metric: string): 'percent' | 'hours' | 'money' {
  if (metric === 'response_hours' || metric === 'response_seconds') return 'hours';
  // response_seconds: the before/after table's exact seconds (see valueFormatter).
  if (metric === 'fee_minor' || metric === 'fee') return 'money';
  return 'percent';
}

/** Whether a higher value is the better one. */
export const higherIsBetter = (metric: string) => metric === 'valid_tracking_rate';

const kebab = (s: string) => s.replace(/_/g, '-');
export const metricName = (i18n: I18n, metric: string) => {
  const id = `performance-metric-${kebab(metric)}`;
  return i18n.has(id) ? i18n.t(id) : metric;
};

/** The ids built from data, for the catalog test. */
export function performanceMessageIds(): string[] {
  return [...METRICS.map((m) => `performance-metric-${kebab(m)}`), 'performance-metric-response-seconds', 'performance-metric-fee'];
}

const minorDigitsOf = (currency: string) => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
};

/** A duration given in seconds: minutes under an hour, else hours with one decimal. */
export function secondsFormatter(locale: string): (s: number) => string {
  const unit = (u: 'minute' | 'hour') => {
    try {
      return new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: u === 'hour' ? 1 : 0 });
    } catch {
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    }
  };
  const [minutes, hours] = [unit('minute'), unit('hour')];
  return (s) => (s < 3600 ? minutes.format(s / 60) : hours.format(s / 3600));
}

/**
 * A formatter for one metric's values in the seller's locale (the axis ticks, the table).
 * `exponent`: the currency's minor-unit digits as the backend says (JPY 0, USD 2).
 */
export function valueFormatter(locale: string, metric: string, currency: string, exponent?: number): (v: number) => string {
  if (metric === 'response_seconds') return secondsFormatter(locale);
  const unit = unitOf(metric);
  if (unit === 'money') {
    const digits = exponent ?? minorDigitsOf(currency);
    let f: Intl.NumberFormat;
    try {
      f = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: digits });
    } catch {
      f = new Intl.NumberFormat(locale);
    }
    return (v) => f.format(v / 10 ** digits);
  }
  if (unit === 'hours') {
    let f: Intl.NumberFormat;
    try {
      f = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 });
    } catch {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    }
    return (v) => f.format(v);
  }
  const f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  return (v) => f.format(v / 100);
}

/** A week's date (`YYYY-MM-DD`, a calendar day) as the seller reads it. */
export function dayFormatter(locale: string, withYear = false): (ymd: string) => string {
  const f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}) });
  return (ymd) => {
    const ms = Date.parse(`${ymd}T00:00:00Z`);
    return Number.isNaN(ms) ? ymd : f.format(ms);
  };
}
