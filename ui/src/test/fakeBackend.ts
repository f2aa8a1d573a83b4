// A stand-in for the Rust side behind `invoke`, keeping state the way the
// desk does (drafts deleted by a send, a queue newest first…), so tests can
// go through whole flows and check what was sent over IPC.
//
// Test files mock the Tauri modules themselves (vi.mock is hoisted per file):
//   vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
//   vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));
// and then call `backend.install()`.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { vi } from 'vitest';
import type { AccountView, CaseDetail, CaseView, DraftView, Inbox, MessageView, QueueItem } from '../ipc';
import { makeInbox } from './fixtures';

export type Call = { cmd: string; args: Record<string, unknown> };

const key = (accountId: unknown, caseId: unknown) => `${accountId}/${caseId}`;

export function message(author: 'csba' | 'seller', body: string, over: Partial<MessageView> = {}): MessageView {
  return { author, body, sent_at: '2025-06-01T00:00:00Z', language: null, late: false, ...over };
}

export function queueItem(id: number, over: Partial<QueueItem> = {}): QueueItem {
  return {
    id,
    account_id: 1,
    kind: 'case_reply',
    subject: String(id),
    state: 'queued',
    attempts: 0,
    next_attempt_at: '2025-06-01T00:00:00Z',
    last_error: null,
    problem: null,
    created_at: '2025-06-01T00:00:00Z',
    sent_at: null,
    body_preview: null,
    ...over,
  };
}

/** A real (not demo) account, online, as `add_account` answers. */
export function account(id: number, over: Partial<AccountView> = {}): AccountView {
  return {
    id,
    seller_id: `A${id}SELLER`,
    display_name: `Store ${id}`,
    marketplaces: ['US'],
    service_url: 'https://csba.example.com',
    unsent: 0,
    sync: { state: 'online', last_sync_at: null, service: 'remote', error: null },
    server_offset_ms: 0,
    ...over,
  };
}

export class FakeBackend {
  inbox: Inbox;
  messages = new Map<string, MessageView[]>();
  drafts = new Map<string, DraftView>();
  queue: QueueItem[] = [];
  calls: Call[] = [];
  /** Commands that fail with this error (every time, until deleted). */
  failures = new Map<string, unknown>();
  /** Commands whose answer waits until the returned release() is called. */
  private held = new Map<string, Promise<void>>();
  private replicaListeners: (() => void)[] = [];
  private nextId = 100;
  private nextAccountId = 10;
  /** What `add_account` registers (its id is assigned then); by default a store named after the service. */
  accountToAdd: Partial<AccountView> = {};
  clock = () => new Date().toISOString();

  constructor(now = Date.now()) {
    this.inbox = makeInbox(now);
  }

  install(): this {
    vi.mocked(invoke).mockImplementation(async (cmd: string, args?: unknown) => {
      const a = (args ?? {}) as Record<string, unknown>;
      this.calls.push({ cmd, args: a });
      const held = this.held.get(cmd);
      if (held) await held;
      const failure = this.failures.get(cmd);
      if (failure !== undefined) throw failure;
      return this.handle(cmd, a);
    });
    vi.mocked(listen).mockImplementation(async (event: string, cb: unknown) => {
      if (event !== 'replica-changed') return () => undefined;
      const fn = () => (cb as (e: unknown) => void)({ event, id: 0, payload: null });
      this.replicaListeners.push(fn);
      return () => {
        this.replicaListeners = this.replicaListeners.filter((l) => l !== fn);
      };
    });
    return this;
  }

  /** Makes `cmd` wait; resolves its calls when the returned function is called. */
  hold(cmd: string): () => void {
    let release!: () => void;
    this.held.set(
      cmd,
      new Promise<void>((r) => {
        release = () => {
          this.held.delete(cmd);
          r();
        };
      }),
    );
    return release;
  }

  callsOf(cmd: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.cmd === cmd).map((c) => c.args);
  }

  /** As the backend does after a command that changed the replica: the event follows the answer. */
  private changedLater(): void {
    setTimeout(() => this.emitReplicaChanged(), 0);
  }

  emitReplicaChanged(): void {
    for (const l of [...this.replicaListeners]) l();
  }

  findCase(accountId: unknown, caseId: unknown): CaseView | undefined {
    return this.inbox.cases.find((c) => c.account_id === accountId && c.id === caseId);
  }

  setDraft(accountId: number, caseId: string, body: string, caseChanged = false): void {
    this.drafts.set(key(accountId, caseId), { body, updated_at: '2025-06-01T09:30:00Z', case_changed: caseChanged });
  }

  private handle(cmd: string, a: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'settings':
        return { locale: 'en' };
      case 'set_locale':
        return { locale: a.locale };
      case 'first_render':
      case 'sync_now':
        return null;
      case 'inbox':
        // Fresh objects on every call, as deserialized IPC answers are.
        return structuredClone({
          ...this.inbox,
          cases: this.inbox.cases.map((c) => ({
            ...c,
            has_draft: this.drafts.has(key(c.account_id, c.id)),
            pending_replies: this.queue.filter(
              (q) => q.kind === 'case_reply' && q.account_id === c.account_id && q.subject === c.id && q.state !== 'sent',
            ).length,
          })),
        });
      case 'case_detail': {
        const c = this.findCase(a.accountId, a.caseId);
        if (!c) throw { code: 'case-not-found', args: { case: String(a.caseId) } };
        const detail: CaseDetail = {
          case: c,
          messages: this.messages.get(key(a.accountId, a.caseId)) ?? [message('csba', c.question)],
          draft: this.drafts.get(key(a.accountId, a.caseId)) ?? null,
          replies: this.queue
            .filter((q) => q.kind === 'case_reply' && q.account_id === a.accountId && q.subject === a.caseId)
            .sort((x, y) => x.id - y.id),
          server_offset_ms: 0,
        };
        return structuredClone(detail);
      }
      case 'save_draft': {
        const k = key(a.accountId, a.caseId);
        const body = String(a.body);
        if (body.trim() === '') {
          this.drafts.delete(k);
          return null;
        }
        const draft = { body, updated_at: this.clock(), case_changed: this.drafts.get(k)?.case_changed ?? false };
        this.drafts.set(k, draft);
        return { ...draft };
      }
      case 'acknowledge_case_change': {
        const d = this.drafts.get(key(a.accountId, a.caseId));
        if (d) d.case_changed = false;
        return null;
      }
      case 'send_reply': {
        const body = String(a.body).trimEnd();
        if (body.trim() === '') throw { code: 'reply-empty', args: {} };
        const c = this.findCase(a.accountId, a.caseId);
        if (!c) throw { code: 'case-not-found', args: { case: String(a.caseId) } };
        if (c.status === 'resolved_by_csba') throw { code: 'case-resolved', args: {} };
        this.drafts.delete(key(a.accountId, a.caseId));
        const item = queueItem(this.nextId++, {
          account_id: c.account_id,
          subject: c.id,
          body_preview: body,
          created_at: this.clock(),
          next_attempt_at: this.clock(),
        });
        this.queue.unshift(item);
        return { ...item };
      }
      case 'queue':
        return this.queue.map((q) => ({ ...q }));
      case 'retry_action': {
        const item = this.queue.find((q) => q.id === a.id);
        if (!item || item.state !== 'failed') throw { code: 'action-not-failed', args: {} };
        Object.assign(item, { state: 'queued', problem: null, last_error: null, attempts: 0 });
        return { ...item };
      }
      case 'discard_action': {
        const item = this.queue.find((q) => q.id === a.id);
        if (!item || item.state !== 'failed') throw { code: 'action-not-failed', args: {} };
        this.queue = this.queue.filter((q) => q !== item);
        return null;
      }
      case 'add_account': {
        const url = String(a.url ?? '');
        if (!/^https?:\/\/\S+$/.test(url)) throw { code: 'account-url-invalid', args: {} };
        if (String(a.token ?? '') === '') throw { code: 'token-empty', args: {} };
        const added = account(this.nextAccountId++, { service_url: url, ...this.accountToAdd });
        // The first real account replaces the demo and its data.
        const demo = this.inbox.accounts.filter((x) => x.service_url === null).map((x) => x.id);
        this.inbox.accounts = [...this.inbox.accounts.filter((x) => !demo.includes(x.id)), added];
        this.inbox.cases = this.inbox.cases.filter((c) => !demo.includes(c.account_id));
        this.changedLater();
        return structuredClone(added);
      }
      case 'remove_account': {
        const gone = this.inbox.accounts.find((x) => x.id === a.id);
        if (!gone) throw { code: 'account-unknown', args: {} };
        if (gone.unsent > 0 && a.force !== true) throw { code: 'account-has-unsent', args: { count: String(gone.unsent) } };
        this.inbox.accounts = this.inbox.accounts.filter((x) => x !== gone);
        this.inbox.cases = this.inbox.cases.filter((c) => c.account_id !== gone.id);
        this.changedLater();
        return null;
      }
      default:
        throw new Error(`the fake backend has no command ${cmd}`);
    }
  }
}
