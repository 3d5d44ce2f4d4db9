import { describe, expect, it } from 'vitest';
import { readKpi } from './KpiPages';

// The KPI answers of the fresh-user check of issue 16: due day 999, tolerance -3, target 99999999999.
describe('the KPI form’s own checks', () => {
  it('refuses what the API refuses, in the form’s labels and the real ranges, in page order', () => {
    const problems: { field?: string; message: string }[] = [];
    readKpi(
      {
        name: 'Visits on time',
        unit: '%',
        target: '99999999999',
        direction: 'higher_is_better',
        frequency: 'monthly',
        tolerance: '-3',
        dueDays: '999',
      },
      problems,
    );
    expect(problems).toEqual([
      { field: 'target', message: 'Target must be 1,000,000,000 or less' },
      { field: 'tolerance', message: 'Tolerance before it is red must be 0 or more' },
      { field: 'dueDays', message: 'Due day must be 120 days or less' },
    ]);
  });

  it('takes a KPI the API would take', () => {
    const problems: { field?: string; message: string }[] = [];
    const body = readKpi(
      {
        name: 'Visits on time',
        unit: '%',
        target: '95',
        direction: 'higher_is_better',
        frequency: 'monthly',
        tolerance: '5',
        dueDays: '120',
      },
      problems,
    );
    expect(problems).toEqual([]);
    expect(body).toMatchObject({ target: 95, tolerance: 5, dueDays: 120 });
  });
});
