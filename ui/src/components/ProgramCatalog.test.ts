// The program screen's, the what-if's and the reply templates' messages live in program.ftl
// (written as p('id') in the components): each must exist in all four locales, with the same
// variables, and the zh-CN, ja and ko files must carry no English.
import { describe, expect, it } from 'vitest';
import { LOCALES, catalogFiles, getI18n } from '../i18n';
import { REQUIREMENTS, STATES } from './ProgramCard';

const sources = import.meta.glob<string>(['./Program*.tsx', './Fee*.tsx', './Template*.tsx', './ReplyBox.tsx', './CaseScreen.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const kebab = (s: string) => s.replace(/_/g, '-');

function usedIds(): string[] {
  const ids = new Set<string>([
    ...STATES.map((s) => `program-state-${kebab(s)}`),
    ...REQUIREMENTS.map((r) => `program-requirement-${kebab(r)}`),
  ]);
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(/\bp\(\s*['"]([a-z][a-z0-9-]*)['"]/g)) ids.add(m[1]);
  }
  return [...ids].sort();
}

function programMessages(locale: (typeof LOCALES)[number]): Map<string, string[]> {
  const [, text] = catalogFiles(locale).find(([f]) => f === 'program.ftl')!;
  const out = new Map<string, string[]>();
  for (const entry of text.split(/\n(?=[a-z])/)) {
    const id = /^([a-z][a-z0-9-]*)\s*=/.exec(entry)?.[1];
    if (!id) continue;
    out.set(id, [...new Set([...entry.matchAll(/\{\s*\$([a-z_]+)/g)].map((m) => m[1]))].sort());
  }
  return out;
}

const ARGS = { store: '', marketplace: '', zone: '', hours: 24, days: 2, from: '', until: '', code: '', version: '', action: '', problem: '', date: '', start: '', end: '', units: 1, contacts: 1, cpu: '1', tier: 1, language: '', name: '' };

describe('program.ftl', () => {
  it('has every id the program screen and the reply tools use, in each locale itself', () => {
    const used = usedIds();
    expect(used.length).toBeGreaterThan(60);
    for (const locale of LOCALES) {
      const own = programMessages(locale);
      expect(used.filter((id) => !own.has(id)), locale).toEqual([]);
      const i18n = getI18n(locale);
      for (const id of used) expect(i18n.t(id, ARGS)).not.toBe(id);
    }
  });

  it('has the same ids and variables in every locale', () => {
    const en = programMessages('en');
    for (const locale of LOCALES) {
      const other = programMessages(locale);
      expect([...other.keys()].sort(), locale).toEqual([...en.keys()].sort());
      for (const [id, vars] of en) expect(other.get(id), `${locale}/${id}`).toEqual(vars);
    }
  });

  it.each(['zh-CN', 'ja', 'ko'] as const)('leaves no English in %s except proper names', (locale) => {
    const allowed = new Set(['CSBA', 'Amazon', 'Seller', 'Central', 'CPU', 'JP', 'US']);
    const i18n = getI18n(locale);
    for (const id of programMessages(locale).keys()) {
      const text = i18n.t(id, ARGS);
      const words = text.match(/[A-Za-z]+/g) ?? [];
      expect(words.filter((w) => !allowed.has(w)), `${locale}/${id}: ${text}`).toEqual([]);
    }
  });
});
