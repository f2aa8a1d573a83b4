import { describe, expect, it } from 'vitest';
import { countdown, formatHms } from './countdown';

const deadline = '2025-06-01T12:00:00Z';
const at = (iso: string) => Date.parse(iso);

describe('formatHms', () => {
  it('pads minutes and seconds, not hours', () => {
    expect(formatHms(0)).toBe('0:00:00');
    expect(formatHms(5 * 3600 + 3 * 60 + 12)).toBe('5:03:12');
    expect(formatHms(59)).toBe('0:00:59');
  });
  it('does not wrap at 24 hours', () => {
    expect(formatHms(27 * 3600)).toBe('27:00:00');
    expect(formatHms(100 * 3600 + 1)).toBe('100:00:01');
  });
});

describe('countdown', () => {
  it('counts the time remaining', () => {
    const c = countdown(deadline, at('2025-06-01T06:56:48Z'));
    expect(c).toEqual({ overdue: false, seconds: 5 * 3600 + 3 * 60 + 12, text: '5:03:12', tone: 'normal' });
  });

  it('rounds a partial second up while time remains', () => {
    const c = countdown(deadline, at('2025-06-01T11:59:59.500Z'));
    expect(c.overdue).toBe(false);
    expect(c.text).toBe('0:00:01');
  });

  it('is amber below three hours and neutral at exactly three', () => {
    expect(countdown(deadline, at('2025-06-01T09:00:00Z')).tone).toBe('normal');
    expect(countdown(deadline, at('2025-06-01T09:00:01Z')).tone).toBe('soon');
  });

  it('counts the time since the deadline when overdue', () => {
    const c = countdown(deadline, at('2025-06-01T13:02:03Z'));
    expect(c).toEqual({ overdue: true, seconds: 3723, text: '1:02:03', tone: 'overdue' });
  });

  it('treats exactly zero as the deadline reached', () => {
    const c = countdown(deadline, at(deadline));
    expect(c).toEqual({ overdue: true, seconds: 0, text: '0:00:00', tone: 'overdue' });
  });

  it('shows more than 24 hours as hours', () => {
    const c = countdown('2025-06-03T00:00:00Z', at('2025-06-01T20:59:59Z'));
    expect(c.text).toBe('27:00:01');
    expect(c.tone).toBe('normal');
  });

  it('accepts offsets and nanosecond fractions', () => {
    const now = at('2025-06-01T03:00:00Z');
    expect(countdown('2025-06-01T21:00:00+09:00', now).text).toBe('9:00:00');
    expect(countdown('2025-06-01T12:00:00.123456789Z', now).text).toBe('9:00:01');
  });
});
