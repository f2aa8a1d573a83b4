import { useI18n } from '../i18n';
import type { AccountView, Marketplace } from '../ipc';
import { MARKETPLACES, marketplaceId } from '../messageIds';
import type { ViewFilter } from '../nav/types';

type Props = {
  accounts: AccountView[];
  filter: ViewFilter;
  onChange: (filter: ViewFilter) => void;
};

/**
 * Which store and which marketplace the screens show: one or all. With one store there is
 * nothing to choose, so only the marketplace is offered. Native selects: keyboard, screen
 * readers and the OS theme all work as the seller expects.
 */
export function FilterBar({ accounts, filter, onChange }: Props) {
  const i18n = useI18n();
  return (
    <div class="filter" role="group" aria-label={i18n.t('filter-label')} data-testid="filter">
      {accounts.length > 1 && (
        <label class="filter-field">
          <span class="filter-name">{i18n.t('filter-store')}</span>
          <select
            class="select"
            data-testid="filter-store"
            value={filter.account_id === null ? '' : String(filter.account_id)}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              onChange({ ...filter, account_id: v === '' ? null : Number(v) });
            }}
          >
            <option value="">{i18n.t('filter-store-all')}</option>
            {accounts.map((a) => (
              <option key={a.id} value={String(a.id)}>
                {a.display_name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="filter-field">
        <span class="filter-name">{i18n.t('filter-marketplace')}</span>
        <select
          class="select"
          data-testid="filter-marketplace"
          value={filter.marketplace ?? ''}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            onChange({ ...filter, marketplace: v === '' ? null : (v as Marketplace) });
          }}
        >
          <option value="">{i18n.t('filter-marketplace-all')}</option>
          {MARKETPLACES.map((m) => (
            <option key={m} value={m}>
              {i18n.t(marketplaceId(m))}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
