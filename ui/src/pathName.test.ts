import { describe, expect, it } from 'vitest';
import { fileName } from './pathName';

describe('fileName', () => {
  it.each([
    ['C:\\Users\\佐藤\\Downloads\\出荷通知.csv', '出荷通知.csv'],
    ['C:/Users/佐藤/x.csv', 'x.csv'],
    ['\\\\server\\share\\王 的文件\\x.csv', 'x.csv'],
    ['/Users/王/Desktop/tracking list.xlsx', 'tracking list.xlsx'],
    ['/home/김/주문.txt', '주문.txt'],
    ['x.csv', 'x.csv'],
    ['D:\\exports\\', 'exports'],
  ])('%s → %s', (path, name) => {
    expect(fileName(path)).toBe(name);
  });

  it('keeps a path with no name at all as it is', () => {
    expect(fileName('/')).toBe('/');
    expect(fileName('')).toBe('');
  });
});
