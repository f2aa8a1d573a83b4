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
import type {
  AccountView,
  Badges,
  CaseDetail,
  CaseView,
  DraftView,
  FeeQuote,
  Inbox,
  MessageView,
  ProgramView,
  QueueItem,
  ReplyTemplate,
  ViewFilter,
} from '../ipc';
import { inFilter } from '../nav/route';
import { FakeDesk } from './fakeDesk';
import { FakeOrders } from './fakeOrders';
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

/** The languages CSBA takes replies in, per marketplace (as csba-domain says). */
export const REPLY_LANGUAGES: Record<string, string[]> = { JP: ['zh-CN', 'ja'], US: ['en', 'zh-CN'] };

/** One program card as `program_screen` answers: by default JP, active since 2025-01-10, no trial. */
export function programView(over: Partial<ProgramView> = {}): ProgramView {
  return {
    account_id: 1,
    marketplace: 'JP',
    state: 'active',
    state_now: 'active',
    enrolled_at: '2025-01-09T03:00:00Z',
    activates_at: '2025-01-10T03:00:00Z',
    since: '2025-01-10T03:00:00Z',
    lapsed_at: null,
    lapses_at: null,
    active_periods: [{ from: '2025-01-10T03:00:00Z', until: null }],
    trial: null,
    trial_days_left: null,
    terms_version: 'JP-2024-10-01',
    terms_version_now: 'JP-2024-10-01',
    eligibility: [
      { requirement: 'professional_plan', met: true, blocking: true },
      { requirement: 'good_standing', met: true, blocking: true },
      { requirement: 'identity_verified', met: true, blocking: false },
      { requirement: 'responsive_contact', met: true, blocking: true },
      { requirement: 'terms_accepted', met: true, blocking: true },
    ],
    blocking_unmet: [],
    can_enroll: false,
    can_pause: true,
    can_resume: false,
    pending_action: null,
    activation_delay_hours: 24,
    activation_delay_is_estimate: true,
    fee_now: {
      marketplace: 'JP',
      units: 1200,
      contacts: 90,
      cpu_percent: '7.5',
      tier: 2,
      fee_per_unit_minor: 48,
      total_minor: 57600,
      currency: 'JPY',
      in_trial: false,
    },
    server_offset_ms: 0,
    ...over,
  };
}

/** The what-if the fake answers: a simple tier table per marketplace (not the real schedule). */
export function fakeQuote(marketplace: 'JP' | 'US', units: number, contacts: number): FeeQuote {
  const cpu = units === 0 ? 0 : (contacts * 100) / units;
  const tier = units < 100 ? 0 : cpu < 5 ? 1 : cpu < 10 ? 2 : cpu < 15 ? 3 : 4;
  const perUnit = marketplace === 'JP' ? [60, 30, 48, 76, 100][tier] : [20, 10, 25, 40, 60][tier];
  return {
    marketplace,
    units,
    contacts,
    cpu_percent: cpu.toFixed(1),
    tier,
    fee_per_unit_minor: perUnit,
    total_minor: perUnit * units,
    currency: marketplace === 'JP' ? 'JPY' : 'USD',
    in_trial: false,
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
  /**
   * Counts `badges` answers for what this fake does not model (orders, feedback, questions);
   * cases and the outbox are counted from the inbox and its queue counts, in the filter.
   */
  badgeCounts: Partial<Badges> = {};
  /** The orders screen, tracking checks and uploads (fakeOrders.ts). */
  orders = new FakeOrders();
  /** Return policies, feedback, questions and performance (fakeDesk.ts). */
  desk = new FakeDesk();
  /** What `program_screen` lists (filtered as the backend does). */
  programs: ProgramView[] = [];
  templates: ReplyTemplate[] = [];
  private nextTemplate = 1;

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
          reply_languages: REPLY_LANGUAGES[c.marketplace] ?? [c.language],
          reply_language: (REPLY_LANGUAGES[c.marketplace] ?? []).includes(c.language)
            ? c.language
            : (REPLY_LANGUAGES[c.marketplace]?.[0] ?? c.language),
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
        const language = a.language ?? null;
        if (language !== null && !(REPLY_LANGUAGES[c.marketplace] ?? []).includes(String(language))) {
          throw { code: 'reply-language-invalid', args: { language: String(language), allowed: '' }, field: 'language' };
        }
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
      case 'badges': {
        const filter = a.filter as ViewFilter;
        const badges: Badges = {
          cases_due: this.inbox.cases.filter((c) => c.status === 'open' && inFilter(filter, c)).length,
          orders_without_tracking: 0,
          removable_feedback: 0,
          questions_awaiting: 0,
          failed_actions: this.inbox.queue.failed,
          queued_actions: this.inbox.queue.queued + this.inbox.queue.sending,
          ...this.badgeCounts,
        };
        return badges;
      }
      case 'queue':
        return this.queue.map((q) => ({ ...q }));
      case 'program_screen': {
        const filter = a.filter as ViewFilter;
        return structuredClone({ programs: this.programs.filter((p) => inFilter(filter, p)) });
      }
      case 'enroll':
      case 'pause_enrollment':
      case 'resume_enrollment': {
        const p = this.programs.find((x) => x.account_id === a.accountId && x.marketplace === a.marketplace);
        if (!p) throw { code: 'enrollment-not-found', args: { marketplace: String(a.marketplace) }, field: null };
        if (cmd === 'enroll' && a.termsVersion !== p.terms_version_now) {
          throw { code: 'terms-not-accepted', args: { version: p.terms_version_now }, field: 'terms_version' };
        }
        const allowed = cmd === 'enroll' ? p.can_enroll : cmd === 'pause_enrollment' ? p.can_pause : p.can_resume;
        if (!allowed) throw { code: 'enrollment-not-allowed', args: { state: p.state_now }, field: null };
        const kind = cmd === 'pause_enrollment' ? 'pause_enrollment' : cmd === 'enroll' ? 'enroll' : 'resume_enrollment';
        const item = queueItem(this.nextId++, {
          account_id: p.account_id,
          kind,
          subject: `enrollment:${p.marketplace}`,
          created_at: this.clock(),
          next_attempt_at: this.clock(),
        });
        this.queue.unshift(item);
        Object.assign(p, {
          can_enroll: false,
          can_pause: false,
          can_resume: false,
          pending_action: { kind, state: 'queued', problem: null, entry_id: item.id },
        });
        this.changedLater();
        return { ...item };
      }
      case 'fee_what_if': {
        const units = Number(a.units);
        const contacts = Number(a.contacts);
        if (contacts > units * 100) throw { code: 'fee-input-invalid', args: {}, field: 'contacts' };
        return fakeQuote(a.marketplace as 'JP' | 'US', units, contacts);
      }
      case 'reply_templates':
        return structuredClone(
          [...this.templates].sort((x, y) => x.language.localeCompare(y.language) || x.name.localeCompare(y.name)),
        );
      case 'save_reply_template': {
        const name = String(a.name ?? '').trim();
        const body = String(a.body ?? '');
        if (name === '') throw { code: 'template-name-empty', args: {}, field: 'name' };
        if (body.trim() === '') throw { code: 'template-empty', args: {}, field: 'body' };
        const existing = a.id ? this.templates.find((t) => t.id === a.id) : undefined;
        const t: ReplyTemplate = existing ?? { id: `t${this.nextTemplate++}`, name, language: String(a.language), body };
        Object.assign(t, { name, language: String(a.language), body });
        if (!existing) this.templates.push(t);
        return { ...t };
      }
      case 'delete_reply_template': {
        const before = this.templates.length;
        this.templates = this.templates.filter((t) => t.id !== a.id);
        if (this.templates.length === before) throw { code: 'template-not-found', args: {}, field: null };
        return null;
      }
      case 'fill_reply_template': {
        const t = this.templates.find((x) => x.id === a.id);
        if (!t) throw { code: 'template-not-found', args: {}, field: null };
        const c = this.findCase(a.accountId, a.caseId);
        if (!c) throw { code: 'case-not-found', args: { case: String(a.caseId) }, field: null };
        const store = this.inbox.accounts.find((x) => x.id === c.account_id)?.display_name ?? '';
        return t.body
          .replaceAll('{order_id}', c.order_id)
          .replaceAll('{item}', c.item_title ?? '')
          .replaceAll('{store}', store)
          .replaceAll('{case_id}', c.id);
      }
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
        if (this.orders.handles(cmd)) {
          return this.orders.handle(cmd, a, (over) => {
            const item = queueItem(this.nextId++, { created_at: this.clock(), next_attempt_at: this.clock(), ...over });
            this.queue.unshift(item);
            this.changedLater();
            return { ...item };
          });
        }
        if (this.desk.handles(cmd)) {
          return this.desk.handle(cmd, a, (over) => {
            const item = queueItem(this.nextId++, { created_at: this.clock(), next_attempt_at: this.clock(), ...over });
            this.queue.unshift(item);
            this.changedLater();
            return { ...item };
          });
        }
        throw new Error(`the fake backend has no command ${cmd}`);
    }
  }
}
