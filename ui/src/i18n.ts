import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { toIpcError } from './errors';
import type { Locale } from './ipc';
import { parseTimestamp } from './time';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN', 'ja', 'ko'];

/** Each language in its own name, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  ja: '日本語',
  ko: '한국어',
};

// One catalog shared with the Rust side: ui.ftl plus whatever other .ftl files
// (errors.ftl, …) the Rust crates keep next to it — but cli.ftl, which only the
// command line speaks. English, every other locale's fallback, comes with the
// app's script; each other locale is a chunk of its own (vite.config.ts), read
// before it is first shown (`loadLocale`), so a seller's window parses two
// catalogs, not four.
const english = import.meta.glob<string>(['../../locales/en/*.ftl', '!../../locales/en/cli.ftl'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const lazy = import.meta.glob<string>(['../../locales/*/*.ftl', '!../../locales/*/cli.ftl', '!../../locales/en/*.ftl'], {
  query: '?raw',
  import: 'default',
});
const sources: Record<string, string> = { ...english };
const loading = new Map<Locale, Promise<void>>();

const prefixOf = (locale: Locale) => `../../locales/${locale}/`;

/** Whether `locale`'s catalog is here (English always is). */
export function isLoaded(locale: Locale): boolean {
  return Object.keys(sources).some((path) => path.startsWith(prefixOf(locale)));
}

/** Reads `locale`'s catalog once; later calls share the first read. */
export function loadLocale(locale: Locale): Promise<void> {
  if (isLoaded(locale)) return Promise.resolve();
  let done = loading.get(locale);
  if (!done) {
    const files = Object.entries(lazy).filter(([path]) => path.startsWith(prefixOf(locale)));
    done = Promise.all(files.map(async ([path, read]) => [path, await read()] as const)).then((read) => {
      for (const [path, text] of read) sources[path] = text;
      cache.delete(locale);
    });
    loading.set(locale, done);
  }
  return done;
}

/** The .ftl sources of one locale, ui.ftl first, as [file name, text]; empty until loaded. */
export function catalogFiles(locale: Locale): [string, string][] {
  const prefix = prefixOf(locale);
  return Object.entries(sources)
    .filter(([path]) => path.startsWith(prefix))
    .map(([path, text]): [string, string] => [path.slice(prefix.length), text])
    .sort(([a], [b]) => (a === 'ui.ftl' ? -1 : b === 'ui.ftl' ? 1 : a.localeCompare(b)));
}

/** A Fluent bundle that holds at least the message asked for, when the catalog has it. */
type LazyBundle = { get: (id: string) => FluentBundle };

/**
 * `locale`'s messages as a Fluent bundle that parses its catalog in two steps: ui.ftl (the inbox,
 * the sidebar and the header: every message of the first frame) at once, every other file when a
 * message is first asked for that ui.ftl lacks. A window that shows only the inbox never parses
 * the other screens' messages (66 of the 74 KB of the English catalog; measured: the web process
 * about 0.4 MB smaller). The first other screen opened parses the rest, once. No message refers to
 * another (the catalogs have no terms or references), so a message formats the same whichever
 * file it comes from.
 */
function lazyBundle(locale: Locale): LazyBundle {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const [first, ...rest] = catalogFiles(locale);
  const add = ([file, text]: [string, string]) => {
    const errors = bundle.addResource(new FluentResource(text));
    for (const e of errors) console.warn(`locales/${locale}/${file}: ${e.message}`);
  };
  if (first) add(first);
  let complete = rest.length === 0;
  return {
    get(id) {
      if (!complete && !bundle.hasMessage(id)) {
        complete = true;
        rest.forEach(add);
      }
      return bundle;
    },
  };
}

export type Args = Record<string, FluentVariable>;

export interface I18n {
  locale: Locale;
  /** The message `id` formatted with `args`; falls back to English, then to the id. */
  t(id: string, args?: Args): string;
  has(id: string): boolean;
  /** A deadline-style date and time in the seller's time zone, e.g. "Sat, Nov 22, 2:30 PM". */
  dateTime(iso: string): string;
  /** A short time of day (with the date when not today), e.g. "14:05". */
  time(iso: string, now?: number): string;
  /**
   * How long ago `iso` was at local time `now`, e.g. "5 minutes ago", "5 分前";
   * under a minute (or in the future, when clocks disagree) "just now".
   */
  ago(iso: string, now?: number): string;
  /** A language code (e.g. "ja") as a language name in the UI locale. */
  languageName(code: string): string;
  /** A backend error, localized through `error-<code>` with fallback `error-unknown`. */
  error(e: unknown): string;
}

const cache = new Map<Locale, I18n>();

/** `locale`'s messages; until its catalog is loaded, English ones (not cached, so the real ones replace them). */
export function getI18n(locale: Locale): I18n {
  let i18n = cache.get(locale);
  if (!i18n) {
    i18n = createI18n(locale);
    if (isLoaded(locale)) cache.set(locale, i18n);
  }
  return i18n;
}

function createI18n(locale: Locale): I18n {
  const bundle = lazyBundle(locale);
  const fallback = locale === 'en' ? null : lazyBundle('en');

  const format = (lazy: LazyBundle, id: string, args?: Args): string | null => {
    const b = lazy.get(id);
    const msg = b.getMessage(id);
    if (!msg?.value) return null;
    const errors: Error[] = [];
    const out = b.formatPattern(msg.value, args, errors);
    for (const e of errors) console.warn(`${locale}/${id}: ${e.message}`);
    return out;
  };

  const has = (id: string) => bundle.get(id).hasMessage(id) || (fallback?.get(id).hasMessage(id) ?? false);
  const t = (id: string, args?: Args) =>
    format(bundle, id, args) ?? (fallback && format(fallback, id, args)) ?? id;

  const dateTimeFmt = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  const timeFmt = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const dayKey = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
  let relative: Intl.RelativeTimeFormat | null = null;
  try {
    relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'long' });
  } catch {
    relative = null;
  }
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'language' });
  } catch {
    names = null;
  }

  return {
    locale,
    t,
    has,
    dateTime(iso) {
      const ms = parseTimestamp(iso);
      return Number.isNaN(ms) ? iso : dateTimeFmt.format(ms);
    },
    time(iso, now = Date.now()) {
      const ms = parseTimestamp(iso);
      if (Number.isNaN(ms)) return iso;
      return dayKey.format(ms) === dayKey.format(now) ? timeFmt.format(ms) : dateTimeFmt.format(ms);
    },
    ago(iso, now = Date.now()) {
      const ms = parseTimestamp(iso);
      if (Number.isNaN(ms)) return iso;
      const minutes = Math.floor((now - ms) / 60_000);
      if (minutes < 1) return t('time-just-now');
      if (!relative) return timeFmt.format(ms);
      if (minutes < 60) return relative.format(-minutes, 'minute');
      const hours = Math.floor(minutes / 60);
      if (hours < 24) return relative.format(-hours, 'hour');
      return relative.format(-Math.floor(hours / 24), 'day');
    },
    languageName(code) {
      try {
        // CSBA writes Simplified Chinese; "Chinese (China)" names a region,
        // not the script the seller will read and write.
        const tag = code === 'zh-CN' || code === 'zh' ? 'zh-Hans' : code;
        return names?.of(tag) ?? code;
      } catch {
        return code;
      }
    },
    error(e) {
      const { code, args } = toIpcError(e);
      for (const id of [`error-${code}`, `error-${code.replace(/_/g, '-')}`]) {
        if (has(id)) return t(id, args);
      }
      return t('error-unknown', args);
    },
  };
}

/** The supported locale closest to the OS/browser languages; English otherwise. */
export function negotiateLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('ja')) return 'ja';
    if (lower.startsWith('ko')) return 'ko';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export const I18nContext = createContext<I18n>(getI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
