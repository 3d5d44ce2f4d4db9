import { describe, expect, it } from 'vitest';
import {
  currentEndDate,
  endProblem,
  summariseTerm,
  takeExtension,
  variedFields,
  type ContractTerm,
} from './contract.js';
import { describeHistoryEntry, poundsText } from './history.js';
import { longDateText } from '../core/dates.js';

// A "3+1+1" homecare framework: 1 April 2023 to 31 March 2026, two 12-month options, 3 months' notice.
const homecare: ContractTerm = {
  startDate: '2023-04-01',
  initialEndDate: '2026-03-31',
  extensionOptionsMonths: [12, 12],
  extensionsTaken: 1,
  noticePeriodMonths: 3,
  breakClauseDates: [],
};

describe('ending a contract early', () => {
  it('makes the last day its end, with no extension left', () => {
    const ended = { ...homecare, endedOn: '2026-06-30' };
    expect(currentEndDate(ended)).toBe('2026-06-30');
    const s = summariseTerm(ended, '2026-07-01');
    expect(s).toMatchObject({ status: 'ended', maximumEndDate: '2026-06-30', extensionsRemaining: [] });
    expect(takeExtension(ended)).toEqual({
      ok: false,
      reason: 'This contract has been ended: it cannot be extended',
    });
  });

  it('refuses a day outside the term, or a second ending', () => {
    expect(endProblem(homecare, '2027-03-31')).toBeNull();
    expect(endProblem(homecare, '2023-03-31')?.message).toBe(
      `Last day of the contract must be on or after its start date (${longDateText(homecare.startDate)})`,
    );
    expect(endProblem(homecare, '2027-04-01')?.message).toBe(
      'Last day of the contract must be on or before its current end date (31 March 2027)',
    );
    expect(endProblem({ ...homecare, endedOn: '2026-06-30' }, '2026-05-31')?.message).toBe(
      'This contract has already been ended (on 30 June 2026)',
    );
  });
});

describe('a variation', () => {
  const current = {
    title: 'Homecare',
    totalValuePence: 300,
    annualValuePence: 100,
    initialEndDate: '2026-03-31',
    extensionOptionsMonths: [12, 12],
    noticePeriodMonths: 3,
    breakClauseDates: [],
    socialValue: null,
  };
  it('names only the terms it changes', () => {
    expect(
      variedFields(current, { annualValuePence: 100, totalValuePence: 330, extensionOptionsMonths: [12] }),
    ).toEqual(['totalValuePence', 'extensionOptionsMonths']);
    expect(variedFields(current, { title: 'Homecare', extensionOptionsMonths: [12, 12] })).toEqual([]);
  });
});

describe("a contract's history in words", () => {
  const fact = { id: 1, at: '2026-11-30T10:00:00.000Z', who: 'Sam Patel', entity: 'contract' };
  it('lists changed fields in the register’s order, money in pounds and codes as labels', () => {
    const e = describeHistoryEntry({
      ...fact,
      action: 'vary',
      detail: {
        variation: 2,
        effectiveFrom: '2026-12-01',
        reason: 'National Living Wage uplift',
        before: { noticePeriodMonths: 3, annualValuePence: 66_000_000 },
        after: { noticePeriodMonths: 6, annualValuePence: 70_000_050 },
      },
    });
    expect(e.summary).toBe('Varied (variation 2), effective from 1 December 2026');
    expect(e.note).toBe('National Living Wage uplift');
    expect(e.changes).toEqual([
      { field: 'annualValuePence', label: 'Annual value', before: '£660,000', after: '£700,000.50' },
      { field: 'noticePeriodMonths', label: 'Notice period', before: '3 months', after: '6 months' },
    ]);
    const edit = describeHistoryEntry({
      ...fact,
      action: 'update',
      detail: {
        before: { serviceArea: 'homecare', socialValue: null },
        after: { serviceArea: 'extra_care', socialValue: 'Apprentices' },
      },
    });
    expect(edit.changes.map((c) => [c.before, c.after])).toEqual([
      ['Homecare', 'Extra care housing'],
      [null, 'Apprentices'],
    ]);
  });

  it('describes KPI and procurement entries', () => {
    expect(
      describeHistoryEntry({ ...fact, entity: 'kpi', action: 'create', detail: { name: 'Visits on time' } }).summary,
    ).toBe('KPI added: Visits on time');
    expect(
      describeHistoryEntry({
        ...fact,
        entity: 'procurement',
        action: 'update_stage',
        detail: { stage: 'award', actualEnd: null, plannedEnd: '2027-01-31' },
      }).summary,
    ).toBe('Procurement stage Award: planned end 31 January 2027, actual end cleared');
    expect(poundsText(12_345)).toBe('£123.45');
  });

  it('writes dates out in words, and describes a KPI edited, retired or removed with its fields by their labels', () => {
    const moved = describeHistoryEntry({
      ...fact,
      action: 'vary',
      detail: {
        variation: 1,
        effectiveFrom: '2027-04-01',
        before: { initialEndDate: '2028-03-31', breakClauseDates: [] },
        after: { initialEndDate: '2029-03-31', breakClauseDates: ['2027-09-30', '2028-03-31'] },
      },
    });
    expect(moved.changes).toEqual([
      { field: 'initialEndDate', label: 'End date (initial term)', before: '31 March 2028', after: '31 March 2029' },
      { field: 'breakClauseDates', label: 'Break clauses', before: null, after: '30 September 2027, 31 March 2028' },
    ]);
    const kpi = { ...fact, entity: 'kpi' };
    const edited = describeHistoryEntry({
      ...kpi,
      action: 'update',
      detail: {
        name: 'Visits on time',
        before: { target: 95, direction: 'higher_is_better', dueDays: null },
        after: { target: 97.5, direction: 'lower_is_better', dueDays: 20 },
      },
    });
    expect(edited.summary).toBe('KPI edited: Visits on time');
    expect(edited.changes).toEqual([
      { field: 'target', label: 'Target', before: '95', after: '97.5' },
      { field: 'direction', label: 'Higher or lower is better', before: 'Higher is better', after: 'Lower is better' },
      { field: 'dueDays', label: 'Due day (days after the period ends)', before: null, after: '20 days' },
    ]);
    const retired = describeHistoryEntry({
      ...kpi,
      action: 'retire',
      detail: { name: 'Visits on time', reason: 'Replaced by the new outcomes framework' },
    });
    expect([retired.summary, retired.note]).toEqual([
      'KPI retired (its returns are kept): Visits on time',
      'Replaced by the new outcomes framework',
    ]);
    expect(
      describeHistoryEntry({ ...kpi, action: 'delete', detail: { name: 'Typo KPI', reason: 'Added twice' } }).summary,
    ).toBe('KPI removed (it had no returns): Typo KPI');
  });
});
