// Seeded pseudo-random numbers for the demo generators and anything that must be reproducible.
// The same seed gives the same sequence on every machine (pure-rand's xoroshiro128+; integer arithmetic only).
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** Uniform real in [min, max). */
  uniform(min: number, max: number): number;
  bernoulli(p: number): boolean;
  normal(mean?: number, sd?: number): number;
  lognormal(mu: number, sigma: number): number;
  exponential(rate: number): number;
  poisson(lambda: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this seed and a name, so adding draws in one part leaves others unchanged. */
  fork(name: string): Rng;
}

/** FNV-1a 32-bit hash: turns a seed plus a stream name into a 32-bit integer seed. */
export function hashSeed(seed: number | string, name = ''): number {
  const text = `${seed}/${name}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seeded generator: the same seed and name give the same sequence on every machine (see {@link Rng}). */
export function createRng(seed: number | string, name = ''): Rng {
  const root = hashSeed(seed, name);
  const gen = xoroshiro128plus(root);
  let spareNormal: number | null = null;

  const next = (): number => {
    // Two 32-bit draws → 53 random bits → [0, 1).
    const hi = gen.next() >>> 5; // 27 bits
    const lo = gen.next() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  };

  const normal = (mean = 0, sd = 1): number => {
    if (spareNormal !== null) {
      const z = spareNormal;
      spareNormal = null;
      return mean + sd * z;
    }
    // Box–Muller; u1 in (0,1] so log is finite.
    const u1 = 1 - next();
    const u2 = next();
    const r = Math.sqrt(-2 * Math.log(u1));
    spareNormal = r * Math.sin(2 * Math.PI * u2);
    return mean + sd * r * Math.cos(2 * Math.PI * u2);
  };

  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    uniform: (min, max) => min + next() * (max - min),
    bernoulli: (p) => next() < p,
    normal,
    lognormal: (mu, sigma) => Math.exp(normal(mu, sigma)),
    exponential: (rate) => -Math.log(1 - next()) / rate,
    poisson: (lambda) => {
      if (lambda <= 0) return 0;
      if (lambda > 30) return Math.max(0, Math.round(normal(lambda, Math.sqrt(lambda))));
      // Knuth's method: fine for the small means the demo and simulation use.
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    weighted: (items, weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i];
        if (r < 0) return items[i];
      }
      return items[items.length - 1];
    },
    shuffle: (items) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    fork: (forkName) => createRng(root, forkName),
  };
  return rng;
}
