const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Parses an RFC 3339 timestamp to epoch milliseconds (NaN when invalid).
 * Tolerates more than three fractional digits (Rust emits nanoseconds), which
 * some WebKit versions refuse in Date.parse.
 */
export function parseTimestamp(s: string): number {
  // The inbox counts and sorts thousands of deadlines every second; each
  // string is parsed once.
  const known = parsed.get(s);
  if (known !== undefined) return known;
  const ms = parseUncached(s);
  if (parsed.size >= PARSED_KEPT) parsed.clear();
  parsed.set(s, ms);
  return ms;
}

const PARSED_KEPT = 100_000;
const parsed = new Map<string, number>();

function parseUncached(s: string): number {
  const m = RFC3339.exec(s);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, sec, frac = '', zone] = m;
  const ms = Number((frac + '000').slice(0, 3));
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec, ms);
  if (zone === 'Z' || zone === 'z') return utc;
  const sign = zone[0] === '-' ? -1 : 1;
  const offsetMin = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
  return utc - sign * offsetMin * 60_000;
}
