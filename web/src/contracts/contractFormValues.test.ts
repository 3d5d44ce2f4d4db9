import { describe, expect, it } from 'vitest';
import { blank, contractBody, type Values } from './contractFormValues';
import { inPageOrder } from '../components/ErrorSummary';
import { notInThePast, readDate } from './formHelpers';
import { londonToday } from '../../../src/domain/core/dates';

// The answers of the fresh-user check of issue 16: a total of 99999999999999999999 pounds, notice 99 months, an
// end date before the start, an extension taken with no options, a break clause in 2020.
const typed: Values = {
  ...blank,
  reference: 'EB-HC-301',
  title: 'Homecare east zone',
  serviceArea: 'homecare',
  careGroup: 'older_people',
  contractForm: 'framework_call_off',
  fundingSource: 'general_fund',
  totalValuePence: '99999999999999999999',
  annualValuePence: '1,000,000',
  startDate: { day: '1', month: '4', year: '2026' },
  initialEndDate: { day: '31', month: '3', year: '2025' },
  extensionsTaken: '1',
  breakClauseDates: '01/01/2020',
  noticePeriodMonths: '99',
};

describe('the contract form’s own checks', () => {
  it('finds every problem at once, in page order, in the API’s words and the user’s units', () => {
    expect(contractBody(typed).problems).toEqual([
      { field: 'totalValuePence', message: 'Total value over the term must be £1,000,000,000 or less' },
      { field: 'initialEndDate-day', message: 'End date of the initial term must be on or after the start date' },
      {
        field: 'extensionsTaken',
        message: 'Extensions already taken must be 0: the contract has no extension options',
      },
      {
        field: 'breakClauseDates',
        message: 'Break clause 1 January 2020 must fall within the contract term (1 April 2026 to 31 March 2025)',
      },
      { field: 'noticePeriodMonths', message: 'Notice period must be 24 months or less' },
    ]);
  });

  it('passes a contract the API would take', () => {
    const ok = contractBody({
      ...typed,
      totalValuePence: '3,000,000',
      initialEndDate: { day: '31', month: '3', year: '2029' },
      extensionOptionsMonths: '12 + 12',
      breakClauseDates: '31/03/2028',
      noticePeriodMonths: '6',
    });
    expect(ok.problems).toEqual([]);
    expect(ok.body).toMatchObject({ totalValuePence: 300_000_000, extensionsTaken: 1, noticePeriodMonths: 6 });
  });
});

describe('error summary order', () => {
  it('lists whole-form errors first, then fields in page order, then fields not on the page', () => {
    const errors = [
      { field: 'tolerance', message: 'b' },
      { field: 'gone', message: 'd' },
      { message: 'a' },
      { field: 'direction', message: 'c' },
    ];
    expect(inPageOrder(errors, ['direction', 'tolerance']).map((e) => e.message)).toEqual(['a', 'c', 'b', 'd']);
  });
});

describe('dates still to come', () => {
  it('refuses a planned go-live before today on its Day box, and keeps today or later', () => {
    const problems: { field?: string; message: string }[] = [];
    expect(notInThePast('2020-01-01', 'goLive', 'Planned go-live', problems)).toBeNull();
    expect(notInThePast(londonToday(), 'goLive', 'Planned go-live', problems)).toBe(londonToday());
    expect(notInThePast(null, 'reviewDate', 'Next review date', problems)).toBeNull();
    expect(problems).toEqual([{ field: 'goLive-day', message: 'Planned go-live must be today or in the future' }]);
  });
});

describe('readDate', () => {
  it('asks for a blank required date by its label, grammatically (issue 13: "Enter last day")', () => {
    const problems: { field: string; message: string }[] = [];
    const empty = { day: '', month: '', year: '' };
    expect(readDate(empty, 'endedOn', 'Last day of the contract', problems)).toBeNull();
    expect(readDate(empty, 'reportingFrom', 'Date reporting starts', problems)).toBeNull();
    expect(problems).toEqual([
      { field: 'endedOn-day', message: 'Enter the last day of the contract' },
      { field: 'reportingFrom-day', message: 'Enter the date reporting starts' },
    ]);
  });
  it('runs the API’s date bounds and value check with the rest (issue 13: 1 April 1900; £10 over ten years at £999,999,999 a year)', () => {
    const problems = contractBody({
      ...typed,
      totalValuePence: '10',
      annualValuePence: '999,999,999',
      startDate: { day: '1', month: '4', year: '1900' },
      initialEndDate: { day: '31', month: '3', year: '2030' },
      extensionsTaken: '0',
      breakClauseDates: '',
      noticePeriodMonths: '3',
    }).problems;
    expect(problems).toContainEqual({
      field: 'startDate-day',
      message: 'Start date must be on or after 1 January 2000',
    });
    const sane = contractBody({
      ...typed,
      totalValuePence: '10',
      annualValuePence: '999,999,999',
      startDate: { day: '1', month: '4', year: '2020' },
      initialEndDate: { day: '31', month: '3', year: '2030' },
      extensionsTaken: '0',
      breakClauseDates: '',
      noticePeriodMonths: '3',
    }).problems;
    expect(sane).toEqual([
      { field: 'annualValuePence', message: 'Annual value must be no more than the total value over the term (£10)' },
    ]);
  });
});
