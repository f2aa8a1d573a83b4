// Small helpers for driving Preact components in jsdom the way a seller would.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { I18nContext, getI18n } from '../i18n';
import type { Locale } from '../ipc';

let container: HTMLElement | null = null;

export function mount(node: ComponentChild, locale: Locale = 'en'): HTMLElement {
  container = document.createElement('div');
  document.body.appendChild(container);
  act(() => {
    render(<I18nContext.Provider value={getI18n(locale)}>{node}</I18nContext.Provider>, container!);
  });
  return container;
}

/** Renders nothing in place of the mounted tree (unmounts it), as leaving a screen does. */
export function unmount(): void {
  if (!container) return;
  const c = container;
  act(() => render(null, c));
  c.remove();
  container = null;
}

/**
 * Lets timers (fake or real) and promises run, then commits what they
 * rendered. A few passes, because effects that run when one pass commits
 * (a reload after a re-render) start IPC calls that resolve in the next.
 */
export async function settle(ms = 0): Promise<void> {
  for (let pass = 0; pass < 3; pass++) {
    await act(async () => {
      const wait = pass === 0 ? ms : 0;
      if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(wait);
      else await new Promise((r) => setTimeout(r, wait));
    });
  }
}

export function $(root: ParentNode, testid: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
  if (!el) throw new Error(`no [data-testid="${testid}"]`);
  return el;
}

export function $$(root: ParentNode, testid: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)];
}

/** Types `value` into a textarea or input as one input event (what the browser sends after a keystroke or a paste). */
export function type(el: HTMLElement, value: string): void {
  act(() => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function click(el: HTMLElement): void {
  act(() => el.click());
}

export function key(el: HTMLElement, k: string, init: KeyboardEventInit = {}): void {
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
  });
}

export function blur(el: HTMLElement): void {
  act(() => {
    el.dispatchEvent(new FocusEvent('blur'));
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

/** Renders `node` again into the mounted container (new props for the same tree). */
export function rerender(node: ComponentChild, locale: Locale = 'en'): void {
  if (!container) throw new Error('nothing mounted');
  const c = container;
  act(() => {
    render(<I18nContext.Provider value={getI18n(locale)}>{node}</I18nContext.Provider>, c);
  });
}
