import { useEffect, useState } from 'preact/hooks';

/**
 * Server time (Date.now() + offset), re-rendered on every second boundary of
 * server time so that every countdown ticks together. While the window is
 * hidden (closed into the tray) nothing ticks: nobody sees the countdowns,
 * and the tray's alerts come from Rust. Shown again, it ticks at once.
 */
export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      clearTimeout(timer);
      timer = undefined;
      if (document.hidden) return;
      const t = Date.now() + offsetMs;
      setNow(t);
      timer = setTimeout(tick, 1000 - (((t % 1000) + 1000) % 1000) + 5);
    };
    tick();
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [offsetMs]);
  return now;
}
