import type { ComponentChild } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { checkPolicy, errorField, submitPolicy, type Category, type FieldViolation, type Payer, type PolicyView, type ReturnPolicy, type ReturnReason } from '../ipc';
import { draftOf, policyOf, type CategoryChoice, type Draft } from './draft';
import { CATEGORIES, REASONS, categoryLabel, fieldLabel, reasonLabel, rt, ruleText, violationText } from './text';

/** How long the seller may pause typing before the policy is checked again. */
export const POLICY_CHECK_DEBOUNCE_MS = 200;

type Props = { view: PolicyView; onQueued: () => void };

/** Fields drawn by the form (a violation at any other field is listed above it). */
const FORM_FIELDS = new Set<string>([
  'return_window_days',
  'returns',
  'returnless_threshold_minor',
  'return_address',
  'return_address.country',
  'return_address.lines',
  'prepaid_return_label',
  'refund_within_business_days',
  'restocking_fee',
  ...REASONS.map((r) => `return_shipping.${r}`),
  ...CATEGORIES.map((c) => `categories.${c}`),
]);

const domId = (field: string) => `policy-${field.replace(/[^a-z0-9]+/gi, '-')}`;

/**
 * The whole return policy as a form, checked by the backend as the seller edits: every violation
 * at its field with the rule behind it. Submit queues it in the outbox.
 */
export function PolicyForm({ view, onQueued }: Props) {
  const i18n = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view.current?.policy ?? null, view.marketplace));
  const [violations, setViolations] = useState<FieldViolation[]>(view.violations_now);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [submitError, setSubmitError] = useState<{ field: string | null; text: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [queued, setQueued] = useState(false);
  const generation = useRef(0);
  // The screen's own check stands for the current version; a form started from defaults is checked at once.
  const first = useRef(view.current !== null);
  const form = useRef<HTMLFormElement>(null);

  const { policy, errors: shape } = useMemo(() => policyOf(draft), [draft]);

  // The live check: the policy as it stands once typing pauses (not the first render: the screen's own check stands).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!policy) return;
    const mine = ++generation.current;
    setChecking(true);
    const timer = setTimeout(() => {
      checkPolicy(view.marketplace, policy as ReturnPolicy).then(
        (v) => {
          if (mine !== generation.current) return;
          setViolations(v);
          setCheckError(null);
          setChecking(false);
        },
        (e) => {
          if (mine !== generation.current) return;
          setCheckError(e);
          setChecking(false);
        },
      );
    }, POLICY_CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [policy, view.marketplace]);

  const byField = useMemo(() => {
    const m = new Map<string, FieldViolation[]>();
    for (const v of violations) m.set(v.field, [...(m.get(v.field) ?? []), v]);
    return m;
  }, [violations]);
  const elsewhere = violations.filter((v) => !FORM_FIELDS.has(v.field));

  const set = <K extends keyof Draft>(k: K, value: Draft[K]) => {
    setSubmitError(null);
    setQueued(false);
    setDraft((d) => ({ ...d, [k]: value }));
  };

  const focusField = (field: string) => {
    const el = [...(form.current?.querySelectorAll<HTMLElement>('[data-testid^="policy-field-"]') ?? [])].find(
      (e) => e.dataset.testid === `policy-field-${field}`,
    );
    el?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (submitting) return;
    const firstShape = Object.keys(shape)[0];
    if (!policy) {
      if (firstShape) focusField(firstShape);
      return;
    }
    setSubmitting(true);
    setSubmitError(null);
    try {
      await submitPolicy(view.account_id, view.marketplace, policy);
      setQueued(true);
      onQueued();
    } catch (err) {
      const field = errorField(err);
      setSubmitError({ field, text: i18n.error(err) });
      if (field) focusField(field);
    } finally {
      setSubmitting(false);
    }
  };

  /** What is wrong at `field`: the form's own shape check, the rules broken, the service's refusal. */
  const problems = (field: string) => {
    const own = shape[field];
    const list = byField.get(field) ?? [];
    const refused =
      submitError?.field === field
        ? submitError.text
        : view.pending?.state === 'failed' && view.pending.problem?.field === field
          ? i18n.error(view.pending.problem)
          : null;
    if (!own && list.length === 0 && !refused) return null;
    return (
      <div class="policy-violation" id={`${domId(field)}-problems`} data-testid={`policy-violation-${field}`} role="alert">
        {own && <p class="field-error">{rt(i18n, own)}</p>}
        {list.map((v, i) => (
          <p key={i} class="field-error" data-code={v.code}>
            {violationText(i18n, v)}
            <span class="policy-rule" data-testid="policy-rule">
              {rt(i18n, 'returns-rule', { rule: ruleText(i18n, v) })}
            </span>
          </p>
        ))}
        {refused && <p class="field-error">{refused}</p>}
      </div>
    );
  };
  const described = (field: string) =>
    shape[field] || byField.has(field) || submitError?.field === field || (view.pending?.state === 'failed' && view.pending.problem?.field === field)
      ? `${domId(field)}-problems`
      : undefined;
  const invalid = (field: string) => (described(field) ? 'true' : undefined);

  // One row of a per-key choice (who pays per reason, how each category returns): a select whose
  // empty choice removes the key, so an unset key keeps following the marketplace default.
  const choiceRow = <K extends string, V extends string>(
    field: string,
    label: ComponentChild,
    map: Partial<Record<K, V>>,
    key: K,
    options: [V | '', string][],
    onMap: (next: Partial<Record<K, V>>) => void,
  ) => (
    <div class="field policy-grid-row" key={key}>
      <label for={domId(field)}>{label}</label>
      <select
        id={domId(field)}
        class="select"
        data-testid={`policy-field-${field}`}
        value={map[key] ?? ''}
        aria-invalid={invalid(field)}
        aria-describedby={described(field)}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value as V | '';
          const next = { ...map };
          if (v === '') delete next[key];
          else next[key] = v;
          onMap(next);
        }}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {problems(field)}
    </div>
  );

  const input = (field: string, value: string, onValue: (v: string) => void, extra: Record<string, unknown> = {}) => (
    <input
      id={domId(field)}
      class="input"
      data-testid={`policy-field-${field}`}
      value={value}
      aria-invalid={invalid(field)}
      aria-describedby={described(field)}
      onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
      {...extra}
    />
  );

  const count = violations.length + Object.keys(shape).length;
  const pending = view.pending;
  return (
    <form ref={form} class="policy-form" data-testid="policy-form" data-state={count === 0 ? 'compliant' : 'violations'} onSubmit={submit} noValidate>
      <div class="policy-head">
        <h3>
          {view.current
            ? rt(i18n, 'returns-current-version', { version: view.current.version, date: i18n.dateTime(view.current.submitted_at) })
            : rt(i18n, 'returns-no-policy-yet')}
        </h3>
        <p class={`policy-summary ${count === 0 ? 'policy-ok' : 'policy-bad'}`} data-testid="policy-summary" aria-live="polite">
          {checking
            ? rt(i18n, 'returns-checking')
            : count === 0
              ? rt(i18n, 'returns-compliant', { marketplace: view.marketplace })
              : rt(i18n, 'returns-violations', { count, marketplace: view.marketplace })}
        </p>
      </div>
      {checkError != null && (
        <p class="alert" role="alert">
          {i18n.error(checkError)}
        </p>
      )}
      {elsewhere.length > 0 &&
        [...new Set(elsewhere.map((v) => v.field))].map((f) => (
          <div key={f} class="policy-elsewhere">
            <p class="field-label">{fieldLabel(i18n, f)}</p>
            {problems(f)}
          </div>
        ))}

      <fieldset class="policy-group">
        <legend>{rt(i18n, 'returns-group-window')}</legend>
        <div class="field">
          <label for={domId('return_window_days')}>{fieldLabel(i18n, 'return_window_days')}</label>
          {input('return_window_days', draft.return_window_days, (v) => set('return_window_days', v), { inputMode: 'numeric', size: 6 })}
          <p class="field-hint">{rt(i18n, 'returns-hint-window', { days: view.rules.min_return_window_days })}</p>
          {problems('return_window_days')}
        </div>
        <div class="field">
          <label for={domId('refund_within_business_days')}>{fieldLabel(i18n, 'refund_within_business_days')}</label>
          {input('refund_within_business_days', draft.refund_within_business_days, (v) => set('refund_within_business_days', v), {
            inputMode: 'numeric',
            size: 6,
          })}
          <p class="field-hint">{rt(i18n, 'returns-hint-refund', { days: view.rules.max_refund_business_days })}</p>
          {problems('refund_within_business_days')}
        </div>
      </fieldset>

      <fieldset class="policy-group">
        <legend>{rt(i18n, 'returns-group-mode')}</legend>
        <div class="field">
          <label for={domId('returns')}>{fieldLabel(i18n, 'returns')}</label>
          <select
            id={domId('returns')}
            class="select"
            data-testid="policy-field-returns"
            value={draft.returns}
            aria-invalid={invalid('returns')}
            aria-describedby={described('returns')}
            onChange={(e) => set('returns', (e.currentTarget as HTMLSelectElement).value as Draft['returns'])}
          >
            <option value="send_back">{rt(i18n, 'returns-mode-send-back')}</option>
            <option value="returnless">{rt(i18n, 'returns-mode-returnless')}</option>
            <option value="returnless_below_threshold">{rt(i18n, 'returns-mode-returnless-below-threshold')}</option>
          </select>
          {problems('returns')}
        </div>
        {draft.returns === 'returnless_below_threshold' && (
          <div class="field">
            <label for={domId('returnless_threshold_minor')}>{fieldLabel(i18n, 'returnless_threshold_minor')}</label>
            {input('returnless_threshold_minor', draft.returnless_threshold_minor, (v) => set('returnless_threshold_minor', v), { inputMode: 'numeric' })}
            {problems('returnless_threshold_minor')}
          </div>
        )}
      </fieldset>

      <fieldset class="policy-group">
        <legend>{fieldLabel(i18n, 'return_address')}</legend>
        {problems('return_address')}
        <div class="field">
          <label for={domId('return_address.country')}>{fieldLabel(i18n, 'return_address.country')}</label>
          {input('return_address.country', draft.country, (v) => set('country', v), { size: 4, maxLength: 2, autoCapitalize: 'characters', spellcheck: false })}
          <p class="field-hint">{rt(i18n, 'returns-hint-country', { country: view.rules.return_address_country })}</p>
          {problems('return_address.country')}
        </div>
        <div class="field">
          <label for={domId('return_address.lines')}>{fieldLabel(i18n, 'return_address.lines')}</label>
          <textarea
            id={domId('return_address.lines')}
            class="input"
            rows={3}
            data-testid="policy-field-return_address.lines"
            value={draft.lines}
            aria-invalid={invalid('return_address.lines')}
            aria-describedby={described('return_address.lines')}
            onInput={(e) => set('lines', (e.currentTarget as HTMLTextAreaElement).value)}
          />
          {problems('return_address.lines')}
        </div>
        <div class="field field-check">
          <label>
            <input
              type="checkbox"
              data-testid="policy-field-prepaid_return_label"
              checked={draft.prepaid_return_label}
              aria-describedby={described('prepaid_return_label')}
              onChange={(e) => set('prepaid_return_label', (e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {fieldLabel(i18n, 'prepaid_return_label')}
          </label>
          {problems('prepaid_return_label')}
        </div>
      </fieldset>

      <fieldset class="policy-group">
        <legend>{fieldLabel(i18n, 'return_shipping')}</legend>
        <p class="field-hint">{rt(i18n, 'returns-hint-shipping')}</p>
        <div class="policy-grid">
          {(view.rules.reasons?.length ? view.rules.reasons : REASONS).map((r) =>
            choiceRow(
              `return_shipping.${r}`,
              <>
                {reasonLabel(i18n, r)}
                {view.rules.seller_pays.includes(r) && <span class="policy-by-rule">{rt(i18n, 'returns-seller-pays-by-rule')}</span>}
              </>,
              draft.return_shipping,
              r as ReturnReason,
              [
                ['', rt(i18n, 'returns-payer-default')],
                ['seller', rt(i18n, 'returns-payer-seller')],
                ['buyer', rt(i18n, 'returns-payer-buyer')],
              ] as [Payer | '', string][],
              (next) => set('return_shipping', next),
            ),
          )}
        </div>
      </fieldset>

      <fieldset class="policy-group">
        <legend>{fieldLabel(i18n, 'categories')}</legend>
        <div class="policy-grid">
          {(view.rules.categories?.length ? view.rules.categories : CATEGORIES).map((c) =>
            choiceRow(
              `categories.${c}`,
              categoryLabel(i18n, c),
              draft.categories,
              c as Category,
              [
                ['', rt(i18n, 'returns-category-not-sold')],
                ['returnable', rt(i18n, 'returns-category-returnable')],
                ['free', rt(i18n, 'returns-category-free')],
                ['not_returnable', rt(i18n, 'returns-category-not-returnable')],
              ] as [CategoryChoice, string][],
              (next) => set('categories', next),
            ),
          )}
        </div>
      </fieldset>

      <fieldset class="policy-group">
        <legend>{fieldLabel(i18n, 'restocking_fee')}</legend>
        <div class="field">
          <label for={domId('restocking_fee')}>{rt(i18n, 'returns-restocking-percent')}</label>
          {input('restocking_fee', draft.restocking_percent, (v) => set('restocking_percent', v), { inputMode: 'numeric', size: 4 })}
          {problems('restocking_fee')}
        </div>
        <div class="field">
          <label for={domId('restocking_fee.when')}>{fieldLabel(i18n, 'restocking_fee.when')}</label>
          <select
            id={domId('restocking_fee.when')}
            class="select"
            data-testid="policy-field-restocking_fee.when"
            value={draft.restocking_when}
            onChange={(e) => set('restocking_when', (e.currentTarget as HTMLSelectElement).value as Draft['restocking_when'])}
          >
            <option value="used_or_damaged">{rt(i18n, 'returns-restocking-used-or-damaged')}</option>
            <option value="late">{rt(i18n, 'returns-restocking-late')}</option>
            <option value="any_return">{rt(i18n, 'returns-restocking-any-return')}</option>
          </select>
        </div>
      </fieldset>

      {submitError && submitError.field === null && (
        <p class="alert" role="alert" data-testid="policy-submit-error">
          {submitError.text}
        </p>
      )}
      {pending && (
        <p class={`flag ${pending.state === 'failed' ? 'flag-failed' : 'flag-pending'}`} data-testid="policy-pending" data-state={pending.state} data-code={pending.problem?.code}>
          {pending.state === 'failed'
            ? rt(i18n, 'returns-pending-failed', { problem: pending.problem ? i18n.error(pending.problem) : '' })
            : rt(i18n, 'returns-pending')}
          {pending.state === 'failed' && pending.problem && <code class="problem-code"> {pending.problem.code}</code>}
        </p>
      )}
      {queued && !pending && (
        <p class="flag flag-pending" data-testid="policy-queued" role="status">
          {rt(i18n, 'returns-queued')}
        </p>
      )}
      <div class="policy-actions">
        <button type="submit" class="button primary" data-testid="policy-submit" disabled={submitting}>
          {rt(i18n, 'returns-submit')}
        </button>
      </div>
    </form>
  );
}
