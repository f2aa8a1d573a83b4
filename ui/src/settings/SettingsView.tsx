// The settings screen: deadline alerts per kind, quiet hours, pausing, the window, the language and
// desktop notifications, and updates. Alert settings are saved explicitly (Save, or Ctrl+S / Enter in a field),
// with unsaved changes marked and each refusal of the Rust side shown at its field; pausing, launch
// at login, the language and the test notification apply at once.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ScreenFrame } from '../components/ScreenFrame';
import { useI18n } from '../i18n';
import { errorField } from '../ipc';
import { ALL } from '../nav/route';
import type { ScreenProps } from '../screens';
import { useScreenData } from '../screenData';
import { changes, draftOf, settingsOf, type Draft } from './draft';
import { problemsOf } from './fields';
import { getAlertSettings, setAlertSettings } from './ipc';
import { LanguageSection } from './Language';
import { NotificationsSection } from './Notifications';
import { PauseSection } from './Pause';
import { QuietHoursSection } from './QuietHours';
import { st } from './text';
import { Thresholds } from './Thresholds';
import { UpdatesSection } from './Updates';
import type { AlertSettingsScreen } from './types';
import { WindowOptions } from './WindowOptions';
import './settings.css';

const loadScreen = () => getAlertSettings();

export function SettingsView({ now }: ScreenProps) {
  const i18n = useI18n();
  // Settings do not follow the replica or the filter: read once (and on retry).
  const { data, error, reload } = useScreenData(loadScreen, ALL, 0);
  // What a command answered since (a save, a pause, launch at login) replaces what was read.
  const [answered, setAnswered] = useState<AlertSettingsScreen | null>(null);
  return (
    <section class="settings" data-testid="settings-screen" aria-labelledby="settings-heading">
      <ScreenFrame
        headingId="settings-heading"
        heading={st(i18n, 'settings-heading')}
        sub={st(i18n, 'settings-subheading')}
        errorTestid="settings-load-error"
        error={error}
        onRetry={() => void reload()}
        data={answered ?? data}
      >
        {(screen) => <SettingsForm screen={screen} now={now} onScreen={setAnswered} />}
      </ScreenFrame>
    </section>
  );
}

type FormProps = { screen: AlertSettingsScreen; now: number; onScreen: (s: AlertSettingsScreen) => void };

/** What the Rust side refused the last save with (its text is formed when drawn: the language may change). */
type Refusal = { field: string | null; error: unknown };

/** Whether the form draws `field` (a refusal elsewhere, or without a field, is said next to Save). */
function shownAt(field: string, d: Draft): boolean {
  const m = /^thresholds\.([a-z_]+)(?:\.(\d+))?$/.exec(field);
  if (m) {
    const items = (d.thresholds as Record<string, unknown[] | undefined>)[m[1]];
    return items !== undefined && (m[2] === undefined || Number(m[2]) < items.length);
  }
  return d.quietEnabled && (field === 'quiet_hours' || field === 'quiet_hours.start' || field === 'quiet_hours.end');
}

function SettingsForm({ screen, now, onScreen }: FormProps) {
  const i18n = useI18n();
  const [saved, setSaved] = useState<Draft>(() => draftOf(screen.settings, screen.defaults));
  const [draft, setDraft] = useState<Draft>(saved);
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const focusNext = useRef<string | null>(null);

  const parsed = useMemo(() => settingsOf(draft), [draft]);
  const changed = useMemo(() => changes(draft, saved), [draft, saved]);

  // What is wrong where: input that cannot be read (once the seller tried to save), then what the Rust side refused.
  const messages = useMemo(() => {
    const m = new Map<string, string>();
    if (tried) for (const [field, id] of Object.entries(parsed.errors)) m.set(field, st(i18n, id));
    if (refusal?.field && !m.has(refusal.field)) m.set(refusal.field, i18n.error(refusal.error));
    return m;
  }, [tried, parsed.errors, refusal, i18n]);
  const problems = problemsOf(messages);
  const placed = refusal?.field ? shownAt(refusal.field, draft) : false;

  const keepFocus = useRef<Element | null>(null);

  useLayoutEffect(() => {
    const id = focusNext.current;
    focusNext.current = null;
    if (id) document.getElementById(id)?.focus();
    const kept = keepFocus.current;
    keepFocus.current = null;
    // Drawn in the saved order, an input may have moved (and a browser blurs an element it moves).
    if (kept instanceof HTMLElement && kept.isConnected && document.activeElement !== kept) kept.focus();
  });

  const focusField = (field: string) => {
    const holder = form.current?.querySelector(`[data-field="${field}"]`);
    holder?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), button:not([disabled])')?.focus();
  };

  /** An edit: a refusal about the part edited no longer stands (its indices may have moved). */
  const edit = (next: (d: Draft) => Draft, about: string) => {
    setJustSaved(false);
    setDraft(next);
    setRefusal((r) => (r?.field && (r.field === about || r.field.startsWith(`${about}.`)) ? null : r));
  };

  const save = async (e?: Event) => {
    e?.preventDefault();
    if (saving) return;
    setTried(true);
    setJustSaved(false);
    const { settings, errors } = parsed;
    if (!settings) {
      // Once the messages are drawn, so the field is announced with its message.
      const first = Object.keys(errors)[0];
      if (first) setTimeout(() => focusField(first), 0);
      return;
    }
    setSaving(true);
    setRefusal(null);
    try {
      const next = await setAlertSettings(settings);
      const fresh = draftOf(next.settings, next.defaults, draft);
      // The keyboard stays where it was (Enter in an input saves).
      keepFocus.current = document.activeElement;
      setSaved(fresh);
      setDraft(fresh);
      setTried(false);
      setJustSaved(true);
      onScreen(next);
    } catch (err) {
      const field = errorField(err);
      setRefusal({ field, error: err });
      if (field) setTimeout(() => focusField(field), 0);
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    setDraft(saved);
    setTried(false);
    setRefusal(null);
    // Discard is disabled once nothing is left to discard: the keyboard goes on from Save.
    focusNext.current = 'settings-save';
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
    }
  };

  const unreadable = tried && Object.keys(parsed.errors).length > 0;
  const status = saving
    ? st(i18n, 'settings-saving')
    : refusal || unreadable
      ? st(i18n, 'settings-not-saved')
      : changed.any
        ? st(i18n, 'settings-unsaved')
        : justSaved
          ? st(i18n, 'settings-saved')
          : st(i18n, 'settings-all-saved');

  return (
    <form
      ref={form}
      class="settings-form"
      data-testid="settings-form"
      data-dirty={changed.any ? 'true' : 'false'}
      noValidate
      onSubmit={(e) => void save(e)}
      onKeyDown={onKeyDown}
    >
      <Thresholds
        draft={draft}
        defaults={screen.defaults}
        changed={changed.kinds}
        problems={problems}
        onChange={(kind, next) => edit((d) => ({ ...d, thresholds: { ...d.thresholds, [kind]: next } }), `thresholds.${kind}`)}
        focusLater={(id) => (focusNext.current = id)}
      />
      <QuietHoursSection
        draft={draft}
        zone={screen.zone}
        changed={changed.quiet}
        problems={problems}
        onChange={(patch) => edit((d) => ({ ...d, ...patch }), 'quiet_hours')}
      />
      <PauseSection snoozedUntil={screen.snoozed_until} now={now} onScreen={onScreen} />
      <WindowOptions
        draft={draft}
        desktop={screen.desktop}
        changed={changed.window}
        onChange={(closeToTray) => edit((d) => ({ ...d, closeToTray }), 'close_to_tray')}
        onScreen={onScreen}
      />
      <LanguageSection />
      <NotificationsSection notifications={screen.desktop.notifications} />
      <UpdatesSection />

      <div class={`settings-savebar${changed.any ? ' settings-savebar-dirty' : ''}`} data-testid="settings-savebar">
        <span class="settings-status" data-testid="settings-status" role="status" aria-live="polite">
          {changed.any && <span class="settings-dot" aria-hidden="true" />}
          {status}
        </span>
        {refusal && !placed && (
          <span class="field-error" role="alert" data-testid="settings-save-error">
            {i18n.error(refusal.error)}
          </span>
        )}
        <span class="settings-savebar-actions">
          <button type="button" class="button" data-testid="settings-discard" disabled={!changed.any} onClick={discard}>
            {st(i18n, 'settings-discard')}
          </button>
          <button type="submit" id="settings-save" class="button primary" data-testid="settings-save" aria-keyshortcuts="Control+S" aria-busy={saving ? 'true' : undefined}>
            {st(i18n, 'settings-save')}
          </button>
        </span>
      </div>
    </form>
  );
}
