import { describe, expect, it } from 'vitest';
import { concentrationLevel, hhi, providerShares, topShare } from './concentration';

describe('concentration', () => {
  const homes = [
    { providerId: 'a', name: 'Alpha Care', units: 30 },
    { providerId: 'b', name: 'Beta Homes', units: 30 },
    { providerId: 'a', name: 'Alpha Care', units: 20 },
    { providerId: 'c', name: 'Gamma Ltd', units: 20 },
  ];
  it('adds up each provider’s beds, largest first', () => {
    expect(providerShares(homes).map((p) => [p.providerId, p.units, p.share])).toEqual([
      ['a', 50, 0.5],
      ['b', 30, 0.3],
      ['c', 20, 0.2],
    ]);
  });
  it('computes HHI on percentage shares: 50² + 30² + 20² = 3,800', () => {
    expect(hhi(providerShares(homes))).toBeCloseTo(3800, 6);
    expect(concentrationLevel(3800)).toBe('high');
    // 10 equal providers: 10 × 10² = 1,000 → moderate boundary
    const ten = Array.from({ length: 10 }, (_, i) => ({ share: 0.1, i }));
    expect(hhi(ten)).toBeCloseTo(1000, 6);
    expect(concentrationLevel(999)).toBe('unconcentrated');
    expect(concentrationLevel(1800)).toBe('moderate');
  });
  it('gives the top-n share', () => {
    expect(topShare(providerShares(homes), 2)).toBeCloseTo(0.8, 10);
  });
});
