import { describe, expect, it } from 'vitest';
import { getI18n } from '../i18n';
import { duration, openLabel, reasonText, thresholdList, whenText } from './text';

describe('durations', () => {
  it.each([
    ['en', ['30 min', '2 h', '1 h 12 min', '1 day', '7 days', '25 h']],
    ['zh-CN', ['30分钟', '2小时', '1小时12分钟', '1天', '7天', '25小时']],
    ['ja', ['30分', '2時間', '1時間12分', '1日', '7日', '25時間']],
    ['ko', ['30분', '2시간', '1시간 12분', '1일', '7일', '25시간']],
  ] as const)('read as a native speaker writes them in %s', (locale, expected) => {
    const i18n = getI18n(locale);
    expect([30, 120, 72, 1440, 10080, 1500].map((m) => duration(i18n, m))).toEqual(expected);
  });

  it('say before the deadline, or when it passes', () => {
    expect(whenText(getI18n('en'), 0)).toBe('when it passes');
    expect(whenText(getI18n('en'), 90)).toBe('1 h 30 min before');
    expect(whenText(getI18n('ja'), 90)).toBe('1時間30分前');
    expect(whenText(getI18n('zh-CN'), 90)).toBe('提前 1小时30分钟');
    expect(whenText(getI18n('ko'), 90)).toBe('1시간 30분 전');
    expect(thresholdList(getI18n('en'), [1440, 0])).toBe('1 day before and when it passes');
    expect(thresholdList(getI18n('en'), [])).toBe('none');
  });
});

describe('words from the shell', () => {
  it('reasons by their catalog id; one not known yet is "not available"', () => {
    const en = getI18n('en');
    expect(reasonText(en, 'desktop-no-tray-host')).toContain('no system tray');
    expect(reasonText(en, 'desktop-made-up')).toBe('This desktop does not offer it.');
    expect(reasonText(en, null)).toBe('This desktop does not offer it.');
  });

  it('Open buttons per target screen', () => {
    const en = getI18n('en');
    expect(openLabel(en, 'case', '503-0001')).toBe('Open the case on order 503-0001');
    expect(openLabel(en, 'order', '114-2')).toBe('Open order 114-2');
    expect(openLabel(en, 'enrollment', 'JP')).toBe('Open the CSBA program');
    expect(openLabel(en, 'somewhere', 'x')).toBe('Open');
    expect(openLabel(getI18n('ja'), 'case', '503-0001')).toBe('注文 503-0001 のケースを開く');
  });
});
