import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getI18n } from '../i18n';
import type { Locale } from '../ipc';
import { $, $$, click, key, settle, type, unmount } from '../test/dom';
import { mountScreen, screenProps } from '../test/screen';
import { FakeSettings } from './fakeSettings';
import { LocaleChangeContext } from './locale';
import { SettingsView } from './SettingsView';
import type { AlertSettings, AlertSettingsScreen } from './types';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

const NOW = Date.parse('2026-12-02T03:00:00Z');
let fake: FakeSettings;
let changeLocale: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fake = new FakeSettings(NOW).install();
  changeLocale = vi.fn();
});
afterEach(() => {
  unmount();
  vi.useRealTimers();
});

async function open(over: Partial<AlertSettingsScreen> = {}, locale: Locale = 'en') {
  fake.screen = { ...fake.screen, ...over };
  return mountScreen(
    <LocaleChangeContext.Provider value={changeLocale}>
      <SettingsView {...screenProps(NOW, { view: { name: 'settings' } })} />
    </LocaleChangeContext.Provider>,
    { name: 'settings' },
    locale,
  );
}

const input = (el: HTMLElement, testid: string) => $(el, testid) as HTMLInputElement;
const chips = (el: HTMLElement, kind: string) => $$(el, `settings-kind-${kind}`)[0].querySelectorAll('[data-testid^="settings-threshold-"][data-minutes]');
const minutesShown = (el: HTMLElement, kind: string) => [...chips(el, kind)].map((c) => (c as HTMLElement).dataset.minutes);
const last = <T,>(xs: T[]) => xs[xs.length - 1];
const lastSaved = () => last(fake.callsOf('set_alert_settings'))?.settings as AlertSettings;
const minutesSent = (kind: string) => lastSaved().thresholds.find((t) => t.kind === kind)?.minutes;

function check(box: HTMLElement, checked: boolean) {
  act(() => {
    (box as HTMLInputElement).checked = checked;
    box.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function save(el: HTMLElement) {
  click($(el, 'settings-save'));
  await settle();
}

describe('the settings screen', () => {
  it('draws each section from the screen model: every kind with its thresholds in hours and minutes', async () => {
    const el = await open();
    expect(el.querySelector('h1')!.textContent).toBe('Settings');
    for (const h of ['Deadline alerts', 'Quiet hours', 'Pause alerts', 'Window and start-up', 'Language', 'Desktop notifications']) {
      expect([...el.querySelectorAll('h2')].map((x) => x.textContent)).toContainEqual(expect.stringContaining(h));
    }
    expect($(el, 'settings-kind-case_reply').textContent).toContain("A case's 24-hour reply");
    expect(minutesShown(el, 'case_reply')).toEqual(['360', '120', '30', '0']);
    expect(input(el, 'settings-threshold-case_reply-0-hours').value).toBe('6');
    expect(input(el, 'settings-threshold-case_reply-0-minutes').value).toBe('0');
    expect(input(el, 'settings-threshold-case_reply-2-hours').value).toBe('0');
    expect(input(el, 'settings-threshold-case_reply-2-minutes').value).toBe('30');
    expect($(el, 'settings-threshold-case_reply-0-when').textContent).toBe('6 h before');
    expect($(el, 'settings-threshold-case_reply-2-when').textContent).toBe('30 min before');
    expect($(el, 'settings-threshold-case_reply-3-when').textContent).toBe('when it passes');
    expect($(el, 'settings-threshold-feedback_removal-0-when').textContent).toBe('7 days before');
    expect(minutesShown(el, 'service_question')).toEqual(['0']);
    // Every kind is there, in the order the Rust side keeps them.
    expect($$(el, 'settings-deadlines')[0].querySelectorAll('.settings-kind').length).toBe(6);
    expect(input(el, 'settings-quiet-enabled').checked).toBe(false);
    expect(input(el, 'settings-quiet-start').disabled).toBe(true);
    expect(input(el, 'settings-close-to-tray').checked).toBe(true);
    expect(input(el, 'settings-autostart').checked).toBe(false);
    expect(($(el, 'settings-language') as HTMLSelectElement).value).toBe('en');
    expect($(el, 'settings-status').textContent).toBe('No unsaved changes.');
    expect($(el, 'settings-form').dataset.dirty).toBe('false');
  });

  it('is in the seller’s language, durations included', async () => {
    const el = await open({}, 'ja');
    expect(el.querySelector('h1')!.textContent).toBe('設定');
    expect($(el, 'settings-threshold-case_reply-0-when').textContent).toBe('6時間前');
    expect($(el, 'settings-threshold-case_reply-3-when').textContent).toBe('期限を過ぎたとき');
    expect($(el, 'settings-kind-identity_verification').textContent).toContain('JP の本人確認');
    expect(el.textContent).not.toMatch(/settings-|desk-alert-/);
  });
});

describe('editing thresholds', () => {
  it('changes one: unsaved changes are marked, and Save sends the minutes', async () => {
    const el = await open();
    type(input(el, 'settings-threshold-case_reply-1-hours'), '3');
    type(input(el, 'settings-threshold-case_reply-1-minutes'), '15');
    expect($(el, 'settings-threshold-case_reply-1-when').textContent).toBe('3 h 15 min before');
    expect($(el, 'settings-form').dataset.dirty).toBe('true');
    expect($(el, 'settings-status').textContent).toBe('Unsaved changes');
    expect($(el, 'settings-kind-case_reply').classList.contains('settings-changed')).toBe(true);
    expect($(el, 'settings-deadlines').querySelector('[data-testid="settings-unsaved-tag"]')).not.toBeNull();
    expect($(el, 'settings-quiet').querySelector('[data-testid="settings-unsaved-tag"]')).toBeNull();
    await save(el);
    expect(minutesSent('case_reply')).toEqual([360, 195, 30, 0]);
    expect(minutesSent('refund')).toEqual([1440, 240, 0]);
    expect($(el, 'settings-status').textContent).toBe('Saved.');
    expect($(el, 'settings-form').dataset.dirty).toBe('false');
  });

  it('adds one an hour before (focused, to type over) and removes one, the keyboard staying in the row', async () => {
    const el = await open();
    click($(el, 'settings-add-threshold-refund'));
    expect(minutesShown(el, 'refund')).toEqual(['1440', '240', '0', '60']);
    expect(document.activeElement).toBe($(el, 'settings-threshold-refund-3-hours'));
    type(input(el, 'settings-threshold-refund-3-hours'), '12');
    click($(el, 'settings-remove-threshold-refund-1'));
    expect(minutesShown(el, 'refund')).toEqual(['1440', '0', '720']);
    // Focus moved to the alert that took the removed one's place.
    expect(document.activeElement).toBe($(el, 'settings-threshold-refund-1-hours'));
    await save(el);
    expect(minutesSent('refund')).toEqual([1440, 0, 720]);
    // What comes back is the Rust side's normalized settings: most distant first.
    expect(minutesShown(el, 'refund')).toEqual(['1440', '720', '0']);
  });

  it('"when it passes" is 0 minutes; the button is offered only while the kind has none', async () => {
    const el = await open();
    expect($$(el, 'settings-add-when-passes-feedback_removal')).toHaveLength(1);
    expect($$(el, 'settings-add-when-passes-case_reply')).toHaveLength(0);
    click($(el, 'settings-add-when-passes-feedback_removal'));
    expect(minutesShown(el, 'feedback_removal')).toEqual(['10080', '1440', '0']);
    expect($(el, 'settings-threshold-feedback_removal-2-when').textContent).toBe('when it passes');
    expect($$(el, 'settings-add-when-passes-feedback_removal')).toHaveLength(0);
    // Typing 0 h 0 min into any alert makes it the overdue alert too.
    type(input(el, 'settings-threshold-tracking-1-hours'), '0');
    type(input(el, 'settings-threshold-tracking-1-minutes'), '');
    expect($(el, 'settings-threshold-tracking-1-when').textContent).toBe('when it passes');
    await save(el);
    expect(minutesSent('feedback_removal')).toEqual([10080, 1440, 0]);
    expect(minutesSent('tracking')).toEqual([240, 0, 0]);
  });

  it('removing every alert of a kind says it will not alert, and sends an empty list', async () => {
    const el = await open();
    click($(el, 'settings-remove-threshold-service_question-0'));
    expect($(el, 'settings-none-service_question').textContent).toBe('No alerts for this deadline.');
    expect(document.activeElement).toBe($(el, 'settings-add-threshold-service_question'));
    await save(el);
    expect(minutesSent('service_question')).toEqual([]);
  });

  it('resets a kind to its defaults', async () => {
    const el = await open();
    expect((($(el, 'settings-reset-case_reply')) as HTMLButtonElement).disabled).toBe(true);
    expect($(el, 'settings-kind-case_reply').textContent).toContain('Default: 6 h before, 2 h before, 30 min before, and when it passes');
    click($(el, 'settings-remove-threshold-case_reply-0'));
    type(input(el, 'settings-threshold-case_reply-0-hours'), '5');
    expect((($(el, 'settings-reset-case_reply')) as HTMLButtonElement).disabled).toBe(false);
    click($(el, 'settings-reset-case_reply'));
    expect(minutesShown(el, 'case_reply')).toEqual(['360', '120', '30', '0']);
    expect($(el, 'settings-form').dataset.dirty).toBe('false');
  });

  it('reads full-width digits from a CJK input method', async () => {
    const el = await open({}, 'zh-CN');
    type(input(el, 'settings-threshold-case_reply-0-hours'), '１０');
    expect($(el, 'settings-threshold-case_reply-0-when').textContent).toBe('提前 10小时');
    await save(el);
    expect(minutesSent('case_reply')).toEqual([600, 120, 30, 0]);
  });

  it('says at the field when what was typed is not a number, without asking the backend', async () => {
    const el = await open();
    type(input(el, 'settings-threshold-tracking-0-hours'), 'four');
    await save(el);
    expect(fake.callsOf('set_alert_settings')).toEqual([]);
    const hours = input(el, 'settings-threshold-tracking-0-hours');
    const message = $(el, 'settings-error-thresholds.tracking.0');
    expect(message.textContent).toBe('Enter the hours and minutes as whole numbers, such as 2 and 30.');
    expect(hours.getAttribute('aria-invalid')).toBe('true');
    expect(hours.getAttribute('aria-describedby')).toContain(message.id);
    expect(document.activeElement).toBe(hours);
    expect($(el, 'settings-status').textContent).toBe('Not saved: fix the marked field.');
    type(hours, '4');
    expect($$(el, 'settings-error-thresholds.tracking.0')).toHaveLength(0);
    expect(hours.getAttribute('aria-invalid')).toBeNull();
  });
});

describe('a refusal from the Rust side', () => {
  it('is shown at the threshold it names, focused, and nothing is taken as saved', async () => {
    const el = await open();
    type(input(el, 'settings-threshold-feedback_removal-0-hours'), '1000');
    await save(el);
    expect(fake.screen.settings).toEqual(fake.screen.defaults); // nothing saved
    const expected = getI18n('en').error({ code: 'alert-threshold-out-of-range', args: { max_days: '30' } });
    const chip = $(el, 'settings-threshold-feedback_removal-0');
    const message = $(el, 'settings-error-thresholds.feedback_removal.0');
    expect(chip.dataset.field).toBe('thresholds.feedback_removal.0');
    expect(chip.contains(message)).toBe(true);
    expect(message.textContent).toBe(expected);
    for (const part of ['hours', 'minutes']) {
      const box = input(el, `settings-threshold-feedback_removal-0-${part}`);
      expect(box.getAttribute('aria-invalid')).toBe('true');
      expect(box.getAttribute('aria-describedby')).toBe(message.id);
    }
    // Another row is not marked.
    expect(input(el, 'settings-threshold-feedback_removal-1-hours').getAttribute('aria-invalid')).toBeNull();
    await settle();
    expect(document.activeElement).toBe(input(el, 'settings-threshold-feedback_removal-0-hours'));
    expect($(el, 'settings-form').dataset.dirty).toBe('true');
    expect($$(el, 'settings-save-error')).toHaveLength(0);
    // Fixing the field clears its refusal; saving again goes through.
    type(input(el, 'settings-threshold-feedback_removal-0-hours'), '200');
    expect($$(el, 'settings-error-thresholds.feedback_removal.0')).toHaveLength(0);
    await save(el);
    expect(minutesSent('feedback_removal')).toEqual([12000, 1440]);
    expect($(el, 'settings-form').dataset.dirty).toBe('false');
  });

  it('at a kind (too many thresholds) marks the whole row', async () => {
    const el = await open();
    for (let i = 0; i < 5; i++) click($(el, 'settings-add-threshold-case_reply'));
    [1, 2, 3, 4, 5].forEach((h, i) => type(input(el, `settings-threshold-case_reply-${4 + i}-hours`), String(h + 6)));
    await save(el);
    expect(getI18n('en').error({ code: 'alert-too-many-thresholds', args: { max: '8' } })).toBe($(el, 'settings-error-thresholds.case_reply').textContent);
    const row = $(el, 'settings-kind-case_reply');
    const message = $(el, 'settings-error-thresholds.case_reply');
    expect(row.dataset.field).toBe('thresholds.case_reply');
    expect(row.contains(message)).toBe(true);
    expect(input(el, 'settings-threshold-case_reply-3-hours').getAttribute('aria-invalid')).toBe('true');
    expect($(el, 'settings-add-threshold-case_reply').getAttribute('aria-describedby')).toBe(message.id);
  });

  it('at the quiet hours marks start and end', async () => {
    const el = await open();
    check($(el, 'settings-quiet-enabled'), true);
    type(input(el, 'settings-quiet-start'), '07:00');
    type(input(el, 'settings-quiet-end'), '07:00');
    await save(el);
    const message = $(el, 'settings-error-quiet_hours');
    for (const id of ['settings-quiet-start', 'settings-quiet-end']) {
      expect(input(el, id).getAttribute('aria-invalid')).toBe('true');
      expect(input(el, id).getAttribute('aria-describedby')).toContain(message.id);
    }
    expect(document.activeElement).toBe(input(el, 'settings-quiet-start'));
  });

  it('of a repeated alert time is at the repeat', async () => {
    const el = await open();
    click($(el, 'settings-add-threshold-tracking'));
    expect(minutesShown(el, 'tracking')).toEqual(['240', '60', '0', '60']);
    await save(el);
    const message = $(el, 'settings-error-thresholds.tracking.3');
    expect(message.textContent).toBe(getI18n('en').error({ code: 'alert-threshold-repeated', args: {} }));
    expect(input(el, 'settings-threshold-tracking-3-hours').getAttribute('aria-describedby')).toBe(message.id);
    expect(input(el, 'settings-threshold-tracking-1-hours').getAttribute('aria-invalid')).toBeNull();
    // Removing the repeat clears the refusal (the indices behind it moved).
    click($(el, 'settings-remove-threshold-tracking-3'));
    expect($$(el, 'settings-error-thresholds.tracking.3')).toHaveLength(0);
    expect($(el, 'settings-form').dataset.dirty).toBe('false');
  });

  it('without a field it is said next to Save', async () => {
    const el = await open();
    fake.refuseNext = { code: 'replica-unavailable', field: null };
    await save(el);
    expect($(el, 'settings-save-error').textContent).toBe(getI18n('en').error({ code: 'replica-unavailable', args: {} }));
    expect($(el, 'settings-save-error').getAttribute('role')).toBe('alert');
  });
});

describe('quiet hours', () => {
  it('are read as minutes after midnight and shown with the zone; a window past midnight ends the next day', async () => {
    const el = await open({ zone: 'America/New_York' });
    expect($(el, 'settings-quiet-zone').textContent).toBe("Times on this computer's clock (America/New_York).");
    check($(el, 'settings-quiet-enabled'), true);
    expect(input(el, 'settings-quiet-start').disabled).toBe(false);
    // Turned on for the first time: the night.
    expect(input(el, 'settings-quiet-start').value).toBe('22:00');
    expect(input(el, 'settings-quiet-end').value).toBe('07:00');
    expect($(el, 'settings-quiet-next-day').textContent).toBe('the next day');
    type(input(el, 'settings-quiet-start'), '23:30');
    type(input(el, 'settings-quiet-end'), '06:45');
    check($(el, 'settings-quiet-due-inside'), false);
    await save(el);
    expect(lastSaved().quiet_hours).toEqual({ start: 23 * 60 + 30, end: 6 * 60 + 45, alert_due_inside: false });
  });

  it('show the saved window, and turning them off sends none', async () => {
    const el = await open({ settings: { ...fake.screen.settings, quiet_hours: { start: 13 * 60, end: 14 * 60 + 5, alert_due_inside: true } } });
    expect(input(el, 'settings-quiet-enabled').checked).toBe(true);
    expect(input(el, 'settings-quiet-start').value).toBe('13:00');
    expect(input(el, 'settings-quiet-end').value).toBe('14:05');
    expect($$(el, 'settings-quiet-next-day')).toHaveLength(0);
    check($(el, 'settings-quiet-enabled'), false);
    expect($(el, 'settings-quiet').querySelector('[data-testid="settings-unsaved-tag"]')).not.toBeNull();
    await save(el);
    expect(lastSaved().quiet_hours).toBeNull();
  });

  it('ask for a time when one is cleared', async () => {
    const el = await open();
    check($(el, 'settings-quiet-enabled'), true);
    type(input(el, 'settings-quiet-end'), '');
    await save(el);
    expect(fake.callsOf('set_alert_settings')).toEqual([]);
    expect($(el, 'settings-error-quiet_hours.end').textContent).toBe('Enter a time, such as 22:00.');
    expect(document.activeElement).toBe(input(el, 'settings-quiet-end'));
  });
});

describe('saving by keyboard and discarding', () => {
  it('Ctrl+S and Enter in a field save; Discard goes back to what is saved', async () => {
    const el = await open();
    type(input(el, 'settings-threshold-refund-0-hours'), '48');
    key(input(el, 'settings-threshold-refund-0-hours'), 's', { ctrlKey: true });
    await settle();
    expect(minutesSent('refund')).toEqual([2880, 240, 0]);

    type(input(el, 'settings-threshold-refund-1-hours'), '5');
    act(() => {
      ($(el, 'settings-form') as HTMLFormElement).requestSubmit();
    });
    await settle();
    expect(fake.callsOf('set_alert_settings')).toHaveLength(2);

    type(input(el, 'settings-threshold-refund-1-hours'), '9');
    expect($(el, 'settings-form').dataset.dirty).toBe('true');
    click($(el, 'settings-discard'));
    expect(input(el, 'settings-threshold-refund-1-hours').value).toBe('5');
    expect($(el, 'settings-form').dataset.dirty).toBe('false');
    expect(document.activeElement).toBe($(el, 'settings-save'));
  });

  it('Enter in an input keeps the keyboard on it while the saved order moves it', async () => {
    const el = await open();
    const hours = input(el, 'settings-threshold-refund-2-hours');
    type(hours, '30');
    hours.focus();
    act(() => {
      ($(el, 'settings-form') as HTMLFormElement).requestSubmit();
    });
    await settle();
    expect(minutesShown(el, 'refund')).toEqual(['1800', '1440', '240']);
    expect(document.activeElement).toBe(input(el, 'settings-threshold-refund-0-hours'));
    expect(document.activeElement).toBe(hours);
  });

  it('a pause or launch at login does not throw away unsaved edits', async () => {
    const el = await open();
    type(input(el, 'settings-threshold-case_reply-0-hours'), '8');
    click($(el, 'settings-snooze-hour'));
    await settle();
    check($(el, 'settings-autostart'), true);
    await settle();
    expect(input(el, 'settings-threshold-case_reply-0-hours').value).toBe('8');
    expect($(el, 'settings-form').dataset.dirty).toBe('true');
    expect(fake.callsOf('set_alert_settings')).toEqual([]);
  });
});

describe('pausing alerts', () => {
  it('pauses for an hour or until tomorrow morning at once, says until when, and resumes', async () => {
    const el = await open();
    expect($(el, 'settings-snooze-state').textContent).toBe('Alerts are on.');
    expect($$(el, 'settings-snooze-off')).toHaveLength(0);
    click($(el, 'settings-snooze-hour'));
    await settle();
    expect(fake.callsOf('snooze_alerts')).toEqual([{ choice: 'one_hour' }]);
    const at = getI18n('en').time(fake.snoozeTimes.one_hour, NOW);
    expect($(el, 'settings-snooze-state').textContent).toBe(`Alerts are paused until ${at}.`);

    click($(el, 'settings-snooze-morning'));
    await settle();
    expect(last(fake.callsOf('snooze_alerts'))).toEqual({ choice: 'until_tomorrow_morning' });
    expect($(el, 'settings-snooze-state').textContent).toContain(getI18n('en').time(fake.snoozeTimes.until_tomorrow_morning, NOW));

    click($(el, 'settings-snooze-off'));
    await settle();
    expect(last(fake.callsOf('snooze_alerts'))).toEqual({ choice: 'off' });
    expect($(el, 'settings-snooze-state').textContent).toBe('Alerts are on.');
    expect(document.activeElement).toBe($(el, 'settings-snooze-hour'));
  });

  it('a pause that already ended reads as alerts on', async () => {
    const el = await open({ snoozed_until: new Date(NOW - 60_000).toISOString() });
    expect($(el, 'settings-snooze-state').textContent).toBe('Alerts are on.');
  });

  it('says why a pause failed', async () => {
    fake.failures.set('snooze_alerts', { code: 'replica-unavailable', args: {} });
    const el = await open();
    click($(el, 'settings-snooze-hour'));
    await settle();
    expect($(el, 'settings-snooze-error').textContent).toBe(getI18n('en').error({ code: 'replica-unavailable', args: {} }));
  });
});

describe('the window and start-up', () => {
  it('close-to-tray is saved with the form', async () => {
    const el = await open();
    check($(el, 'settings-close-to-tray'), false);
    expect($(el, 'settings-window').querySelector('[data-testid="settings-unsaved-tag"]')).not.toBeNull();
    await save(el);
    expect(lastSaved().close_to_tray).toBe(false);
  });

  it('launch at login applies at once', async () => {
    const el = await open();
    check($(el, 'settings-autostart'), true);
    await settle();
    expect(fake.callsOf('set_autostart')).toEqual([{ enabled: true }]);
    expect(input(el, 'settings-autostart').checked).toBe(true);
  });

  it('a failed launch-at-login change leaves the box as it is in effect', async () => {
    fake.failures.set('set_autostart', { code: 'unknown', args: {} });
    const el = await open();
    check($(el, 'settings-autostart'), true);
    await settle();
    expect(input(el, 'settings-autostart').checked).toBe(false);
    expect($(el, 'settings-autostart-error').textContent).toBe(getI18n('en').t('error-unknown'));
  });

  it('without a tray or a way to launch at login, says why and offers neither', async () => {
    const el = await open({
      desktop: { tray: { available: false, reason: 'desktop-no-tray-host' }, notifications: { available: true, reason: null }, autostart: null },
    });
    expect($(el, 'settings-tray-state').textContent).toBe(getI18n('en').t('desktop-no-tray-host'));
    expect($(el, 'settings-tray-state').textContent).toContain('no system tray');
    expect($(el, 'settings-tray-state').dataset.available).toBe('false');
    const box = input(el, 'settings-close-to-tray');
    expect(box.disabled).toBe(true);
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBe('settings-tray-state');
    expect(input(el, 'settings-autostart').disabled).toBe(true);
    expect($(el, 'settings-autostart-hint').textContent).toBe('This system offers no way to start apps at sign-in.');
  });
});

describe('desktop notifications', () => {
  it('says they work, and a test notification says it was sent', async () => {
    const el = await open();
    expect($(el, 'settings-notification-state').textContent).toBe('Desktop notifications are on for CSBA Desk.');
    click($(el, 'settings-test-notification'));
    await settle();
    expect(fake.callsOf('test_notification')).toHaveLength(1);
    expect($(el, 'settings-test-result').textContent).toBe("Sent. If you did not see it, check your system's notification settings.");
    expect($(el, 'settings-test-result').classList.contains('settings-result-ok')).toBe(true);
  });

  it.each([
    ['desktop-no-notification-daemon', 'no notification service'],
    ['desktop-notifications-denied', 'turned off in your system settings'],
  ])('without them (%s) says why, and so does the test', async (reason, words) => {
    fake.notification = { delivered: false, reason };
    const el = await open({ desktop: { ...fake.screen.desktop, notifications: { available: false, reason } } });
    expect($(el, 'settings-notification-state').textContent).toContain(words);
    expect($(el, 'settings-notification-state').dataset.available).toBe('false');
    click($(el, 'settings-test-notification'));
    await settle();
    expect($(el, 'settings-test-result').textContent).toBe(`The test notification did not arrive. ${getI18n('en').t(reason)}`);
  });

  it('in Korean, a reason the UI does not know yet still reads as words', async () => {
    const el = await open({ desktop: { ...fake.screen.desktop, notifications: { available: false, reason: 'desktop-something-new' } } }, 'ko');
    expect($(el, 'settings-notification-state').textContent).toBe('이 데스크톱에서는 쓸 수 없습니다.');
    expect(getI18n('ko').t('desktop-no-notification-daemon')).toMatch(/알림 서비스가 없습니다/);
  });

  it('a failed test says why', async () => {
    fake.failures.set('test_notification', { code: 'unknown', args: {} });
    const el = await open();
    click($(el, 'settings-test-notification'));
    await settle();
    expect($(el, 'settings-test-result').textContent).toBe(getI18n('en').t('error-unknown'));
  });
});

describe('the language', () => {
  it('is the app’s own locale change, applied at once', async () => {
    const el = await open();
    const select = $(el, 'settings-language') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['English', '简体中文', '日本語', '한국어']);
    act(() => {
      select.value = 'ko';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(changeLocale).toHaveBeenCalledWith('ko');
  });
});

describe('loading', () => {
  it('says why the settings could not be read, and retries', async () => {
    fake.failures.set('alert_settings', { code: 'replica-unavailable', args: {} });
    const el = await open();
    expect($(el, 'settings-load-error').textContent).toContain(getI18n('en').error({ code: 'replica-unavailable', args: {} }));
    fake.failures.delete('alert_settings');
    click($(el, 'settings-load-error').querySelector('button')!);
    await settle();
    expect($$(el, 'settings-form')).toHaveLength(1);
  });
});
