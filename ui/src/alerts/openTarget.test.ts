import { describe, expect, it } from 'vitest';
import { navigate } from '../test/screen';
import { openTarget } from './openTarget';

describe('opening what an alert is about', () => {
  it('a case and an order open in focus, on the account they belong to', () => {
    const nav = navigate({ name: 'inbox' });
    openTarget(nav, { screen: 'case', account_id: 2, id: '113-0001' });
    expect(nav.openCase).toHaveBeenCalledWith(2, '113-0001');
    openTarget(nav, { screen: 'order', account_id: 1, id: '114-2222' });
    expect(nav.openOrder).toHaveBeenCalledWith(1, '114-2222');
    expect(nav.open).not.toHaveBeenCalled();
  });

  it.each(['returns', 'questions', 'enrollment', 'feedback'])('%s opens its screen', (screen) => {
    const nav = navigate({ name: 'inbox' });
    openTarget(nav, { screen, account_id: 1, id: 'x' });
    expect(nav.open).toHaveBeenCalledWith(screen);
    expect(nav.openCase).not.toHaveBeenCalled();
  });

  it('a screen this window does not know, or an order without an orders screen, opens the inbox', () => {
    const nav = navigate({ name: 'queue' }, { canOpenOrder: false });
    openTarget(nav, { screen: 'somewhere-new', account_id: 1, id: 'x' });
    openTarget(nav, { screen: 'order', account_id: 1, id: 'x' });
    expect(nav.open).toHaveBeenNthCalledWith(1, 'inbox');
    expect(nav.open).toHaveBeenNthCalledWith(2, 'inbox');
    expect(nav.openOrder).not.toHaveBeenCalled();
  });
});
