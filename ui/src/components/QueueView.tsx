import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { discardAction, getQueue, retryAction, type AccountView, type QueueItem } from '../ipc';
import { QueueItemRow } from './QueueItemRow';

type Props = {
  /** Bumped on every `replica-changed`: reread the outbox. */
  revision: number;
  accounts?: AccountView[];
  onOpenCase: (item: QueueItem) => void;
};

/** The outbox: every action the seller took, until the service has it (or refused it). */
export function QueueView({ revision, accounts = [], onOpenCase }: Props) {
  const i18n = useI18n();
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const list = await getQueue();
      if (mine !== generation.current) return;
      setItems(list);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(e);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, revision]);

  const retry = async (item: QueueItem) => {
    const updated = await retryAction(item.id);
    generation.current++; // a load that started before must not show it failed again
    setItems((list) => list?.map((i) => (i.id === updated.id ? updated : i)) ?? list);
  };

  const discard = async (item: QueueItem) => {
    await discardAction(item.id);
    generation.current++;
    setItems((list) => list?.filter((i) => i.id !== item.id) ?? list);
    // The row and its focused button are gone: keep the keyboard in the outbox.
    heading.current?.focus();
  };

  const names = accounts.length > 1 ? new Map(accounts.map((a) => [a.id, a.display_name])) : null;
  return (
    <section class="queue" data-testid="queue" aria-labelledby="queue-heading">
      <div class="inbox-head">
        <div>
          <h1 id="queue-heading" ref={heading} tabIndex={-1}>
            {i18n.t('queue-heading')}
          </h1>
          <p class="inbox-sub">{i18n.t('queue-subheading')}</p>
        </div>
      </div>
      {error != null && (
        <div class="alert" role="alert" data-testid="queue-error">
          <span>{i18n.error(error)}</span>
          <button type="button" class="link-button" onClick={() => void load()}>
            {i18n.t('action-retry')}
          </button>
        </div>
      )}
      {items === null ? (
        error == null && (
          <div class="loading" aria-busy="true">
            <span class="spinner" aria-hidden="true" />
            {i18n.t('loading')}
          </div>
        )
      ) : items.length === 0 ? (
        <div class="empty" data-testid="queue-empty">
          <h2>{i18n.t('queue-empty-title')}</h2>
          <p>{i18n.t('queue-empty-body')}</p>
        </div>
      ) : (
        <ul class="queue-list" aria-label={i18n.t('queue-list-label')}>
          {items.map((item) => (
            <QueueItemRow
              key={item.id}
              item={item}
              accountName={names?.get(item.account_id) ?? null}
              onOpenCase={onOpenCase}
              onRetry={retry}
              onDiscard={discard}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
