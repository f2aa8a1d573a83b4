// Mounting one screen of the registry with its props, the way App gives them.
import type { ComponentChild } from 'preact';
import { vi } from 'vitest';
import type { Locale } from '../ipc';
import { ALL, NavigateContext, type Navigate, type View } from '../nav/route';
import type { ScreenProps } from '../screens';
import { mount, settle } from './dom';
import { makeInbox } from './fixtures';

export function screenProps(now: number, over: Partial<ScreenProps> = {}): ScreenProps {
  const inbox = makeInbox(now);
  return {
    view: { name: 'inbox' },
    filter: ALL,
    accounts: inbox.accounts,
    inbox,
    revision: 0,
    now,
    loadError: null,
    reload: () => undefined,
    ...over,
  };
}

export const navigate = (view: View, over: Partial<Navigate> = {}): Navigate => ({
  view,
  backTarget: null,
  open: vi.fn(),
  openCase: vi.fn(),
  openOrder: vi.fn(),
  canOpenOrder: true,
  askQuestion: vi.fn(),
  canAsk: true,
  back: vi.fn(),
  filter: ALL,
  setFilter: vi.fn(),
  ...over,
});

/** Mounts `node` under a navigation context and lets its first load settle. */
export async function mountScreen(node: ComponentChild, view: View, locale: Locale = 'en', nav = navigate(view)): Promise<HTMLElement> {
  const el = mount(<NavigateContext.Provider value={nav}>{node}</NavigateContext.Provider>, locale);
  await settle();
  return el;
}
