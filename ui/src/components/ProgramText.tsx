// Helpers shared by the program screen, the fee what-if and the reply templates: their messages
// live in locales/*/program.ftl (see ProgramCatalog.test.ts), times are shown in the
// marketplace's own time zone, and money in the marketplace's currency.
import { useMemo } from 'preact/hooks';
import { useI18n, type Args, type I18n } from '../i18n';
import type { Marketplace } from '../ipc';
import { parseTimestamp } from '../time';

/** A program.ftl message. (Named `p` so the catalog test of program.ftl finds every id used.) */
export type ProgramText = (id: string, args?: Args) => string;

export function useProgramText(): ProgramText {
  const i18n = useI18n();
  return useMemo(() => (id: string, args?: Args) => i18n.t(id, args), [i18n]);
}

/** Where each marketplace keeps its clock: deadlines, activation and trials are in this zone. */
export const MARKETPLACE_TIME_ZONE: Record<Marketplace, string> = {
  JP: 'Asia/Tokyo',
  US: 'America/Los_Angeles',
};

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = make();
    dateTimeFormats.set(key, f);
  }
  return f;
}

/** A date and time in the marketplace's time zone, e.g. "Jun 1, 2025, 6:00 PM". */
export function marketDateTime(i18n: I18n, marketplace: Marketplace, iso: string): string {
  const ms = parseTimestamp(iso);
  if (Number.isNaN(ms)) return iso;
  const timeZone = MARKETPLACE_TIME_ZONE[marketplace];
  return cached(`${i18n.locale}|${timeZone}|dt`, () =>
    new Intl.DateTimeFormat(i18n.locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }),
  ).format(ms);
}

/** A date alone in the marketplace's time zone. */
export function marketDate(i18n: I18n, marketplace: Marketplace, iso: string): string {
  const ms = parseTimestamp(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(ms)) return iso;
  // A bare date (a trial's day) is the marketplace's own calendar day: show it as written.
  const timeZone = iso.length === 10 ? 'UTC' : MARKETPLACE_TIME_ZONE[marketplace];
  return cached(`${i18n.locale}|${timeZone}|d`, () => new Intl.DateTimeFormat(i18n.locale, { timeZone, dateStyle: 'medium' })).format(ms);
}

/** The name of the marketplace's time zone in the seller's language, e.g. "Japan Standard Time". */
export function marketZoneName(i18n: I18n, marketplace: Marketplace, at: number): string {
  const timeZone = MARKETPLACE_TIME_ZONE[marketplace];
  try {
    const parts = new Intl.DateTimeFormat(i18n.locale, { timeZone, timeZoneName: 'long' }).formatToParts(at);
    return parts.find((x) => x.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** The digits after the decimal point of a currency (JPY 0, USD 2), as Intl knows them. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount in minor units (cents; yen have none) as money in the seller's locale. */
export function formatMoney(locale: string, minor: number, currency: string): string {
  const digits = minorDigits(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
      minor / 10 ** digits,
    );
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/** A reply language in its own name (中文, 日本語, English…), as a seller looks for it. */
export function ownLanguageName(code: string): string {
  const own: Record<string, string> = { 'zh-CN': '中文', zh: '中文', ja: '日本語', en: 'English', ko: '한국어' };
  if (own[code]) return own[code];
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
