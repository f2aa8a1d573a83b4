// The window and start-up: whether closing the window keeps the app in the tray (saved with the
// form; not offered without a tray, and the reason is said), and launching at login (applies at once;
// not offered where the platform has no way).
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { Draft } from './draft';
import { setAutostart } from './ipc';
import { reasonText, st } from './text';
import { UnsavedTag } from './Thresholds';
import type { AlertSettingsScreen, DesktopSupport } from './types';

type Props = {
  draft: Draft;
  desktop: DesktopSupport;
  changed: boolean;
  onChange: (closeToTray: boolean) => void;
  onScreen: (screen: AlertSettingsScreen) => void;
};

export function WindowOptions({ draft, desktop, changed, onChange, onScreen }: Props) {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const tray = desktop.tray;

  const toggleAutostart = async (box: HTMLInputElement) => {
    const enabled = box.checked;
    if (busy) {
      box.checked = !enabled;
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onScreen(await setAutostart(enabled));
    } catch (e) {
      // The box shows what is in effect, not what was asked for.
      box.checked = !enabled;
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="settings-section" aria-labelledby="settings-window-heading" data-testid="settings-window">
      <h2 id="settings-window-heading">
        {st(i18n, 'settings-window-heading')}
        {changed && <UnsavedTag />}
      </h2>
      <p
        id="settings-tray-state"
        class={`settings-state ${tray.available ? 'settings-state-ok' : 'settings-state-warn'}`}
        data-testid="settings-tray-state"
        data-available={tray.available ? 'true' : 'false'}
      >
        {tray.available ? st(i18n, 'settings-tray-available') : reasonText(i18n, tray.reason)}
      </p>
      <label class={`settings-check${tray.available ? '' : ' settings-off'}`}>
        <input
          type="checkbox"
          data-testid="settings-close-to-tray"
          checked={tray.available && draft.closeToTray}
          disabled={!tray.available}
          aria-describedby={tray.available ? 'settings-close-to-tray-hint' : 'settings-tray-state'}
          onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{st(i18n, 'settings-close-to-tray')}</span>
      </label>
      {tray.available && (
        <p id="settings-close-to-tray-hint" class="field-hint settings-check-hint">
          {st(i18n, 'settings-close-to-tray-hint')}
        </p>
      )}
      <label class={`settings-check${desktop.autostart === null ? ' settings-off' : ''}`}>
        <input
          type="checkbox"
          data-testid="settings-autostart"
          checked={desktop.autostart === true}
          disabled={desktop.autostart === null}
          aria-describedby="settings-autostart-hint"
          aria-busy={busy ? 'true' : undefined}
          onChange={(e) => void toggleAutostart(e.currentTarget as HTMLInputElement)}
        />
        <span>{st(i18n, 'settings-autostart')}</span>
      </label>
      <p id="settings-autostart-hint" class="field-hint settings-check-hint" data-testid="settings-autostart-hint">
        {desktop.autostart === null ? st(i18n, 'settings-autostart-unavailable') : st(i18n, 'settings-applies-at-once')}
      </p>
      {error != null && (
        <p class="field-error" role="alert" data-testid="settings-autostart-error">
          {i18n.error(error)}
        </p>
      )}
    </section>
  );
}
