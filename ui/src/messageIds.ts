// Message ids built from IPC values. Static ids are written as literal t() calls
// in the components, so a test can find every id the UI uses.
import type { ActionKind, CaseKind, CaseStatus, Marketplace, QueueState, ServiceKind, SyncState } from './ipc';

import { NAV_ENTRIES } from './nav/entries';

const kebab = (s: string) => s.replace(/_/g, '-');

export const CASE_KINDS: readonly CaseKind[] = [
  'product_question',
  'return',
  'delivery',
  'refund',
  'order_change',
];
export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'answered', 'resolved_by_csba'];
export const MARKETPLACES: readonly Marketplace[] = ['JP', 'US'];
export const SYNC_STATES: readonly SyncState[] = ['online', 'offline', 'syncing'];
export const SERVICES: readonly ServiceKind[] = ['sandbox', 'remote'];
export const ACTION_KINDS: readonly ActionKind[] = [
  'enroll',
  'pause_enrollment',
  'resume_enrollment',
  'tracking_upload',
  'return_policy',
  'case_reply',
  'removal_request',
  'service_question',
];
export const QUEUE_STATES: readonly QueueState[] = ['queued', 'sending', 'sent', 'failed'];

export const kindId = (k: CaseKind) => `kind-${kebab(k)}`;
export const statusId = (s: CaseStatus) => `status-${kebab(s)}`;
export const marketplaceId = (m: Marketplace) => `marketplace-${m.toLowerCase()}`;
export const marketplaceCountryId = (m: Marketplace) => `marketplace-${m.toLowerCase()}-country`;
export const syncStateId = (s: SyncState) => `sync-${s}`;
export const serviceId = (s: ServiceKind) => `service-${s}`;
export const actionKindId = (k: ActionKind) => `action-kind-${kebab(k)}`;
export const queueStateId = (s: QueueState) => `queue-state-${s}`;

/** Every id produced by the helpers above, for the catalog test. */
export function dynamicMessageIds(): string[] {
  return [
    ...CASE_KINDS.map(kindId),
    ...CASE_STATUSES.map(statusId),
    ...MARKETPLACES.map(marketplaceId),
    ...MARKETPLACES.map(marketplaceCountryId),
    ...SYNC_STATES.map(syncStateId),
    ...SERVICES.map(serviceId),
    ...ACTION_KINDS.map(actionKindId),
    ...QUEUE_STATES.map(queueStateId),
    ...navMessageIds(),
  ];
}

/** The sidebar's names and badge sentences (ids kept as data in nav/entries.tsx). */
export function navMessageIds(): string[] {
  const every = { cases_due: 1, orders_without_tracking: 1, removable_feedback: 1, questions_awaiting: 1, failed_actions: 1, queued_actions: 1 };
  return NAV_ENTRIES.flatMap((e) => [e.label, ...(e.badges?.(every) ?? []).map((b) => b.label)]);
}
