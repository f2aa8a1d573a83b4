import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

type Props = {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  /** `danger` for a confirmation that takes something away (a pause). */
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
  onCancel: () => void;
  testid?: string;
};

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal confirmation: focus starts on Cancel (the safe choice), Tab and Shift+Tab stay inside,
 * Escape cancels. Whoever opens it puts focus back where it was when it closes.
 */
export function ProgramDialog({ title, children, confirmLabel, cancelLabel, busy, tone = 'primary', onConfirm, onCancel, testid = 'program-dialog' }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancel.current?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.isComposing) {
      e.preventDefault();
      e.stopPropagation();
      if (!busy) onCancel();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !dialog.current.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !dialog.current.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="program-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onCancel()}>
      <div
        class="program-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        data-testid={testid}
        ref={dialog}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`} class="program-dialog-title">
          {title}
        </h2>
        <div id={`${id}-body`} class="program-dialog-body" data-testid={`${testid}-body`}>
          {children}
        </div>
        <div class="queue-buttons program-dialog-buttons">
          <button type="button" class={`button ${tone}`} data-testid={`${testid}-confirm`} disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
          <button type="button" class="button" data-testid={`${testid}-cancel`} ref={cancel} disabled={busy} onClick={onCancel}>
            {cancelLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
