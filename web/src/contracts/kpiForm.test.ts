import { describe, expect, it } from 'vitest';
import { readKpi } from './kpiFormFields';

// The KPI answers of the fresh-user check of issue 16: due day 999, tolerance -3, target 99999999999.
describe('the KPI form’s own checks', () => {
  it('refuses what the API refuses, in the form’s labels and the real ranges, in page order', () => {
    const problems: { field?: string; message: string }[] = [];
    readKpi(
      {
        name: 'Visits on time',
        measure: '',
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
        measure: '',
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
    expect(body).toMatchObject({ measure: 'percent', target: 95, tolerance: 5, dueDays: 120 });
  });

  it('types the target and tolerance by the measure: money typed in pounds goes as pence, a percentage stops at 100', () => {
    const base = { name: 'Weekly cost', direction: 'lower_is_better', frequency: 'monthly', dueDays: '' };
    const problems: { field?: string; message: string }[] = [];
    const money = readKpi({ ...base, measure: 'pence', unit: '', target: '£1,450.50', tolerance: '25' }, problems);
    expect(problems).toEqual([{ field: 'unit', message: 'Enter the unit, like % or hours' }]);
    expect(money).toMatchObject({ measure: 'pence', target: 145_050, tolerance: 2_500 });
    const wrong: { field?: string; message: string }[] = [];
    readKpi({ ...base, measure: 'percent', unit: '%', target: '120', tolerance: '0.001p' }, wrong);
    expect(wrong).toEqual([
      { field: 'target', message: 'The target must be a percentage from 0 to 100' },
      { field: 'tolerance', message: 'Enter the tolerance before it is red as a number' },
    ]);
    const counted: { field?: string; message: string }[] = [];
    readKpi({ ...base, measure: '', unit: 'visits', target: '40.5', tolerance: '2' }, counted);
    expect(counted).toEqual([{ field: 'target', message: 'The target must be a whole number of visits' }]);
  });
});
