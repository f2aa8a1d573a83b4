import { describe, expect, it, vi } from 'vitest';

// A fresh copy of the module, as the app starts: only English is read.
async function freshI18n() {
  vi.resetModules();
  return import('./i18n');
}

describe('catalogs read on demand', () => {
  it('has English from the start and another locale only once it is loaded', async () => {
    const { isLoaded, loadLocale, getI18n, catalogFiles } = await freshI18n();
    expect(isLoaded('en')).toBe(true);
    expect(isLoaded('ja')).toBe(false);
    expect(catalogFiles('ja')).toEqual([]);
    // Before: the English stand-in, not cached.
    const before = getI18n('ja').t('app-title');
    expect(before).toBe(getI18n('en').t('app-title'));

    await loadLocale('ja');
    expect(isLoaded('ja')).toBe(true);
    expect(isLoaded('ko')).toBe(false);
    expect(catalogFiles('ja').map(([f]) => f)[0]).toBe('ui.ftl');
    expect(getI18n('ja').t('nav-inbox')).not.toBe(getI18n('en').t('nav-inbox'));
  });

  it('reads a catalog once however many ask', async () => {
    const { loadLocale, isLoaded } = await freshI18n();
    const reads = [loadLocale('ko'), loadLocale('ko'), loadLocale('ko')];
    expect(reads[0]).toBe(reads[1]);
    await Promise.all(reads);
    expect(isLoaded('ko')).toBe(true);
  });

  it('leaves the command line’s catalog out of the window', async () => {
    const { catalogFiles, loadLocale } = await freshI18n();
    await loadLocale('zh-CN');
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(catalogFiles(locale).map(([f]) => f)).not.toContain('cli.ftl');
      expect(catalogFiles(locale).map(([f]) => f)).toContain('errors.ftl');
    }
  });

  it('parses the files beside ui.ftl only when a message they hold is first asked for', async () => {
    const parsed: string[] = [];
    vi.doMock('@fluent/bundle', async (original) => {
      const fluent = await original<typeof import('@fluent/bundle')>();
      class CountedResource extends fluent.FluentResource {
        constructor(text: string) {
          super(text);
          parsed.push(text);
        }
      }
      return { ...fluent, FluentResource: CountedResource };
    });
    const { getI18n } = await freshI18n();
    const i18n = getI18n('en');
    expect(i18n.t('nav-inbox')).not.toBe('nav-inbox');
    expect(parsed).toHaveLength(1);
    // A message of orders.ftl: the rest of the catalog is read, once.
    expect(i18n.has('orders-heading')).toBe(true);
    const files = parsed.length;
    expect(files).toBeGreaterThan(5);
    expect(i18n.t('error-unknown')).not.toBe('error-unknown');
    expect(i18n.t('no-such-message')).toBe('no-such-message');
    expect(parsed).toHaveLength(files);
    vi.doUnmock('@fluent/bundle');
  });
});
