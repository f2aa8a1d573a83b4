import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ViewFilter } from './ipc';

export interface ScreenData<T> {
  data: T | null;
  error: unknown;
  /** Fetch again (after an action, or from the retry button). */
  reload: () => Promise<void>;
}

/**
 * A screen's data for the top bar's filter, fetched again when the filter or `revision` changes.
 * Only the newest request may write: a slow answer for an older filter must not replace a newer one.
 */
export function useScreenData<T>(fetch: (filter: ViewFilter) => Promise<T>, filter: ViewFilter, revision: unknown): ScreenData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  // The latest fetch, so an inline function does not refetch on every render.
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const next = await fetchRef.current(filter);
      if (mine !== generation.current) return;
      setData(next);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(e);
    }
  }, [filter.account_id, filter.marketplace]);

  useEffect(() => {
    void reload();
  }, [reload, revision]);

  return { data, error, reload };
}
