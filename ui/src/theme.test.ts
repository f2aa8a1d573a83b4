// The light and dark palettes of styles.css, checked for WCAG 2.x contrast on every pair the rules
// put together: text ≥ 4.5:1, controls' borders, focus rings and urgency marks ≥ 3:1.
import { describe, expect, it } from 'vitest';

// Read from disk: vitest hands CSS imports to no processor, so even `?raw` is empty.
// @ts-expect-error -- no @types/node in this package; the tests run in Node.
const { readFileSync } = await import('node:fs');
const cwd = (globalThis as unknown as { process: { cwd(): string } }).process.cwd(); // vitest runs in ui/
const css: string = readFileSync(`${cwd}/src/styles.css`, 'utf8');

const components = import.meta.glob<string>(['./**/*.tsx', '!./**/*.test.tsx'], { query: '?raw', import: 'default', eager: true });

type Palette = Map<string, string>;

function declarations(block: string): Palette {
  const vars = new Map<string, string>();
  for (const m of block.matchAll(/--([a-z0-9-]+)\s*:\s*([^;]+);/g)) vars.set(m[1], m[2].trim());
  return vars;
}

function palettes(): { light: Palette; dark: Palette; rest: string } {
  const lightStart = css.indexOf(':root {');
  const lightEnd = css.indexOf('}', lightStart);
  const media = css.indexOf('@media (prefers-color-scheme: dark)');
  expect(lightStart, 'a :root palette').toBeGreaterThanOrEqual(0);
  expect(media, 'a dark palette').toBeGreaterThan(lightEnd);
  const darkStart = css.indexOf(':root {', media);
  const darkEnd = css.indexOf('}', darkStart);
  const mediaEnd = css.indexOf('}', darkEnd + 1);
  return {
    light: declarations(css.slice(lightStart, lightEnd)),
    dark: declarations(css.slice(darkStart, darkEnd)),
    rest: css.slice(0, lightStart) + css.slice(lightEnd, media) + css.slice(mediaEnd + 1),
  };
}

const COLOR = /^(#[0-9a-f]{3,8}|rgba?\([^)]*\))$/i;

function rgb(value: string): [number, number, number] {
  const v = value.trim();
  if (v.startsWith('#')) {
    const h = v.length === 4 ? [...v.slice(1)].map((c) => c + c).join('') : v.slice(1, 7);
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  }
  const [r, g, b] = v.replace(/rgba?\(|\)/g, '').split(',').map(Number);
  return [r, g, b];
}

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(value: string): number {
  const [r, g, b] = rgb(value).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour on background, as the rules use them (the selectors in the comments). */
const TEXT: [string, string][] = [
  ['text', 'surface'], ['text', 'bg'], ['text', 'surface-hover'], ['text', 'surface-closed'], ['text', 'surface-offline'],
  ['text', 'accent-soft'], // .message-seller
  ['text', 'amber-soft'], // .notice-warn
  ['text-muted', 'surface'], ['text-muted', 'bg'], ['text-muted', 'surface-hover'], ['text-muted', 'surface-closed'],
  ['text-muted', 'surface-offline'],
  ['text-faint', 'surface'], ['text-faint', 'bg'], ['text-faint', 'surface-hover'], ['text-faint', 'surface-closed'],
  ['accent', 'surface'], ['accent', 'bg'],
  ['accent-strong', 'surface'], ['accent-strong', 'bg'], ['accent-strong', 'accent-soft'], // links, .nav-item.active, .tag, .flag-pending
  ['on-accent', 'accent'], ['on-accent', 'accent-strong'], // .button.primary, .nav-count, .skip-link
  ['on-red', 'red'], ['on-red', 'red-strong'], // .button.danger, .nav-count-failed
  ['on-amber', 'amber'], // .nav-count-warn
  ['red', 'red-soft'], ['red', 'surface'], ['red', 'bg'], // .alert, .state-chip.state-failed, problems
  ['amber', 'amber-soft'], ['amber', 'surface'], // .badge-sandbox, .flag-draft, .countdown-soon
  ['green', 'green-soft'], ['green', 'surface'], // .status-answered, .account-added
];

/** Non-text: control borders, focus rings, urgency marks and status dots against what is behind them. */
const GRAPHIC: [string, string][] = [
  ['border-strong', 'surface'], ['border-strong', 'bg'], // .input, .reply-box, .select, .button
  ['focus', 'surface'], ['focus', 'bg'], ['focus', 'accent-soft'],
  ['red', 'surface'], ['amber-mark', 'surface'], ['amber-mark', 'bg'], ['green', 'surface'], ['accent', 'surface'],
];

describe.each(['light', 'dark'] as const)('the %s palette', (name) => {
  const all = palettes();
  const p = all[name];
  const color = (v: string) => {
    const value = p.get(v);
    expect(value, `--${v} in the ${name} palette`).toBeDefined();
    expect(value, `--${v}`).toMatch(COLOR);
    return value!;
  };

  it.each(TEXT)('--%s on --%s is at least 4.5:1', (fg, bg) => {
    const ratio = contrast(color(fg), color(bg));
    expect(ratio, `${name}: --${fg} on --${bg} = ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
  });

  it.each(GRAPHIC)('--%s against --%s is at least 3:1', (fg, bg) => {
    const ratio = contrast(color(fg), color(bg));
    expect(ratio, `${name}: --${fg} against --${bg} = ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(3);
  });
});

describe('the palettes', () => {
  const { light, dark, rest } = palettes();
  const colours = (p: Palette) => [...p].filter(([, v]) => COLOR.test(v)).map(([k]) => k).sort();

  it('give every colour a dark counterpart, and nothing else', () => {
    expect(colours(light).length).toBeGreaterThan(20);
    expect(colours(dark)).toEqual(colours(light));
  });

  it('are the only place colours are written in styles.css', () => {
    const literals = rest.match(/#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)|(?<![\w-])(?:white|black)(?![\w-])/g) ?? [];
    expect(literals).toEqual([]);
  });

  it('define every variable the rules use', () => {
    // (A variable with a fallback, like --topbar-h set from JS, need not be in the palette.)
    const used = new Set([...css.matchAll(/var\(--([a-z0-9-]+)\)/g)].map((m) => m[1]));
    for (const v of used) expect(light.has(v), `--${v}`).toBe(true);
  });

  it('let form controls follow the theme', () => {
    expect(css).toMatch(/color-scheme:\s*light dark/);
  });

  it('leave no hard-coded colour in the components', () => {
    for (const [file, text] of Object.entries(components)) {
      const literals = text.match(/["'`]\s*(#[0-9a-fA-F]{3,8}|rgba?\([^)]*\))\s*["'`]|(?:color|background|fill|stroke)\s*:\s*#[0-9a-fA-F]{3,8}/g) ?? [];
      expect(literals, file).toEqual([]);
    }
  });
});

describe('contrast', () => {
  it('computes the WCAG ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
  });
});
