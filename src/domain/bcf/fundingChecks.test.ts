import { describe, expect, it } from 'vitest';
import { conditionChecks, spendByFundingLine } from './fundingChecks.js';
import type { Income, Scheme } from './plan.js';

const place = { id: 'hav', name: 'Havering', gssCode: 'E09000016' };
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

describe('national condition checks', () => {
  const income: Income[] = [
    { placeId: 'hav', year, fundingLine: 'minimum_nhs', amountPence: 2_000_000_00 },
    { placeId: 'hav', year, fundingLine: 'dfg', amountPence: 190_000_00 },
  ];
  const requirements = [{ placeId: 'hav', year, socialCarePence: 900_000_00, outOfHospitalPence: 600_000_00 }];

  it('passes a plan that meets the minimums, balances and keeps DFG on DFG schemes', () => {
    const schemes = [
      scheme({ id: 'a', funding: [{ fundingLine: 'minimum_nhs', year, plannedPence: 1_000_000_00 }] }),
      scheme({
        id: 'b',
        commissioner: 'NHS',
        areaOfSpend: 'community_health',
        schemeType: 'Urgent Community Response',
        subType: 'Other',
        funding: [{ fundingLine: 'minimum_nhs', year, plannedPence: 1_000_000_00 }],
      }),
      scheme({
        id: 'c',
        schemeType: 'DFG Related Schemes',
        subType: 'Adaptations, including statutory DFG grants',
        funding: [{ fundingLine: 'dfg', year, plannedPence: 190_000_00 }],
      }),
    ];
    const checks = conditionChecks([place], [year], income, requirements, schemes);
    expect(checks.every((c) => c.met)).toBe(true);
    expect(checks.find((c) => c.key === 'nhs_social_care')!.actualPence).toBe(1_000_000_00);
    expect(checks.find((c) => c.key === 'nhs_out_of_hospital')!.actualPence).toBe(1_000_000_00);
  });

  it('flags a shortfall on social care, unplanned income and DFG spent on another scheme type', () => {
    const schemes = [
      scheme({ id: 'a', funding: [{ fundingLine: 'minimum_nhs', year, plannedPence: 800_000_00 }] }),
      scheme({ id: 'b', funding: [{ fundingLine: 'dfg', year, plannedPence: 50_000_00 }] }),
    ];
    const checks = conditionChecks([place], [year], income, requirements, schemes);
    const byKey = Object.fromEntries(checks.map((c) => [c.key, c]));
    expect(byKey.nhs_social_care.met).toBe(false);
    expect(byKey.nhs_social_care.detail).toBe(
      '£800,000 planned from the minimum NHS contribution on social care against £900,000 required',
    );
    expect(byKey.balanced_minimum_nhs.met).toBe(false);
    expect(byKey.balanced_minimum_nhs.detail).toBe('£1,200,000 of the £2,000,000 income not yet planned');
    expect(byKey.dfg_ring_fence.met).toBe(false);
    expect(byKey.dfg_ring_fence.actualPence).toBe(50_000_00);
  });

  it('sums planned and quarterly actual spend by funding line', () => {
    const s = scheme({
      funding: [{ fundingLine: 'minimum_nhs', year, plannedPence: 400_00 }],
      actuals: [
        { fundingLine: 'minimum_nhs', year, quarter: 1, actualPence: 90_00, outputs: null },
        { fundingLine: 'minimum_nhs', year, quarter: 2, actualPence: 110_00, outputs: null },
      ],
    });
    const lines = spendByFundingLine(year, null, income, [s]);
    const nhs = lines.find((l) => l.fundingLine === 'minimum_nhs')!;
    expect(nhs).toMatchObject({
      plannedPence: 400_00,
      actualPence: 200_00,
      actualByQuarterPence: [90_00, 110_00, 0, 0],
    });
  });
});
