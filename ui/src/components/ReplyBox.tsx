import type { MutableRef } from 'preact/hooks';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DraftSaver, type SaveStatus } from '../draftSaver';
import { useI18n } from '../i18n';
import { saveDraft, sendReply, type AccountId, type DraftView, type QueueItem } from '../ipc';
import { ownLanguageName, useProgramText } from './ProgramText';
import { TemplateMenu } from './TemplateMenu';

type Props = {
  accountId: AccountId;
  caseId: string;
  /** The case's language (the buyer's). */
  language: string;
  /** The languages CSBA takes replies in on this marketplace (empty: only the case's language). */
  replyLanguages?: string[];
  /** The reply language unless the seller picks another. */
  replyLanguage?: string | null;
  /** The draft as the case screen first loaded it; later reloads never touch the box. */
  draft: DraftView | null;
  /** CSBA resolved the case: it takes no replies any more. */
  resolved: boolean;
  /** Set to a function that saves what is typed now (for Back and Escape). */
  flushRef?: MutableRef<(() => Promise<void>) | null>;
  /** A save told us whether the case changed under the draft. */
  onDraftSaved?: (draft: DraftView | null) => void;
  onSent: (item: QueueItem) => void;
};

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The reply box. What the seller types is saved as a draft in the replica
 * (see DraftSaver): nothing typed is ever lost to a crash, a Back, or a
 * closed window.
 */
export function ReplyBox({
  accountId,
  caseId,
  language,
  replyLanguages = [],
  replyLanguage = null,
  draft,
  resolved,
  flushRef,
  onDraftSaved,
  onSent,
}: Props) {
  const i18n = useI18n();
  const p = useProgramText();
  // The seller writes (and CSBA receives) the reply in this language.
  const [chosen, setChosen] = useState<string | null>(() => replyLanguage ?? replyLanguages[0] ?? null);
  const [queuedIn, setQueuedIn] = useState<string | null>(null);
  // Where the caret goes once an inserted template is rendered.
  const caret = useRef<number | null>(null);
  const id = useId();
  const [text, setText] = useState(() => draft?.body ?? '');
  const onSaved = useRef(onDraftSaved);
  onSaved.current = onDraftSaved;
  // One saver per box; the case screen keys the box by case, so it never changes case.
  const saver = useMemo(
    () =>
      new DraftSaver(async (body) => {
        const saved = await saveDraft(accountId, caseId, body);
        onSaved.current?.(saved);
        return saved;
      }, draft),
    [],
  );
  const [status, setStatus] = useState<SaveStatus>(saver.current);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<unknown>(null);
  const [queued, setQueued] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    saver.subscribe(setStatus);
    const flush = () => saver.flush();
    // The window is closing or hidden: write what is typed now.
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    if (flushRef) flushRef.current = flush;
    return () => {
      window.removeEventListener('pagehide', onHide);
      if (flushRef && flushRef.current === flush) flushRef.current = null;
      saver.dispose();
      // Leaving the case: the last keystrokes go to the replica now.
      void flush();
    };
  }, [saver, flushRef]);

  const canSend = !resolved && !sending && text.trim() !== '';

  const send = async () => {
    if (!canSend) return;
    const body = text;
    setSending(true);
    setSendError(null);
    setQueued(false);
    try {
      // A save already on its way lands first: the send deletes the draft after it.
      await saver.settle();
      const item = await sendReply(accountId, caseId, body, chosen);
      saver.reset('');
      setText('');
      setQueued(true);
      setQueuedIn(chosen);
      onSent(item);
    } catch (e) {
      setSendError(e);
      // Not sent: make sure the text is (still) kept as a draft.
      saver.change(body);
    } finally {
      setSending(false);
      box.current?.focus();
    }
  };

  const onInput = (e: Event) => {
    const value = (e.currentTarget as HTMLTextAreaElement).value;
    setText(value);
    setQueued(false);
    setSendError(null);
    saver.change(value);
  };

  /** Puts `filled` where the caret is (replacing what is selected), saved as a draft like typed text. */
  const insertAtCursor = (filled: string) => {
    const el = box.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? start;
    const value = text.slice(0, start) + filled + text.slice(end);
    caret.current = start + filled.length;
    setText(value);
    setQueued(false);
    setSendError(null);
    saver.change(value);
  };

  useLayoutEffect(() => {
    const at = caret.current;
    if (at === null || !box.current) return;
    caret.current = null;
    box.current.focus();
    box.current.setSelectionRange(at, at);
  }, [text]);

  const onKeyDown = (e: KeyboardEvent) => {
    // An Enter that confirms an IME composition is not a send.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      void send();
    }
  };

  let line = '';
  let state = 'idle';
  if (status.saving) {
    line = i18n.t('draft-saving');
    state = 'saving';
  } else if (status.error != null) {
    line = i18n.error(status.error);
    state = 'error';
  } else if (queued) {
    line = queuedIn ? p('reply-lang-queued', { language: ownLanguageName(queuedIn) }) : i18n.t('reply-queued');
    state = 'queued';
  } else if (status.savedAt) {
    line = i18n.t('draft-saved', { time: i18n.time(status.savedAt) });
    state = 'saved';
  }

  const boxId = `${id}-box`;
  const statusId = `${id}-status`;
  const noteId = `${id}-note`;
  return (
    <section class="reply" aria-labelledby={`${id}-label`}>
      <div class="reply-labels">
        <label id={`${id}-label`} for={boxId} class="reply-label">
          {i18n.t('reply-label')}
        </label>
        {replyLanguages.length > 0 && !resolved ? (
          <span class="reply-language">
            <label for={`${id}-lang`}>{p('reply-lang-label')}</label>{' '}
            <select
              id={`${id}-lang`}
              class="select"
              data-testid="reply-language"
              value={chosen ?? undefined}
              disabled={sending}
              onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value)}
            >
              {replyLanguages.map((l) => (
                <option key={l} value={l} lang={l}>
                  {ownLanguageName(l)}
                </option>
              ))}
            </select>
          </span>
        ) : (
          language &&
          !resolved && <span class="reply-language">{i18n.t('case-reply-language', { language: i18n.languageName(language) })}</span>
        )}
      </div>
      {!resolved && chosen && (
        <TemplateMenu
          accountId={accountId}
          caseId={caseId}
          language={chosen}
          text={text}
          disabled={sending}
          onInsert={insertAtCursor}
          onDone={() => box.current?.focus()}
        />
      )}
      {resolved && (
        <p class="reply-closed" id={noteId} data-testid="reply-closed">
          {i18n.t('reply-closed-resolved')}
        </p>
      )}
      <textarea
        id={boxId}
        ref={box}
        class="reply-box"
        data-testid="reply-box"
        lang={chosen || language || undefined}
        rows={6}
        value={text}
        placeholder={resolved ? undefined : i18n.t('reply-placeholder')}
        // Read-only rather than disabled: a resolved case's draft can still be selected and copied.
        readOnly={resolved || sending}
        aria-disabled={resolved ? 'true' : undefined}
        aria-describedby={resolved ? `${noteId} ${statusId}` : statusId}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onBlur={() => void saver.flush()}
      />
      {sendError != null && (
        <p class="reply-error" role="alert" data-testid="send-error">
          {i18n.error(sendError)}
        </p>
      )}
      <div class="reply-actions">
        <p class={`draft-status draft-status-${state}`} id={statusId} role="status" data-testid="draft-status" data-state={state}>
          {line}
        </p>
        <span class="shortcut-hint" aria-hidden="true">
          {isMac ? '⌘ Enter' : 'Ctrl+Enter'}
        </span>
        <button
          type="button"
          class="button primary"
          data-testid="send-reply"
          disabled={!canSend}
          aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
          onClick={() => void send()}
        >
          {sending ? i18n.t('reply-sending') : i18n.t('reply-send')}
        </button>
      </div>
    </section>
  );
}
