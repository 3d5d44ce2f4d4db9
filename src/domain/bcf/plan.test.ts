import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { validateScheme, type Scheme } from './plan.js';

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
