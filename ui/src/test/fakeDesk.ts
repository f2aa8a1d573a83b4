// The return-policy, feedback, questions and performance part of the fake backend (see
// fakeBackend.ts), keeping state the way the desk does: a few of the real rules, the queue, the
// per-field refusals with the codes and fields the Rust core uses.
import type {
  FeedbackView,
  FieldViolation,
  Marketplace,
  PerformancePanel,
  PolicyChange,
  PolicyView,
  QuestionView,
  QueueItem,
  RemovalRequestRecord,
  ReturnPolicy,
  ReturnPolicyRecord,
  ReturnRefundView,
  ViewFilter,
  WeekPoint,
} from '../ipc';
import type { ViolationCode } from '../bindings/ViolationCode';
import type { Question } from '../questions/model';
import { inFilter } from '../nav/route';
import { CATEGORIES, REASONS } from '../returns/text';

type Enqueue = (over: Partial<QueueItem>) => QueueItem;

const COMMANDS = new Set([
  'policy_screen',
  'check_policy',
  'submit_policy',
  'policy_diff',
  'feedback_screen',
  'compose_removal',
  'request_removal',
  'questions_screen',
  'question_subject',
  'ask_question',
  'performance_screen',
]);

export function returnPolicy(over: Partial<ReturnPolicy> = {}): ReturnPolicy {
  return {
    return_window_days: 30,
    returns: 'send_back',
    returnless_threshold_minor: null,
    return_address: { country: 'JP', lines: ['千葉県市川市塩浜2-13-1'] },
    prepaid_return_label: false,
    return_shipping: {},
    categories: [{ category: 'electronics', returnable: true, free_returns: false }],
    refund_within_business_days: 2,
    restocking_fee: null,
    ...over,
  };
}

export function policyRecord(version: number, policy: ReturnPolicy, over: Partial<ReturnPolicyRecord> = {}): ReturnPolicyRecord {
  return { account_id: 1, marketplace: 'JP', version, submitted_at: `2025-0${version}-01T00:00:00Z`, policy, ...over };
}

const lc = (m: Marketplace) => m.toLowerCase();

/** A few of csba-domain's rules, enough for the screens' tests. */
export function fakeCheck(marketplace: Marketplace, p: ReturnPolicy): FieldViolation[] {
  const out: FieldViolation[] = [];
  const v = (field: string, code: string, rule: string, extra: Partial<FieldViolation> = {}): FieldViolation => ({
    field,
    code: code as ViolationCode,
    rule: `${lc(marketplace)}.${rule}`,
    message_id: `policy-violation-${code.replace(/_/g, '-')}`,
    rule_message_id: `policy-rule-${lc(marketplace)}-${rule.replace(/_/g, '-')}`,
    reason: null,
    category: null,
    limit: null,
    ...extra,
  });
  if (p.return_window_days < 30) out.push(v('return_window_days', 'return_window_too_short', 'return_window', { limit: 30 }));
  if (p.returns !== 'returnless' && p.return_address && p.return_address.country !== marketplace && !(marketplace === 'US' && p.prepaid_return_label)) {
    out.push(v('return_address.country', 'return_address_outside_marketplace', marketplace === 'JP' ? 'return_address_domestic' : 'return_address_domestic_or_prepaid'));
  }
  if (p.refund_within_business_days > 2) out.push(v('refund_within_business_days', 'refund_too_slow', 'refund_within_business_days', { limit: 2 }));
  if (p.return_shipping.defective === 'buyer') {
    out.push(v('return_shipping.defective', 'seller_must_pay_return_shipping', 'seller_paid_reasons', { reason: 'defective' }));
  }
  for (const c of p.categories) {
    if (marketplace === 'JP' && c.category === 'food' && c.returnable) {
      out.push(v('categories.food', 'category_must_be_non_returnable', 'non_returnable_categories', { category: 'food' }));
    }
  }
  return out;
}

export function policyView(over: Partial<PolicyView> = {}): PolicyView {
  const marketplace = over.marketplace ?? 'JP';
  const current = over.current === undefined ? policyRecord(1, returnPolicy({ return_address: { country: marketplace, lines: ['1 Main St'] } }), { marketplace }) : over.current;
  return {
    account_id: 1,
    marketplace,
    current,
    history: current ? [current] : [],
    violations_now: current ? fakeCheck(marketplace, current.policy) : [],
    pending: null,
    rules: {
      effective_from: '2024-01-01',
      min_return_window_days: 30,
      return_address_country: marketplace,
      abroad_allowed_with_prepaid_label: marketplace === 'US',
      max_refund_business_days: 2,
      seller_pays: ['defective', 'wrong_item_sent', 'damaged_in_shipping'],
      buyer_may_pay: ['no_longer_needed', 'better_price_found'],
      free_return_categories: ['apparel', 'bags', 'shoes'],
      non_returnable_categories: ['food', 'beverages', 'hazmat'],
      non_returnable_must_be_marked: marketplace === 'JP',
      excluded_categories: marketplace === 'JP' ? ['drugs', 'medical_devices'] : [],
      restocking_fee_allowed_when: ['used_or_damaged', 'late'],
      restocking_fee_max_percent: marketplace === 'US' ? 50 : null,
      categories: [...CATEGORIES],
      reasons: [...REASONS],
    },
    ...over,
  };
}

export function refund(orderId: string, over: Partial<ReturnRefundView> = {}): ReturnRefundView {
  return {
    account_id: 1,
    order_id: orderId,
    marketplace: 'JP',
    item_title: `Item ${orderId}`,
    return_received_at: '2026-12-04T02:00:00Z',
    refund_by: '2026-12-08T14:59:59Z',
    refund_by_local: '2026-12-08T23:59',
    zone: 'Asia/Tokyo',
    ...over,
  };
}

export function feedbackView(id: string, over: Partial<FeedbackView> = {}): FeedbackView {
  return {
    removable_now: false,
    days_left: null,
    spans: [],
    subject_preview: null,
    pending: null,
    account_id: 1,
    id,
    order_id: `250-${id}`,
    marketplace: 'JP',
    left_at: '2026-11-20T00:00:00Z',
    rating: 5,
    comment: 'Great, thank you.',
    fulfillment: 'seller',
    handled_by_csba: true,
    sentiment: 'positive',
    removal_in_time: true,
    removal_deadline: '2027-02-18T00:00:00Z',
    possible_grounds: [],
    removal_request: null,
    removal_asked: false,
    ...over,
  };
}

/** A question as `questions_screen` answers it (the record nested, as the core sends it). */
export function questionView(id: string, over: Partial<Question> = {}): QuestionView {
  const q: Question = {
    answer_in_ms: null,
    overdue: false,
    pending: null,
    account_id: 1,
    id,
    order_id: `503-${id}`,
    marketplace: 'JP',
    item_title: 'Tea cup',
    subject: `Question about 503-${id}`,
    question: 'Why was the buyer refunded?',
    asked_at: '2026-12-01T00:00:00Z',
    answer_by: '2026-12-03T00:00:00Z',
    status: 'awaiting_answer',
    answer: null,
    answered_at: null,
    ...over,
  };
  const { answer_in_ms, overdue, pending, ...record } = q;
  return { record, answer_in_ms, overdue, pending };
}

/** `count` weeks from Monday `start`, worse before `activatedIndex` and better after. */
export function weeks(start: string, count: number, activatedIndex: number): WeekPoint[] {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => {
    const after = i >= activatedIndex;
    return {
      week_start: new Date(t0 + i * 7 * 86_400_000).toISOString().slice(0, 10),
      response_hours: after ? 2 : 12,
      a_to_z_claim_rate: after ? 0.29 : 0.5,
      negative_feedback_rate: after ? 0.63 : 1.0,
      order_defect_rate: after ? 0.62 : 1.2,
      valid_tracking_rate: after ? 98 : 93,
      contacts_per_unit: 4,
      fee_minor: after ? 57600 : null,
      complete: i < count - 1,
    };
  });
}

export function performancePanel(over: Partial<PerformancePanel> = {}): PerformancePanel {
  return {
    account_id: 1,
    marketplace: 'JP',
    currency: 'JPY',
    currency_exponent: 0,
    weeks: weeks('2026-01-05', 40, 22),
    activated_on: '2026-06-08',
    paused: [{ from: '2026-08-03', to: '2026-08-17' }],
    comparison: {
      before_from: '2026-03-09',
      before_to: '2026-06-07',
      after_from: '2026-07-13',
      after_to: '2026-10-11',
      rows: [
        { metric: 'a_to_z_claim_rate', before: '0.50', after: '0.29', change_percent: '-42.0', better: true },
        { metric: 'order_defect_rate', before: '1.20', after: '0.62', change_percent: '-48.3', better: true },
        { metric: 'response_seconds', before: '43200', after: '1200', change_percent: '-97.2', better: true },
      ],
    },
    odr_limit_percent: 1,
    valid_tracking_target_percent: 95,
    ...over,
  };
}

/** A policy as field → text, with the form's field ids (as crates/app/src/policy.rs `fields`). */
export function policyFields(p: ReturnPolicy): Record<string, string> {
  const out: Record<string, string> = {
    return_window_days: String(p.return_window_days),
    returns: p.returns,
    prepaid_return_label: String(p.prepaid_return_label),
    refund_within_business_days: String(p.refund_within_business_days),
  };
  if (p.returnless_threshold_minor !== null) out.returnless_threshold_minor = String(p.returnless_threshold_minor);
  if (p.return_address) {
    out['return_address.country'] = p.return_address.country;
    out['return_address.lines'] = p.return_address.lines.join('\n');
  }
  for (const [r, payer] of Object.entries(p.return_shipping)) out[`return_shipping.${r}`] = String(payer);
  for (const t of p.categories) {
    out[`categories.${t.category}.returnable`] = String(t.returnable);
    out[`categories.${t.category}.free_returns`] = String(t.free_returns);
  }
  if (p.restocking_fee) {
    out['restocking_fee.percent'] = String(p.restocking_fee.percent);
    out['restocking_fee.when'] = p.restocking_fee.when;
  }
  return out;
}

export class FakeDesk {
  policies: PolicyView[] = [];
  returns: ReturnRefundView[] = [];
  feedback: FeedbackView[] = [];
  requests: RemovalRequestRecord[] = [];
  questions: QuestionView[] = [];
  /** Orders the replica has (for questions): `${account}/${order}`. */
  orders = new Set<string>();
  panels: PerformancePanel[] = [];

  handles(cmd: string): boolean {
    return COMMANDS.has(cmd);
  }

  handle(cmd: string, a: Record<string, unknown>, enqueue: Enqueue): unknown {
    const filter = a.filter as ViewFilter;
    switch (cmd) {
      case 'policy_screen':
        return structuredClone({ policies: this.policies.filter((p) => inFilter(filter, p)), returns: this.returns.filter((r) => inFilter(filter, r)) });
      case 'check_policy':
        return fakeCheck(a.marketplace as Marketplace, a.policy as ReturnPolicy);
      case 'submit_policy': {
        const p = this.policies.find((x) => x.account_id === a.accountId && x.marketplace === a.marketplace);
        if (!p) throw { code: 'marketplace-unknown', args: {}, field: null };
        const found = fakeCheck(p.marketplace, a.policy as ReturnPolicy);
        if (found.length > 0) throw { code: 'policy-not-compliant', args: { count: String(found.length) }, field: found[0].field };
        const item = enqueue({ account_id: p.account_id, kind: 'return_policy', subject: `return_policy:${p.marketplace}` });
        p.pending = { kind: 'return_policy', state: 'queued', problem: null, entry_id: item.id };
        return item;
      }
      case 'policy_diff': {
        const p = this.policies.find((x) => x.account_id === a.accountId && x.marketplace === a.marketplace);
        const from = p?.history.find((h) => h.version === a.fromVersion)?.policy;
        const to = p?.history.find((h) => h.version === a.toVersion)?.policy;
        if (!from || !to) throw { code: 'policy-version-not-found', args: {}, field: null };
        const [b, c] = [policyFields(from), policyFields(to)];
        return [...new Set([...Object.keys(b), ...Object.keys(c)])]
          .sort()
          .filter((k) => b[k] !== c[k])
          .map((k): PolicyChange => ({ field: k, before: b[k] ?? null, after: c[k] ?? null }));
      }
      case 'feedback_screen':
        return structuredClone({ items: this.feedback.filter((f) => inFilter(filter, f)), requests: this.requests });
      case 'compose_removal':
      case 'request_removal': {
        const f = this.feedback.find((x) => x.account_id === a.accountId && x.id === a.feedbackId);
        if (!f) throw { code: 'not-found', args: {}, field: null };
        const ground = String(a.ground);
        if (!f.possible_grounds.some((g) => g.ground === ground)) throw { code: 'ground-not-possible', args: {}, field: 'ground' };
        const recipient = ground === 'caused_by_csba' ? 'csba_team' : 'feedback_manager';
        const subject = ground === 'caused_by_csba' && f.marketplace === 'JP' ? (f.subject_preview ?? '11月/20日卖家Sakura客服负面评论请求删除') : null;
        if (cmd === 'compose_removal') return { recipient, subject, ground, explanation: String(a.explanation) };
        const explanation = String(a.explanation ?? '');
        if (explanation.trim() === '') throw { code: 'explanation-missing', args: {}, field: 'explanation' };
        if (explanation.length > 2000) throw { code: 'explanation-too-long', args: { max: '2000' }, field: 'explanation' };
        const item = enqueue({ account_id: f.account_id, kind: 'removal_request', subject: `feedback:${f.id}` });
        Object.assign(f, { removable_now: false, removal_asked: true, pending: { kind: 'removal_request', state: 'queued', problem: null, entry_id: item.id } });
        return item;
      }
      case 'questions_screen':
        return structuredClone({ questions: this.questions.filter((q) => filter.account_id === null || q.record.account_id === filter.account_id) });
      case 'question_subject': {
        if (!this.orders.has(`${a.accountId}/${a.orderId}`)) throw { code: 'order-not-found', args: { order: String(a.orderId) }, field: 'order_id' };
        return `Question about ${String(a.orderId)}`;
      }
      case 'ask_question': {
        const question = String(a.question ?? '');
        if (!this.orders.has(`${a.accountId}/${a.orderId}`)) throw { code: 'order-not-found', args: { order: String(a.orderId) }, field: 'order_id' };
        if (question.trim() === '') throw { code: 'question-missing', args: {}, field: 'question' };
        if (question.length > 2000) throw { code: 'question-too-long', args: { max: '2000' }, field: 'question' };
        const item = enqueue({ account_id: Number(a.accountId), kind: 'service_question', subject: `order:${String(a.orderId)}` });
        this.questions.unshift(
          questionView(`queued-${item.id}`, {
            account_id: Number(a.accountId),
            order_id: String(a.orderId),
            question,
            status: 'queued',
            pending: { kind: 'service_question', state: 'queued', problem: null, entry_id: item.id },
          }),
        );
        return item;
      }
      case 'performance_screen':
        return structuredClone({ panels: this.panels.filter((p) => inFilter(filter, p)) });
    }
    throw new Error(`no ${cmd}`);
  }
}
