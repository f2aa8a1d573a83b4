// Words of the questions screen: locales/*/questions.ftl, written as qt(i18n, '…') so the
// catalog test finds each.
import type { Args, I18n } from '../i18n';

export function qt(i18n: I18n, id: string, args?: Args): string {
  return i18n.t(id, args);
}

/** The service refuses longer questions (csba_api::limits::MAX_QUESTION_CHARS). */
export const MAX_QUESTION_CHARS = 2000;

export const QUESTION_STATUSES = ['awaiting_answer', 'answered', 'queued', 'sent'] as const;

export const statusText = (i18n: I18n, s: string) => {
  const id = `questions-status-${s.replace(/_/g, '-')}`;
  return i18n.has(id) ? i18n.t(id) : s;
};

/** The ids built from data, for the catalog test. */
export function questionsMessageIds(): string[] {
  return QUESTION_STATUSES.map((s) => `questions-status-${s.replace(/_/g, '-')}`);
}
