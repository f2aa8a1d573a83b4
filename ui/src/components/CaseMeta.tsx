import { useI18n } from '../i18n';
import type { CaseView } from '../ipc';
import { kindId, marketplaceCountryId, marketplaceId } from '../messageIds';

/** The line above a case's subject, in the inbox and on the case screen:
 *  kind, marketplace, order, and the store when the desk syncs several. */
export function CaseMeta({ c, accountName }: { c: CaseView; accountName?: string | null }) {
  const i18n = useI18n();
  return (
    <div class="case-meta">
      <span class={`tag kind-${c.kind}`}>{i18n.t(kindId(c.kind))}</span>
      <span class="marketplace" title={i18n.t(marketplaceCountryId(c.marketplace))}>
        <span class="mp-code">{c.marketplace}</span>
        {i18n.t(marketplaceId(c.marketplace))}
      </span>
      <span class="order">
        <span class="order-label">{i18n.t('order-label')}</span>
        <span class="order-id" data-testid="case-order">
          {c.order_id}
        </span>
      </span>
      {accountName && (
        <span class="account-name" data-testid="case-account">
          {accountName}
        </span>
      )}
    </div>
  );
}
