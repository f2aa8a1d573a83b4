// A question as the screen reads it: the record's fields with the view's (answer-by countdown,
// pending action). The answer and its time come with i10-data's replica (`answer`, `answered_at`);
// until a record carries them they read as not answered yet.
import type { QuestionView } from '../ipc';
import type { ServiceQuestionRecord } from '../bindings/ServiceQuestionRecord';

export type Question = ServiceQuestionRecord & {
  answer: string | null;
  answered_at: string | null;
  answer_in_ms: number | null;
  overdue: boolean;
  pending: QuestionView['pending'];
};

export function flatQuestion(q: QuestionView): Question {
  const r = q.record as ServiceQuestionRecord & { answer?: string | null; answered_at?: string | null };
  return { ...r, answer: r.answer ?? null, answered_at: r.answered_at ?? null, answer_in_ms: q.answer_in_ms, overdue: q.overdue, pending: q.pending };
}
