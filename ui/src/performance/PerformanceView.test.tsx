import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type uPlot from 'uplot';
import { $, $$, settle, unmount } from '../test/dom';
import { FakeBackend } from '../test/fakeBackend';
import { performancePanel } from '../test/fakeDesk';
import { mountScreen, screenProps } from '../test/screen';
import type { Locale } from '../ipc';
import { buildChart, dayToX, readTheme, type Theme } from './chart';
import { PerformanceView } from './PerformanceView';
import { ensureIntlLanguage } from './Chart';
import { valueFormatter } from './text';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

// uPlot needs a canvas: the fake records what each chart was given.
const made = vi.hoisted(() => [] as { opts: uPlot.Options; data: uPlot.AlignedData; el: HTMLElement }[]);
vi.mock('uplot', () => ({
  default: class {
    constructor(opts: uPlot.Options, data: uPlot.AlignedData, el: HTMLElement) {
      made.push({ opts, data, el });
    }
    setSize() {}
    destroy() {}
  },
}));
vi.mock('uplot/dist/uPlot.min.css', () => ({}));

const NOW = Date.parse('2026-12-01T00:00:00Z');
const THEME: Theme = { line: '#2f5bd3', threshold: '#c4271d', marker: '#1a7a43', pause: '#fff4de', text: '#5d6775', grid: '#e3e6eb', good: '#1a7a43' };
let backend: FakeBackend;

beforeEach(() => {
  backend = new FakeBackend(NOW).install();
  made.length = 0;
});
afterEach(() => unmount());

const TEXT = { locale: 'en', name: 'Order defect rate', thresholdLabel: 'Limit', activationLabel: 'CSBA on', pauseLabel: 'Paused' };

describe('the chart model', () => {
  it('draws the ODR 1 % limit and the 95 % valid-tracking target as their own dashed series', () => {
    const panel = performancePanel();
    const odr = buildChart(panel, 'order_defect_rate', TEXT, THEME);
    expect(odr.threshold).toBe(1);
    expect(odr.data.length).toBe(3);
    expect([...new Set(odr.data[2] as number[])]).toEqual([1]);
    expect(odr.options.series[2]).toMatchObject({ label: 'Limit', stroke: THEME.threshold, dash: [6, 4] });
    const tracking = buildChart(panel, 'valid_tracking_rate', TEXT, THEME);
    expect([...new Set(tracking.data[2] as number[])]).toEqual([95]);
    const response = buildChart(panel, 'response_hours', TEXT, THEME);
    expect(response.threshold).toBeNull();
    expect(response.data.length).toBe(2);
  });

  it('puts weeks in order on a time axis, with gaps for missing values', () => {
    const panel = performancePanel();
    panel.weeks.reverse();
    const fee = buildChart(panel, 'fee_minor', TEXT, THEME);
    const xs = fee.data[0] as number[];
    expect(xs[0]).toBe(dayToX('2026-01-05'));
    expect(xs.every((x, i) => i === 0 || x - xs[i - 1] === 7 * 86_400)).toBe(true);
    expect((fee.data[1] as (number | null)[])[0]).toBeNull();
    expect(fee.options.scales!.x).toMatchObject({ time: true });
    // The week still running (the fixture's last) is a gap, not a drop.
    const odr = buildChart(performancePanel(), 'order_defect_rate', TEXT, THEME).data[1] as (number | null)[];
    expect(odr[odr.length - 1]).toBeNull();
    expect(odr[odr.length - 2]).toBe(0.62);
  });

  it('marks the activation day and the pauses on the plotting area (the drawAxes hook)', () => {
    const model = buildChart(performancePanel(), 'a_to_z_claim_rate', TEXT, THEME);
    expect(model.activation).toBe(dayToX('2026-06-08'));
    expect(model.pauses).toEqual([{ from: dayToX('2026-08-03'), to: dayToX('2026-08-17') }]);
    const calls: [string, unknown[]][] = [];
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (t, k: string) => t[k] ?? ((...args: unknown[]) => calls.push([k, args])),
      set: (t, k: string, v) => ((t[k] = v), true),
    });
    const fake = { ctx, bbox: { top: 10, height: 100, left: 0, width: 500 }, valToPos: (v: number) => v / 86_400 } as unknown as uPlot;
    model.options.hooks!.drawAxes![0]!(fake);
    const x = dayToX('2026-06-08') / 86_400;
    expect(calls).toContainEqual(['moveTo', [x, 10]]);
    expect(calls).toContainEqual(['lineTo', [x, 110]]);
    expect(calls).toContainEqual(['fillText', ['CSBA on', x + 4, 24]]);
    expect(calls.find(([k]) => k === 'fillRect')![1]).toEqual([dayToX('2026-08-03') / 86_400, 10, 14, 100]);
    expect(ctx.strokeStyle).toBe(THEME.marker);
  });

  it('labels axes and values in the seller’s locale and the marketplace’s currency', () => {
    const model = buildChart(performancePanel(), 'fee_minor', { ...TEXT, locale: 'ja' }, THEME);
    const axisX = model.options.axes![0].values as (u: uPlot, s: number[]) => string[];
    expect(axisX({} as uPlot, [dayToX('2026-06-08')])).toEqual(['6月8日']);
    const axisY = model.options.axes![1].values as (u: uPlot, s: number[]) => string[];
    expect(axisY({} as uPlot, [57600])).toEqual(['￥57,600']);
    expect(valueFormatter('en', 'fee_minor', 'USD')(1234)).toBe('$12.34');
    expect(valueFormatter('de', 'order_defect_rate', 'EUR')(0.62)).toMatch(/^0,62\s%$/);
    expect(valueFormatter('en', 'response_hours', 'USD')(2)).toBe('2 hr');
  });

  it('takes its colours from the theme’s CSS variables', () => {
    document.documentElement.style.setProperty('--accent', '#123456');
    document.documentElement.style.setProperty('--red', '#abcdef');
    const theme = readTheme();
    expect(theme.line).toBe('#123456');
    expect(theme.threshold).toBe('#abcdef');
    const model = buildChart(performancePanel(), 'order_defect_rate', TEXT, theme);
    expect(model.options.series[1].stroke).toBe('#123456');
    document.documentElement.style.removeProperty('--accent');
    document.documentElement.style.removeProperty('--red');
  });
});

async function open(locale: Locale = 'en') {
  return mountScreen(<PerformanceView {...screenProps(NOW, { view: { name: 'performance' } })} />, { name: 'performance' }, locale);
}

describe('loading uPlot', () => {
  it('gives Intl a language it accepts when the process runs in the C locale', () => {
    const nav = { language: 'C' } as Navigator;
    ensureIntlLanguage(nav, 'ja');
    expect(nav.language).toBe('ja');
    const fine = { language: 'ko-KR' } as Navigator;
    ensureIntlLanguage(fine, 'ja');
    expect(fine.language).toBe('ko-KR');
  });
});

describe('the performance screen', () => {
  it('draws a panel per store and marketplace: seven charts, the activation day, pauses, the before/after table', async () => {
    backend.desk.panels = [performancePanel(), performancePanel({ marketplace: 'US', currency: 'USD', activated_on: null, paused: [], comparison: null })];
    const el = await open();
    await settle();
    const jp = $(el, 'performance-panel-1-JP');
    expect($(jp, 'activation-marker').textContent).toBe('CSBA active since Jun 8, 2026');
    expect($$(jp, 'pause-marker')[0].textContent).toBe('Paused Aug 3, 2026 – Aug 17, 2026');
    for (const m of ['response_hours', 'a_to_z_claim_rate', 'negative_feedback_rate', 'order_defect_rate', 'valid_tracking_rate', 'contacts_per_unit', 'fee_minor']) {
      expect($$(jp, `chart-${m}`).length).toBe(1);
    }
    expect($(jp, 'chart-order_defect_rate').getAttribute('aria-label')).toBe('Order defect rate, week by week; latest complete week: 0.62%');
    const table = $(jp, 'comparison-table');
    expect($(table, 'comparison-a_to_z_claim_rate').textContent).toMatch(/^A-to-z claim rate0\.5%0\.29%[-−]42% better$/);
    expect($(table, 'comparison-response_seconds').textContent).toMatch(/^Response time to buyers12 hr20 min/);
    const us = $(el, 'performance-panel-1-US');
    expect(us.querySelector('[data-testid="activation-marker"]')).toBeNull();
    expect(made.length).toBe(14);
    const odr = made.find((c) => c.el === $(jp, 'chart-order_defect_rate'))!;
    expect(odr.opts.width).toBeGreaterThan(0);
    expect(odr.opts.height).toBe(200);
    expect(odr.opts.series[2].label).toBe('Account health limit: under 1%');
  });

  it('speaks the seller’s language, dates and numbers included', async () => {
    backend.desk.panels = [performancePanel()];
    const el = await open('ko');
    await settle();
    expect($(el, 'activation-marker').textContent).toBe('2026년 6월 8일부터 CSBA 사용 중');
    expect($(el, 'comparison-table').textContent).toContain('개선');
  });

  it('says so when there is nothing to show', async () => {
    const el = await open();
    expect($(el, 'performance-empty')).toBeTruthy();
  });
});
