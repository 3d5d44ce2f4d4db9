import { describe, expect, it } from 'vitest';
import { periodProblem } from '../contracts/kpi.js';
import { defaultPlanYear, endedQuarters, quarterHasEnded, quarterLabel } from './period.js';

describe('quarters that have ended (issue 13, findings 3 and 11)', () => {
  it('counts a quarter as ended only once its last day is past, as KPI returns do', () => {
    expect(quarterHasEnded({ year: '2026/27', quarter: 2 }, '2026-10-01')).toBe(true);
    expect(quarterHasEnded({ year: '2026/27', quarter: 2 }, '2026-09-30')).toBe(false);
    expect(quarterHasEnded({ year: '2026/27', quarter: 3 }, '2026-12-01')).toBe(false);
    expect(quarterHasEnded({ year: '2027/28', quarter: 4 }, '2026-12-01')).toBe(false);
    // The same rule as a quarterly KPI return.
    expect(periodProblem('quarterly', '2026-07-01', '2026-09-30')).toBe('The period 2026/27 Q2 has not ended yet');
    expect(periodProblem('quarterly', '2026-07-01', '2026-10-01')).toBeNull();
  });

  it('offers the ended quarters of the plan, the latest first', () => {
    expect(endedQuarters(['2026/27', '2027/28'], '2026-12-01').map(quarterLabel)).toEqual(['2026/27 Q2', '2026/27 Q1']);
    expect(endedQuarters(['2027/28'], '2026-12-01')).toEqual([]);
  });
});

describe('the year BCF pages open on (issue 13, fault B)', () => {
  it('is the current financial year when the plan covers it, else the plan’s first year', () => {
    const years = ['2026/27', '2027/28'];
    expect(defaultPlanYear(years, '2026-12-01')).toBe('2026/27');
    expect(defaultPlanYear(years, '2027-04-01')).toBe('2027/28');
    expect(defaultPlanYear(years, '2027-03-31')).toBe('2026/27');
    expect(defaultPlanYear(years, '2025-06-01')).toBe('2026/27');
    expect(defaultPlanYear(years, '2029-06-01')).toBe('2026/27');
  });
});
