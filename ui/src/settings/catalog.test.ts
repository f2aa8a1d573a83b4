// settings.ftl holds the words of the settings screen and the in-window alerts, written in the code
// through st(i18n, '<id>') so this test finds every id used; ids built from data come from
// settingsMessageIds(). Each must exist in all four locales with the same variables, and the zh-CN,
// ja and ko files must carry no English.
import { describe, expect, it } from 'vitest';
import { LOCALES, catalogFiles, getI18n } from '../i18n';
import { settingsMessageIds } from './text';

const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function used(): string[] {
  const ids = new Set(settingsMessageIds());
  const re = /\bst\(\s*i18n\s*,\s*['"]([a-z][a-z0-9-]*)['"]/g;
  for (const text of Object.values(sources)) for (const m of text.matchAll(re)) ids.add(m[1]);
  return [...ids].sort();
}

function messages(locale: (typeof LOCALES)[number]): Map<string, string[]> {
  const found = catalogFiles(locale).find(([f]) => f === 'settings.ftl');
  expect(found, `${locale}/settings.ftl`).toBeDefined();
  const out = new Map<string, string[]>();
  for (const entry of found![1].split(/\n(?=[a-z])/)) {
    const id = /^([a-z][a-z0-9-]*)\s*=/.exec(entry)?.[1];
    if (!id) continue;
    out.set(id, [...new Set([...entry.matchAll(/\{\s*\$([a-z_]+)/g)].map((m) => m[1]))].sort());
  }
  return out;
}

const ARGS = { number: 2, when: '', duration: '', list: '', zone: '', time: '', reason: '', id: '7', days: 3, hours: 4, minutes: 5, version: '0.2.0', percent: 40 };
const ALLOWED = new Set(['CSBA', 'Desk', 'JP', 'ID']);

describe('settings.ftl', () => {
  it('has every id the screen and the alerts use, in each locale itself', () => {
    const ids = used();
    expect(ids.length).toBeGreaterThan(60);
    expect(ids).toContain('settings-save');
    expect(ids).toContain('desk-alert-dismiss');
    for (const locale of LOCALES) {
      const own = messages(locale);
      expect(ids.filter((id) => !own.has(id)), locale).toEqual([]);
      const i18n = getI18n(locale);
      for (const id of ids) expect(i18n.t(id, ARGS)).not.toBe(id);
    }
  });

  it('defines nothing the code does not use', () => {
    const ids = new Set(used());
    expect([...messages('en').keys()].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('has the same ids and variables in every locale', () => {
    const en = messages('en');
    for (const locale of LOCALES) {
      const other = messages(locale);
      expect([...other.keys()].sort(), locale).toEqual([...en.keys()].sort());
      for (const [id, vars] of en) expect(other.get(id), `${locale}/${id}`).toEqual(vars);
    }
  });

  it.each(['zh-CN', 'ja', 'ko'] as const)('leaves no English in %s except proper names', (locale) => {
    const i18n = getI18n(locale);
    for (const id of messages(locale).keys()) {
      const text = i18n.t(id, ARGS);
      const words = text.match(/[A-Za-z]+/g) ?? [];
      expect(words.filter((w) => !ALLOWED.has(w)), `${locale}/${id}: ${text}`).toEqual([]);
    }
  });
});
