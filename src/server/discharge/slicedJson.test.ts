// The sliced encoder gives, byte for byte, the JSON the response schema gives in one go, and refuses what the
// schema refuses.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { historySchema } from './schemas/metrics.js';
import { encodeJsonInSlices } from './slicedJson.js';

const base = Date.UTC(2025, 2, 29, 23, 30);
const episode = (i: number) => ({
  referralId: `ref-${i}`,
  pathway: (i % 4) as 0 | 1 | 2 | 3,
  serviceNeed: 'reablement' as const,
  service: 'p1_home' as const,
  readyAt: new Date(base + i * 3_600_000),
  startedAt: i % 5 === 0 ? null : new Date(base + i * 3_600_000 + 86_400_000),
  endedAt: i % 3 ? null : new Date(base + i * 3_600_000 + 30 * 86_400_000),
  waitDays: i / 7,
  waiting: i % 5 === 0,
  lengthOfStayDays: i % 3 ? null : 29.5,
  nextPathway: i % 7 === 0 ? (1 as const) : null,
  outcome: i % 2 ? 'usual_residence' : null,
});

const history = (n: number) => ({
  from: '2025-03-01',
  to: '2025-06-01',
  asAt: '2025-06-01T09:00:00.000Z',
  arrivals: [
    { date: '2025-03-01', byPathway: { 0: 1, 1: 2, 2: 0, 3: 4 } },
    { date: '2025-03-02', byPathway: { 0: 0, 1: 0, 2: 1, 3: 0 } },
  ],
  episodes: Array.from({ length: n }, (_, i) => episode(i)),
});

describe('JSON encoded in slices', () => {
  it('is the JSON the schema gives in one go, for none, one, a slice and several slices', async () => {
    for (const n of [0, 1, 500, 1_234]) {
      const value = history(n);
      const whole = JSON.stringify(z.encode(historySchema, value));
      expect(await encodeJsonInSlices(historySchema, 'episodes', value)).toBe(whole);
    }
  });

  it('refuses a value the schema refuses, in any slice', async () => {
    const value = history(800);
    (value.episodes[650] as { service: string }).service = 'spaceship';
    await expect(encodeJsonInSlices(historySchema, 'episodes', value)).rejects.toThrow(z.ZodError);
  });

  it('needs the array to be the last key, as the text is put together in the schema order', async () => {
    await expect(encodeJsonInSlices(historySchema, 'arrivals', history(1))).rejects.toThrow('last key');
  });
});
