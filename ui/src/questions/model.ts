// A question as the screen reads it: the record's fields with the view's (answer-by countdown,
// pending action), flat, so rows and the detail read one shape.
import type { QuestionView } from '../ipc';
import type { ServiceQuestionRecord } from '../bindings/ServiceQuestionRecord';

export type Question = ServiceQuestionRecord & {
  answer_in_ms: number | null;
  overdue: boolean;
  pending: QuestionView['pending'];
};

export function flatQuestion(q: QuestionView): Question {
  return { ...q.record, answer_in_ms: q.answer_in_ms, overdue: q.overdue, pending: q.pending };
}
