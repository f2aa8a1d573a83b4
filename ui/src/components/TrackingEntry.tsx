import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { checkTracking, confirmShipment, errorField, type OrderRow, type QueuedTracking, type TrackingVerdict } from '../ipc';
import { carrierName, dayIn, formatName, rejectionText, tr } from '../orders/text';
import { AskTeamButton } from '../orders/OrderDetail';

/** How long the seller may pause typing before the number is checked. */
export const CHECK_DEBOUNCE_MS = 150;

type Props = {
  order: OrderRow;
  /** Every carrier code the seller can name. */
  carriers: readonly string[];
  /** Local time in ms (the order's `server_offset_ms` makes it the service's). */
  now: number;
  /** The shipment was queued. */
  onQueued: (queued: QueuedTracking) => void;
  /** Escape or Cancel. */
  onClose: () => void;
};

type Field = 'tracking_number' | 'carrier' | 'ship_date';

/**
 * The inline form that confirms one order's shipment: the tracking number checked live as the
 * seller types, the carrier when the number fits several, and the ship date (today in the
 * marketplace's time zone unless changed).
 */
export function TrackingEntry({ order, carriers, now, onQueued, onClose }: Props) {
  const i18n = useI18n();
  const today = dayIn(order.marketplace, now + order.server_offset_ms);
  const [number, setNumber] = useState('');
  const [carrier, setCarrier] = useState('');
  const [shipDate, setShipDate] = useState(today);
  const [verdict, setVerdict] = useState<TrackingVerdict | null>(null);
  const [checking, setChecking] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const carrierSelect = useRef<HTMLSelectElement>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const generation = useRef(0);

  useEffect(() => {
    input.current?.focus();
  }, []);

  // The live check: the number (and carrier) as they stand once typing pauses.
  useEffect(() => {
    const mine = ++generation.current;
    const text = number.trim();
    if (text === '') {
      setVerdict(null);
      setChecking(false);
      return;
    }
    setChecking(true);
    const timer = setTimeout(() => {
      checkTracking(text, carrier || null).then(
        (v) => {
          if (mine !== generation.current) return;
          setVerdict(v);
          setChecking(false);
          setErrors((e) => ({ ...e, tracking_number: undefined }));
        },
        (e) => {
          if (mine !== generation.current) return;
          setChecking(false);
          setVerdict(null);
          setErrors((old) => ({ ...old, [errorField(e) ?? 'tracking_number']: i18n.error(e) }));
        },
      );
    }, CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [number, carrier]);

  const candidates = verdict?.candidates ?? [];
  const showCarrier = verdict?.needs_carrier === true || carrier !== '' || errors.carrier !== undefined;
  const carrierChoices = candidates.length > 1 ? candidates : carriers;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (submitting) return;
    setErrors({});
    setFormError(null);
    const text = number.trim();
    if (verdict?.needs_carrier && carrier === '') {
      setErrors({ carrier: i18n.error({ code: 'carrier-unknown', args: {} }) });
      carrierSelect.current?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await confirmShipment(order.account_id, order.id, text, carrier || null, shipDate);
      onQueued({
        tracking_number: verdict?.normalized || text.toUpperCase(),
        carrier: carrier || verdict?.carrier || null,
        ship_date: shipDate,
        state: 'queued',
      });
    } catch (err) {
      const field = errorField(err);
      const message = i18n.error(err);
      if (field === 'tracking_number' || field === 'carrier' || field === 'ship_date') {
        setErrors({ [field]: message });
        (field === 'tracking_number' ? input : field === 'carrier' ? carrierSelect : dateInput).current?.focus();
      } else {
        setFormError(message);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.isComposing) {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  const id = `entry-${order.account_id}-${order.id}`;
  const verdictState = checking ? 'checking' : verdict === null ? 'empty' : verdict.valid ? 'valid' : 'invalid';
  return (
    <form
      class="tracking-entry"
      data-testid="tracking-entry"
      data-order-for={order.id}
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
    >
      <h3 id={`${id}-heading`} class="tracking-entry-heading">
        {tr(i18n, 'orders-entry-heading', { order: order.id })}
      </h3>
      <p class="tracking-entry-item">{order.item_title}</p>
      <div class="tracking-entry-fields">
        <div class="field field-grow">
          <label for={`${id}-number`}>{tr(i18n, 'orders-entry-number')}</label>
          <input
            id={`${id}-number`}
            ref={input}
            class="input mono"
            data-testid="tracking-input"
            type="text"
            inputMode="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            value={number}
            aria-invalid={errors.tracking_number || verdictState === 'invalid' ? 'true' : undefined}
            aria-describedby={`${id}-verdict${errors.tracking_number ? ` ${id}-number-error` : ''}`}
            onInput={(e) => setNumber((e.currentTarget as HTMLInputElement).value)}
          />
          {errors.tracking_number && (
            <p class="field-error" id={`${id}-number-error`} data-testid="tracking-number-error" role="alert">
              {errors.tracking_number}
            </p>
          )}
        </div>
        {showCarrier && (
          <div class="field">
            <label for={`${id}-carrier`}>{tr(i18n, 'orders-entry-carrier')}</label>
            <select
              id={`${id}-carrier`}
              ref={carrierSelect}
              class="select"
              data-testid="tracking-carrier"
              value={carrier}
              aria-invalid={errors.carrier ? 'true' : undefined}
              onChange={(e) => setCarrier((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="">{tr(i18n, verdict?.needs_carrier ? 'orders-entry-carrier-choose' : 'orders-entry-carrier-auto')}</option>
              {carrierChoices.map((c) => (
                <option key={c} value={c}>
                  {carrierName(i18n, c)}
                </option>
              ))}
            </select>
            {errors.carrier && (
              <p class="field-error" data-testid="tracking-carrier-error" role="alert">
                {errors.carrier}
              </p>
            )}
          </div>
        )}
        <div class="field">
          <label for={`${id}-date`}>{tr(i18n, 'orders-entry-ship-date')}</label>
          <input
            id={`${id}-date`}
            ref={dateInput}
            class="input"
            data-testid="tracking-ship-date"
            type="date"
            value={shipDate}
            max={today}
            aria-invalid={errors.ship_date ? 'true' : undefined}
            onInput={(e) => setShipDate((e.currentTarget as HTMLInputElement).value)}
          />
          {errors.ship_date && (
            <p class="field-error" data-testid="tracking-ship-date-error" role="alert">
              {errors.ship_date}
            </p>
          )}
        </div>
      </div>
      <div class="tracking-verdict" id={`${id}-verdict`} data-testid="tracking-verdict" data-state={verdictState} aria-live="polite">
        {verdictState === 'checking' && <span class="verdict-checking">{tr(i18n, 'orders-entry-checking')}</span>}
        {verdict && !checking && <Verdict verdict={verdict} />}
      </div>
      {formError && (
        <p class="alert" role="alert" data-testid="tracking-form-error">
          {formError}
        </p>
      )}
      <div class="tracking-entry-actions">
        <button type="submit" class="button primary" data-testid="tracking-submit" disabled={submitting || number.trim() === ''}>
          {tr(i18n, 'orders-entry-submit')}
        </button>
        <button type="button" class="button" data-testid="tracking-cancel" onClick={onClose}>
          {tr(i18n, 'orders-entry-cancel')}
        </button>
        <AskTeamButton order={order} />
      </div>
    </form>
  );
}

function Verdict({ verdict: v }: { verdict: TrackingVerdict }) {
  const i18n = useI18n();
  const digitState = v.check_digit === 'passed' || v.check_digit === 'failed' ? v.check_digit : 'none';
  return (
    <div class="verdict">
      <p class={`verdict-head ${v.valid ? 'verdict-valid' : 'verdict-invalid'}`} data-testid="tracking-verdict-text">
        {v.valid
          ? tr(i18n, 'orders-verdict-valid')
          : tr(i18n, 'orders-verdict-invalid', { reason: v.rejection ? rejectionText(i18n, v.rejection) : '' })}
      </p>
      <ul class="verdict-facts">
        {v.normalized !== '' && (
          <li data-testid="tracking-normalized">
            {tr(i18n, 'orders-verdict-normalized')} <span class="mono">{v.normalized}</span>
          </li>
        )}
        {v.format && <li data-testid="tracking-format">{tr(i18n, 'orders-verdict-format', { format: formatName(i18n, v.format) })}</li>}
        {v.needs_carrier ? (
          <li data-testid="tracking-candidates">
            {tr(i18n, 'orders-verdict-candidates', { carriers: v.candidates.map((c) => carrierName(i18n, c)).join(', ') })}
          </li>
        ) : (
          v.carrier && <li data-testid="tracking-carrier-name">{tr(i18n, 'orders-verdict-carrier', { carrier: carrierName(i18n, v.carrier) })}</li>
        )}
        <li data-testid="tracking-check-digit" data-state={digitState} class={`check-digit check-digit-${digitState}`}>
          {digitState === 'passed'
            ? tr(i18n, 'orders-check-digit-passed')
            : digitState === 'failed'
              ? tr(i18n, 'orders-check-digit-failed')
              : tr(i18n, 'orders-check-digit-none')}
        </li>
        {v.routing_zip && (
          <li data-testid="tracking-routing">{tr(i18n, 'tracking-routing-stripped', { zip: v.routing_zip, normalized: v.normalized })}</li>
        )}
      </ul>
    </div>
  );
}
