import { useEffect, useState } from 'preact/hooks';

/**
 * Server time (Date.now() + offset), re-rendered on every second boundary of
 * server time so that every countdown ticks together.
 */
export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = Date.now() + offsetMs;
      setNow(t);
      timer = setTimeout(tick, 1000 - (((t % 1000) + 1000) % 1000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [offsetMs]);
  return now;
}
