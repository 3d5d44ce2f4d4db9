import { describe, expect, it } from 'vitest';
import {
  formatKpiFigure,
  kpiDefinitionProblems,
  kpiMeasureFromUnit,
  kpiRag,
  kpiUnitFor,
  kpiValueProblem,
  periodProblem,
  periodStartFor,
  periodsDue,
  returnStatuses,
  type Kpi,
} from './kpi.js';

const reablement: Kpi = {
  name: 'Still at home 91 days after discharge',
  measure: 'percent',
  unit: '%',
  target: 82,
  direction: 'higher_is_better',
  frequency: 'quarterly',
  tolerance: 3,
  dueDays: null,
};
const missedVisits: Kpi = {
  name: 'Missed visits',
  measure: 'percent',
  unit: '%',
  target: 1,
  direction: 'lower_is_better',
  frequency: 'monthly',
  tolerance: 0.5,
  dueDays: null,
};

describe('reporting periods', () => {
  it('aligns quarters and halves to the financial year', () => {
    expect(periodStartFor('quarterly', '2025-02-14')).toBe('2025-01-01');
    expect(periodStartFor('quarterly', '2025-06-30')).toBe('2025-04-01');
    expect(periodStartFor('six_monthly', '2026-01-05')).toBe('2025-10-01');
    expect(periodStartFor('annual', '2026-03-31')).toBe('2025-04-01');
    expect(periodStartFor('monthly', '2025-11-23')).toBe('2025-11-01');
  });

  it('lists the periods ended by the date with due dates by frequency', () => {
    const q = periodsDue(reablement, '2025-04-01', '2025-11-23');
    expect(q).toEqual([
      { periodStart: '2025-04-01', periodEnd: '2025-06-30', dueDate: '2025-07-15', label: '2025/26 Q1' },
      { periodStart: '2025-07-01', periodEnd: '2025-09-30', dueDate: '2025-10-15', label: '2025/26 Q2' },
    ]);
    const m = periodsDue(missedVisits, '2025-08-15', '2025-11-23');
    expect(m.map((p) => [p.label, p.dueDate])).toEqual([
      ['Aug 2025', '2025-09-10'],
      ['Sep 2025', '2025-10-10'],
      ['Oct 2025', '2025-11-10'],
    ]);
  });
});

describe('KPI returns', () => {
  it('rates values against target and tolerance in the right direction', () => {
    expect(kpiRag(reablement, 82)).toBe('green');
    expect(kpiRag(reablement, 79)).toBe('amber'); // 3 short: within tolerance
    expect(kpiRag(reablement, 78.9)).toBe('red');
    expect(kpiRag(missedVisits, 0.4)).toBe('green');
    expect(kpiRag(missedVisits, 1.5)).toBe('amber');
    expect(kpiRag(missedVisits, 2.1)).toBe('red');
  });

  it('marks late, overdue and off-target returns', () => {
    const rows = returnStatuses(
      missedVisits,
      '2025-08-01',
      [
        { periodStart: '2025-08-01', value: 0.8, submittedOn: '2025-09-09' },
        { periodStart: '2025-09-01', value: 2.4, submittedOn: '2025-10-16' },
      ],
      '2025-11-23',
    );
    expect(rows.map((r) => [r.label, r.state, r.daysLate, r.rag, r.offTarget])).toEqual([
      ['Aug 2025', 'on_time', 0, 'green', false],
      ['Sep 2025', 'late', 6, 'red', true],
      ['Oct 2025', 'overdue', 13, null, false],
    ]);
    // Before its due date a missing return is only awaited.
    expect(returnStatuses(missedVisits, '2025-10-01', [], '2025-11-05')[0]).toMatchObject({
      state: 'awaited',
      daysLate: 0,
    });
  });

  it('accepts only whole, ended periods for a return', () => {
    expect(periodProblem('quarterly', '2025-07-01', '2025-11-23')).toBeNull();
    expect(periodProblem('quarterly', '2025-08-01', '2025-11-23')).toBe(
      'Not the start of a quarterly period: use 2025-07-01',
    );
    expect(periodProblem('quarterly', '2025-10-01', '2025-11-23')).toBe('The period 2025/26 Q3 has not ended yet');
  });
});

describe('KPI return values, typed by the KPI’s measure', () => {
  const percent = { measure: 'percent', unit: '%' } as const;
  const people = { measure: 'count', unit: 'people' } as const;
  const carers = { measure: 'count', unit: 'carers' } as const;
  const days = { measure: 'days', unit: 'days' } as const;
  const money = { measure: 'pence', unit: '£' } as const;
  const score = { measure: 'number', unit: 'score' } as const;
  it('refuses a percentage outside 0 to 100 (issue 13: a return of −10%)', () => {
    expect(kpiValueProblem(percent, -10)).toBe('The value must be a percentage from 0 to 100');
    expect(kpiValueProblem(percent, 100.5)).toBe('The value must be a percentage from 0 to 100');
    expect(kpiValueProblem(percent, 87.5)).toBeNull();
  });
  it('names the KPI in the message, so a page of several says which figure (review 13, finding 22)', () => {
    const occupancy = { ...percent, name: 'Block bed occupancy' };
    for (const v of [-10, 150, 1e9])
      expect(kpiValueProblem(occupancy, v)).toBe('Block bed occupancy must be a percentage from 0 to 100');
    expect(kpiValueProblem({ ...people, name: 'People reviewed' }, 2.5)).toBe(
      'People reviewed must be a whole number of people',
    );
  });
  it('wants whole, non-negative counts', () => {
    expect(kpiValueProblem(people, 12.5)).toBe('The value must be a whole number of people');
    expect(kpiValueProblem(carers, -1)).toBe('The value must be a number of carers, 0 or more');
    expect(kpiValueProblem(people, 12)).toBeNull();
  });
  it('takes durations with decimals but not below 0', () => {
    expect(kpiValueProblem(days, 3.5)).toBeNull();
    expect(kpiValueProblem(days, -0.5)).toBe('The value must be a number of days, 0 or more');
  });
  it('takes money as whole pence up to £10m', () => {
    expect(kpiValueProblem(money, 123_456)).toBeNull();
    expect(kpiValueProblem(money, 12.5)).toBe('The value must be an amount from £0 to £10,000,000 in pounds and pence');
    expect(kpiValueProblem(money, 1_000_000_001)).toBe(
      'The value must be an amount from £0 to £10,000,000 in pounds and pence',
    );
  });
  it('lets another number be negative (a change in a score) within its bounds', () => {
    expect(kpiValueProblem(score, -2.5)).toBeNull();
    expect(kpiValueProblem(score, 2e9)).toBe('The value must be a number from -1,000,000,000 to 1,000,000,000');
    expect(kpiValueProblem(score, Number.NaN)).toBe('The value must be a number');
  });
});

describe('KPI measures', () => {
  it('reads the measure a free-text unit implies', () => {
    expect(['%', 'per cent', 'days', 'Hours', '£', 'people', 'Visits', 'score'].map(kpiMeasureFromUnit)).toEqual([
      'percent',
      'percent',
      'days',
      'hours',
      'pence',
      'count',
      'count',
      'number',
    ]);
  });
  it('stores the unit a measure implies, or the commissioner’s own', () => {
    expect(kpiUnitFor('percent', 'per cent')).toBe('%');
    expect(kpiUnitFor('pence', null)).toBe('£');
    expect(kpiUnitFor('count', '  visits ')).toBe('visits');
    expect(kpiUnitFor('count', ' ')).toBeNull();
  });
  it('checks the target and tolerance against the measure, every problem at once', () => {
    expect(kpiDefinitionProblems({ measure: 'percent', unit: '%', target: 120, tolerance: 150 })).toEqual([
      { field: 'target', message: 'The target must be a percentage from 0 to 100' },
      { field: 'tolerance', message: 'The tolerance must be a percentage from 0 to 100' },
    ]);
    expect(kpiDefinitionProblems({ measure: 'count', unit: '', target: 2.5, tolerance: -1 })).toEqual([
      { field: 'unit', message: 'Enter the unit, like % or hours' },
      { field: 'target', message: 'The target must be a whole number of units' },
      { field: 'tolerance', message: 'The tolerance must be 0 or more' },
    ]);
    expect(kpiDefinitionProblems({ measure: 'pence', target: 250_000, tolerance: 5_000 })).toEqual([]);
  });
  it('formats each figure in its own unit', () => {
    expect(formatKpiFigure({ measure: 'percent', unit: '%' }, 87.54)).toBe('87.5%');
    expect(formatKpiFigure({ measure: 'count', unit: 'people' }, 1234)).toBe('1,234 people');
    expect(formatKpiFigure({ measure: 'days', unit: 'days' }, 3.5)).toBe('3.5 days');
    expect(formatKpiFigure({ measure: 'pence', unit: '£' }, 123_456)).toBe('£1,234.56');
    expect(formatKpiFigure({ measure: 'pence', unit: '£' }, 250_000)).toBe('£2,500');
  });
});
