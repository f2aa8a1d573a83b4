import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import {
  deleteReplyTemplate,
  errorField,
  fillReplyTemplate,
  getReplyTemplates,
  saveReplyTemplate,
  type AccountId,
  type ReplyTemplate,
} from '../ipc';
import { ownLanguageName, useProgramText } from './ProgramText';
import './templates.css';

type Props = {
  accountId: AccountId;
  caseId: string;
  /** The reply language chosen: the menu lists its templates, and a template is saved in it. */
  language: string;
  /** The text of the reply box now (what "Save as template" saves). */
  text: string;
  disabled?: boolean;
  /** A template was chosen and filled in for this case: put `filled` at the cursor. */
  onInsert: (filled: string) => void;
  /** Focus returns to the reply box (after the menu or the form closes without inserting). */
  onDone: () => void;
};

/**
 * The reply templates of one language: a menu (arrow keys, Enter, Escape) to insert one filled in
 * for the case, delete one, and save the reply written so far as a new one.
 */
export function TemplateMenu({ accountId, caseId, language, text, disabled, onInsert, onDone }: Props) {
  const i18n = useI18n();
  const p = useProgramText();
  const id = useId();
  const [templates, setTemplates] = useState<ReplyTemplate[]>([]);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; field: string | null } | null>(null);
  const [note, setNote] = useState('');
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const load = async () => {
    try {
      setTemplates(await getReplyTemplates());
    } catch (e) {
      setError({ text: i18n.error(e), field: null });
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const mine = templates.filter((t) => t.language === language);
  const languageName = ownLanguageName(language);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];

  useEffect(() => {
    if (open) items()[0]?.focus();
  }, [open]);

  useEffect(() => {
    if (saving) nameInput.current?.focus();
  }, [saving]);

  const close = (refocus: 'button' | 'box' | 'none' = 'button') => {
    setOpen(false);
    if (refocus === 'button') menuButton.current?.focus();
    else if (refocus === 'box') onDone();
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? (at + 1) % list.length : (at - 1 + list.length) % list.length;
      list[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      list[e.key === 'Home' ? 0 : list.length - 1]?.focus();
    } else if (e.key === 'Escape') {
      // Escape closes the menu, not the case.
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') {
      close('none');
    }
  };

  const insert = async (t: ReplyTemplate) => {
    setBusy(true);
    setError(null);
    try {
      const filled = await fillReplyTemplate(t.id, accountId, caseId);
      setOpen(false);
      onInsert(filled);
      setNote(p('template-inserted', { name: t.name }));
    } catch (e) {
      setError({ text: i18n.error(e), field: null });
      close();
      void load();
    } finally {
      setBusy(false);
    }
  };

  const remove = async (t: ReplyTemplate) => {
    setBusy(true);
    setError(null);
    try {
      await deleteReplyTemplate(t.id);
      setNote(p('template-deleted', { name: t.name }));
    } catch (e) {
      setError({ text: i18n.error(e), field: null });
    } finally {
      setBusy(false);
      await load();
      close();
    }
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await saveReplyTemplate(null, name, language, text);
      setSaving(false);
      setName('');
      setNote(p('template-saved', { name: saved.name, language: ownLanguageName(saved.language) }));
      await load();
      onDone();
    } catch (err) {
      setError({ text: i18n.error(err), field: errorField(err) });
      if (errorField(err) === 'name') nameInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const nameErrorId = `${id}-name-error`;
  return (
    <div class="reply-tools" data-testid="template-tools">
      <div class="template-menu">
        <button
          type="button"
          class="button"
          ref={menuButton}
          id={`${id}-button`}
          data-testid="template-menu"
          aria-haspopup="menu"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={open ? `${id}-menu` : undefined}
          disabled={disabled || busy}
          onClick={() => (open ? close() : setOpen(true))}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && !open) {
              e.preventDefault();
              setOpen(true);
            }
          }}
        >
          {p('template-menu')} <span aria-hidden="true">▾</span>
        </button>
        {open && (
          <ul
            class="template-list"
            id={`${id}-menu`}
            role="menu"
            aria-label={p('template-menu-label', { language: languageName })}
            data-testid="template-list"
            ref={menu}
            onKeyDown={onMenuKey}
          >
            {mine.length === 0 ? (
              <li role="none" class="program-note" data-testid="template-none">
                <span role="menuitem" tabIndex={-1} aria-disabled="true" class="template-item">
                  {p('template-none', { language: languageName })}
                </span>
              </li>
            ) : (
              mine.map((t) => (
                <li role="none" key={t.id}>
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    class="template-item"
                    lang={t.language}
                    data-testid="template-item"
                    data-template-id={t.id}
                    onClick={() => void insert(t)}
                  >
                    {t.name}
                  </button>
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    class="template-item link-button"
                    data-testid="template-delete"
                    data-template-id={t.id}
                    aria-label={p('template-delete-label', { name: t.name })}
                    onClick={() => void remove(t)}
                  >
                    {p('template-delete')}
                  </button>
                </li>
              ))
            )}
          </ul>
        )}
      </div>
      {saving ? (
        <form
          class="template-save-form"
          data-testid="template-save-form"
          onSubmit={(e) => void save(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !e.isComposing) {
              e.preventDefault();
              e.stopPropagation();
              setSaving(false);
              setError(null);
              onDone();
            }
          }}
        >
          <div class="field">
            <label class="field-label" for={`${id}-name`}>
              {p('template-name-label')}
            </label>
            <input
              id={`${id}-name`}
              ref={nameInput}
              class="input"
              data-testid="template-name"
              value={name}
              aria-invalid={error?.field === 'name' ? 'true' : undefined}
              aria-describedby={error?.field === 'name' ? nameErrorId : undefined}
              onInput={(e) => {
                setName((e.currentTarget as HTMLInputElement).value);
                if (error?.field === 'name') setError(null);
              }}
            />
          </div>
          <button type="submit" class="button primary" data-testid="template-save-confirm" disabled={busy}>
            {p('template-save-confirm')}
          </button>
          <button
            type="button"
            class="button"
            data-testid="template-save-cancel"
            onClick={() => {
              setSaving(false);
              setError(null);
              onDone();
            }}
          >
            {p('template-cancel')}
          </button>
        </form>
      ) : (
        <button type="button" class="button" data-testid="template-save" disabled={disabled || busy} onClick={() => setSaving(true)}>
          {p('template-save')}
        </button>
      )}
      {error && (
        <p class="program-field-error" role="alert" id={error.field === 'name' ? nameErrorId : undefined} data-testid="template-error" data-field={error.field ?? undefined}>
          {error.text}
        </p>
      )}
      <span class="sr-only" role="status" data-testid="template-note">
        {note}
      </span>
    </div>
  );
}
