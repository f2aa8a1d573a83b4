// The four screens of issue 10 keep their words in their own files (returns.ftl, feedback.ftl,
// questions.ftl, performance.ftl), written in the code through one helper each (rt, fb, qt, pf) so
// this test finds every id used: each must exist in all four locales with the same variables, and
// the zh-CN, ja and ko files must carry no English.
import { describe, expect, it } from 'vitest';
import { LOCALES, catalogFiles, getI18n } from './i18n';
import { returnsMessageIds } from './returns/text';
import { feedbackMessageIds } from './feedback/text';
import { questionsMessageIds } from './questions/text';
import { performanceMessageIds } from './performance/text';

const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}', '!./test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function used(helper: string, extra: string[]): string[] {
  const ids = new Set(extra);
  const re = new RegExp(`\\b${helper}\\(\\s*i18n\\s*,\\s*['"]([a-z][a-z0-9-]*)['"]`, 'g');
  for (const text of Object.values(sources)) for (const m of text.matchAll(re)) ids.add(m[1]);
  return [...ids].sort();
}

function messages(locale: (typeof LOCALES)[number], file: string): Map<string, string[]> {
  const found = catalogFiles(locale).find(([f]) => f === file);
  expect(found, `${locale}/${file}`).toBeDefined();
  const out = new Map<string, string[]>();
  for (const entry of found![1].split(/\n(?=[a-z])/)) {
    const id = /^([a-z][a-z0-9-]*)\s*=/.exec(entry)?.[1];
    if (!id) continue;
    out.set(id, [...new Set([...entry.matchAll(/\{\s*\$([a-z_]+)/g)].map((m) => m[1]))].sort());
  }
  return out;
}

const ARGS = {
  count: 2, days: 3, hours: 4, version: 2, limit: 30, percent: '5', date: '', time: '', zone: '', rule: '', problem: '',
  marketplace: '', country: '', reason: '', category: '', ground: '', store: '', order: '', chars: 10, max: 2000,
  value: '', before: '', after: '', from: '', to: '', metric: '', subject: '', recipient: '', status: '', threshold: '',
  words: '', stars: 1, left: '', item: '',
};
const ALLOWED = new Set(['CSBA', 'Amazon', 'A', 'to', 'z', 'JP', 'US', 'JST', 'ID', 'Seller', 'Central', 'Alt', 'Enter']);

describe.each([
  ['returns.ftl', 'rt', returnsMessageIds()],
  ['feedback.ftl', 'fb', feedbackMessageIds()],
  ['questions.ftl', 'qt', questionsMessageIds()],
  ['performance.ftl', 'pf', performanceMessageIds()],
])('%s', (file, helper, extra) => {
  it('has every id the screen uses, in each locale itself', () => {
    const ids = used(helper, extra);
    expect(ids.length).toBeGreaterThan(5);
    for (const locale of LOCALES) {
      const own = messages(locale, file);
      expect(ids.filter((id) => !own.has(id)), locale).toEqual([]);
      const i18n = getI18n(locale);
      for (const id of ids) expect(i18n.t(id, ARGS)).not.toBe(id);
    }
  });

  it('has the same ids and variables in every locale', () => {
    const en = messages('en', file);
    for (const locale of LOCALES) {
      const other = messages(locale, file);
      expect([...other.keys()].sort(), locale).toEqual([...en.keys()].sort());
      for (const [id, vars] of en) expect(other.get(id), `${locale}/${id}`).toEqual(vars);
    }
  });

  it.each(['zh-CN', 'ja', 'ko'] as const)('leaves no English in %s except proper names', (locale) => {
    const i18n = getI18n(locale);
    for (const id of messages(locale, file).keys()) {
      const text = i18n.t(id, ARGS);
      const words = text.match(/[A-Za-z]+/g) ?? [];
      expect(words.filter((w) => !ALLOWED.has(w)), `${locale}/${id}: ${text}`).toEqual([]);
    }
  });
});
