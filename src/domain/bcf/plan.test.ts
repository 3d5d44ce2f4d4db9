import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { fundingPenceProblem, schemeOutputsProblem, validateScheme, type Scheme } from './plan.js';

const year = '2026/27';

function scheme(over: Partial<Scheme>): Scheme {
  return {
    id: 's',
    placeId: 'hav',
    ref: 'HAV-01',
    name: 'Reablement',
    schemeType: 'Home-based intermediate care services',
    subType: 'Reablement at home (to support discharge)',
    objective: '',
    commissioner: 'LA',
    provider: 'Local Authority',
    areaOfSpend: 'social_care',
    contractIds: [],
    plannedOutputs: null,
    outputUnit: '',
    funding: [],
    actuals: [],
    ...over,
  };
}

describe('scheme validation', () => {
  it('names a sub-type that does not belong to the scheme type and a year outside the plan', () => {
    try {
      validateScheme(
        {
          ...scheme({ subType: 'Handyperson services' }),
          funding: [{ fundingLine: 'ibcf', year: '2030/31', plannedPence: 1 }],
        },
        [year],
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).errors.map((x) => x.field)).toEqual(['subType', 'funding.0.year']);
    }
  });
});

describe('scheme figures held to bounds (issue 13, findings 1 and 2)', () => {
  it('counts outputs of people and referrals in whole numbers; hours may have a fraction', () => {
    expect(schemeOutputsProblem(12.5, 'referrals')).toBe('enter a whole number of referrals');
    expect(schemeOutputsProblem(12, 'referrals')).toBeNull();
    expect(schemeOutputsProblem(12.5, 'hours of care')).toBeNull();
    expect(schemeOutputsProblem(-1, 'people assessed')).toBe('enter a number of people assessed from 0 to 10,000,000');
  });
  it('keeps money to £0 up to £1bn a line or quarter, the API’s bound', () => {
    expect(fundingPenceProblem(500_000_000_000_000)).toBe('enter an amount of £1,000,000,000 or less');
    expect(fundingPenceProblem(-2000)).toBe('enter an amount of £0 or more');
    expect(fundingPenceProblem(100_000_000_000)).toBeNull();
  });
});
