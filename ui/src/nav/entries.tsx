// The sidebar, as data: one entry per screen, in the order shown. A screen appears only once the
// registry (../screens.tsx) renders it, so an entry may be listed here before its screen exists.
// Adding a screen later: one entry here, its render function in the registry, `nav-…` in ui.ftl.
import type { ComponentChild } from 'preact';
import type { ScreenId } from './route';
import type { Badges } from './types';

/** One number on an entry. `label` is a ui.ftl id taking `$count`: the sentence screen readers hear. */
export type BadgeSpec = {
  key: string;
  count: number;
  /** `accent`: needs the seller; `warn`: soon a problem; `danger`: refused or overdue. */
  tone: 'accent' | 'warn' | 'danger';
  label: string;
  /** The data-testid of the number (stable for tests and the webview test). */
  testid: string;
};

export type NavEntry = {
  id: ScreenId;
  /** ui.ftl id of the entry's name. */
  label: string;
  icon: ComponentChild;
  badges?: (b: Badges) => BadgeSpec[];
};

const icon = (d: string) => (
  <svg class="nav-icon" width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d={d} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
  </svg>
);

const one = (key: string, count: number, tone: BadgeSpec['tone'], label: string, testid = `badge-${key}`): BadgeSpec[] =>
  count > 0 ? [{ key, count, tone, label, testid }] : [];

export const NAV_ENTRIES: readonly NavEntry[] = [
  {
    id: 'inbox',
    label: 'nav-cases',
    icon: icon('M4 5h16v10h-5l-3 3-3-3H4z M8 9h8 M8 12h5'),
    badges: (b) => one('cases-due', b.cases_due, 'accent', 'badge-cases-due'),
  },
  {
    id: 'orders',
    label: 'nav-orders',
    icon: icon('M3 7l9-4 9 4-9 4-9-4z M3 7v10l9 4 9-4V7 M12 11v10'),
    badges: (b) => one('orders-without-tracking', b.orders_without_tracking, 'warn', 'badge-orders-without-tracking'),
  },
  {
    id: 'enrollment',
    label: 'nav-enrollment',
    icon: icon('M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6z M9 12l2 2 4-4'),
  },
  {
    id: 'returns',
    label: 'nav-returns',
    icon: icon('M9 14l-5-5 5-5 M4 9h10a6 6 0 0 1 0 12h-3'),
  },
  {
    id: 'feedback',
    label: 'nav-feedback',
    icon: icon('M12 3l2.6 5.6 6 .7-4.5 4.1 1.2 6L12 16.5 6.7 19.4l1.2-6L3.4 9.3l6-.7z'),
    badges: (b) => one('removable-feedback', b.removable_feedback, 'warn', 'badge-removable-feedback'),
  },
  {
    id: 'questions',
    label: 'nav-questions',
    icon: icon('M12 21a9 9 0 1 0-9-9c0 1.6.4 3.1 1.2 4.4L3 21l4.6-1.2A9 9 0 0 0 12 21z M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6 M12 16.5v.01'),
    badges: (b) => one('questions-awaiting', b.questions_awaiting, 'accent', 'badge-questions-awaiting'),
  },
  {
    id: 'performance',
    label: 'nav-performance',
    icon: icon('M4 20V4 M4 20h16 M7 15l4-4 3 3 5-6'),
  },
  {
    id: 'queue',
    label: 'nav-queue',
    icon: icon('M4 12l16-8-6 16-3-7-7-1z'),
    badges: (b) => [
      ...one('queued', b.queued_actions, 'accent', 'queue-badge-waiting', 'queue-badge'),
      ...one('failed', b.failed_actions, 'danger', 'queue-badge-failed', 'queue-failed-badge'),
    ],
  },
  {
    id: 'accounts',
    label: 'nav-accounts',
    icon: icon('M4 10l1.5-5h13L20 10 M4 10v9h16v-9 M4 10c0 1.5 1.3 2.5 2.7 2.5S9.3 11.5 9.3 10c0 1.5 1.3 2.5 2.7 2.5s2.7-1 2.7-2.5c0 1.5 1.3 2.5 2.6 2.5S20 11.5 20 10 M10 19v-4h4v4'),
  },
  {
    id: 'settings',
    label: 'nav-settings',
    // Sliders: what the seller tunes (alerts, quiet hours, the window).
    icon: icon('M4 6h9 M17 6h3 M4 12h3 M11 12h9 M4 18h11 M19 18h1 M15 4v4 M9 10v4 M17 16v4'),
  },
];
