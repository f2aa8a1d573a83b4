import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { enroll, errorField, pauseEnrollment, resumeEnrollment, type ProgramView as Program } from '../ipc';
import { actionKindId, marketplaceId } from '../messageIds';
import { parseTimestamp } from '../time';
import { FeeFacts, FeeWhatIf } from './FeeWhatIf';
import { ProgramDialog } from './ProgramDialog';
import { marketDate, marketDateTime, marketZoneName, useProgramText } from './ProgramText';

const kebab = (s: string) => s.replace(/_/g, '-');
const DAY = 86_400_000;
const HOUR = 3_600_000;

export const REQUIREMENTS = ['professional_plan', 'good_standing', 'identity_verified', 'responsive_contact', 'terms_accepted', 'invitation'];
export const STATES = ['not_enrolled', 'pending_identity_verification', 'pending_activation', 'active', 'paused', 'lapsed'];

/** The day before an exclusive end date (`YYYY-MM-DD`): the trial's last day. */
function dayBefore(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? date : new Date(ms - DAY).toISOString().slice(0, 10);
}

type Props = {
  program: Program;
  storeName: string;
  /** Local time in ms; the card adds its account's server offset. */
  now: number;
  /** An action was queued: reread the screen. */
  onChanged: () => void;
};

/** One store × marketplace: state and timeline, what is covered, checklist, actions, trial and fee. */
export function ProgramCard({ program: g, storeName, now, onChanged }: Props) {
  const i18n = useI18n();
  const p = useProgramText();
  const id = useId();
  const m = g.marketplace;
  const serverNow = now + g.server_offset_ms;
  const at = (iso: string) => marketDateTime(i18n, m, iso);
  const marketName = i18n.t(marketplaceId(m));

  const [accepted, setAccepted] = useState(false);
  const [dialog, setDialog] = useState<'pause' | 'resume' | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<{ text: string; field: string | null } | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    // Focus goes back to the button that opened the dialog (or the card's title, if it is gone).
    if (dialog === null && wasOpen.current) {
      const back = opener.current;
      if (back && back.isConnected && !back.disabled) back.focus();
      else heading.current?.focus();
    }
    wasOpen.current = dialog !== null;
  }, [dialog, g]);

  const run = async (what: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(null);
    try {
      await what();
      setDialog(null);
      setAccepted(false);
      onChanged();
    } catch (e) {
      setDialog(null);
      setActionError({ text: i18n.error(e), field: errorField(e) });
    } finally {
      setBusy(false);
    }
  };

  const state = g.state_now;
  const stateId = STATES.includes(state) ? `program-state-${kebab(state)}` : 'program-state-not-enrolled';

  // The timeline, oldest first.
  const events: { key: string; label: string; when: string; note?: string; testid: string }[] = [];
  if (g.enrolled_at) events.push({ key: 'enrolled', label: p('program-event-enrolled'), when: at(g.enrolled_at), testid: 'program-enrolled-at' });
  if (state === 'pending_identity_verification' && g.lapses_at) {
    events.push({ key: 'lapses', label: p('program-event-lapses'), when: at(g.lapses_at), testid: 'program-lapses-at' });
  }
  if (state === 'pending_activation' && g.activates_at) {
    events.push({
      key: 'activates',
      label: p('program-event-activates'),
      when: at(g.activates_at),
      note: g.activation_delay_is_estimate
        ? p('program-activation-estimate', { hours: g.activation_delay_hours })
        : p('program-activation-exact', { hours: g.activation_delay_hours }),
      testid: 'program-activates-at',
    });
  }
  const since = g.since ?? (state === 'active' ? g.activates_at : null);
  if (state === 'active' && since) events.push({ key: 'active', label: p('program-event-active-since'), when: at(since), testid: 'program-since' });
  if (state === 'paused' && since) events.push({ key: 'paused', label: p('program-event-paused-since'), when: at(since), testid: 'program-since' });
  if (state === 'lapsed' && g.lapsed_at) events.push({ key: 'lapsed', label: p('program-event-lapsed'), when: at(g.lapsed_at), testid: 'program-lapsed-at' });

  let lapse: string | null = null;
  if (state === 'pending_identity_verification' && g.lapses_at) {
    const left = Math.max(0, parseTimestamp(g.lapses_at) - serverNow);
    lapse = p('program-lapse-left', { days: Math.floor(left / DAY), hours: Math.floor((left % DAY) / HOUR) });
  }

  const coverage =
    state === 'paused'
      ? p('program-coverage-paused')
      : state === 'active'
        ? p('program-coverage-active')
        : state === 'pending_activation' || state === 'pending_identity_verification'
          ? p('program-coverage-pending')
          : p('program-coverage-not-enrolled');

  const pending = g.pending_action;
  const pendingText = pending
    ? pending.state === 'failed'
      ? p('program-pending-failed', { action: i18n.t(actionKindId(pending.kind)), problem: pending.problem ? i18n.error(pending.problem) : i18n.t('error-unknown') })
      : pending.state === 'sending'
        ? p('program-pending-sending', { action: i18n.t(actionKindId(pending.kind)) })
        : p('program-pending-queued', { action: i18n.t(actionKindId(pending.kind)) })
    : null;

  const open = (which: 'pause' | 'resume') => (e: Event) => {
    opener.current = e.currentTarget as HTMLButtonElement;
    setActionError(null);
    setDialog(which);
  };

  const termsId = `${id}-terms`;
  const blocked = g.blocking_unmet.some((r) => r !== 'terms_accepted');
  const showEnroll = g.can_enroll || ((state === 'not_enrolled' || state === 'lapsed') && !pending);

  return (
    <li class={`program-card program-${state}`} data-testid="program-card" data-account-id={g.account_id} data-marketplace={m} data-state={state}>
      <div class="program-head">
        <h2 ref={heading} tabIndex={-1} id={`${id}-title`}>
          {p('program-card-title', { store: storeName, marketplace: marketName })}
        </h2>
        <span class={`state-chip program-chip program-chip-${state}`} data-testid="program-state" data-state={state}>
          {p(stateId)}
        </span>
      </div>
      <p class="program-note program-zone">{p('program-times-in', { zone: marketZoneName(i18n, m, serverNow) })}</p>

      {pendingText && (
        <p class={`program-pending program-pending-${pending!.state}`} data-testid="program-pending" data-state={pending!.state} role={pending!.state === 'failed' ? 'alert' : 'status'}>
          {pendingText}
          {pending!.state === 'failed' && <> {p('program-pending-outbox')}</>}
        </p>
      )}

      <section aria-label={p('program-timeline-label')} class="program-section">
        <h3>{p('program-timeline-label')}</h3>
        {events.length > 0 && (
          <ol class="program-timeline" data-testid="program-timeline">
            {events.map((e) => (
              <li key={e.key}>
                <span class="program-event-label">{e.label}</span> <time data-testid={e.testid}>{e.when}</time>
                {e.note && (
                  <span class="program-note" data-testid="program-activation-note">
                    {' '}
                    {e.note}
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
        {lapse && (
          <p class="program-lapse" data-testid="program-lapse">
            <strong>{lapse}</strong> {p('program-lapse-note')}
          </p>
        )}
        <p class="program-coverage" data-testid="program-coverage">
          {coverage}
        </p>
        {g.active_periods.length > 0 && (
          <>
            <h4>{p('program-periods-label')}</h4>
            <ul class="program-periods" data-testid="program-periods">
              {g.active_periods.map((a) => (
                <li key={a.from}>
                  {a.until ? p('program-period', { from: at(a.from), until: at(a.until) }) : p('program-period-open', { from: at(a.from) })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section class="program-section" aria-label={p('program-checklist-label')}>
        <h3>{p('program-checklist-label')}</h3>
        <ul class="program-checklist" data-testid="program-checklist">
          {g.eligibility.map((c) => {
            const verdict = c.met
              ? p('program-check-met')
              : c.requirement === 'terms_accepted'
                ? p('program-check-by-enrolling')
                : c.blocking
                  ? p('program-check-blocks')
                  : p('program-check-delays');
            const tone = c.met ? 'met' : c.requirement === 'terms_accepted' ? 'terms' : c.blocking ? 'blocks' : 'delays';
            return (
              <li key={c.requirement} class={`program-check program-check-${tone}`} data-testid="program-check" data-requirement={c.requirement} data-state={tone}>
                <span class="program-check-mark" aria-hidden="true">
                  {c.met ? '✓' : tone === 'blocks' ? '✕' : '…'}
                </span>
                <span class="program-check-name">
                  {REQUIREMENTS.includes(c.requirement)
                    ? p(`program-requirement-${kebab(c.requirement)}`)
                    : p('program-requirement-other', { code: c.requirement })}
                </span>
                <span class="program-check-verdict">{verdict}</span>
              </li>
            );
          })}
        </ul>
      </section>

      <section class="program-section program-actions">
        {showEnroll && (
          <div class="program-enroll" data-testid="program-enroll-form">
            <p class="program-note" data-testid="program-terms-version">
              {p('program-terms-version', { version: g.terms_version_now })}
            </p>
            {blocked ? (
              <p class="program-note">{p('program-enroll-blocked')}</p>
            ) : (
              <label class="program-accept" for={termsId}>
                <input
                  id={termsId}
                  type="checkbox"
                  data-testid="program-terms"
                  checked={accepted}
                  aria-invalid={actionError?.field === 'terms_version' ? 'true' : undefined}
                  onChange={(e) => setAccepted((e.currentTarget as HTMLInputElement).checked)}
                />{' '}
                {p('program-terms-accept', { version: g.terms_version_now })}
              </label>
            )}
            {actionError?.field === 'terms_version' && (
              <p class="program-field-error" role="alert" data-testid="program-terms-error">
                {actionError.text}
              </p>
            )}
            <button
              type="button"
              class="button primary"
              data-testid="program-enroll"
              disabled={!g.can_enroll || !accepted || busy}
              onClick={() => void run(() => enroll(g.account_id, m, g.terms_version_now))}
            >
              {busy ? p('program-enrolling') : p('program-enroll')}
            </button>
          </div>
        )}
        {g.can_pause && (
          <button type="button" class="button" data-testid="program-pause" disabled={busy} onClick={open('pause')}>
            {p('program-pause')}
          </button>
        )}
        {g.can_resume && (
          <button type="button" class="button primary" data-testid="program-resume" disabled={busy} onClick={open('resume')}>
            {p('program-resume')}
          </button>
        )}
        {actionError && actionError.field !== 'terms_version' && (
          <p class="program-field-error" role="alert" data-testid="program-action-error">
            {actionError.text}
          </p>
        )}
      </section>

      {(g.trial || g.trial_days_left !== null) && (
        <section class="program-section" aria-label={p('program-trial-label')}>
          <h3>{p('program-trial-label')}</h3>
          <p data-testid="program-trial" data-days-left={g.trial_days_left ?? undefined}>
            {g.trial_days_left !== null && g.trial
              ? p('program-trial-left', { days: g.trial_days_left, date: marketDate(i18n, m, dayBefore(g.trial.end)) })
              : g.trial
                ? p('program-trial-period', { start: marketDate(i18n, m, g.trial.start), end: marketDate(i18n, m, dayBefore(g.trial.end)) })
                : null}
          </p>
        </section>
      )}

      <section class="program-section" aria-label={p('program-fee-label')}>
        <h3>{p('program-fee-label')}</h3>
        {g.fee_now ? (
          <>
            <p class="program-note" data-testid="program-fee-units">
              {p('program-fee-units', { units: g.fee_now.units, contacts: g.fee_now.contacts })}
            </p>
            <FeeFacts quote={g.fee_now} testid="program-fee" />
            {g.fee_now.in_trial && (
              <p class="program-note" data-testid="program-fee-in-trial">
                {p('program-fee-in-trial')}
              </p>
            )}
          </>
        ) : (
          <p class="program-note">{p('program-fee-none')}</p>
        )}
        <FeeWhatIf marketplace={m} initial={g.fee_now ? { units: g.fee_now.units, contacts: g.fee_now.contacts } : undefined} />
      </section>

      {dialog && (
        <ProgramDialog
          title={dialog === 'pause' ? p('program-pause-title', { marketplace: marketName }) : p('program-resume-title', { marketplace: marketName })}
          confirmLabel={dialog === 'pause' ? p('program-pause-confirm') : p('program-resume-confirm')}
          cancelLabel={p('program-dialog-cancel')}
          tone={dialog === 'pause' ? 'danger' : 'primary'}
          busy={busy}
          onCancel={() => setDialog(null)}
          onConfirm={() => void run(() => (dialog === 'pause' ? pauseEnrollment(g.account_id, m) : resumeEnrollment(g.account_id, m)))}
        >
          <p>{dialog === 'pause' ? p('program-pause-body') : p('program-resume-body', { hours: g.activation_delay_hours })}</p>
        </ProgramDialog>
      )}
    </li>
  );
}
