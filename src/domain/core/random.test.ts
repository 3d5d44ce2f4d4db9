import { describe, expect, it } from 'vitest';
import { createRng, hashSeed } from './random.js';

describe('createRng', () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    const seqB = Array.from({ length: 5 }, () => b.next());
    const seqC = Array.from({ length: 5 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('draws uniforms in [0,1) with the right mean and variance', () => {
    const rng = createRng(1);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (u < 0 || u >= 1) outside++;
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(sumSq / n - mean * mean).toBeCloseTo(1 / 12, 2);
  });

  it('draws normals and Poisson counts with the requested moments', () => {
    const rng = createRng('moments');
    const n = 100_000;
    let s = 0;
    let ss = 0;
    let p = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal(10, 2);
      s += z;
      ss += z * z;
      p += rng.poisson(3.5);
    }
    expect(s / n).toBeCloseTo(10, 1);
    expect(Math.sqrt(ss / n - (s / n) ** 2)).toBeCloseTo(2, 1);
    expect(p / n).toBeCloseTo(3.5, 1);
  });

  it('keeps integer draws inside the inclusive bounds and reaches both ends', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(1, 6));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('forks independent named streams reproducibly', () => {
    const x = createRng(5).fork('market').next();
    const y = createRng(5).fork('market').next();
    const z = createRng(5).fork('demand').next();
    expect(x).toBe(y);
    expect(x).not.toBe(z);
    expect(hashSeed(5, 'a')).not.toBe(hashSeed(5, 'b'));
  });
});
