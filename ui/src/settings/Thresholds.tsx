// The deadline alerts: per obligation kind, the times before its deadline at which to alert, each
// typed as hours and minutes ("when it passes" is 0). Added, removed, changed and reset here; the
// Rust side says on Save what it cannot take, at the threshold or the kind.
import { useI18n } from '../i18n';
import { thresholdDraft, thresholdField, thresholdMinutes, minutesFor, type Draft, type ThresholdDraft } from './draft';
import { domId, type Problems } from './fields';
import { KINDS, kindHint, kindName, st, thresholdList, whenText } from './text';
import type { AlertSettings, ObligationKind } from './types';

type Props = {
  draft: Draft;
  defaults: AlertSettings;
  /** Kinds whose thresholds differ from the saved ones. */
  changed: ReadonlySet<ObligationKind>;
  problems: Problems;
  onChange: (kind: ObligationKind, next: ThresholdDraft[]) => void;
  /** Moves focus to the element with this id once the change is drawn. */
  focusLater: (id: string) => void;
};

export const hoursId = (kind: ObligationKind, i: number) => `${domId(thresholdField(kind, i))}-hours`;
export const addId = (kind: ObligationKind) => `settings-add-${kind}`;

/** A new alert starts an hour before: a round number the seller types over (the hours are selected). */
const NEW_THRESHOLD_MINUTES = 60;

export function Thresholds({ draft, defaults, changed, problems, onChange, focusLater }: Props) {
  const i18n = useI18n();
  return (
    <section class="settings-section" aria-labelledby="settings-deadlines-heading" data-testid="settings-deadlines">
      <h2 id="settings-deadlines-heading">
        {st(i18n, 'settings-deadlines-heading')}
        {changed.size > 0 && <UnsavedTag />}
      </h2>
      <p class="settings-intro">{st(i18n, 'settings-deadlines-intro')}</p>
      <div class="settings-kinds">
        {KINDS.map((kind) => (
          <KindRow
            key={kind}
            kind={kind}
            items={draft.thresholds[kind]}
            defaults={minutesFor(defaults, kind) ?? []}
            changed={changed.has(kind)}
            problems={problems}
            onChange={(next) => onChange(kind, next)}
            focusLater={focusLater}
          />
        ))}
      </div>
    </section>
  );
}

export function UnsavedTag() {
  const i18n = useI18n();
  return (
    <span class="settings-unsaved-tag" data-testid="settings-unsaved-tag">
      {st(i18n, 'settings-section-unsaved')}
    </span>
  );
}

type RowProps = {
  kind: ObligationKind;
  items: ThresholdDraft[];
  defaults: number[];
  changed: boolean;
  problems: Problems;
  onChange: (next: ThresholdDraft[]) => void;
  focusLater: (id: string) => void;
};

function KindRow({ kind, items, defaults, changed, problems, onChange, focusLater }: RowProps) {
  const i18n = useI18n();
  const kindField = `thresholds.${kind}`;
  const nameId = `settings-kind-${kind}-name`;
  const hintId = `settings-kind-${kind}-hint`;
  const typed = items.map(thresholdMinutes);
  const isDefault = typed.length === defaults.length && typed.every((m, i) => m === defaults[i]);
  const hasZero = typed.some((m) => m === 0);

  const add = (minutes: number) => {
    onChange([...items, thresholdDraft(minutes)]);
    focusLater(hoursId(kind, items.length));
  };
  const remove = (i: number) => {
    onChange(items.filter((_, j) => j !== i));
    // The keyboard stays in the row: on the alert that moved up, else the one before, else "Add".
    focusLater(items.length > 1 ? hoursId(kind, Math.min(i, items.length - 2)) : addId(kind));
  };
  const edit = (i: number, part: 'hours' | 'minutes', value: string) =>
    onChange(items.map((t, j) => (j === i ? { ...t, [part]: value } : t)));
  const reset = () => {
    onChange(defaults.map(thresholdDraft));
    focusLater(addId(kind));
  };

  return (
    <div
      class={`settings-kind${changed ? ' settings-changed' : ''}`}
      role="group"
      aria-labelledby={nameId}
      aria-describedby={hintId}
      data-testid={`settings-kind-${kind}`}
      data-field={kindField}
    >
      <div class="settings-kind-head">
        <h3 id={nameId} class="settings-kind-name">
          {kindName(i18n, kind)}
        </h3>
        <p id={hintId} class="field-hint">
          {kindHint(i18n, kind)}
        </p>
      </div>
      {items.length === 0 ? (
        <p class="settings-none" data-testid={`settings-none-${kind}`}>
          {st(i18n, 'settings-no-thresholds')}
        </p>
      ) : (
        <div class="settings-thresholds">
          {items.map((t, i) => {
            const field = thresholdField(kind, i);
            const minutes = typed[i];
            const when = minutes === null ? st(i18n, 'settings-threshold-unreadable') : whenText(i18n, minutes);
            const attrs = problems.attrs([field, kindField]);
            const number = i + 1;
            return (
              <div
                key={t.key}
                class={`settings-threshold${problems.at(field) ? ' settings-invalid' : ''}`}
                role="group"
                aria-label={st(i18n, 'settings-threshold-label', { number, when })}
                data-testid={`settings-threshold-${kind}-${i}`}
                data-field={field}
                data-minutes={minutes ?? ''}
              >
                <span class="settings-duration-inputs">
                  <input
                    id={hoursId(kind, i)}
                    class="input settings-number"
                    data-testid={`settings-threshold-${kind}-${i}-hours`}
                    inputMode="numeric"
                    autoComplete="off"
                    size={3}
                    value={t.hours}
                    aria-label={st(i18n, 'settings-threshold-hours-label', { number })}
                    {...attrs}
                    onInput={(e) => edit(i, 'hours', (e.currentTarget as HTMLInputElement).value)}
                    onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
                  />
                  <span class="settings-unit" aria-hidden="true">
                    {st(i18n, 'settings-unit-hours')}
                  </span>
                  <input
                    class="input settings-number"
                    data-testid={`settings-threshold-${kind}-${i}-minutes`}
                    inputMode="numeric"
                    autoComplete="off"
                    size={2}
                    value={t.minutes}
                    aria-label={st(i18n, 'settings-threshold-minutes-label', { number })}
                    {...attrs}
                    onInput={(e) => edit(i, 'minutes', (e.currentTarget as HTMLInputElement).value)}
                    onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
                  />
                  <span class="settings-unit" aria-hidden="true">
                    {st(i18n, 'settings-unit-minutes')}
                  </span>
                </span>
                <span class={`settings-when${minutes === 0 ? ' settings-when-passes' : ''}`} aria-hidden="true" data-testid={`settings-threshold-${kind}-${i}-when`}>
                  {when}
                </span>
                <button
                  type="button"
                  class="settings-remove"
                  data-testid={`settings-remove-threshold-${kind}-${i}`}
                  aria-label={st(i18n, 'settings-threshold-remove', { when })}
                  title={st(i18n, 'settings-threshold-remove', { when })}
                  onClick={() => remove(i)}
                >
                  <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
                  </svg>
                </button>
                {problems.message(field)}
              </div>
            );
          })}
        </div>
      )}
      <div class="settings-kind-actions">
        <button type="button" id={addId(kind)} class="button small" data-testid={`settings-add-threshold-${kind}`} onClick={() => add(NEW_THRESHOLD_MINUTES)} aria-describedby={problems.attrs([kindField])['aria-describedby']}>
          {st(i18n, 'settings-add-threshold')}
        </button>
        {!hasZero && (
          <button type="button" class="button small" data-testid={`settings-add-when-passes-${kind}`} onClick={() => add(0)}>
            {st(i18n, 'settings-add-when-passes')}
          </button>
        )}
        <button
          type="button"
          id={`settings-reset-${kind}`}
          class="link-button settings-reset"
          data-testid={`settings-reset-${kind}`}
          disabled={isDefault}
          aria-describedby={`settings-default-${kind}`}
          onClick={reset}
        >
          {st(i18n, 'settings-reset-kind')}
        </button>
        <span id={`settings-default-${kind}`} class="field-hint settings-defaults">
          {st(i18n, 'settings-defaults-are', { list: thresholdList(i18n, defaults) })}
        </span>
      </div>
      {problems.message(kindField)}
    </div>
  );
}
