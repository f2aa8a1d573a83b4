// Where the window is, and how any component moves it: a plain state, not a router (a desktop
// window has no URLs to share). Components call `useNavigate()`; App provides it.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AccountId } from '../bindings/AccountId';
import type { ViewFilter } from './types';

/** Every screen the sidebar can list. A screen exists when the registry (screens.tsx) renders it. */
export type ScreenId =
  | 'inbox'
  | 'orders'
  | 'enrollment'
  | 'returns'
  | 'feedback'
  | 'questions'
  | 'performance'
  | 'queue'
  | 'accounts'
  | 'settings';

/** One case or one order, opened from a screen (`from`: the screen the sidebar keeps showing as current). */
export type DetailView =
  | { name: 'case'; accountId: AccountId; caseId: string; from: ScreenId }
  | { name: 'order'; accountId: AccountId; orderId: string; from: ScreenId }
  /** The questions screen with its form open on a question about this order (from an order or a case). */
  | { name: 'ask'; accountId: AccountId; orderId: string; from: ScreenId };

export type View = { name: ScreenId } | DetailView;

export const isDetail = (v: View): v is DetailView => v.name === 'case' || v.name === 'order' || v.name === 'ask';

/** The sidebar entry a view belongs to. */
export function screenOf(v: View): ScreenId {
  return isDetail(v) ? v.from : v.name;
}

/** A stable key for a view (scroll positions are kept per key). */
export function viewKey(v: View): string {
  if (v.name === 'case') return `case:${v.accountId}/${v.caseId}`;
  if (v.name === 'order') return `order:${v.accountId}/${v.orderId}`;
  if (v.name === 'ask') return `ask:${v.accountId}/${v.orderId}`;
  return v.name;
}

/** What Back returns to: a screen, or the case or order the current view was opened from. */
export type BackTarget = ScreenId | 'case' | 'order' | 'ask';

export type Navigate = {
  /** What the window shows now. */
  view: View;
  /** Where Back goes (null on a screen opened from the sidebar). */
  backTarget: BackTarget | null;
  /** Opens a screen (as the sidebar does): history is cleared and focus goes to its heading. */
  open(screen: ScreenId): void;
  /** Opens a case; `from` defaults to the screen shown now. Back returns here, scroll and focus restored. */
  openCase(accountId: AccountId, caseId: string, from?: ScreenId): void;
  /** Opens an order on the orders screen; a no-op while `canOpenOrder` is false (no orders screen yet). */
  openOrder(accountId: AccountId, orderId: string, from?: ScreenId): void;
  /** Whether the orders screen exists to show an order: hide "open order" links when it does not. */
  canOpenOrder: boolean;
  /** Opens the questions screen on a question to the CSBA team about an order; Back returns here. */
  askQuestion(accountId: AccountId, orderId: string): void;
  /** Whether the questions screen exists: hide "Ask the CSBA team" when it does not. */
  canAsk: boolean;
  /** Returns to where the current case or order was opened from. */
  back(): void;
  /** The store and marketplace the seller is looking at. */
  filter: ViewFilter;
  setFilter(filter: ViewFilter): void;
};

export const ALL: ViewFilter = { account_id: null, marketplace: null };

const noop = () => undefined;
export const NavigateContext = createContext<Navigate>({
  view: { name: 'inbox' },
  backTarget: null,
  open: noop,
  openCase: noop,
  openOrder: noop,
  canOpenOrder: false,
  askQuestion: noop,
  canAsk: false,
  back: noop,
  filter: ALL,
  setFilter: noop,
});

export function useNavigate(): Navigate {
  return useContext(NavigateContext);
}

/** Whether a row of `account_id` in `marketplace` is in the filter. */
export function inFilter(filter: ViewFilter, row: { account_id: AccountId; marketplace: string }): boolean {
  return (
    (filter.account_id === null || row.account_id === filter.account_id) &&
    (filter.marketplace === null || row.marketplace === filter.marketplace)
  );
}

/** The navigation history: the view shown and the views Back returns to, most recent last. */
export type History = { view: View; stack: View[] };

const MAX_STACK = 20;

export function openScreen(_h: History, screen: ScreenId): History {
  return { view: { name: screen }, stack: [] };
}

/** Shows `next`, remembering the current view for Back. */
export function push(h: History, next: DetailView): History {
  const same = viewKey(next) === viewKey(h.view);
  if (same) return h;
  return { view: next, stack: [...h.stack, h.view].slice(-MAX_STACK) };
}

export function pop(h: History): History {
  if (h.stack.length === 0) return isDetail(h.view) ? { view: { name: h.view.from }, stack: [] } : h;
  return { view: h.stack[h.stack.length - 1], stack: h.stack.slice(0, -1) };
}

export function backTargetOf(h: History): BackTarget | null {
  const prev = h.stack[h.stack.length - 1] ?? (isDetail(h.view) ? { name: h.view.from } : null);
  return prev ? prev.name : null;
}
