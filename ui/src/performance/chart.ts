// The model of one performance chart, built without a DOM so it can be tested: uPlot's data and
// options (series, axes in the seller's locale, colours from the theme), the account-health
// threshold drawn as its own dashed series, and the activation day and pauses drawn by a hook.
import type uPlot from 'uplot';
import type { PerformancePanel } from '../ipc';
import { higherIsBetter, unitOf, valueFormatter, type Metric } from './text';

/** The colours a chart takes from styles.css (light or dark palette). */
export type Theme = { line: string; threshold: string; marker: string; pause: string; text: string; grid: string; good: string };

/** The CSS custom properties each theme colour reads. */
export const THEME_VARS: Record<keyof Theme, string> = {
  line: '--accent',
  threshold: '--red',
  marker: '--green',
  pause: '--amber-soft',
  text: '--text-muted',
  grid: '--border',
  good: '--green',
};

/** The theme as the document's CSS says now (it follows prefers-color-scheme). */
export function readTheme(el: Element = document.documentElement): Theme {
  const style = getComputedStyle(el);
  const out = {} as Theme;
  for (const [k, v] of Object.entries(THEME_VARS) as [keyof Theme, string][]) out[k] = style.getPropertyValue(v).trim() || 'currentColor';
  return out;
}

const DAY_S = 86_400;
/** A calendar day `YYYY-MM-DD` as uPlot's x (seconds, UTC midnight). */
export const dayToX = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / 1000;

export type ChartModel = {
  metric: Metric;
  data: uPlot.AlignedData;
  /** uPlot's options without width and height (the component sizes them). */
  options: Omit<uPlot.Options, 'width' | 'height'>;
  /** The account-health line drawn across the chart, in the metric's unit (null: none). */
  threshold: number | null;
  /** x of the day CSBA became active (null: never), and of each pause (`to` null: still paused). */
  activation: number | null;
  pauses: { from: number; to: number | null }[];
  /** The latest complete week's value, for the chart's accessible name. */
  latest: number | null;
};

export type ChartText = {
  locale: string;
  /** The metric's name (series label). */
  name: string;
  /** The threshold's label, e.g. "Limit 1 %" (when the metric has one). */
  thresholdLabel: string;
  activationLabel: string;
  pauseLabel: string;
  /** The x series' name in the legend ("Week of"). */
  weekLabel?: string;
};

const valueOf = (w: PerformancePanel['weeks'][number], metric: Metric): number | null => {
  const v = w[metric];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

export function thresholdOf(panel: PerformancePanel, metric: Metric): number | null {
  if (metric === 'order_defect_rate') return panel.odr_limit_percent;
  if (metric === 'valid_tracking_rate') return panel.valid_tracking_target_percent;
  return null;
}

export function buildChart(panel: PerformancePanel, metric: Metric, text: ChartText, theme: Theme): ChartModel {
  const weeks = [...panel.weeks].sort((a, b) => a.week_start.localeCompare(b.week_start));
  const xs = weeks.map((w) => dayToX(w.week_start));
  // The week still running is left out of the line: its counts are partial and would read as a drop.
  const ys = weeks.map((w) => (w.complete ? valueOf(w, metric) : null));
  const threshold = thresholdOf(panel, metric);
  const activation = panel.activated_on ? dayToX(panel.activated_on) : null;
  const pauses = panel.paused.map((p) => ({ from: dayToX(p.from), to: p.to ? dayToX(p.to) : null }));
  const format = valueFormatter(text.locale, metric, panel.currency, panel.currency_exponent);
  const dates = new Intl.DateTimeFormat(text.locale, { timeZone: 'UTC', month: 'short', day: 'numeric' });
  const months = new Intl.DateTimeFormat(text.locale, { timeZone: 'UTC', year: 'numeric', month: 'short' });
  const latest = [...weeks].reverse().find((w) => w.complete && valueOf(w, metric) !== null);

  const data: uPlot.AlignedData = threshold === null ? [xs, ys] : [xs, ys, xs.map(() => threshold)];
  const series: uPlot.Series[] = [
    { label: text.weekLabel ?? '', value: (_u, v) => (v == null ? '–' : dates.format(v * 1000)) },
    {
      label: text.name,
      stroke: theme.line,
      width: 2,
      spanGaps: false,
      points: { show: weeks.length <= 60, size: 4, stroke: theme.line, fill: theme.line },
      value: (_u, v) => (v == null ? '–' : format(v)),
    },
  ];
  if (threshold !== null) {
    series.push({ label: text.thresholdLabel, stroke: theme.threshold, width: 1.5, dash: [6, 4], points: { show: false }, value: () => format(threshold) });
  }

  // The activation day and the pauses, drawn under the lines on the plotting area.
  const drawMarkers = (u: uPlot) => {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    ctx.save();
    for (const p of pauses) {
      const x0 = u.valToPos(p.from, 'x', true);
      const x1 = u.valToPos(p.to ?? (xs[xs.length - 1] ?? p.from) + 7 * DAY_S, 'x', true);
      ctx.fillStyle = theme.pause;
      ctx.fillRect(Math.min(x0, x1), top, Math.abs(x1 - x0), height);
    }
    if (activation !== null) {
      const x = u.valToPos(activation, 'x', true);
      ctx.strokeStyle = theme.marker;
      ctx.lineWidth = 2 * (typeof devicePixelRatio === 'number' ? devicePixelRatio : 1);
      ctx.setLineDash([]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      ctx.fillStyle = theme.marker;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      ctx.font = `${12 * (typeof devicePixelRatio === 'number' ? devicePixelRatio : 1)}px sans-serif`;
      ctx.fillText(text.activationLabel, x + 4, top + 14);
    }
    ctx.restore();
  };

  const unit = unitOf(metric);
  const options: ChartModel['options'] = {
    series,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true },
      y: {
        range: (_u, min, max) => {
          const lo = Math.min(min ?? 0, threshold ?? Infinity, 0);
          let hi = Math.max(max ?? 0, threshold ?? -Infinity);
          if (unit === 'percent' && higherIsBetter(metric)) hi = Math.max(hi, 100);
          if (!(hi > lo)) hi = lo + 1;
          return [lo, hi + (hi - lo) * 0.08];
        },
      },
    },
    axes: [
      {
        stroke: theme.text,
        grid: { stroke: theme.grid, width: 1 },
        ticks: { stroke: theme.grid },
        values: (_u, splits) => splits.map((s) => (s == null ? '' : (splits.length > 8 ? months : dates).format(s * 1000))),
      },
      {
        stroke: theme.text,
        grid: { stroke: theme.grid, width: 1 },
        ticks: { stroke: theme.grid },
        size: 64,
        values: (_u, splits) => splits.map((s) => (s == null ? '' : format(s))),
      },
    ],
    hooks: { drawAxes: [drawMarkers] },
  };
  return { metric, data, options, threshold, activation, pauses, latest: latest ? valueOf(latest, metric) : null };
}
