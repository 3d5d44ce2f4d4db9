import { describe, expect, it } from 'vitest';
import { boroughScenario } from './examples.js';
import { scenarioSchema } from './scenario.js';

describe('scenario bounds', () => {
  it('refuses a number of places no borough has (issue 13: 999,999 planner places)', () => {
    const s = boroughScenario();
    const bad = { ...s, services: s.services.map((x, i) => (i === 0 ? { ...x, capacity: 999_999 } : x)) };
    const r = scenarioSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['services.0.capacity', 'Places must be a whole number from 0 to 5,000'],
    ]);
    expect(scenarioSchema.safeParse(s).success).toBe(true);
  });
});
