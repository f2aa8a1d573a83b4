// Words of the feedback screen: locales/*/feedback.ftl, written as fb(i18n, '…') so the catalog
// test finds each. Ground, sentiment and recipient names are policy.ftl's (`feedback-ground-…`).
import type { Args, I18n } from '../i18n';
import type { CommentSpan } from '../ipc';

export function fb(i18n: I18n, id: string, args?: Args): string {
  return i18n.t(id, args);
}

/** The service refuses longer explanations (csba_api::limits::MAX_EXPLANATION_CHARS). */
export const MAX_EXPLANATION_CHARS = 2000;

export const GROUNDS = [
  'caused_by_csba',
  'obscene_language',
  'sellers_personal_information',
  'entirely_product_review',
  'amazon_fulfilled_delivery_complaint',
] as const;

export const REQUEST_STATUSES = ['submitted', 'removed', 'declined'] as const;

const kebab = (s: string) => s.replace(/_/g, '-');
export const groundLabel = (i18n: I18n, g: string) => (i18n.has(`feedback-ground-${kebab(g)}`) ? i18n.t(`feedback-ground-${kebab(g)}`) : g);
export const sentimentLabel = (i18n: I18n, s: string) => i18n.t(`feedback-sentiment-${kebab(s)}`);
export const recipientLabel = (i18n: I18n, r: string) => (i18n.has(`feedback-recipient-${kebab(r)}`) ? i18n.t(`feedback-recipient-${kebab(r)}`) : r);
export const statusLabel = (i18n: I18n, s: string) => (i18n.has(`feedback-status-${kebab(s)}`) ? i18n.t(`feedback-status-${kebab(s)}`) : s);

/** The ids built from data, for the catalog test. */
export function feedbackMessageIds(): string[] {
  return REQUEST_STATUSES.map((s) => `feedback-status-${s}`);
}

/** A stretch of a comment, with the grounds whose words it is (none: plain text). */
export type Segment = { text: string; grounds: string[] };

/**
 * The comment cut at the spans' edges (UTF-16 offsets, as JavaScript strings count): each piece
 * with the grounds that cover it. Spans out of range are clipped, empty or reversed ones ignored,
 * overlapping ones merged piece by piece. The pieces are text, never markup.
 */
export function segments(comment: string, spans: readonly CommentSpan[]): Segment[] {
  const n = comment.length;
  const valid = spans
    .map((s) => ({ start: Math.max(0, Math.min(n, Math.floor(s.start))), end: Math.max(0, Math.min(n, Math.floor(s.end))), ground: s.ground }))
    .filter((s) => s.end > s.start);
  if (valid.length === 0) return n === 0 ? [] : [{ text: comment, grounds: [] }];
  const cuts = [...new Set([0, n, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const grounds = [...new Set(valid.filter((s) => s.start <= a && s.end >= b).map((s) => s.ground))];
    const last = out[out.length - 1];
    if (last && last.grounds.join() === grounds.join()) last.text += comment.slice(a, b);
    else out.push({ text: comment.slice(a, b), grounds });
  }
  return out;
}
