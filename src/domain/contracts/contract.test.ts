import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, financialYearOf, workingDaysBetween } from '../core/dates.js';
import {
  valueProblems,
  annualValueFromTotal,
  currentEndDate,
  maximumEndDate,
  summariseTerm,
  takeExtension,
  termProblems,
  type ContractTerm,
} from './contract.js';

// A "3+1+1" homecare framework: 1 April 2023 to 31 March 2026, two 12-month options, 3 months' notice.
const homecare: ContractTerm = {
  startDate: '2023-04-01',
  initialEndDate: '2026-03-31',
  extensionOptionsMonths: [12, 12],
  extensionsTaken: 0,
  noticePeriodMonths: 3,
  breakClauseDates: ['2025-03-31'],
};

describe('dates', () => {
  it('clamps month arithmetic to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2026-03-31', -3)).toBe('2025-12-31');
    expect(addMonths('2025-11-15', 14)).toBe('2027-01-15');
  });
  it('counts days and working days', () => {
    expect(daysBetween('2025-12-31', '2026-03-31')).toBe(90);
    // Monday 3 Nov 2025 to Friday 14 Nov 2025: 9 working days after the Monday.
    expect(workingDaysBetween('2025-11-03', '2025-11-14')).toBe(9);
  });
  it('knows the English financial year', () => {
    expect(financialYearOf('2026-03-31')).toBe('2025/26');
    expect(financialYearOf('2026-04-01')).toBe('2026/27');
  });
});

describe('contract term', () => {
  it('works out end, longest end and notice deadline before and after taking an extension', () => {
    expect(currentEndDate(homecare)).toBe('2026-03-31');
    expect(maximumEndDate(homecare)).toBe('2028-03-31');
    const s = summariseTerm(homecare, '2025-11-23');
    expect(s.noticeDeadline).toBe('2025-12-31');
    expect(s.daysToEnd).toBe(128); // 7 days of Nov + 31 + 31 + 28 + 31
    expect(s.extensionsRemaining).toEqual([12, 12]);
    expect(s.nextBreakClause).toBeNull(); // the 2025 break has passed
    expect(s.status).toBe('live');

    const taken = takeExtension(homecare);
    expect(taken.ok).toBe(true);
    if (!taken.ok) return;
    expect(taken.newEndDate).toBe('2027-03-31');
    const again = takeExtension(taken.term);
    if (!again.ok) throw new Error('second option should be available');
    expect(again.newEndDate).toBe('2028-03-31');
    expect(takeExtension(again.term)).toEqual({ ok: false, reason: 'No extension options remain on this contract' });
  });

  it('names the field of each problem', () => {
    const bad = { ...homecare, initialEndDate: '2023-03-01', extensionsTaken: 3, noticePeriodMonths: -1 };
    expect(termProblems(bad).map((p) => p.field)).toEqual([
      'initialEndDate',
      'extensionsTaken',
      'noticePeriodMonths',
      'breakClauseDates',
    ]);
    expect(termProblems(homecare)).toEqual([]);
  });

  it('words each problem with the form’s labels, dates written out and the real range', () => {
    const noOptions = { ...homecare, extensionOptionsMonths: [], extensionsTaken: 1, breakClauseDates: ['2020-01-01'] };
    expect(termProblems(noOptions).map((p) => p.message)).toEqual([
      'Extensions already taken must be 0: the contract has no extension options',
      'Break clause 1 January 2020 must fall within the contract term (1 April 2023 to 31 March 2026)',
    ]);
    expect(termProblems({ ...homecare, extensionsTaken: 3 })[0].message).toBe(
      'Extensions already taken must be from 0 to 2 (the extension options on the contract)',
    );
  });

  it('annualises a total value over the term', () => {
    // £3,000,000 over exactly three years (1,096 days including 29 Feb 2024).
    expect(annualValueFromTotal(300_000_000, '2023-04-01', '2026-03-31')).toBe(Math.round((300_000_000 * 365) / 1096));
    expect(annualValueFromTotal(300_000_000, '2023-04-01', '2026-03-31')).toBe(99_908_759);
  });
  it('refuses money figures that contradict each other or the term (issue 13), within a stated tolerance', () => {
    const term = { startDate: '2020-04-01', initialEndDate: '2030-03-31' };
    expect(valueProblems({ ...term, totalValuePence: 1_000, annualValuePence: 99_999_999_900 })).toEqual([
      { field: 'annualValuePence', message: 'Annual value must be no more than the total value over the term (£10)' },
    ]);
    expect(valueProblems({ ...term, totalValuePence: 150, annualValuePence: 0 })).toEqual([
      { field: 'annualValuePence', message: 'Annual value must be more than £0 when the total value is £1.50' },
    ]);
    const far = valueProblems({ ...term, totalValuePence: 100_000_000, annualValuePence: 1_000_000 });
    expect(far[0].field).toBe('totalValuePence');
    expect(far[0].message).toMatch(/^Total value over the term \(£1,000,000\) must be close to .* from half to double/);
    // Ten years at £1m a year, with an extension's worth more or an uplift: accepted.
    expect(valueProblems({ ...term, totalValuePence: 1_200_000_000, annualValuePence: 100_000_000 })).toEqual([]);
    expect(valueProblems({ ...term, totalValuePence: 0, annualValuePence: 0 })).toEqual([]);
  });
});
