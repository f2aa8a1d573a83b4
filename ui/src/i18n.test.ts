import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';
import { LOCALES, catalogFiles, getI18n, negotiateLocale } from './i18n';
import { dynamicMessageIds } from './messageIds';

// Every static id the UI uses is written as t('id') in a source file.
const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}', '!./test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function usedIds(): string[] {
  const ids = new Set<string>(dynamicMessageIds());
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(/\bt\(\s*['"]([a-z][a-z0-9-]*)['"]/g)) ids.add(m[1]);
  }
  return [...ids].sort();
}

/** Every variable a ui.ftl message takes, filled with values that are not words. */
const ARGS = { id: '7', detail: '503', account: '', case: '7', name: '', seller: '' };

/** Message id → sorted variable names, for one locale's ui.ftl. */
function uiMessages(locale: string): Map<string, string[]> {
  const [, text] = catalogFiles(locale as never).find(([f]) => f === 'ui.ftl')!;
  const out = new Map<string, string[]>();
  for (const entry of text.split(/\n(?=[a-z])/)) {
    const id = /^([a-z][a-z0-9-]*)\s*=/.exec(entry)?.[1];
    if (!id) continue;
    const vars = new Set([...entry.matchAll(/\{\s*\$([a-z_]+)/g)].map((m) => m[1]));
    out.set(id, [...vars].sort());
  }
  return out;
}

describe('catalog', () => {
  it.each(LOCALES)('loads ui.ftl for %s without syntax errors', (locale) => {
    const files = catalogFiles(locale);
    expect(files[0]?.[0]).toBe('ui.ftl');
    for (const [file, text] of files) {
      // The runtime parser skips entries it cannot parse: every id must survive.
      const parsed = new FluentResource(text).body.map((m) => m.id);
      const declared = [...text.matchAll(/^(-?[a-zA-Z][a-zA-Z0-9_-]*)\s*=/gm)].map((m) => m[1]);
      expect(parsed, `${locale}/${file}`).toEqual(declared);
    }
  });

  it('finds the ids the UI uses', () => {
    const ids = usedIds();
    expect(ids.length).toBeGreaterThan(30);
    expect(ids).toContain('countdown-left');
    expect(ids).toContain('error-unknown');
  });

  it.each(LOCALES)('resolves every id used by the UI in %s itself (no fallback)', (locale) => {
    const own = uiMessages(locale);
    const missing = usedIds().filter((id) => !own.has(id));
    expect(missing).toEqual([]);
    const i18n = getI18n(locale);
    for (const id of usedIds()) expect(i18n.t(id, { ...ARGS, count: 2, time: '1:00:00', language: 'x' })).not.toBe(id);
  });

  it('has the same ids and variables in every locale', () => {
    const en = uiMessages('en');
    for (const locale of LOCALES) {
      const other = uiMessages(locale);
      expect([...other.keys()].sort(), locale).toEqual([...en.keys()].sort());
      for (const [id, vars] of en) expect(other.get(id), `${locale}/${id}`).toEqual(vars);
    }
  });

  it.each(['zh-CN', 'ja', 'ko'] as const)('leaves no English in %s except proper names', (locale) => {
    // Technical names that stay in Latin letters (the Rust catalog test allows them too).
    const allowed = new Set(['CSBA', 'Desk', 'Amazon', 'co', 'jp', 'com', 'JP', 'US', 'API', 'URL', 'ID']);
    const i18n = getI18n(locale);
    for (const id of uiMessages(locale).keys()) {
      const text = i18n.t(id, { ...ARGS, count: 1, time: '0:00:00', language: '' });
      const words = text.match(/[A-Za-z]+/g) ?? [];
      expect(words.filter((w) => !allowed.has(w)), `${locale}/${id}: ${text}`).toEqual([]);
    }
  });
});

describe('formatting', () => {
  it('formats countdowns naturally per locale', () => {
    expect(getI18n('en').t('countdown-left', { time: '5:03:12' })).toBe('5:03:12 left');
    expect(getI18n('ja').t('countdown-left', { time: '5:03:12' })).toBe('残り 5:03:12');
    expect(getI18n('ko').t('countdown-overdue', { time: '0:10:00' })).toBe('기한 초과 0:10:00');
    expect(getI18n('zh-CN').t('countdown-overdue', { time: '0:10:00' })).toBe('已超时 0:10:00');
  });

  it('uses plurals and number formatting', () => {
    expect(getI18n('en').t('summary-open', { count: 1 })).toBe('1 open case');
    expect(getI18n('en').t('summary-open', { count: 1200 })).toBe('1,200 open cases');
    expect(getI18n('ja').t('summary-overdue', { count: 3 })).toBe('期限超過 3 件');
  });

  it('localizes errors by code, falling back to error-unknown', () => {
    const ja = getI18n('ja');
    expect(ja.error({ code: 'no-such-code-anywhere', args: {} })).toBe(ja.t('error-unknown'));
    expect(ja.error(new Error('boom'))).toBe(ja.t('error-unknown'));
  });

  it('picks up error messages from the other .ftl files of the catalog', () => {
    // errors.ftl and friends belong to the Rust side; whatever error-<code> they define must localize.
    for (const locale of LOCALES) {
      const i18n = getI18n(locale);
      for (const [file, text] of catalogFiles(locale).filter(([f]) => f !== 'ui.ftl')) {
        for (const [, code] of text.matchAll(/^error-([a-z0-9-]+)\s*=/gm)) {
          const args = { url: 'https://x', locale: 'fr', account: 'S1@https://x', case: '7', count: '2' };
          const out = i18n.error({ code, args });
          expect(out, `${locale}/${file}: ${code}`).toBe(i18n.t(`error-${code}`, args));
          expect(out).not.toBe(`error-${code}`);
        }
      }
    }
  });

  it('says how long ago something happened, per locale', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    expect(getI18n('en').ago('2025-06-01T11:59:30Z', now)).toBe('just now');
    expect(getI18n('en').ago('2025-06-01T12:00:30Z', now)).toBe('just now'); // a clock a little ahead
    expect(getI18n('en').ago('2025-06-01T11:55:00Z', now)).toBe('5 minutes ago');
    expect(getI18n('en').ago('2025-06-01T11:00:00Z', now)).toBe('1 hour ago');
    expect(getI18n('en').ago('2025-05-30T11:00:00Z', now)).toBe('2 days ago');
    expect(getI18n('ja').ago('2025-06-01T11:55:00Z', now)).toMatch(/^5\s?分前$/);
    expect(getI18n('zh-CN').ago('2025-06-01T11:55:00Z', now)).toBe('5分钟前');
    expect(getI18n('ko').ago('2025-06-01T11:00:00Z', now)).toBe('1시간 전');
    expect(getI18n('ko').ago('2025-06-01T11:59:59Z', now)).toBe('방금');
  });

  it('formats deadlines with the locale', () => {
    expect(getI18n('ja').dateTime('2025-06-01T03:00:00Z')).toMatch(/6月1日/);
    expect(getI18n('en').dateTime('2025-06-01T03:00:00Z')).toMatch(/Jun/);
  });

  it('negotiates the initial locale', () => {
    expect(negotiateLocale(['zh-Hans-CN'])).toBe('zh-CN');
    expect(negotiateLocale(['fr-FR', 'ja-JP'])).toBe('ja');
    expect(negotiateLocale(['fr-FR'])).toBe('en');
  });
});
