import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';

type Props = {
  resolved: boolean;
  /** Clears the flag in the replica; the banner hides once it resolves. */
  onAcknowledge: () => Promise<void>;
};

/** The case moved on while the seller was writing: ask them to reread before sending. */
export function CaseChangedBanner({ resolved, onAcknowledge }: Props) {
  const i18n = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      await onAcknowledge();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <div class="notice notice-warn" role="alert" data-testid="case-changed-banner">
      <div class="notice-text">
        <strong>{i18n.t('case-changed-title')}</strong>
        <span>{resolved ? i18n.t('case-changed-resolved') : i18n.t('case-changed-body')}</span>
        {error != null && <span class="notice-error">{i18n.error(error)}</span>}
      </div>
      <button type="button" class="button" data-testid="case-changed-ack" disabled={busy} onClick={() => void acknowledge()}>
        {i18n.t('case-changed-ack')}
      </button>
    </div>
  );
}
