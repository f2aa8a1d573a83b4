import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScreenProps } from '../screens';
import { $, $$, click, key, mount, settle, type, unmount } from '../test/dom';
import { FakeBackend, programView } from '../test/fakeBackend';
import { makeInbox } from '../test/fixtures';
import { ProgramView } from './ProgramView';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

const now = Date.parse('2025-06-01T09:00:00Z');
let backend: FakeBackend;

function props(over: Partial<ScreenProps> = {}): ScreenProps {
  const inbox = makeInbox(now);
  return {
    view: { name: 'enrollment' },
    filter: { account_id: null, marketplace: null },
    accounts: inbox.accounts,
    inbox,
    revision: 0,
    now,
    loadError: null,
    reload: () => undefined,
    ...over,
  };
}

async function open(locale: 'en' | 'ja' | 'zh-CN' | 'ko' = 'en') {
  const el = mount(<ProgramView {...props()} />, locale);
  await settle();
  return el;
}

const card = (el: HTMLElement, m: 'JP' | 'US') => el.querySelector<HTMLElement>(`[data-testid="program-card"][data-marketplace="${m}"]`)!;

const usTrial = () =>
  programView({
    marketplace: 'US',
    state: 'active',
    state_now: 'active',
    enrolled_at: '2025-05-19T16:00:00Z',
    activates_at: '2025-05-20T16:00:00Z',
    since: '2025-05-20T16:00:00Z',
    active_periods: [{ from: '2025-05-20T16:00:00Z', until: null }],
    trial: { start: '2025-05-20', end: '2025-06-19' },
    trial_days_left: 18,
    terms_version: 'US-2025-01-01',
    terms_version_now: 'US-2025-01-01',
    fee_now: {
      marketplace: 'US',
      units: 300,
      contacts: 12,
      cpu_percent: '4.0',
      tier: 1,
      fee_per_unit_minor: 10,
      total_minor: 3000,
      currency: 'USD',
      in_trial: true,
    },
  });

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(now);
  backend = new FakeBackend(now).install();
  backend.programs = [programView(), usTrial()];
});

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

describe('ProgramView: the cards', () => {
  it('shows JP active since months ago, in Tokyo time, with what is not covered and the fee in yen', async () => {
    const el = await open();
    expect(backend.callsOf('program_screen')).toEqual([{ filter: { account_id: null, marketplace: null } }]);
    const jp = card(el, 'JP');
    expect(jp.dataset.state).toBe('active');
    expect($(jp, 'program-state').textContent).toBe('Active');
    expect(jp.querySelector('h2')!.textContent).toBe('Sakura Zakka · Amazon.co.jp');
    // 03:00 UTC is noon in Tokyo.
    expect($(jp, 'program-since').textContent).toBe('Jan 10, 2025, 12:00 PM');
    expect($(jp, 'program-enrolled-at').textContent).toBe('Jan 9, 2025, 12:00 PM');
    expect($(jp, 'program-coverage').textContent).toContain('Orders placed before CSBA became active are not covered');
    expect($(jp, 'program-periods').textContent).toBe('Jan 10, 2025, 12:00 PM – now');
    expect($(jp, 'program-fee-cpu').textContent).toBe('7.5 %');
    expect($(jp, 'program-fee-tier').textContent).toBe('Tier 2');
    expect($(jp, 'program-fee-per-unit').textContent).toBe('¥48');
    expect($(jp, 'program-fee-total').textContent).toBe('¥57,600');
    expect(jp.textContent).toContain('Japan Standard Time');
    expect($(jp, 'program-pause')).toBeTruthy();
    expect(jp.querySelector('[data-testid="program-enroll"]')).toBeNull();
    expect(jp.querySelector('[data-testid="program-trial"]')).toBeNull();
  });

  it('shows the US free trial with its days left and cents, in Los Angeles time', async () => {
    const el = await open();
    const us = card(el, 'US');
    expect($(us, 'program-trial').textContent).toBe('18 days left in the free trial, until Jun 18, 2025.');
    expect($(us, 'program-trial').dataset.daysLeft).toBe('18');
    // 16:00 UTC is 9 AM in Los Angeles (daylight time).
    expect($(us, 'program-since').textContent).toBe('May 20, 2025, 9:00 AM');
    expect($(us, 'program-fee-per-unit').textContent).toBe('$0.10');
    expect($(us, 'program-fee-total').textContent).toBe('$30.00');
    expect($(us, 'program-fee-in-trial').textContent).toBe('No fee is charged during the free trial.');
  });

  it('counts down the 14 days a JP identity verification has, and says identity only delays the start', async () => {
    backend.programs = [
      programView({
        state: 'pending_identity_verification',
        state_now: 'pending_identity_verification',
        enrolled_at: '2025-05-22T03:00:00Z',
        activates_at: null,
        since: null,
        active_periods: [],
        lapses_at: '2025-06-05T03:00:00Z',
        can_pause: false,
        fee_now: null,
        eligibility: [
          { requirement: 'professional_plan', met: true, blocking: true },
          { requirement: 'identity_verified', met: false, blocking: false },
          { requirement: 'good_standing', met: false, blocking: true },
        ],
      }),
    ];
    const el = await open();
    const jp = card(el, 'JP');
    expect($(jp, 'program-state').textContent).toBe('Waiting for identity verification');
    // 2025-06-05 03:00 UTC minus 2025-06-01 09:00 UTC: 3 days 18 hours.
    expect($(jp, 'program-lapse').textContent).toContain('3 days and 18 hours left to verify your identity.');
    expect($(jp, 'program-lapses-at').textContent).toBe('Jun 5, 2025, 12:00 PM');
    expect($(jp, 'program-coverage').textContent).toContain('Orders placed before CSBA takes over are not covered');
    const checks = $$(jp, 'program-check');
    expect(checks.map((c) => [c.dataset.requirement, c.dataset.state])).toEqual([
      ['professional_plan', 'met'],
      ['identity_verified', 'delays'],
      ['good_standing', 'blocks'],
    ]);
    expect(checks[1].textContent).toContain('you can enroll, but CSBA starts only once this is done');
    expect(checks[2].textContent).toContain('needed before you can enroll');
    expect(jp.querySelector('[data-testid="program-pause"]')).toBeNull();
  });

  it('says when CSBA takes over after enrolling, and that the delay is an estimate', async () => {
    backend.programs = [
      programView({
        state: 'pending_activation',
        state_now: 'pending_activation',
        activates_at: '2025-06-02T03:00:00Z',
        since: null,
        can_pause: false,
        fee_now: null,
      }),
    ];
    const el = await open();
    const jp = card(el, 'JP');
    expect($(jp, 'program-activates-at').textContent).toBe('Jun 2, 2025, 12:00 PM');
    expect($(jp, 'program-activation-note').textContent).toContain('About 24 hours after enrolling');
    expect($(jp, 'program-activation-note').textContent).toContain('estimate');
  });

  it('enrolls only once the terms shown are accepted, sending that version', async () => {
    backend.programs = [
      programView({
        state: 'not_enrolled',
        state_now: 'not_enrolled',
        enrolled_at: null,
        activates_at: null,
        since: null,
        active_periods: [],
        can_enroll: true,
        can_pause: false,
        fee_now: null,
        terms_version_now: 'JP-2025-04-01',
      }),
    ];
    const el = await open();
    const jp = card(el, 'JP');
    expect($(jp, 'program-terms-version').textContent).toBe('Terms version JP-2025-04-01');
    const button = $(jp, 'program-enroll') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    click($(jp, 'program-terms'));
    expect(button.disabled).toBe(false);
    click(button);
    await settle();
    expect(backend.callsOf('enroll')).toEqual([{ accountId: 1, marketplace: 'JP', termsVersion: 'JP-2025-04-01' }]);
    expect($(card(el, 'JP'), 'program-pending').dataset.state).toBe('queued');
    expect($(card(el, 'JP'), 'program-pending').textContent).toBe('Enrollment: waiting to be sent.');
  });
});

describe('ProgramView: pause and resume', () => {
  it('asks before pausing, saying what stays covered; Escape cancels and focus returns', async () => {
    const el = await open();
    const pause = $(card(el, 'JP'), 'program-pause');
    pause.focus();
    click(pause);
    const dialog = $(el, 'program-dialog');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect($(el, 'program-dialog-body').textContent).toBe(
      'From the moment the pause is confirmed, new seller-fulfilled orders are yours to answer. Orders placed while CSBA was active stay covered.',
    );
    expect(document.activeElement).toBe($(el, 'program-dialog-cancel'));
    // Tab stays inside the dialog.
    key($(el, 'program-dialog-cancel'), 'Tab');
    expect(document.activeElement).toBe($(el, 'program-dialog-confirm'));
    key($(el, 'program-dialog-confirm'), 'Tab', { shiftKey: true });
    expect(document.activeElement).toBe($(el, 'program-dialog-cancel'));
    key($(el, 'program-dialog-cancel'), 'Escape');
    await settle();
    expect(el.querySelector('[data-testid="program-dialog"]')).toBeNull();
    expect(document.activeElement).toBe($(card(el, 'JP'), 'program-pause'));
    expect(backend.callsOf('pause_enrollment')).toEqual([]);
  });

  it('pauses once confirmed, shows it queued, then paused once the service confirms; resume waits again', async () => {
    const el = await open();
    click($(card(el, 'JP'), 'program-pause'));
    click($(el, 'program-dialog-confirm'));
    await settle();
    expect(backend.callsOf('pause_enrollment')).toEqual([{ accountId: 1, marketplace: 'JP' }]);
    expect($(card(el, 'JP'), 'program-pending').textContent).toBe('Pause CSBA: waiting to be sent.');

    // The service confirmed: the feed brings the paused enrollment.
    Object.assign(backend.programs[0], {
      state: 'paused',
      state_now: 'paused',
      since: '2025-06-01T09:00:05Z',
      active_periods: [{ from: '2025-01-10T03:00:00Z', until: '2025-06-01T09:00:05Z' }],
      pending_action: null,
      can_resume: true,
    });
    backend.emitReplicaChanged();
    const { rerender } = await import('../test/dom');
    rerender(<ProgramView {...props({ revision: 1 })} />);
    await settle();
    const jp = card(el, 'JP');
    expect(jp.dataset.state).toBe('paused');
    expect($(jp, 'program-since').textContent).toBe('Jun 1, 2025, 6:00 PM');
    expect($(jp, 'program-coverage').textContent).toBe(
      'While CSBA is paused, new seller-fulfilled orders are yours to answer. Orders placed while it was active stay covered.',
    );

    click($(jp, 'program-resume'));
    expect($(el, 'program-dialog-body').textContent).toContain('CSBA waits the activation delay again (about 24 hours)');
    click($(el, 'program-dialog-confirm'));
    await settle();
    expect(backend.callsOf('resume_enrollment')).toEqual([{ accountId: 1, marketplace: 'JP' }]);
    expect($(card(el, 'JP'), 'program-pending').textContent).toBe('Resume CSBA: waiting to be sent.');
  });

  it('words a refused action with the service’s problem', async () => {
    backend.programs[0].pending_action = {
      kind: 'pause_enrollment',
      state: 'failed',
      problem: { code: 'enrollment-conflict', args: {}, field: null },
      entry_id: 7,
    };
    backend.programs[0].can_pause = true;
    const el = await open('ja');
    const pending = $(card(el, 'JP'), 'program-pending');
    expect(pending.dataset.state).toBe('failed');
    expect(pending.getAttribute('role')).toBe('alert');
    expect(pending.textContent).toContain('CSBA の一時停止');
  });
});

describe('FeeWhatIf', () => {
  it('works out CPU, tier and fee from units and contacts', async () => {
    const el = await open();
    const form = $(card(el, 'US'), 'fee-whatif');
    type($(form, 'fee-whatif-units'), '1000');
    type($(form, 'fee-whatif-contacts'), '120');
    click($(form, 'fee-whatif-submit'));
    await settle();
    expect(backend.callsOf('fee_what_if')).toEqual([{ marketplace: 'US', units: 1000, contacts: 120 }]);
    expect($(form, 'fee-whatif-result-cpu').textContent).toBe('12.0 %');
    expect($(form, 'fee-whatif-result-tier').textContent).toBe('Tier 3');
    expect($(form, 'fee-whatif-result-per-unit').textContent).toBe('$0.40');
    expect($(form, 'fee-whatif-result-total').textContent).toBe('$400.00');
  });

  it('refuses what is not a whole number before asking, and shows the backend’s error at its field', async () => {
    const el = await open();
    const form = $(card(el, 'JP'), 'fee-whatif');
    type($(form, 'fee-whatif-units'), '-3');
    type($(form, 'fee-whatif-contacts'), '1.5');
    click($(form, 'fee-whatif-submit'));
    await settle();
    expect(backend.callsOf('fee_what_if')).toEqual([]);
    expect($(form, 'fee-whatif-units-error').textContent).toBe('Enter a whole number, 0 or more.');
    expect($(form, 'fee-whatif-contacts-error').textContent).toBe('Enter a whole number, 0 or more.');
    expect($(form, 'fee-whatif-units').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe($(form, 'fee-whatif-units'));

    type($(form, 'fee-whatif-units'), '1');
    type($(form, 'fee-whatif-contacts'), '1000');
    click($(form, 'fee-whatif-submit'));
    await settle();
    expect(form.querySelector('[data-testid="fee-whatif-units-error"]')).toBeNull();
    expect($(form, 'fee-whatif-contacts-error').textContent).toContain('Enter whole numbers');
    expect(document.activeElement).toBe($(form, 'fee-whatif-contacts'));
  });
});
