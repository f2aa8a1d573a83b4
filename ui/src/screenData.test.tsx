import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nContext, getI18n } from './i18n';
import { mount, settle, unmount } from './test/dom';
import type { ViewFilter } from './ipc';
import { useScreenData } from './screenData';

/** A fetch whose answers the test releases by hand, in any order. */
function manualFetch() {
  const pending: { filter: ViewFilter; resolve: (v: string) => void }[] = [];
  const fetch = (filter: ViewFilter) => new Promise<string>((resolve) => pending.push({ filter, resolve }));
  return { fetch, pending };
}

function Probe({ fetch, filter }: { fetch: (f: ViewFilter) => Promise<string>; filter: ViewFilter }) {
  const { data } = useScreenData(fetch, filter, 0);
  return <p data-testid="data">{data ?? 'none'}</p>;
}

/** Re-renders the mounted tree with new props (a filter change), keeping the hook's state. */
function rerender(root: HTMLElement, node: ComponentChild) {
  act(() => render(<I18nContext.Provider value={getI18n('en')}>{node}</I18nContext.Provider>, root));
}

afterEach(unmount);

describe('useScreenData', () => {
  it('keeps the later answer when an earlier, slower one arrives after it', async () => {
    const { fetch, pending } = manualFetch();
    const first: ViewFilter = { account_id: 1, marketplace: null };
    const second: ViewFilter = { account_id: 2, marketplace: null };
    const root = mount(<Probe fetch={fetch} filter={first} />);
    await settle();
    rerender(root, <Probe fetch={fetch} filter={second} />);
    await settle();
    expect(pending.map((p) => p.filter.account_id)).toEqual([1, 2]);

    pending[1].resolve('store 2');
    await settle();
    pending[0].resolve('store 1');
    await settle();
    expect(root.textContent).toBe('store 2');
  });
});
