import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { getProgramScreen, type ProgramView as Program } from '../ipc';
import type { ScreenProps } from '../screens';
import { ProgramCard } from './ProgramCard';
import './program.css';
import { useProgramText } from './ProgramText';

/** The CSBA program screen: one card per store × marketplace, in the top bar's filter. */
export function ProgramView({ filter, accounts, revision, now }: ScreenProps) {
  const i18n = useI18n();
  const p = useProgramText();
  const [programs, setPrograms] = useState<Program[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const screen = await getProgramScreen(filter);
      if (mine !== generation.current) return;
      setPrograms(screen.programs);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(e);
    }
  }, [filter.account_id, filter.marketplace]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  const storeName = (id: number) => accounts.find((a) => a.id === id)?.display_name ?? '';

  return (
    <section class="program" data-testid="program" aria-labelledby="program-heading">
      <div class="inbox-head">
        <div>
          <h1 id="program-heading" tabIndex={-1}>
            {p('program-heading')}
          </h1>
          <p class="inbox-sub">{p('program-subheading')}</p>
        </div>
      </div>
      {error != null && (
        <div class="alert" role="alert" data-testid="program-error">
          <span>{i18n.error(error)}</span>
          <button type="button" class="link-button" onClick={() => void load()}>
            {i18n.t('action-retry')}
          </button>
        </div>
      )}
      {programs === null ? (
        error == null && (
          <div class="loading" aria-busy="true">
            <span class="spinner" aria-hidden="true" />
            {i18n.t('loading')}
          </div>
        )
      ) : programs.length === 0 ? (
        <p class="empty" data-testid="program-empty">
          {p('program-empty')}
        </p>
      ) : (
        <ul class="program-list" aria-label={p('program-list-label')}>
          {programs.map((g) => (
            <ProgramCard
              key={`${g.account_id}/${g.marketplace}`}
              program={g}
              storeName={storeName(g.account_id)}
              now={now}
              onChanged={() => void load()}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
