import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.js';
import { SCHEMA_WORDING } from '../../core/messages.js';
import { boroughScenario } from './examples.js';
import { parseScenario, requireScenario, upgradeStoredScenario } from './scenario.js';
import { editDistance, nearestName } from './strict.js';

/** A valid scenario as plain JSON, to break one field at a time. */
function plain(): Record<string, unknown> & { services: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(boroughScenario({ days: 30, replications: 5 })));
}

function issues(input: unknown) {
  const parsed = parseScenario(input);
  if (parsed.ok) throw new Error('expected the scenario to be refused');
  return parsed.issues;
}

describe('strict scenarios: unknown fields are refused, never dropped', () => {
  it('refuses a misspelt top-level field with its path and the nearest known name', () => {
    const input = { ...plain(), warmUpDays: 30 };
    const found = issues(input);
    expect(found).toHaveLength(1);
    expect(found[0].field).toBe('warmUpDays');
    expect(found[0].message).toMatch(/Unknown field "warmUpDays": did you mean "warmupDays"\?/);
  });

  it('refuses each of the fields the old schema dropped without a word, each by its own path', () => {
    const input = plain();
    input.initialQueue = 12;
    input.services[0].capacityChange = [{ from: '2026-05-01', capacity: 80 }];
    input.services[1].initialOccupancy = 50;
    const found = issues(input);
    const byField = Object.fromEntries(found.map((i) => [i.field, i.message]));
    expect(Object.keys(byField).sort()).toEqual([
      'initialQueue',
      'services.0.capacityChange',
      'services.1.initialOccupancy',
    ]);
    expect(byField['services.0.capacityChange']).toMatch(/did you mean capacityChanges/);
    expect(byField['initialQueue']).toMatch(/initialState\.waiting/);
    expect(byField['services.1.initialOccupancy']).toMatch(/initialState\.inService/);
  });

  it('looks for the nearest name inside the right branch of a union (lognormal stays, visit services)', () => {
    const input = plain();
    input.services[2].lengthOfStay = { kind: 'lognormal', mean: 35, sd: 15, meen: 3 };
    input.services[0] = {
      ...input.services[0],
      unit: 'visit',
      capacity: 200,
      visits: { firstDay: 3, lastDay: 1, lasDay: 1 },
      costPerVisitPence: 2400,
    };
    const found = issues(input);
    const byField = Object.fromEntries(found.map((i) => [i.field, i.message]));
    // A visit service has no cost per place-day: the nearest name there is its cost per visit.
    expect(byField['services.0.costPerPlaceDayPence']).toMatch(/did you mean "costPerVisitPence"/);
    expect(byField['services.0.visits.lasDay']).toMatch(/did you mean "lastDay"/);
    expect(byField['services.2.lengthOfStay.meen']).toMatch(/did you mean "mean"/);
  });

  it('refuses money in pounds under the old names, pointing to the pence fields', () => {
    const input = plain();
    input.costPerAcuteBedDay = 345;
    expect(issues(input)[0]).toMatchObject({
      field: 'costPerAcuteBedDay',
      message: expect.stringMatching(/costPerAcuteBedDayPence/),
    });
  });

  it('throws an InputError listing every field, with a prefix for wrapped bodies', () => {
    const input = { ...plain(), warmUpDays: 3, replications: 0 };
    try {
      requireScenario(input, 'scenario');
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).errors.map((e) => e.field).sort()).toEqual([
        'scenario.replications',
        'scenario.warmUpDays',
      ]);
    }
  });

  it('refuses a warm-up together with today’s position (the run starts from that position)', () => {
    const input = plain();
    input.warmupDays = 30;
    input.services[0].initialState = { inService: [3], waiting: [1] };
    expect(issues(input)).toEqual([expect.objectContaining({ field: 'warmupDays' })]);
  });

  it('measures spelling distance case-insensitively, with transpositions', () => {
    expect(editDistance('warmUpDays', 'warmupDays')).toBe(0);
    expect(editDistance('capcaity', 'capacity')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(nearestName('onwards', ['onward', 'arrivals', 'unit'])).toBe('onward');
  });

  it('brings scenarios saved with money in pounds to pence, and only those', () => {
    const stored = plain();
    delete stored.costPerAcuteBedDayPence;
    stored.costPerAcuteBedDay = 345;
    for (const s of stored.services) {
      s.costPerPlaceDay = Number(s.costPerPlaceDayPence) / 100;
      delete s.costPerPlaceDayPence;
    }
    expect(parseScenario(stored).ok).toBe(false);
    const upgraded = parseScenario(upgradeStoredScenario(stored));
    expect(upgraded.ok).toBe(true);
    if (upgraded.ok) {
      expect(upgraded.scenario.costPerAcuteBedDayPence).toBe(34_500);
      expect(upgraded.scenario.services.map((s) => s.unit !== 'visit' && s.costPerPlaceDayPence)).toEqual([
        6_000, 25_000, 18_000,
      ]);
    }
  });
});

describe('strict scenarios: problems in words', () => {
  it('says what to enter for a missing field and never shows schema wording', () => {
    const input = plain();
    delete input.services[0].name;
    input.services[1].unit = 'zzz';
    const found = issues(input);
    const byField = Object.fromEntries(found.map((i) => [i.field, i.message]));
    expect(byField['services.0.name']).toBe('Enter the name');
    for (const i of found) expect(i.message).not.toMatch(SCHEMA_WORDING);
  });
});
