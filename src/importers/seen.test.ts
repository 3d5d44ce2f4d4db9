import { describe, expect, it } from 'vitest';
import { hash53, SeenKeys } from './seen.js';

describe('SeenKeys', () => {
  it('returns null for a new key and the first line for a repeat, across growth', () => {
    const seen = new SeenKeys(4);
    for (let i = 0; i < 50_000; i++) expect(seen.add(`PKG-${i}`, i + 2)).toBeNull();
    expect(seen.size).toBe(50_000);
    expect(seen.add('PKG-0', 60_000)).toBe(2);
    expect(seen.add('PKG-49999', 60_001)).toBe(50_001);
    expect(seen.add('PKG-50000', 60_002)).toBeNull();
    expect(seen.size).toBe(50_001);
  });

  it('hashes to 53 bits, never 0, differently for near keys', () => {
    const a = hash53('PKG-1');
    expect(Number.isSafeInteger(a) && a > 0).toBe(true);
    expect(hash53('PKG-1')).toBe(a);
    expect(hash53('PKG-2')).not.toBe(a);
    expect(hash53('')).toBeGreaterThan(0);
  });
});
