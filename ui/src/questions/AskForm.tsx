import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { askQuestion, errorField, questionSubject, type AccountId, type AccountView } from '../ipc';
import { MAX_QUESTION_CHARS, qt } from './text';

export const SUBJECT_DEBOUNCE_MS = 250;

type Props = {
  accounts: AccountView[];
  /** Prefilled from an order or a case (the `ask` view). */
  accountId: AccountId | null;
  orderId: string;
  /** Focus the question box at once (opened from an order or a case). */
  autoFocus: boolean;
  onQueued: () => void;
};

type Field = 'order_id' | 'question';

/** Asks the CSBA team how it handled an order: the order, the question, the subject it goes out with. */
export function AskForm({ accounts, accountId, orderId: initialOrder, autoFocus, onQueued }: Props) {
  const i18n = useI18n();
  const [account, setAccount] = useState<AccountId | null>(accountId ?? accounts[0]?.id ?? null);
  const [orderId, setOrderId] = useState(initialOrder);
  const [question, setQuestion] = useState('');
  const [subject, setSubject] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [queued, setQueued] = useState(false);
  const orderRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const generation = useRef(0);

  useEffect(() => {
    if (account === null && accounts[0]) setAccount(accounts[0].id);
  }, [accounts]);

  useEffect(() => {
    if (autoFocus) (initialOrder ? textRef : orderRef).current?.focus();
  }, []);

  // The subject preview (and whether the replica knows the order) once typing pauses.
  useEffect(() => {
    const mine = ++generation.current;
    const id = orderId.trim();
    if (id === '' || account === null) {
      setSubject(null);
      return;
    }
    const timer = setTimeout(() => {
      questionSubject(account, id).then(
        (s) => {
          if (mine !== generation.current) return;
          setSubject(s);
          setErrors((e) => ({ ...e, order_id: undefined }));
        },
        (e) => {
          if (mine !== generation.current) return;
          setSubject(null);
          setErrors((old) => ({ ...old, order_id: i18n.error(e) }));
        },
      );
    }, SUBJECT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [orderId, account]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (submitting || account === null) return;
    setErrors({});
    setFormError(null);
    setSubmitting(true);
    try {
      await askQuestion(account, orderId.trim(), question);
      setQuestion('');
      setQueued(true);
      onQueued();
    } catch (err) {
      const field = errorField(err);
      const text = i18n.error(err);
      if (field === 'order_id' || field === 'question') {
        setErrors({ [field]: text });
        (field === 'order_id' ? orderRef : textRef).current?.focus();
      } else setFormError(text);
    } finally {
      setSubmitting(false);
    }
  };

  // Counted as the service counts: characters (code points) of the trimmed text.
  const chars = [...question.trim()].length;
  const over = chars > MAX_QUESTION_CHARS;
  return (
    <form class="ask-form" data-testid="ask-question-form" aria-labelledby="ask-heading" onSubmit={submit} noValidate>
      <h2 id="ask-heading">{qt(i18n, 'questions-ask-heading')}</h2>
      <p class="field-hint">{qt(i18n, 'questions-ask-hint')}</p>
      <div class="ask-fields">
        {accounts.length > 1 && (
          <div class="field">
            <label for="ask-account">{qt(i18n, 'questions-ask-store')}</label>
            <select
              id="ask-account"
              class="select"
              data-testid="ask-question-account"
              value={account === null ? '' : String(account)}
              onChange={(e) => setAccount(Number((e.currentTarget as HTMLSelectElement).value))}
            >
              {accounts.map((a) => (
                <option key={a.id} value={String(a.id)}>
                  {a.display_name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="ask-order">{qt(i18n, 'questions-ask-order')}</label>
          <input
            id="ask-order"
            ref={orderRef}
            class="input mono"
            data-testid="ask-question-order"
            value={orderId}
            autoComplete="off"
            spellcheck={false}
            aria-invalid={errors.order_id ? 'true' : undefined}
            aria-describedby={errors.order_id ? 'ask-order-error' : undefined}
            onInput={(e) => {
              setQueued(false);
              setOrderId((e.currentTarget as HTMLInputElement).value);
            }}
          />
          {errors.order_id && (
            <p class="field-error" id="ask-order-error" data-testid="ask-question-order-error" role="alert">
              {errors.order_id}
            </p>
          )}
        </div>
      </div>
      <div class="field">
        <label for="ask-text">{qt(i18n, 'questions-ask-text')}</label>
        <textarea
          id="ask-text"
          ref={textRef}
          class="input"
          rows={4}
          data-testid="ask-question-text"
          value={question}
          aria-invalid={errors.question || over ? 'true' : undefined}
          aria-describedby={`ask-count${errors.question ? ' ask-text-error' : ''}`}
          onInput={(e) => {
            setQueued(false);
            setQuestion((e.currentTarget as HTMLTextAreaElement).value);
            // The refusal was about the text as it was; the seller is fixing it.
            setErrors((old) => ({ ...old, question: undefined }));
          }}
        />
        <p class={`field-hint${over ? ' field-error' : ''}`} id="ask-count" data-testid="ask-question-count">
          {qt(i18n, 'questions-chars', { chars, max: MAX_QUESTION_CHARS })}
        </p>
        {errors.question && (
          <p class="field-error" id="ask-text-error" data-testid="ask-question-text-error" role="alert">
            {errors.question}
          </p>
        )}
      </div>
      {subject && (
        <p class="ask-subject">
          <span class="field-label">{qt(i18n, 'questions-subject')}</span>{' '}
          <span data-testid="ask-question-subject">{subject}</span>
        </p>
      )}
      {formError && (
        <p class="alert" role="alert" data-testid="ask-question-error">
          {formError}
        </p>
      )}
      {queued && (
        <p class="flag flag-pending" role="status" data-testid="ask-question-queued">
          {qt(i18n, 'questions-queued')}
        </p>
      )}
      <div class="tracking-entry-actions">
        <button type="submit" class="button primary" data-testid="ask-question-submit" disabled={submitting || account === null}>
          {qt(i18n, 'questions-ask-submit')}
        </button>
      </div>
    </form>
  );
}
