import type { ComponentChildren, Ref } from 'preact';
import { useI18n } from '../i18n';

interface HeadProps {
  headingId: string;
  heading: string;
  sub: string;
  /** For screens that move focus to the heading themselves. */
  headingRef?: Ref<HTMLHeadingElement>;
  /** Shown beside the heading (e.g. the orders screen's rates). */
  aside?: ComponentChildren;
  errorTestid: string;
  error: unknown;
  onRetry: () => void;
}

/** A screen's heading and, when its data failed to load, the alert with a retry. */
export function ScreenHead({ headingId, heading, sub, headingRef, aside, errorTestid, error, onRetry }: HeadProps) {
  const i18n = useI18n();
  return (
    <>
      <div class="inbox-head">
        <div>
          <h1 id={headingId} ref={headingRef} tabIndex={-1}>
            {heading}
          </h1>
          <p class="inbox-sub">{sub}</p>
        </div>
        {aside}
      </div>
      {error != null && (
        <div class="alert" role="alert" data-testid={errorTestid}>
          <span>{i18n.error(error)}</span>
          <button type="button" class="link-button" onClick={onRetry}>
            {i18n.t('action-retry')}
          </button>
        </div>
      )}
    </>
  );
}

/** The spinner while a screen's data is on its way. */
export function Loading({ testid }: { testid?: string }) {
  const i18n = useI18n();
  return (
    <div class="loading" aria-busy="true" data-testid={testid}>
      <span class="spinner" aria-hidden="true" />
      {i18n.t('loading')}
    </div>
  );
}

interface FrameProps<T> extends HeadProps {
  data: T | null;
  loadingTestid?: string;
  /** Called only once the data is there, so the body can read it without null checks. */
  children: (data: T) => ComponentChildren;
}

/** Heading, error alert, then the spinner until the data comes (none under an error), then the body. */
export function ScreenFrame<T>({ data, loadingTestid, children, ...head }: FrameProps<T>) {
  return (
    <>
      <ScreenHead {...head} />
      {data === null ? head.error == null && <Loading testid={loadingTestid} /> : children(data)}
    </>
  );
}
