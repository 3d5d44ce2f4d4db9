import { describe, expect, it } from 'vitest';
import { checkRateForm, inForceOn, poundsToPence, rateHistory, serverErrorsForForm, todayInEngland } from './rates';

describe('usual rates in the browser', () => {
  it('reads pounds and pence into integer pence without floating point', () => {
    expect(poundsToPence('712.50')).toEqual({ pence: 71_250 });
    expect(poundsToPence(' 712.5 ')).toEqual({ pence: 71_250 });
    expect(poundsToPence('712')).toEqual({ pence: 71_200 });
    expect(poundsToPence('£1,234.56')).toEqual({ pence: 123_456 });
    expect(poundsToPence('0.29')).toEqual({ pence: 29 }); // 0.29 * 100 is 28.999… in floating point
    expect(poundsToPence('.5')).toEqual({ pence: 50 });
    expect(poundsToPence('24.26')).toEqual({ pence: 2_426 });
    expect(poundsToPence('25000')).toEqual({ pence: 2_500_000 });
  });
  it('refuses what is not a positive amount with at most 2 decimal places', () => {
    expect(poundsToPence('')).toEqual({ error: 'Enter the amount in pounds' });
    expect(poundsToPence('  £ ')).toEqual({ error: 'Enter the amount in pounds' });
    expect(poundsToPence('712.505')).toEqual({ error: 'Amount must have no more than 2 decimal places' });
    expect(poundsToPence('0')).toEqual({ error: 'Amount must be more than £0' });
    expect(poundsToPence('0.00')).toEqual({ error: 'Amount must be more than £0' });
    expect(poundsToPence('-5')).toEqual({ error: 'Amount must be more than £0' });
    for (const bad of ['abc', '7,12.50', '1.2.3', '712.', '.', '1e3', '12 50'])
      expect(poundsToPence(bad)).toEqual({ error: 'Amount must be in pounds and pence, like 712.50' });
    // The API's own limit in the API's own words (issue 13: "less than £25,001" beside "£25,000 or less").
    expect(poundsToPence('25000.01')).toEqual({ error: 'Amount must be £25,000 or less' });
    expect(poundsToPence('123456789012345678901')).toEqual({ error: 'Amount must be £25,000 or less' });
  });
  it('finds the figure in force on a date and labels the history', () => {
    const rows = [
      { id: 'a', band: 'standard_residential', effectiveFrom: '2025-04-01' },
      { id: 'b', band: 'standard_residential', effectiveFrom: '2026-04-01' },
      { id: 'c', band: 'standard_residential', effectiveFrom: '2027-04-01' },
      { id: 'd', band: 'enhanced_residential', effectiveFrom: '2026-04-01' },
      { id: 'e', band: 'homecare_hourly', effectiveFrom: '2027-01-01' },
    ];
    const now = inForceOn(rows, (r) => r.band, '2026-11-23');
    expect(now.get('standard_residential')?.id).toBe('b');
    expect(now.has('homecare_hourly')).toBe(false);
    expect(inForceOn(rows, (r) => r.band, '2027-04-01').get('standard_residential')?.id).toBe('c');
    const history = rateHistory(
      rows,
      (r) => r.band,
      ['standard_residential', 'enhanced_residential', 'homecare_hourly'],
      '2026-11-23',
    );
    expect(history.map((r) => [r.id, r.status])).toEqual([
      ['c', 'scheduled'],
      ['b', 'in_force'],
      ['a', 'replaced'],
      ['d', 'in_force'],
      ['e', 'scheduled'],
    ]);
  });
  it('gives today in England, not UTC', () => {
    expect(todayInEngland(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // BST
    expect(todayInEngland(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31'); // GMT
  });
  it('checks the forms and builds the API bodies', () => {
    const date = { day: '6', month: '4', year: '2026' };
    expect(
      checkRateForm('rate', {
        key: 'standard_residential',
        effectiveFrom: date,
        amount: '712.50',
        text: '  Cabinet decision ',
      }),
    ).toEqual({
      errors: [],
      body: {
        band: 'standard_residential',
        effectiveFrom: '2026-04-06',
        amountPence: 71_250,
        note: 'Cabinet decision',
      },
    });
    expect(checkRateForm('cost', { key: 'homecare', effectiveFrom: date, amount: '24.26', text: '' }).body).toEqual({
      service: 'homecare',
      effectiveFrom: '2026-04-06',
      amountPence: 2_426,
      source: null,
    });
    expect(
      checkRateForm('rate', {
        key: '',
        effectiveFrom: { day: '31', month: '2', year: '2026' },
        amount: '7.125',
        text: 'x'.repeat(501),
      }),
    ).toEqual({
      body: null,
      errors: [
        { field: 'rate-band', message: 'Choose a band' },
        { field: 'rate-effectiveFrom-day', message: 'The effective from date must be a real date' },
        { field: 'rate-amount', message: 'Amount must have no more than 2 decimal places' },
        { field: 'rate-note', message: 'Note must be 500 characters or fewer' },
      ],
    });
    expect(
      checkRateForm('cost', {
        key: 'standard_residential',
        effectiveFrom: { day: '', month: '', year: '' },
        amount: '',
        text: '',
      }).errors,
    ).toEqual([
      { field: 'cost-service', message: 'Choose a service' },
      { field: 'cost-effectiveFrom-day', message: 'Enter the effective from date' },
      { field: 'cost-amount', message: 'Enter the amount in pounds' },
    ]);
  });
  it('runs the API’s checks too, every problem at once (issue 13: −5 from 1999 named only the amount)', () => {
    expect(
      checkRateForm('rate', {
        key: 'standard_residential',
        effectiveFrom: { day: '1', month: '4', year: '1999' },
        amount: '-5',
        text: '',
      }).errors,
    ).toEqual([
      { field: 'rate-effectiveFrom-day', message: 'Effective from date must be on or after 1 April 2015' },
      { field: 'rate-amount', message: 'Amount must be more than £0' },
    ]);
    expect(
      checkRateForm('cost', {
        key: 'nursing',
        effectiveFrom: { day: '1', month: '1', year: '2099' },
        amount: '30000',
        text: '',
      }).errors,
    ).toEqual([
      { field: 'cost-effectiveFrom-day', message: 'Effective from date must be within 25 years from today' },
      { field: 'cost-amount', message: 'Amount must be £25,000 or less' },
    ]);
  });
  it('links the server’s field errors to the form’s inputs', () => {
    expect(
      serverErrorsForForm('rate', [
        { field: 'amountPence', message: 'must be a whole number of pence above 0' },
        { field: 'effectiveFrom', message: 'Use a date in the form YYYY-MM-DD' },
        { field: 'band', message: 'band is required' },
        { field: 'body', message: 'Unexpected end of JSON input' },
        { message: 'You do not have permission to do this' },
      ]),
    ).toEqual([
      { field: 'rate-amount', message: 'Amount must be a whole number of pence above 0' },
      { field: 'rate-effectiveFrom-day', message: 'Use a date in the form YYYY-MM-DD' },
      { field: 'rate-band', message: 'Band is required' },
      { message: 'Unexpected end of JSON input' },
      { message: 'You do not have permission to do this' },
    ]);
    expect(
      serverErrorsForForm('cost', [{ field: 'source', message: 'Too big: expected string to have <=500 characters' }]),
    ).toEqual([{ field: 'cost-source', message: 'Too big: expected string to have <=500 characters' }]);
  });
});
