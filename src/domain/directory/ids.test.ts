import { describe, expect, it } from 'vitest';
import { isUuid, stableUuid } from './ids.js';

describe('stableUuid', () => {
  it('gives the same RFC 4122-shaped id for the same name and different ids for different names', () => {
    const a = stableUuid('market-location:1');
    expect(a).toBe(stableUuid('market-location:1'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const many = new Set(Array.from({ length: 20_000 }, (_, i) => stableUuid(`demo:service:${i}`)));
    expect(many.size).toBe(20_000);
    expect(isUuid(a)).toBe(true);
    expect(isUuid('not-a-uuid')).toBe(false);
  });
});
