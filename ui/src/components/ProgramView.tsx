import { getProgramScreen } from '../ipc';
import type { ScreenProps } from '../screens';
import { useScreenData } from '../screenData';
import { ProgramCard } from './ProgramCard';
import './program.css';
import { useProgramText } from './ProgramText';
import { ScreenFrame } from './ScreenFrame';

/** The CSBA program screen: one card per store × marketplace, in the top bar's filter. */
export function ProgramView({ filter, accounts, revision, now }: ScreenProps) {
  const p = useProgramText();
  const { data, error, reload: load } = useScreenData(getProgramScreen, filter, revision);

  const storeName = (id: number) => accounts.find((a) => a.id === id)?.display_name ?? '';

  return (
    <section class="program" data-testid="program" aria-labelledby="program-heading">
      <ScreenFrame
        headingId="program-heading"
        heading={p('program-heading')}
        sub={p('program-subheading')}
        errorTestid="program-error"
        error={error}
        onRetry={() => void load()}
        data={data}
      >
        {({ programs }) =>
          programs.length === 0 ? (
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
          )
        }
      </ScreenFrame>
    </section>
  );
}
