// Until Rust generates them into ../bindings/{Badges,ViewFilter}.ts (ts-rs), these are the IPC
// types of the `badges` command, written by hand with exactly the shape Rust will generate.
import type { AccountId } from '../bindings/AccountId';
import type { Marketplace } from '../bindings/Marketplace';

export type ViewFilter = { account_id: AccountId | null; marketplace: Marketplace | null };
export type Badges = { cases_due: number; orders_without_tracking: number; removable_feedback: number; questions_awaiting: number; failed_actions: number; queued_actions: number };
