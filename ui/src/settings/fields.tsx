// Problems at a field: what the seller typed that cannot be read, or what the Rust side refused
// there (`thresholds.case_reply.2`, `quiet_hours.start`…). A control names the fields it stands for;
// it is marked invalid and described by their messages.
import type { ComponentChild } from 'preact';

/** A DOM id for a field (`thresholds.case_reply.2` → `settings-f-thresholds-case_reply-2`). */
export const domId = (field: string) => `settings-f-${field.replace(/[^a-zA-Z0-9_]+/g, '-')}`;
export const errorId = (field: string) => `${domId(field)}-error`;

export type Problems = {
  /** The message at `field`, or null. */
  at(field: string): string | null;
  /** aria-invalid and aria-describedby for a control standing for `fields` (`extra`: ids it is always described by). */
  attrs(fields: string[], extra?: string): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string };
  /** The message element of `field` (the id the controls point at), or null. */
  message(field: string): ComponentChild;
};

export function problemsOf(messages: ReadonlyMap<string, string>): Problems {
  return {
    at: (field) => messages.get(field) ?? null,
    attrs(fields, extra) {
      const mine = fields.filter((f) => messages.has(f));
      const described = [...mine.map(errorId), ...(extra ? [extra] : [])].join(' ');
      return {
        ...(mine.length > 0 ? { 'aria-invalid': 'true' as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      };
    },
    message(field) {
      const text = messages.get(field);
      if (!text) return null;
      return (
        <p class="field-error settings-field-error" id={errorId(field)} data-testid={`settings-error-${field}`} data-error-for={field}>
          {text}
        </p>
      );
    },
  };
}
