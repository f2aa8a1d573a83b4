// Desktop notifications: whether they work here (or why not, in the seller's words) and a test
// notification with what became of it.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { testNotification } from './ipc';
import { reasonText, st } from './text';
import type { Availability, NotificationCheck } from './types';

type Result = { check: NotificationCheck } | { error: unknown };

export function NotificationsSection({ notifications }: { notifications: Availability }) {
  const i18n = useI18n();
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const send = async () => {
    if (sending) return;
    setSending(true);
    setResult(null);
    try {
      setResult({ check: await testNotification() });
    } catch (e) {
      setResult({ error: e });
    } finally {
      setSending(false);
    }
  };

  const outcome = (() => {
    if (sending) return { tone: 'muted', text: st(i18n, 'settings-test-sending') };
    if (!result) return null;
    if ('error' in result) return { tone: 'bad', text: i18n.error(result.error) };
    if (result.check.delivered) return { tone: 'ok', text: st(i18n, 'settings-test-delivered') };
    return {
      tone: 'bad',
      text: st(i18n, 'settings-test-failed', { reason: result.check.reason ? reasonText(i18n, result.check.reason) : st(i18n, 'settings-unavailable-unknown') }),
    };
  })();

  return (
    <section class="settings-section" aria-labelledby="settings-notifications-heading" data-testid="settings-notifications">
      <h2 id="settings-notifications-heading">{st(i18n, 'settings-notifications-heading')}</h2>
      <p
        class={`settings-state ${notifications.available ? 'settings-state-ok' : 'settings-state-warn'}`}
        data-testid="settings-notification-state"
        data-available={notifications.available ? 'true' : 'false'}
      >
        {notifications.available ? st(i18n, 'settings-notifications-available') : reasonText(i18n, notifications.reason)}
      </p>
      <div class="settings-actions">
        <button type="button" class="button" data-testid="settings-test-notification" aria-describedby="settings-test-result" onClick={() => void send()}>
          {st(i18n, 'settings-test-notification')}
        </button>
        <span
          id="settings-test-result"
          class={`settings-test-result${outcome ? ` settings-result-${outcome.tone}` : ''}`}
          data-testid="settings-test-result"
          role="status"
          aria-live="polite"
        >
          {outcome?.text ?? ''}
        </span>
      </div>
    </section>
  );
}
