import { useEffect, useMemo, useState } from 'preact/hooks';
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n';
import { getPerformanceScreen, type MetricChange, type PerformancePanel } from '../ipc';
import type { ScreenProps } from '../screens';
import { useScreenData } from '../screenData';
import '../returns/returns.css';
import './performance.css';
import { Chart } from './Chart';
import { buildChart, readTheme, type Theme } from './chart';
import { METRICS, dayFormatter, metricName, pf, valueFormatter } from './text';

/** The theme now, read again when the OS switches between light and dark. */
function useTheme(): Theme {
  const [theme, setTheme] = useState<Theme>(() => readTheme());
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const on = () => setTheme(readTheme());
    mq.addEventListener?.('change', on);
    return () => mq.removeEventListener?.('change', on);
  }, []);
  return theme;
}

/** "Does CSBA pay off?": per store × marketplace, weekly charts with the activation day, pauses and thresholds, and a before/after table. */
export function PerformanceView({ filter, accounts, revision }: ScreenProps) {
  const i18n = useI18n();
  const { data, error, reload: load } = useScreenData(getPerformanceScreen, filter, revision);
  const theme = useTheme();

  const names = new Map(accounts.map((a) => [a.id, a.display_name]));
  return (
    <section class="performance" data-testid="performance-screen" aria-labelledby="performance-heading">
      <ScreenFrame
        headingId="performance-heading"
        heading={pf(i18n, 'performance-heading')}
        sub={pf(i18n, 'performance-subheading')}
        errorTestid="performance-error"
        error={error}
        onRetry={() => void load()}
        data={data}
      >
        {(data) =>
          data.panels.length === 0 ? (
            <p class="empty-line" data-testid="performance-empty">
              {pf(i18n, 'performance-empty')}
            </p>
          ) : (
            data.panels.map((p) => <Panel key={`${p.account_id}-${p.marketplace}`} panel={p} store={names.get(p.account_id) ?? ''} theme={theme} />)
          )
        }
      </ScreenFrame>
    </section>
  );
}

function Panel({ panel, store, theme }: { panel: PerformancePanel; store: string; theme: Theme }) {
  const i18n = useI18n();
  const day = dayFormatter(i18n.locale, true);
  const models = useMemo(
    () =>
      METRICS.map((m) =>
        buildChart(
          panel,
          m,
          {
            locale: i18n.locale,
            name: metricName(i18n, m),
            thresholdLabel:
              m === 'order_defect_rate'
                ? pf(i18n, 'performance-odr-limit', { percent: valueFormatter(i18n.locale, m, panel.currency)(panel.odr_limit_percent) })
                : pf(i18n, 'performance-tracking-target', {
                    percent: valueFormatter(i18n.locale, m, panel.currency)(panel.valid_tracking_target_percent),
                  }),
            activationLabel: pf(i18n, 'performance-activation-short'),
            weekLabel: pf(i18n, 'performance-week-of'),
            pauseLabel: pf(i18n, 'performance-paused-short'),
          },
          theme,
        ),
      ),
    [panel, i18n, theme],
  );
  const id = `perf-${panel.account_id}-${panel.marketplace}`;
  return (
    <section class="perf-panel" data-testid={`performance-panel-${panel.account_id}-${panel.marketplace}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{pf(i18n, 'performance-panel-heading', { store, marketplace: panel.marketplace })}</h2>
      <p class="perf-markers">
        {panel.activated_on ? (
          <span class="perf-activation" data-testid="activation-marker" data-date={panel.activated_on}>
            <span class="perf-swatch perf-swatch-activation" aria-hidden="true" />
            {pf(i18n, 'performance-activated', { date: day(panel.activated_on) })}
          </span>
        ) : (
          <span>{pf(i18n, 'performance-never-active')}</span>
        )}
        {panel.paused.map((s) => (
          <span key={s.from} class="perf-pause" data-testid="pause-marker">
            <span class="perf-swatch perf-swatch-pause" aria-hidden="true" />
            {s.to
              ? pf(i18n, 'performance-paused', { from: day(s.from), to: day(s.to) })
              : pf(i18n, 'performance-paused-since', { from: day(s.from) })}
          </span>
        ))}
      </p>
      {panel.comparison ? <ComparisonTable panel={panel} /> : <p class="empty-line">{pf(i18n, 'performance-no-comparison')}</p>}
      {panel.weeks.length === 0 ? (
        <p class="empty-line">{pf(i18n, 'performance-no-weeks')}</p>
      ) : (
        <div class="perf-charts">
          {models.map((m) => {
            const name = metricName(i18n, m.metric);
            const fmt = valueFormatter(i18n.locale, m.metric, panel.currency, panel.currency_exponent);
            const label = pf(i18n, 'performance-chart-label', {
              metric: name,
              value: m.latest === null ? '–' : fmt(m.latest),
            });
            return (
              <figure key={m.metric} class="perf-chart">
                <figcaption>
                  {name}
                  {m.threshold !== null && (
                    <span class="perf-threshold">
                      {m.metric === 'order_defect_rate'
                        ? pf(i18n, 'performance-odr-limit', { percent: fmt(m.threshold) })
                        : pf(i18n, 'performance-tracking-target', { percent: fmt(m.threshold) })}
                    </span>
                  )}
                </figcaption>
                <Chart model={m} label={label} testid={`chart-${m.metric}`} />
              </figure>
            );
          })}
        </div>
      )}
    </section>
  );
}

/** The plain before/after table: 13 weeks before activation against the last 13 complete weeks. */
function ComparisonTable({ panel }: { panel: PerformancePanel }) {
  const i18n = useI18n();
  const c = panel.comparison!;
  const day = dayFormatter(i18n.locale, true);
  const show = (row: MetricChange, v: string | null) => {
    if (v === null) return '–';
    const n = Number(v);
    return Number.isFinite(n) ? valueFormatter(i18n.locale, row.metric, panel.currency, panel.currency_exponent)(n) : v;
  };
  const change = (row: MetricChange) => {
    if (row.change_percent === null) return '–';
    const n = Number(row.change_percent);
    if (!Number.isFinite(n)) return row.change_percent;
    return new Intl.NumberFormat(i18n.locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(n / 100);
  };
  return (
    <div class="table-wrap">
      <table class="data-table perf-table" data-testid="comparison-table">
        <caption>{pf(i18n, 'performance-comparison-heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{pf(i18n, 'performance-col-metric')}</th>
            <th scope="col">{pf(i18n, 'performance-col-before', { from: day(c.before_from), to: day(c.before_to) })}</th>
            <th scope="col">{pf(i18n, 'performance-col-after', { from: day(c.after_from), to: day(c.after_to) })}</th>
            <th scope="col">{pf(i18n, 'performance-col-change')}</th>
          </tr>
        </thead>
        <tbody>
          {c.rows.map((row) => (
            <tr key={row.metric} data-testid={`comparison-${row.metric}`} data-better={row.better === null ? 'unknown' : String(row.better)}>
              <th scope="row">{metricName(i18n, row.metric)}</th>
              <td class="num">{show(row, row.before)}</td>
              <td class="num">{show(row, row.after)}</td>
              <td class={`num ${row.better === true ? 'perf-better' : row.better === false ? 'perf-worse' : ''}`}>
                {change(row)}
                {row.better !== null && (
                  <span class="perf-verdict"> {row.better ? pf(i18n, 'performance-better') : pf(i18n, 'performance-worse')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

