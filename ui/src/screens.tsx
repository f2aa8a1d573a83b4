// The screen registry: which screens exist, and how each is drawn. The sidebar lists exactly the
// entries of nav/entries.tsx whose id is a key here, so a screen appears by adding it here, e.g.
//   orders: (p) => <OrdersView {...p} />,
// The orders entry also draws the `order` view (p.view.name === 'order': that order in focus), the
// questions entry the `ask` view (its form on a question about p.view.orderId).
import type { ComponentChild } from 'preact';
import { useMemo } from 'preact/hooks';
import { AccountsView } from './components/AccountsView';
import { InboxView } from './components/InboxView';
import { ProgramView } from './components/ProgramView';
import { OrdersView } from './components/OrdersView';
import { QueueView } from './components/QueueView';
import { ReturnsView } from './returns/ReturnsView';
import { FeedbackView } from './feedback/FeedbackView';
import { QuestionsView } from './questions/QuestionsView';
import { PerformanceView } from './performance/PerformanceView';
import { SettingsView } from './settings/SettingsView';
import { useI18n } from './i18n';
import type { AccountView, CaseView, Inbox } from './ipc';
import { inFilter, useNavigate, type ScreenId, type View } from './nav/route';
import type { ViewFilter } from './bindings/ViewFilter';
import { sortByUrgency, summarize } from './urgency';

/** What App gives every screen. */
export type ScreenProps = {
  /** The view being drawn: `{ name: <this screen> }`, or for the orders screen an `order` view. */
  view: View;
  /** The store and marketplace chosen in the top bar (null: all). Apply it to every list shown. */
  filter: ViewFilter;
  /** Every account the desk syncs (the filter's choices). */
  accounts: AccountView[];
  /** The last inbox read (null until read): sync state, queue counts, cases. */
  inbox: Inbox | null;
  /** Bumped on every `replica-changed`: reread what the screen shows. */
  revision: number;
  /** Local time in ms, ticking each second; add an account's `server_offset_ms` for its service's time. */
  now: number;
  /** Why the inbox could not be read (App shows it above the screen), or null. */
  loadError: unknown;
  /** Rereads the inbox and the badges (after a change the screen made). */
  reload: () => void;
};

export type ScreenRender = (props: ScreenProps) => ComponentChild;
export type ScreenRegistry = Partial<Record<ScreenId, ScreenRender>>;

function InboxScreen({ inbox, filter, now, loadError }: ScreenProps) {
  const i18n = useI18n();
  const nav = useNavigate();
  // Each account's service has its own clock: a case's urgency is read on its own.
  const caseNow = useMemo(() => {
    const offsets = new Map((inbox?.accounts ?? []).map((a) => [a.id, a.server_offset_ms]));
    return (c: CaseView) => now + (offsets.get(c.account_id) ?? inbox?.server_offset_ms ?? 0);
  }, [inbox, now]);
  const shown = useMemo(() => (inbox?.cases ?? []).filter((c) => inFilter(filter, c)), [inbox, filter]);
  // The order does not move with time: overdue and open cases both go by
  // deadline on their own clock, which the clocks' common tick leaves as is.
  // So it is sorted once per read, not every second.
  const cases = useMemo(() => {
    const at = Date.now();
    const offsets = new Map((inbox?.accounts ?? []).map((a) => [a.id, a.server_offset_ms]));
    return sortByUrgency(shown, (c: CaseView) => at + (offsets.get(c.account_id) ?? inbox?.server_offset_ms ?? 0));
  }, [shown, inbox]);
  const summary = useMemo(() => summarize(shown, caseNow), [shown, caseNow]);
  if (!inbox) {
    return (
      loadError == null && (
        <div class="loading" data-testid="loading" aria-busy="true">
          <span class="spinner" aria-hidden="true" />
          {i18n.t('loading')}
        </div>
      )
    );
  }
  return (
    <InboxView
      cases={cases}
      summary={summary}
      now={caseNow}
      accounts={inbox.accounts}
      filtered={shown.length < inbox.cases.length}
      onShowAll={() => nav.setFilter({ account_id: null, marketplace: null })}
      onOpen={(c) => nav.openCase(c.account_id, c.id)}
    />
  );
}

function QueueScreen({ revision, accounts }: ScreenProps) {
  const nav = useNavigate();
  return <QueueView revision={revision} accounts={accounts} onOpenCase={(item) => nav.openCase(item.account_id, item.subject)} />;
}

function AccountsScreen({ inbox, now, reload }: ScreenProps) {
  return <AccountsView accounts={inbox?.accounts ?? null} now={now} onChanged={reload} />;
}

export const defaultScreens: ScreenRegistry = {
  inbox: (p) => <InboxScreen {...p} />,
  orders: (p) => <OrdersView {...p} />,
  enrollment: (p) => <ProgramView {...p} />,
  returns: (p) => <ReturnsView {...p} />,
  feedback: (p) => <FeedbackView {...p} />,
  questions: (p) => <QuestionsView {...p} />,
  performance: (p) => <PerformanceView {...p} />,
  queue: (p) => <QueueScreen {...p} />,
  accounts: (p) => <AccountsScreen {...p} />,
  settings: (p) => <SettingsView {...p} />,
};
