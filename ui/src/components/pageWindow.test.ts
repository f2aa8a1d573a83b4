import { describe, expect, it } from 'vitest';
import { pageWindow } from './pageWindow';

describe('pageWindow', () => {
  it('draws the rows in view and the overscan around them', () => {
    // The list starts 200 px down a 1,000 px viewport: rows 0…(800/100 = 8) + 2 overscan.
    expect(pageWindow(200, 1000, 100, 10_000, 2)).toEqual({ first: 0, last: 10 });
    // Scrolled 5,000 px into the list: rows 50…60 in view, 48…62 drawn.
    expect(pageWindow(-5000, 1000, 100, 10_000, 2)).toEqual({ first: 48, last: 62 });
  });

  it('stops at the ends', () => {
    expect(pageWindow(-999_950, 1000, 100, 10_000, 2)).toEqual({ first: 9997, last: 9999 });
    expect(pageWindow(0, 1000, 100, 3, 8)).toEqual({ first: 0, last: 2 });
    expect(pageWindow(0, 1000, 100, 0, 8)).toEqual({ first: 0, last: -1 });
  });
});
