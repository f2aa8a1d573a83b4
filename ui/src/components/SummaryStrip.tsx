import { useI18n } from '../i18n';
import type { Summary } from '../urgency';

export function SummaryStrip({ summary }: { summary: Summary }) {
  const i18n = useI18n();
  const tiles = [
    { key: 'overdue', text: i18n.t('summary-overdue', { count: summary.overdue }), hot: summary.overdue > 0 },
    { key: 'soon', text: i18n.t('summary-due-soon', { count: summary.dueSoon }), hot: summary.dueSoon > 0 },
    { key: 'open', text: i18n.t('summary-open', { count: summary.open }), hot: false },
  ];
  return (
    <ul class="summary" data-testid="summary">
      {tiles.map((tile) => (
        <li key={tile.key} class={`summary-tile summary-${tile.key}${tile.hot ? ' hot' : ''}`}>
          <span class="summary-dot" aria-hidden="true" />
          {tile.text}
        </li>
      ))}
    </ul>
  );
}
