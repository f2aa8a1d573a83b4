import { describe, expect, it } from 'vitest';
import { changes, draftOf, minutesToTime, settingsOf, thresholdMinutes, timeToMinutes } from './draft';
import { defaultSettings } from './fakeSettings';

describe('quiet hours as times of day', () => {
  it('turn minutes after midnight into HH:MM and back', () => {
    expect(minutesToTime(0)).toBe('00:00');
    expect(minutesToTime(22 * 60)).toBe('22:00');
    expect(minutesToTime(7 * 60 + 5)).toBe('07:05');
    expect(minutesToTime(1439)).toBe('23:59');
    expect(timeToMinutes('22:00')).toBe(1320);
    expect(timeToMinutes('07:05')).toBe(425);
    expect(timeToMinutes('7:05')).toBe(425);
    expect(timeToMinutes('23:59:00')).toBe(1439); // some webviews add seconds
    for (const m of [0, 1, 59, 60, 725, 1320, 1439]) expect(timeToMinutes(minutesToTime(m))).toBe(m);
  });

  it('read nothing that is not a time', () => {
    for (const s of ['', '24:00', '12:60', 'noon', '12']) expect(timeToMinutes(s), s).toBeNull();
  });
});

describe('a threshold as typed', () => {
  it('is hours and minutes; a blank part is 0, both blank is nothing', () => {
    expect(thresholdMinutes({ hours: '6', minutes: '0' })).toBe(360);
    expect(thresholdMinutes({ hours: '', minutes: '30' })).toBe(30);
    expect(thresholdMinutes({ hours: '2', minutes: '' })).toBe(120);
    expect(thresholdMinutes({ hours: '0', minutes: '0' })).toBe(0);
    expect(thresholdMinutes({ hours: ' 1 ', minutes: '90' })).toBe(150);
    expect(thresholdMinutes({ hours: '２', minutes: '３０' })).toBe(150);
    expect(thresholdMinutes({ hours: '', minutes: '' })).toBeNull();
    expect(thresholdMinutes({ hours: '1.5', minutes: '' })).toBeNull();
    expect(thresholdMinutes({ hours: '-1', minutes: '' })).toBeNull();
  });
});

describe('the form', () => {
  it('round-trips the settings, thresholds in the order shown', () => {
    const s = { ...defaultSettings(), quiet_hours: { start: 1320, end: 420, alert_due_inside: false }, close_to_tray: false };
    expect(settingsOf(draftOf(s, defaultSettings()))).toEqual({ settings: s, errors: {} });
  });

  it('starts a kind the settings lack from its default', () => {
    const s = { ...defaultSettings(), thresholds: defaultSettings().thresholds.filter((t) => t.kind !== 'tracking') };
    const back = settingsOf(draftOf(s, defaultSettings())).settings!;
    expect(back.thresholds.map((t) => t.kind)).toEqual(['case_reply', 'refund', 'service_question', 'identity_verification', 'feedback_removal', 'tracking']);
    expect(back.thresholds[5].minutes).toEqual([240, 60, 0]);
  });

  it('names each input it cannot read by the Rust side’s field, and sends nothing then', () => {
    const d = draftOf(defaultSettings(), defaultSettings());
    d.thresholds.refund[2] = { ...d.thresholds.refund[2], hours: 'x' };
    d.quietEnabled = true;
    d.quietStart = '';
    expect(settingsOf(d)).toEqual({
      settings: null,
      errors: { 'thresholds.refund.2': 'settings-threshold-not-a-number', 'quiet_hours.start': 'settings-quiet-time-missing' },
    });
  });

  it('leaves thresholds the Rust side refuses (too far, repeated) to it', () => {
    const d = draftOf(defaultSettings(), defaultSettings());
    d.thresholds.case_reply = [...d.thresholds.case_reply, { key: -1, hours: '999', minutes: '0' }, { key: -2, hours: '0', minutes: '30' }];
    expect(settingsOf(d).settings!.thresholds[0].minutes).toEqual([360, 120, 30, 0, 59940, 30]);
  });

  it('tells which parts changed', () => {
    const saved = draftOf(defaultSettings(), defaultSettings());
    expect(changes(saved, saved).any).toBe(false);
    const d = { ...saved, thresholds: { ...saved.thresholds, tracking: saved.thresholds.tracking.slice(1) } };
    expect(changes(d, saved)).toMatchObject({ any: true, quiet: false, window: false });
    expect([...changes(d, saved).kinds]).toEqual(['tracking']);
    // The same minutes typed differently are no change.
    const same = { ...saved, thresholds: { ...saved.thresholds, refund: saved.thresholds.refund.map((t) => ({ ...t, hours: ` ${t.hours}` })) } };
    expect(changes(same, saved).any).toBe(false);
    // Quiet hours switched off compare as off, whatever their times.
    expect(changes({ ...saved, quietStart: '01:00' }, saved).quiet).toBe(false);
    expect(changes({ ...saved, quietEnabled: true }, saved).quiet).toBe(true);
    expect(changes({ ...saved, closeToTray: !saved.closeToTray }, saved).window).toBe(true);
  });
});
