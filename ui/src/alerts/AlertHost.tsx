// In-window alerts: where the desktop has no notification daemon, the shell sends each alert here
// (`desk-alert`) and it stays at the top of the window until dismissed, with an Open button per
// deadline (the first five). It also follows `open-target` (a notification or tray item chosen).
// New alerts are announced (role="alert") without taking the keyboard from what the seller is doing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { useNavigate } from '../nav/route';
import { openLabel, st } from '../settings/text';
import type { DeskAlert } from '../settings/types';
import { onDeskAlert, onOpenTarget } from './ipc';
import { openTarget } from './openTarget';
import './alerts.css';

/** How many Open buttons an alert offers; the rest are in the Cases and other screens. */
export const MAX_TARGETS = 5;

type Shown = DeskAlert & { key: number };

export function AlertHost() {
  const i18n = useI18n();
  const nav = useNavigate();
  const [alerts, setAlerts] = useState<Shown[]>([]);
  const navRef = useRef(nav);
  navRef.current = nav;
  const nextKey = useRef(1);
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    const stops: (() => void)[] = [];
    const keep = (p: Promise<() => void>) =>
      p.then(
        (stop) => (cancelled ? stop() : stops.push(stop)),
        // Outside the desktop shell (a browser, a test without it) there are no such events.
        () => undefined,
      );
    keep(onDeskAlert((a) => setAlerts((list) => [{ ...a, targets: a.targets ?? [], key: nextKey.current++ }, ...list])));
    keep(onOpenTarget((t) => openTarget(navRef.current, t)));
    return () => {
      cancelled = true;
      for (const stop of stops) stop();
    };
  }, []);

  const dismiss = (key: number) => {
    const index = alerts.findIndex((a) => a.key === key);
    const rest = alerts.filter((a) => a.key !== key);
    setAlerts(rest);
    // The keyboard goes to the next alert still shown, else to the screen's heading.
    const next = rest[Math.min(index, rest.length - 1)];
    setTimeout(() => {
      const target = next
        ? host.current?.querySelector<HTMLElement>(`[data-alert-key="${next.key}"] [data-testid="desk-alert-dismiss"]`)
        : document.querySelector<HTMLElement>('#main h1');
      target?.focus({ preventScroll: true });
    }, 0);
  };

  if (alerts.length === 0) return null;
  return (
    <div class="desk-alerts" ref={host} data-testid="desk-alerts">
      {alerts.map((a) => {
        const lines = a.body.split('\n').filter((l) => l.trim() !== '');
        return (
          <div key={a.key} class="desk-alert" role="alert" data-testid="desk-alert" data-alert-key={a.key} aria-labelledby={`desk-alert-${a.key}-title`}>
            <svg class="desk-alert-icon" width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6z M10 19a2 2 0 0 0 4 0" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" />
            </svg>
            <div class="desk-alert-text">
              <strong id={`desk-alert-${a.key}-title`} data-testid="desk-alert-title">
                {a.title}
              </strong>
              {lines.map((line, i) => (
                <span key={i} class="desk-alert-line">
                  {line}
                </span>
              ))}
            </div>
            <div class="desk-alert-actions">
              {a.targets.slice(0, MAX_TARGETS).map((t, i) => (
                <button
                  key={`${t.screen}/${t.account_id}/${t.id}`}
                  type="button"
                  class={`button small${i === 0 ? ' primary' : ''}`}
                  data-testid={`desk-alert-open-${i}`}
                  onClick={() => openTarget(nav, t)}
                >
                  {openLabel(i18n, t.screen, a.labels?.[i] ?? t.id)}
                </button>
              ))}
              <button type="button" class="button small" data-testid="desk-alert-dismiss" onClick={() => dismiss(a.key)}>
                {st(i18n, 'desk-alert-dismiss')}
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
