import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { policyDiff, type PolicyChange, type PolicyView } from '../ipc';
import { diffValue, fieldLabel, rt } from './text';

/** Every submitted version, newest first, and what changed between two of them. */
export function PolicyHistory({ view }: { view: PolicyView }) {
  const i18n = useI18n();
  const versions = [...view.history].sort((a, b) => b.version - a.version);
  const [to, setTo] = useState<number | null>(versions[0]?.version ?? null);
  const [from, setFrom] = useState<number | null>(versions[1]?.version ?? null);
  const [changes, setChanges] = useState<PolicyChange[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (from === null || to === null || from === to) {
      setChanges(null);
      return;
    }
    let live = true;
    policyDiff(view.account_id, view.marketplace, from, to).then(
      (c) => live && (setChanges(c), setError(null)),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [from, to, view.account_id, view.marketplace]);

  const choose = (label: string, value: number | null, onValue: (v: number) => void, testid: string) => (
    <label class="field">
      <span class="field-label">{label}</span>
      <select class="select" data-testid={testid} value={value === null ? '' : String(value)} onChange={(e) => onValue(Number((e.currentTarget as HTMLSelectElement).value))}>
        {versions.map((v) => (
          <option key={v.version} value={String(v.version)}>
            {rt(i18n, 'returns-version', { version: v.version })}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section class="policy-history" data-testid="policy-history" aria-labelledby="policy-history-heading">
      <h3 id="policy-history-heading">{rt(i18n, 'returns-history-heading')}</h3>
      {versions.length === 0 ? (
        <p class="empty-line">{rt(i18n, 'returns-history-empty')}</p>
      ) : (
        <ol class="policy-versions">
          {versions.map((v) => (
            <li key={v.version} data-testid={`policy-version-${v.version}`}>
              {rt(i18n, 'returns-version-line', { version: v.version, date: i18n.dateTime(v.submitted_at) })}
            </li>
          ))}
        </ol>
      )}
      {versions.length > 1 && (
        <div class="policy-diff">
          <div class="policy-diff-choice">
            {choose(rt(i18n, 'returns-diff-from'), from, setFrom, 'policy-diff-from')}
            {choose(rt(i18n, 'returns-diff-to'), to, setTo, 'policy-diff-to')}
          </div>
          {error != null && <p class="alert">{i18n.error(error)}</p>}
          {changes !== null &&
            (changes.length === 0 ? (
              <p class="empty-line" data-testid="policy-diff-none">
                {rt(i18n, 'returns-diff-none')}
              </p>
            ) : (
              <div class="table-wrap">
                <table class="data-table" data-testid="policy-diff">
                  <thead>
                    <tr>
                      <th scope="col">{rt(i18n, 'returns-diff-field')}</th>
                      <th scope="col">{rt(i18n, 'returns-diff-before')}</th>
                      <th scope="col">{rt(i18n, 'returns-diff-after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map((c) => (
                      <tr key={c.field} data-testid="policy-diff-row" data-field={c.field}>
                        <th scope="row">{fieldLabel(i18n, c.field)}</th>
                        <td class="policy-diff-value">{diffValue(i18n, c.field, c.before)}</td>
                        <td class="policy-diff-value">{diffValue(i18n, c.field, c.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
        </div>
      )}
    </section>
  );
}
