// Pausing alerts: for an hour or until tomorrow morning, or resuming them. It applies at once (it is
// not part of Save); what crosses a threshold meanwhile is told when alerts resume.
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { parseTimestamp } from '../time';
import { snoozeAlerts } from './ipc';
import { st } from './text';
import type { AlertSettingsScreen, SnoozeChoice } from './types';

type Props = {
  snoozedUntil: string | null;
  /** Local time in ms, to tell a pause that already ended. */
  now: number;
  onScreen: (screen: AlertSettingsScreen) => void;
};

export function PauseSection({ snoozedUntil, now, onScreen }: Props) {
  const i18n = useI18n();
  const [busy, setBusy] = useState<SnoozeChoice | null>(null);
  const [error, setError] = useState<unknown>(null);
  const hourButton = useRef<HTMLButtonElement>(null);
  const paused = snoozedUntil !== null && parseTimestamp(snoozedUntil) > now;

  const choose = async (choice: SnoozeChoice) => {
    if (busy) return;
    setBusy(choice);
    setError(null);
    try {
      onScreen(await snoozeAlerts(choice));
      // "Resume" goes away once alerts are on: the keyboard goes on from the first choice.
      if (choice === 'off') hourButton.current?.focus();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="settings-section" aria-labelledby="settings-pause-heading" data-testid="settings-pause">
      <h2 id="settings-pause-heading">{st(i18n, 'settings-pause-heading')}</h2>
      <p class="settings-intro">{st(i18n, 'settings-pause-intro')}</p>
      <p class={`settings-state ${paused ? 'settings-state-warn' : 'settings-state-ok'}`} data-testid="settings-snooze-state" aria-live="polite">
        {paused ? st(i18n, 'settings-paused-until', { time: i18n.time(snoozedUntil!, now) }) : st(i18n, 'settings-not-paused')}
      </p>
      <div class="settings-actions" aria-busy={busy !== null ? "true" : undefined}>
        <button ref={hourButton} type="button" class="button" data-testid="settings-snooze-hour" onClick={() => void choose('one_hour')}>
          {st(i18n, 'settings-snooze-hour')}
        </button>
        <button type="button" class="button" data-testid="settings-snooze-morning" onClick={() => void choose('until_tomorrow_morning')}>
          {st(i18n, 'settings-snooze-morning')}
        </button>
        {paused && (
          <button type="button" class="button primary" data-testid="settings-snooze-off" onClick={() => void choose('off')}>
            {st(i18n, 'settings-snooze-off')}
          </button>
        )}
      </div>
      {error != null && (
        <p class="field-error" role="alert" data-testid="settings-snooze-error">
          {i18n.error(error)}
        </p>
      )}
    </section>
  );
}
