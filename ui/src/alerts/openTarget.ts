// Where an alert leads (the shell's OpenTarget, from a notification, the tray menu or an in-window
// alert): a case or an order opens in focus, any other target opens its screen.
import type { Navigate, ScreenId } from '../nav/route';
import type { OpenTarget } from '../settings/types';

const SCREENS: readonly ScreenId[] = ['inbox', 'orders', 'enrollment', 'returns', 'feedback', 'questions', 'performance', 'queue', 'accounts', 'settings'];

export function openTarget(nav: Pick<Navigate, 'open' | 'openCase' | 'openOrder' | 'canOpenOrder'>, target: OpenTarget): void {
  if (target.screen === 'case') return nav.openCase(target.account_id, target.id);
  if (target.screen === 'order') {
    // Without an orders screen, the order's deadline is still the seller's: the inbox is the way in.
    return nav.canOpenOrder ? nav.openOrder(target.account_id, target.id) : nav.open('inbox');
  }
  nav.open((SCREENS as readonly string[]).includes(target.screen) ? (target.screen as ScreenId) : 'inbox');
}
