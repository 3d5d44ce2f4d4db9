import { describe, expect, it } from 'vitest';
import { budgetPressure } from '../../../../src/domain/demand/budget';
import { toCsv } from '../../components/downloads';
import type { BudgetRowView } from '../types';
import { budgetDownloadColumns } from './BudgetSection';

describe('budget pressure download (issue 13, review 13 finding 4)', () => {
  // Homecare: 50 clients at £800 a week, then 52.6; residential care: 12.4 at £600, then 13.6.
  const result = budgetPressure({
    years: [2026, 2027],
    baseYear: 2026,
    series: [
      { service: 'homecare', clients: [50, 52.6] },
      { service: 'care_home_residential', clients: [12.4, 13.6] },
    ],
    weeklyCostPence: { homecare: 80_000, care_home_residential: 60_000 },
    upliftRate: 0,
  });
  // The rows as the API sends them: pence rounded to whole pence.
  const rows: BudgetRowView[] = result.rows.map((r) => ({
    year: r.year,
    totalPence: Math.round(r.totalPence),
    pressurePence: Math.round(r.pressurePence),
    pressureShare: r.pressureShare,
    services: r.services.map((s) => ({
      service: s.service,
      label: s.service === 'homecare' ? 'Homecare' : 'Residential care',
      clients: s.clients,
      weeklyCostPence: Math.round(s.weeklyCostPence),
      annualCostPence: Math.round(s.annualCostPence),
    })),
  }));
  const services = [
    { service: 'care_home_residential' as const, label: 'Residential care' },
    { service: 'homecare' as const, label: 'Homecare' },
  ];

  it('carries the annual cost and pressure in whole pounds, and clients as whole people', () => {
    const lines = toCsv(budgetDownloadColumns({ services } as never), rows).split('\r\n');
    expect(lines[0]).toBe('Year,Annual cost (£),Pressure (£),Change (%),Residential care clients,Homecare clients');
    // 50 × £800 × 365/7 = £2,085,714.29 and 12.4 × £600 × 365/7 = £387,942.86: £2,473,657 a year.
    expect(lines[1]).toBe('2026,2473657,0,0,12,50');
    // 52.6 × £800 × 365/7 + 13.6 × £600 × 365/7 = £2,619,657; £146,000 (5.9%) more than 2026.
    expect(lines[2]).toBe('2027,2619657,146000,5.9,14,53');
  });
});
