import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { composeRemoval, errorField, requestRemoval, type FeedbackView, type RemovalDraftView } from '../ipc';
import { Comment } from './Comment';
import { GROUNDS, MAX_EXPLANATION_CHARS, fb, groundLabel, recipientLabel } from './text';

/** How long the seller may pause typing before the preview (recipient, subject) is asked again. */
export const COMPOSE_DEBOUNCE_MS = 250;

type Props = { feedback: FeedbackView; onQueued: () => void; onClose: () => void };
type Field = 'ground' | 'explanation';

/** The removal request for one feedback: ground, explanation, and the subject the CSBA team expects. */
export function RemovalComposer({ feedback: f, onQueued, onClose }: Props) {
  const i18n = useI18n();
  const suggested = f.possible_grounds.map((g) => g.ground);
  const [ground, setGround] = useState<string>(suggested[0] ?? '');
  const [explanation, setExplanation] = useState('');
  const [preview, setPreview] = useState<RemovalDraftView | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const groundRef = useRef<HTMLSelectElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const generation = useRef(0);

  useEffect(() => {
    groundRef.current?.focus();
  }, []);

  // The preview as the request would go out; a refusal about the ground shows at once.
  useEffect(() => {
    const mine = ++generation.current;
    if (ground === '') return;
    const timer = setTimeout(() => {
      composeRemoval(f.account_id, f.id, ground, explanation).then(
        (p) => {
          if (mine !== generation.current) return;
          setPreview(p);
          setErrors((e) => ({ ...e, ground: undefined }));
        },
        (e) => {
          if (mine !== generation.current) return;
          if (errorField(e) === 'ground') setErrors((old) => ({ ...old, ground: i18n.error(e) }));
        },
      );
    }, COMPOSE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [ground, explanation, f.account_id, f.id]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (submitting) return;
    setErrors({});
    setFormError(null);
    setSubmitting(true);
    try {
      await requestRemoval(f.account_id, f.id, ground, explanation);
      onQueued();
    } catch (err) {
      const field = errorField(err);
      const text = i18n.error(err);
      if (field === 'ground' || field === 'explanation') {
        setErrors({ [field]: text });
        (field === 'ground' ? groundRef : textRef).current?.focus();
      } else setFormError(text);
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

  const id = `removal-${f.account_id}-${f.id}`;
  // Counted as the service counts: characters (code points) of the trimmed text.
  const chars = [...explanation.trim()].length;
  const over = chars > MAX_EXPLANATION_CHARS;
  const subject = preview?.subject ?? (ground === 'caused_by_csba' ? f.subject_preview : null);
  const others = GROUNDS.filter((g) => !suggested.includes(g));
  return (
    <form class="removal-composer" data-testid="removal-composer" aria-labelledby={`${id}-heading`} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <h3 id={`${id}-heading`}>{fb(i18n, 'feedback-composer-heading', { order: f.order_id })}</h3>
      <Comment text={f.comment} spans={f.spans} testid="removal-comment" />
      {f.possible_grounds.length > 0 && (
        <ul class="ground-evidence">
          {f.possible_grounds.map((g) => (
            <li key={g.ground}>
              {fb(i18n, 'feedback-evidence', { ground: groundLabel(i18n, g.ground), words: g.evidence.map((w) => `“${w}”`).join(', ') })}
            </li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for={`${id}-ground`}>{fb(i18n, 'feedback-ground-label')}</label>
        <select
          id={`${id}-ground`}
          ref={groundRef}
          class="select"
          data-testid="removal-ground"
          value={ground}
          aria-invalid={errors.ground ? 'true' : undefined}
          aria-describedby={errors.ground ? `${id}-ground-error` : undefined}
          onChange={(e) => setGround((e.currentTarget as HTMLSelectElement).value)}
        >
          {ground === '' && <option value="">{fb(i18n, 'feedback-ground-choose')}</option>}
          {suggested.length > 0 && (
            <optgroup label={fb(i18n, 'feedback-ground-suggested')}>
              {suggested.map((g) => (
                <option key={g} value={g}>
                  {groundLabel(i18n, g)}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={fb(i18n, 'feedback-ground-others')}>
            {others.map((g) => (
              <option key={g} value={g}>
                {groundLabel(i18n, g)}
              </option>
            ))}
          </optgroup>
        </select>
        {errors.ground && (
          <p class="field-error" id={`${id}-ground-error`} data-testid="removal-ground-error" role="alert">
            {errors.ground}
          </p>
        )}
      </div>
      <div class="field">
        <label for={`${id}-explanation`}>{fb(i18n, 'feedback-explanation-label')}</label>
        <textarea
          id={`${id}-explanation`}
          ref={textRef}
          class="input"
          rows={4}
          data-testid="removal-explanation"
          value={explanation}
          aria-invalid={errors.explanation || over ? 'true' : undefined}
          aria-describedby={`${id}-count${errors.explanation ? ` ${id}-explanation-error` : ''}`}
          onInput={(e) => {
            setExplanation((e.currentTarget as HTMLTextAreaElement).value);
            // The refusal was about the text as it was; the seller is fixing it.
            setErrors((old) => ({ ...old, explanation: undefined }));
          }}
        />
        <p class={`field-hint${over ? ' field-error' : ''}`} id={`${id}-count`} data-testid="removal-count">
          {fb(i18n, 'feedback-chars', { chars, max: MAX_EXPLANATION_CHARS })}
        </p>
        {errors.explanation && (
          <p class="field-error" id={`${id}-explanation-error`} data-testid="removal-explanation-error" role="alert">
            {errors.explanation}
          </p>
        )}
      </div>
      <div class="removal-preview" aria-live="polite">
        <p>
          <span class="field-label">{fb(i18n, 'feedback-sent-to')}</span>{' '}
          <span data-testid="removal-recipient">{preview ? recipientLabel(i18n, preview.recipient) : ''}</span>
        </p>
        {subject && (
          <p>
            <span class="field-label">{fb(i18n, 'feedback-subject')}</span>{' '}
            <span class="removal-subject" data-testid="removal-subject" lang="zh-CN">
              {subject}
            </span>
          </p>
        )}
      </div>
      {formError && (
        <p class="alert" role="alert" data-testid="removal-form-error">
          {formError}
        </p>
      )}
      <div class="tracking-entry-actions">
        <button type="submit" class="button primary" data-testid="removal-submit" disabled={submitting || ground === ''}>
          {fb(i18n, 'feedback-submit')}
        </button>
        <button type="button" class="button" data-testid="removal-cancel" onClick={onClose}>
          {fb(i18n, 'feedback-cancel')}
        </button>
      </div>
    </form>
  );
}
