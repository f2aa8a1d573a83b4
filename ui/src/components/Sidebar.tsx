import { Fragment } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { NavEntry } from '../nav/entries';
import type { ScreenId } from '../nav/route';
import type { Badges } from '../nav/types';

type Props = {
  entries: readonly NavEntry[];
  /** The entry shown as current (a case or order counts as the screen it was opened from). */
  current: ScreenId;
  badges: Badges;
  onOpen: (screen: ScreenId) => void;
  /** Icons only (the seller's choice, or a narrow window). */
  collapsed: boolean;
  onToggle: () => void;
};

/**
 * The screens, as a landmark with one tab stop: Up/Down/Home/End move between entries, Enter or
 * Space opens one (Alt+1…9 from anywhere is handled by App). Each badge is a number for the eye
 * and a sentence for screen readers.
 */
export function Sidebar({ entries, current, badges, onOpen, collapsed, onToggle }: Props) {
  const i18n = useI18n();
  const list = useRef<HTMLUListElement>(null);
  // The entry that takes the tab stop: the last one the keyboard was on, else the current one.
  const [focusId, setFocusId] = useState<ScreenId | null>(null);
  const tabStop = entries.some((e) => e.id === focusId) ? focusId : current;

  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button.nav-item') ?? [])];
  const move = (index: number) => {
    const all = buttons();
    if (all.length === 0) return;
    const i = (index + all.length) % all.length;
    setFocusId(entries[i].id);
    all[i].focus();
  };

  const onKeyDown = (e: KeyboardEvent, index: number, id: ScreenId) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    switch (e.key) {
      case 'ArrowDown':
        move(index + 1);
        break;
      case 'ArrowUp':
        move(index - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(entries.length - 1);
        break;
      case 'Enter':
      case ' ':
        onOpen(id);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <nav class={`sidebar${collapsed ? ' collapsed' : ''}`} aria-label={i18n.t('nav-label')} data-testid="sidebar">
      <ul class="sidebar-list" ref={list}>
        {entries.map((entry, index) => {
          const name = i18n.t(entry.label);
          const specs = entry.badges?.(badges) ?? [];
          const active = entry.id === current;
          return (
            <li key={entry.id}>
              <button
                type="button"
                class={active ? 'nav-item active' : 'nav-item'}
                data-testid={`nav-${entry.id}`}
                data-screen={entry.id}
                aria-current={active ? 'page' : undefined}
                aria-keyshortcuts={index < 9 ? `Alt+${index + 1}` : undefined}
                title={collapsed ? name : undefined}
                tabIndex={entry.id === tabStop ? 0 : -1}
                onClick={() => onOpen(entry.id)}
                onKeyDown={(e) => onKeyDown(e, index, entry.id)}
                onFocus={() => setFocusId(entry.id)}
              >
                {entry.icon}
                <span class="nav-label">{name}</span>
                {specs.length > 0 && (
                  <span class="nav-badges">
                    {/* The number is what a glance (or a test) reads; the words are for screen readers. */}
                    {specs.map((b) => (
                      <Fragment key={b.key}>
                        <span
                          class={`nav-count nav-count-${b.tone}${b.tone === 'danger' ? ' nav-count-failed' : ''}`}
                          data-testid={b.testid}
                          aria-hidden="true"
                          title={i18n.t(b.label, { count: b.count })}
                        >
                          {b.count}
                        </span>
                        <span class="sr-only">{i18n.t(b.label, { count: b.count })}</span>
                      </Fragment>
                    ))}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        class="sidebar-toggle"
        data-testid="sidebar-toggle"
        aria-expanded={collapsed ? 'false' : 'true'}
        title={collapsed ? i18n.t('nav-expand') : i18n.t('nav-collapse')}
        onClick={onToggle}
      >
        <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d={collapsed ? 'M9 6l6 6-6 6' : 'M15 6l-6 6 6 6'} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
        <span class="nav-label">{collapsed ? i18n.t('nav-expand') : i18n.t('nav-collapse')}</span>
      </button>
    </nav>
  );
}
