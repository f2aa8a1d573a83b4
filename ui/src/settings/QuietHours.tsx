// Quiet hours: a nightly window without alerts, read on the desktop's clock (its zone is shown), with
// the choice to still be told about what falls due inside it.
import { useI18n } from '../i18n';
import { timeToMinutes, type Draft } from './draft';
import { domId, type Problems } from './fields';
import { st } from './text';
import { UnsavedTag } from './Thresholds';

type Props = {
  draft: Draft;
  zone: string;
  changed: boolean;
  problems: Problems;
  onChange: (patch: Partial<Pick<Draft, 'quietEnabled' | 'quietStart' | 'quietEnd' | 'alertDueInside'>>) => void;
};

export function QuietHoursSection({ draft, zone, changed, problems, onChange }: Props) {
  const i18n = useI18n();
  const off = !draft.quietEnabled;
  const start = timeToMinutes(draft.quietStart);
  const end = timeToMinutes(draft.quietEnd);
  // 22:00–07:00 ends the next morning: said, so the seller need not wonder.
  const nextDay = start !== null && end !== null && end < start;
  const zoneId = 'settings-quiet-zone';
  return (
    <section class="settings-section" aria-labelledby="settings-quiet-heading" data-testid="settings-quiet">
      <h2 id="settings-quiet-heading">
        {st(i18n, 'settings-quiet-heading')}
        {changed && <UnsavedTag />}
      </h2>
      <p class="settings-intro">{st(i18n, 'settings-quiet-intro')}</p>
      <label class="settings-check">
        <input
          type="checkbox"
          data-testid="settings-quiet-enabled"
          checked={draft.quietEnabled}
          onChange={(e) => onChange({ quietEnabled: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>{st(i18n, 'settings-quiet-enabled')}</span>
      </label>
      <div class={`settings-quiet-body${off ? ' settings-off' : ''}`} data-field="quiet_hours">
        <div class="settings-quiet-times">
          <div class="field" data-field="quiet_hours.start">
            <label class="field-label" for={domId('quiet_hours.start')}>
              {st(i18n, 'settings-quiet-start')}
            </label>
            <input
              id={domId('quiet_hours.start')}
              type="time"
              class="input settings-time"
              data-testid="settings-quiet-start"
              value={draft.quietStart}
              disabled={off}
              {...problems.attrs(['quiet_hours.start', 'quiet_hours'], zoneId)}
              onInput={(e) => onChange({ quietStart: (e.currentTarget as HTMLInputElement).value })}
            />
            {problems.message('quiet_hours.start')}
          </div>
          <div class="field" data-field="quiet_hours.end">
            <label class="field-label" for={domId('quiet_hours.end')}>
              {st(i18n, 'settings-quiet-end')}
            </label>
            <span class="settings-time-row">
              <input
                id={domId('quiet_hours.end')}
                type="time"
                class="input settings-time"
                data-testid="settings-quiet-end"
                value={draft.quietEnd}
                disabled={off}
                {...problems.attrs(['quiet_hours.end', 'quiet_hours'], nextDay ? `settings-quiet-next-day ${zoneId}` : zoneId)}
                onInput={(e) => onChange({ quietEnd: (e.currentTarget as HTMLInputElement).value })}
              />
              {nextDay && (
                <span id="settings-quiet-next-day" class="field-hint" data-testid="settings-quiet-next-day">
                  {st(i18n, 'settings-quiet-next-day')}
                </span>
              )}
            </span>
            {problems.message('quiet_hours.end')}
          </div>
        </div>
        {problems.message('quiet_hours')}
        <p id={zoneId} class="field-hint" data-testid="settings-quiet-zone">
          {st(i18n, 'settings-quiet-zone', { zone })}
        </p>
        <label class="settings-check">
          <input
            type="checkbox"
            data-testid="settings-quiet-due-inside"
            checked={draft.alertDueInside}
            disabled={off}
            onChange={(e) => onChange({ alertDueInside: (e.currentTarget as HTMLInputElement).checked })}
          />
          <span>{st(i18n, 'settings-quiet-due-inside')}</span>
        </label>
      </div>
    </section>
  );
}
