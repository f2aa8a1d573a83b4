import { useI18n } from '../i18n';
import type { CommentSpan } from '../ipc';
import { groundLabel, segments } from './text';

/** A buyer's comment as text, the words that suggest a removal ground in <mark> (built from offsets, never HTML). */
export function Comment({ text, spans, class: className, testid }: { text: string; spans: readonly CommentSpan[]; class?: string; testid?: string }) {
  const i18n = useI18n();
  return (
    <p class={`feedback-comment${className ? ` ${className}` : ''}`} data-testid={testid}>
      {segments(text, spans).map((s, i) =>
        s.grounds.length === 0 ? (
          s.text
        ) : (
          <mark key={i} class="ground-mark" data-ground={s.grounds.join(' ')} title={s.grounds.map((g) => groundLabel(i18n, g)).join(' · ')}>
            {s.text}
          </mark>
        ),
      )}
    </p>
  );
}
