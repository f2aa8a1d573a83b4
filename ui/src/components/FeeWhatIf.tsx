import { useId, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { errorField, feeWhatIf, type FeeQuote, type Marketplace } from '../ipc';
import { formatMoney, useProgramText } from './ProgramText';

/** A fee quote as facts: contacts per unit, tier, fee per unit and total, in the quote's currency. */
export function FeeFacts({ quote, testid }: { quote: FeeQuote; testid: string }) {
  const i18n = useI18n();
  const p = useProgramText();
  const money = (minor: number) => formatMoney(i18n.locale, minor, quote.currency);
  return (
    <dl class="program-facts" data-testid={testid}>
      <div>
        <dt>{p('program-fee-cpu')}</dt>
        <dd data-testid={`${testid}-cpu`}>{p('program-fee-cpu-value', { cpu: quote.cpu_percent })}</dd>
      </div>
      <div>
        <dt>{p('program-fee-tier')}</dt>
        <dd data-testid={`${testid}-tier`} data-tier={quote.tier}>
          {quote.tier === 0 ? p('program-fee-tier-flat') : p('program-fee-tier-value', { tier: quote.tier })}
        </dd>
      </div>
      <div>
        <dt>{p('program-fee-per-unit')}</dt>
        <dd data-testid={`${testid}-per-unit`}>{money(quote.fee_per_unit_minor)}</dd>
      </div>
      <div>
        <dt>{p('program-fee-total')}</dt>
        <dd data-testid={`${testid}-total`}>{money(quote.total_minor)}</dd>
      </div>
    </dl>
  );
}

const WHOLE = /^\d+$/;

type Field = 'units' | 'contacts';

/** Units and contacts in, CPU, tier and fee out (under today's schedule), with errors at their field. */
export function FeeWhatIf({ marketplace, initial }: { marketplace: Marketplace; initial?: { units: number; contacts: number } }) {
  const i18n = useI18n();
  const p = useProgramText();
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>({
    units: initial ? String(initial.units) : '',
    contacts: initial ? String(initial.contacts) : '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [quote, setQuote] = useState<FeeQuote | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: Field) => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((x) => ({ ...x, [field]: undefined }));
    setFormError(null);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const local: Partial<Record<Field, string>> = {};
    for (const f of ['units', 'contacts'] as const) {
      if (!WHOLE.test(values[f].trim()) || !Number.isSafeInteger(Number(values[f].trim()))) local[f] = p('fee-whatif-whole-number');
    }
    setErrors(local);
    setFormError(null);
    if (local.units || local.contacts) {
      setQuote(null);
      document.getElementById(`${id}-${local.units ? 'units' : 'contacts'}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      setQuote(await feeWhatIf(marketplace, Number(values.units.trim()), Number(values.contacts.trim())));
    } catch (err) {
      setQuote(null);
      const field = errorField(err);
      if (field === 'units' || field === 'contacts') {
        setErrors({ [field]: i18n.error(err) });
        document.getElementById(`${id}-${field}`)?.focus();
      } else setFormError(i18n.error(err));
    } finally {
      setBusy(false);
    }
  };

  const input = (field: Field, label: string) => (
    <div class="field">
      <label class="field-label" for={`${id}-${field}`}>
        {label}
      </label>
      <input
        id={`${id}-${field}`}
        class="input"
        data-testid={`fee-whatif-${field}`}
        inputMode="numeric"
        autoComplete="off"
        value={values[field]}
        aria-invalid={errors[field] ? 'true' : undefined}
        aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
        onInput={set(field)}
      />
      {errors[field] && (
        <p class="program-field-error" id={`${id}-${field}-error`} data-testid={`fee-whatif-${field}-error`}>
          {errors[field]}
        </p>
      )}
    </div>
  );

  return (
    <form class="program-whatif" data-testid="fee-whatif" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-title`}>{p('fee-whatif-label')}</h3>
      <p class="program-note">{p('fee-whatif-intro')}</p>
      <div class="program-whatif-fields">
        {input('units', p('fee-whatif-units'))}
        {input('contacts', p('fee-whatif-contacts'))}
        <button type="submit" class="button" data-testid="fee-whatif-submit" disabled={busy}>
          {busy ? p('fee-whatif-working') : p('fee-whatif-submit')}
        </button>
      </div>
      {formError && (
        <p class="program-field-error" role="alert" data-testid="fee-whatif-error">
          {formError}
        </p>
      )}
      <div aria-live="polite">{quote && <FeeFacts quote={quote} testid="fee-whatif-result" />}</div>
    </form>
  );
}
