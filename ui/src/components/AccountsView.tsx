import { useEffect, useRef, useState } from 'preact/hooks';
import { toIpcError } from '../errors';
import { useI18n } from '../i18n';
import { addAccount, removeAccount, type AccountView } from '../ipc';
import { marketplaceId, syncStateId } from '../messageIds';

type Props = {
  /** The accounts of the last inbox read; null until it is read. */
  accounts: AccountView[] | null;
  /** Local time (last_sync_at is written with the local clock). */
  now: number;
  /** An account was added or removed: reread the inbox (the backend also emits `replica-changed`). */
  onChanged: () => void;
};

/** The built-in demo has no service address. */
const isDemo = (a: AccountView) => a.service_url === null;

/** The stores this desk syncs: their links, removing one, and adding one (what `csba account add` does). */
export function AccountsView({ accounts, now, onChanged }: Props) {
  const i18n = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);

  const removed = () => {
    // The card and its focused button are going away: keep the keyboard on this screen.
    heading.current?.focus();
    onChanged();
  };

  return (
    <section class="accounts" data-testid="accounts" aria-labelledby="accounts-heading">
      <div class="inbox-head">
        <div>
          <h1 id="accounts-heading" ref={heading} tabIndex={-1}>
            {i18n.t('accounts-heading')}
          </h1>
          <p class="inbox-sub">{i18n.t('accounts-subheading')}</p>
        </div>
      </div>
      {accounts === null ? (
        <div class="loading" aria-busy="true">
          <span class="spinner" aria-hidden="true" />
          {i18n.t('loading')}
        </div>
      ) : (
        <ul class="account-list" aria-label={i18n.t('accounts-list-label')}>
          {accounts.map((a) => (
            <AccountCard key={a.id} account={a} now={now} onRemoved={removed} onStale={onChanged} />
          ))}
        </ul>
      )}
      <AddAccountForm hasDemo={accounts?.some(isDemo) ?? false} onAdded={onChanged} />
    </section>
  );
}

type CardProps = {
  account: AccountView;
  now: number;
  onRemoved: () => void;
  /** The backend knows better (e.g. actions queued since the list was read): reread it. */
  onStale: () => void;
};

function AccountCard({ account: a, now, onRemoved, onStale }: CardProps) {
  const i18n = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const demo = isDemo(a);

  useEffect(() => {
    // The safe choice gets focus when the question appears, and Remove again when it goes.
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) removeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      // The seller was told how many unsent actions go with it: only then is it forced.
      await removeAccount(a.id, a.unsent > 0);
      setConfirming(false);
      onRemoved();
    } catch (e) {
      setError(e);
      setConfirming(false);
      // Actions were queued since this card was drawn: reread, so the next question counts them.
      if (toIpcError(e).code === 'account-has-unsent') onStale();
    } finally {
      setBusy(false);
    }
  };

  const sync = a.sync;
  const last = sync.last_sync_at
    ? i18n.t('sync-last', { time: i18n.ago(sync.last_sync_at, now) })
    : i18n.t('sync-never');
  const question =
    a.unsent > 0
      ? i18n.t('account-remove-question-unsent', { name: a.display_name, count: a.unsent })
      : i18n.t('account-remove-question', { name: a.display_name });

  return (
    <li
      class={`account-card${demo ? ' account-demo' : ''}${sync.error ? ' account-failed' : ''}`}
      data-testid="account-item"
      data-account-id={a.id}
    >
      <div class="account-main">
        <div class="account-title">
          <h2>{a.display_name}</h2>
          {demo && <span class="badge badge-sandbox">{i18n.t('service-sandbox')}</span>}
        </div>
        <dl class="account-facts">
          <div>
            <dt>{i18n.t('account-seller-id')}</dt>
            <dd class="account-mono" data-testid="account-seller-id">
              {a.seller_id}
            </dd>
          </div>
          <div>
            <dt>{i18n.t('account-service')}</dt>
            <dd class={demo ? undefined : 'account-mono'} data-testid="account-service">
              {a.service_url ?? i18n.t('account-service-demo')}
            </dd>
          </div>
          <div>
            <dt>{i18n.t('account-marketplaces')}</dt>
            <dd class="account-marketplaces">
              {a.marketplaces.map((m) => (
                <span key={m} class="tag">
                  {i18n.t(marketplaceId(m))}
                </span>
              ))}
            </dd>
          </div>
        </dl>
        <div
          class={`sync sync-${sync.state}`}
          data-testid="account-sync"
          data-state={sync.state}
          title={sync.last_sync_at ? i18n.dateTime(sync.last_sync_at) : undefined}
        >
          <span class="sync-dot" aria-hidden="true" />
          <span class="sync-state">{i18n.t(syncStateId(sync.state))}</span>
          <span class="sync-last">{last}</span>
        </div>
        {sync.error && (
          <p class="account-problem" data-testid="account-error">
            {i18n.error(sync.error)}
          </p>
        )}
        {a.unsent > 0 && (
          <p class="account-unsent" data-testid="account-unsent">
            {i18n.t('account-unsent', { count: a.unsent })}
          </p>
        )}
        {demo && <p class="account-note">{i18n.t('account-demo-note')}</p>}
        {error != null && (
          <p class="account-action-error" role="alert" data-testid="account-remove-error">
            {i18n.error(error)}
          </p>
        )}
      </div>
      {!demo && (
        <div class="account-side">
          {confirming ? (
            <div class="account-confirm" role="group" aria-label={question}>
              <span class="account-confirm-text" data-testid="account-remove-question">
                {question}
              </span>
              <div class="queue-buttons">
                <button
                  type="button"
                  class="button danger"
                  data-testid="account-remove-confirm"
                  disabled={busy}
                  onClick={() => void remove()}
                >
                  {a.unsent > 0 ? i18n.t('account-remove-confirm-unsent') : i18n.t('account-remove-confirm')}
                </button>
                <button
                  type="button"
                  class="button"
                  data-testid="account-remove-cancel"
                  ref={keep}
                  disabled={busy}
                  onClick={() => setConfirming(false)}
                >
                  {i18n.t('account-remove-cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              class="button"
              data-testid="account-remove"
              ref={removeButton}
              onClick={() => {
                setError(null);
                setConfirming(true);
              }}
            >
              {i18n.t('account-remove')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

type FormProps = {
  /** Whether the demo account is there: the first real account replaces it. */
  hasDemo: boolean;
  onAdded: () => void;
};

/**
 * spellcheck="false" as an attribute: Preact drops a `false` attribute where the DOM has no `spellcheck`
 * property, and a token must never go to a spelling service.
 */
const noSpellcheck = (el: HTMLInputElement | null) => el?.setAttribute('spellcheck', 'false');

type Added = { name: string; seller: string; replacedDemo: boolean };

function AddAccountForm({ hasDemo, onAdded }: FormProps) {
  const i18n = useI18n();
  const [url, setUrl] = useState('');
  // The token lives in this state only from typing to submitting: cleared the moment it is sent,
  // whatever the answer, and never logged, stored or shown.
  const [token, setToken] = useState('');
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<Added | null>(null);

  const ready = url.trim() !== '' && token !== '' && !working;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!ready) return;
    const secret = token;
    setToken('');
    setWorking(true);
    setError(null);
    setAdded(null);
    try {
      const account = await addAccount(url, secret);
      setUrl('');
      setAdded({ name: account.display_name, seller: account.seller_id, replacedDemo: hasDemo });
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setWorking(false);
    }
  };

  return (
    <form
      class="account-add"
      data-testid="account-add-form"
      aria-labelledby="account-add-heading"
      // The backend checks the address and answers in the seller's language; the browser's own
      // bubbles would speak the OS language.
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h2 id="account-add-heading">{i18n.t('account-add-heading')}</h2>
      <p class="account-add-intro">{i18n.t('account-add-intro')}</p>
      <label class="field">
        <span class="field-label">{i18n.t('account-url-label')}</span>
        <input
          type="url"
          class="input"
          data-testid="account-url"
          placeholder="https://…"
          autocomplete="url"
          ref={noSpellcheck}
          value={url}
          disabled={working}
          onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <label class="field">
        <span class="field-label">{i18n.t('account-token-label')}</span>
        <input
          type="password"
          class="input"
          data-testid="account-token"
          autocomplete="off"
          autoCapitalize="off"
          ref={noSpellcheck}
          value={token}
          disabled={working}
          onInput={(e) => setToken((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <p class="account-keychain-note" data-testid="account-keychain-note">
        {i18n.t('account-token-keychain')}
      </p>
      <div class="account-add-actions">
        <button type="submit" class="button primary" data-testid="account-add" disabled={!ready}>
          {working ? i18n.t('account-adding') : i18n.t('account-add')}
        </button>
      </div>
      <div role="status">
        {added && (
          <p class="account-added" data-testid="account-added">
            {added.replacedDemo
              ? i18n.t('account-added-replaced-demo', { name: added.name, seller: added.seller })
              : i18n.t('account-added', { name: added.name, seller: added.seller })}
          </p>
        )}
      </div>
      {error != null && (
        <p class="account-add-error" role="alert" data-testid="account-add-error">
          {i18n.error(error)}
        </p>
      )}
    </form>
  );
}
