import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../../src/domain/demand/model';
import { DEFAULT_RATES } from '../../../src/domain/demand/defaults';
import { rateBodyFrom, rateFormFrom, scenarioFormFrom, scenarioParamsFrom } from './forms';

describe('scenario form', () => {
  it('round-trips parameters through the form', () => {
    const params = {
      ...DEFAULT_SCENARIO,
      method: 'custom' as const,
      upliftRate: 0.03,
      trajectories: { dementia_65plus: [{ year: 2030, factor: 1.4 }] },
      lever: {
        from: 'care_home_residential' as const,
        to: 'homecare' as const,
        share: 0.2,
        startYear: 2026,
        meanStayYears: 2.5,
        ratio: 1,
      },
    };
    const form = scenarioFormFrom('Test', '', params);
    expect(form.trajectoryChange).toBe('40');
    expect(form.uplift).toBe('3');
    const { params: back, errors } = scenarioParamsFrom(form, params);
    expect(errors).toEqual([]);
    expect(back!.lever).toEqual(params.lever);
    expect(back!.trajectories.dementia_65plus[0].factor).toBeCloseTo(1.4, 12);
    expect(back!.upliftRate).toBeCloseTo(0.03, 12);
  });
  it('names each bad field', () => {
    const form = {
      ...scenarioFormFrom('', '', DEFAULT_SCENARIO),
      targetOccupancy: '120',
      lever: 'yes' as const,
      leverShare: 'lots',
      leverTo: 'care_home_residential',
    };
    const fields = scenarioParamsFrom(form, DEFAULT_SCENARIO).errors.map((e) => e.field);
    expect(fields).toEqual(['name', 'targetOccupancy', 'leverShare', 'leverTo']);
  });
});

describe('rate form', () => {
  const ld = DEFAULT_RATES.find((r) => r.key === 'learning_disability_adults')!;
  it('turns percentages back into proportions', () => {
    const form = { ...rateFormFrom(ld), cells: ['0.5'], share: '75' };
    const { body, errors } = rateBodyFrom(ld, form);
    expect(errors).toEqual([]);
    expect(body!.cells[0].value).toBeCloseTo(0.005, 12);
    expect(body!.shareKnownToAsc).toBeCloseTo(0.75, 12);
    expect('key' in body!).toBe(false);
  });
  it('refuses a rate over 100% and an empty source', () => {
    const { errors } = rateBodyFrom(ld, { ...rateFormFrom(ld), cells: ['150'], source: ' ' });
    expect(errors.map((e) => e.field)).toEqual(['cells.0.value', 'source']);
    expect(errors[0].message).toBe('Rate for people aged 18+ must be a percentage from 0 to 100');
  });
});
