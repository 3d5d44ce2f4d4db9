import { describe, expect, it } from 'vitest';
import { round, share } from './stats.js';

describe('discharge rounding and shares', () => {
  it('divides safely and rounds half up at the places asked', () => {
    expect(share(1, 0)).toBeNull();
    expect(share(1, 4)).toBe(0.25);
    expect(round(2.25, 1)).toBe(2.3);
    expect(round(null)).toBeNull();
  });
});
