import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The Fluent catalog lives outside ui/ (shared with the Rust side), so the dev
// server must be allowed to read it.
const locales = fileURLToPath(new URL('../locales', import.meta.url));
const ui = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  base: './',
  clearScreen: false,
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  esbuild: {
    jsx: 'automatic',
    jsxImportSource: 'preact',
  },
  server: {
    port: 1420,
    strictPort: true,
    fs: { allow: [ui, locales] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari15',
    rollupOptions: {
      output: {
        // One chunk per locale's catalog (see loadLocale in src/i18n.ts), not one per file.
        manualChunks(id) {
          const locale = /\/locales\/([^/]+)\/[^/]+\.ftl/.exec(id)?.[1];
          return locale && locale !== 'en' ? `locale-${locale}` : undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Every locale's catalog is read before the tests, as loadLocale would.
    setupFiles: ['src/test/locales.ts'],
  },
});
