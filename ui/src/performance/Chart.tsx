import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import type { ChartModel } from './chart';

export const CHART_HEIGHT = 200;

type UPlotClass = typeof uPlot;
let loading: Promise<UPlotClass> | null = null;

/**
 * uPlot formats numbers with `navigator.language` when it loads, and a process started with the C
 * locale (LANG=C, as under Xvfb) reports "C", which Intl refuses: the module would fail to load
 * and every chart stay blank. The app's own language stands in then (our axes are formatted by
 * the seller's locale anyway).
 */
export function ensureIntlLanguage(nav: Navigator = navigator, fallback = document.documentElement.lang || 'en'): void {
  try {
    new Intl.NumberFormat(nav.language);
  } catch {
    try {
      Object.defineProperty(nav, 'language', { value: fallback, configurable: true });
    } catch {
      // Nothing else to do: the charts stay blank, the table still says the figures.
    }
  }
}

/** uPlot, loaded with the first chart (its own chunk; it reads window.matchMedia when it loads). */
export function loadUPlot(): Promise<UPlotClass> {
  if (!loading) {
    ensureIntlLanguage();
    loading = Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => m.default);
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** One uPlot chart, sized to its container and rebuilt when its model (data, theme, locale) changes. */
export function Chart({ model, label, testid }: { model: ChartModel; label: string; testid: string }) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const width = () => Math.max(280, Math.floor(el.clientWidth || 560));
    let plot: uPlot | null = null;
    let ro: ResizeObserver | null = null;
    let live = true;
    loadUPlot().then(
      (UPlot) => {
        if (!live) return;
        try {
          // Weeks are calendar days of the marketplace: ticks and labels on UTC days, whatever the computer's zone.
          const tzDate = (ts: number) => UPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');
          plot = new UPlot({ ...model.options, tzDate, width: width(), height: CHART_HEIGHT }, model.data, el);
        } catch {
          // No canvas (a test DOM): the figure keeps its accessible name and the table says the figures.
          plot = null;
          return;
        }
        if (typeof ResizeObserver !== 'undefined') {
          ro = new ResizeObserver(() => plot?.setSize({ width: width(), height: CHART_HEIGHT }));
          ro.observe(el);
        }
      },
      () => undefined,
    );
    return () => {
      live = false;
      ro?.disconnect();
      plot?.destroy();
    };
  }, [model]);
  return <div ref={root} class="chart" data-testid={testid} role="img" aria-label={label} />;
}
