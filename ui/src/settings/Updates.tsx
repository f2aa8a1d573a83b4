// Updates: this version, when it last asked for a newer one, where the updater is, and the one button
// the Rust side allows now (check, install and restart, or none while busy). A refusal is said with its
// code's message right under the state it belongs to; an update whose signature does not match the
// app's key is refused there, before anything is installed.
import { useEffect, useState } from 'preact/hooks';
import type { I18n } from '../i18n';
import { useI18n } from '../i18n';
import { checkForUpdate, getUpdateState, installUpdate, onUpdateChanged } from './ipc';
import { st } from './text';
import type { UpdatePhase, UpdateState } from './types';

/** What the phase says, in the seller's words (the error of a failed phase is said on its own). */
function phaseText(i18n: I18n, phase: UpdatePhase): string {
  switch (phase.kind) {
    case 'idle':
      return st(i18n, 'settings-updates-idle');
    case 'checking':
      return st(i18n, 'settings-updates-checking');
    case 'up-to-date':
      return st(i18n, 'settings-updates-up-to-date');
    case 'available':
      return st(i18n, 'settings-updates-available', { version: phase.version });
    case 'downloading':
      return phase.total
        ? st(i18n, 'settings-updates-downloading-percent', {
            version: phase.version,
            percent: Math.min(100, Math.floor((phase.received * 100) / phase.total)),
          })
        : st(i18n, 'settings-updates-downloading', { version: phase.version });
    case 'installing':
      return st(i18n, 'settings-updates-installing', { version: phase.version });
    case 'failed':
      return phase.version ? st(i18n, 'settings-updates-not-installed', { version: phase.version }) : st(i18n, 'settings-updates-check-failed');
  }
}

export function UpdatesSection() {
  const i18n = useI18n();
  const [state, setState] = useState<UpdateState | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    let unlisten: (() => void) | undefined;
    getUpdateState()
      .then((s) => !cancelled && setState(s))
      .catch((e) => !cancelled && setError(e));
    // Progress and the automatic checks' results come as events.
    onUpdateChanged((s) => !cancelled && setState(s))
      .then((u) => (cancelled ? u?.() : (unlisten = u)))
      .catch(() => undefined);
    return () => {
      cancelled = true;
      unlisten?.();
    };
  }, []);

  const busy = !state || state.action === 'none';
  const act = async () => {
    if (busy) return;
    setError(null);
    try {
      setState(await (state.action === 'install-and-restart' ? installUpdate() : checkForUpdate()));
    } catch (e) {
      setError(e);
    }
  };

  const phase = state?.phase;
  const tone = phase?.kind === 'failed' ? 'warn' : phase?.kind === 'available' ? 'ok' : 'muted';
  return (
    <section class="settings-section" aria-labelledby="settings-updates-heading" data-testid="settings-updates">
      <h2 id="settings-updates-heading">{st(i18n, 'settings-updates-heading')}</h2>
      <p class="settings-intro">{st(i18n, 'settings-updates-intro')}</p>
      {state && (
        <dl class="settings-updates-facts">
          <dt>{st(i18n, 'settings-updates-version')}</dt>
          <dd data-testid="settings-update-version">{state.current_version}</dd>
          <dt>{st(i18n, 'settings-updates-last-check')}</dt>
          <dd data-testid="settings-update-last-check">
            {state.last_checked ? i18n.dateTime(state.last_checked) : st(i18n, 'settings-updates-never-checked')}
          </dd>
        </dl>
      )}
      {phase && (
        <p
          class={`settings-state settings-state-${tone}`}
          data-testid="settings-update-state"
          data-phase={phase.kind}
          role="status"
          aria-live="polite"
        >
          {phaseText(i18n, phase)}
        </p>
      )}
      {phase?.kind === 'failed' && (
        <p class="field-error" role="alert" data-testid="settings-update-error" data-code={phase.error.code}>
          {i18n.error(phase.error)}
        </p>
      )}
      {phase?.kind === 'available' && phase.notes && (
        <div class="settings-update-notes" data-testid="settings-update-notes">
          <h3>{st(i18n, 'settings-updates-notes')}</h3>
          {/* Release notes are text from the manifest: shown as text, never as HTML. */}
          <p>{phase.notes}</p>
        </div>
      )}
      <div class="settings-actions">
        {/* One button whose words follow the allowed action, so the keyboard stays on it; while busy it is
            aria-disabled (still focusable) rather than disabled. */}
        <button
          type="button"
          class={`button${state?.action === 'install-and-restart' ? ' primary' : ''}`}
          data-testid="settings-update-action"
          data-action={state?.action ?? 'none'}
          aria-disabled={busy ? 'true' : undefined}
          aria-busy={phase && ['checking', 'downloading', 'installing'].includes(phase.kind) ? 'true' : undefined}
          onClick={() => void act()}
        >
          {state?.action === 'install-and-restart' ? st(i18n, 'settings-updates-install') : st(i18n, 'settings-updates-check')}
        </button>
      </div>
      {error != null && (
        <p class="field-error" role="alert" data-testid="settings-update-call-error">
          {i18n.error(error)}
        </p>
      )}
    </section>
  );
}
