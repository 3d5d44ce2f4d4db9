import { describe, expect, it } from 'vitest';
import { datePartsToIso, isoToDateParts } from './forms';

describe('date input parts', () => {
  it('turns parts into an ISO date, padding day and month', () => {
    expect(datePartsToIso({ day: '3', month: '2', year: '2026' })).toEqual({ iso: '2026-02-03' });
    expect(datePartsToIso({ day: ' 29 ', month: '02', year: '2024' })).toEqual({ iso: '2024-02-29' });
  });

  it('gives GOV.UK error messages naming what is missing or wrong', () => {
    expect(datePartsToIso({ day: '', month: '', year: '' }, 'Date of discharge')).toEqual({
      error: 'Enter the date of discharge',
    });
    expect(datePartsToIso({ day: '3', month: '', year: '' }, 'Date of discharge')).toEqual({
      error: 'Date of discharge must include a month and year',
    });
    expect(datePartsToIso({ day: '', month: '4', year: '2026' })).toEqual({ error: 'Date must include a day' });
    expect(datePartsToIso({ day: '29', month: '2', year: '2026' })).toEqual({ error: 'Date must be a real date' });
    expect(datePartsToIso({ day: '31', month: '4', year: '2026' })).toEqual({ error: 'Date must be a real date' });
    expect(datePartsToIso({ day: '1', month: '13', year: '2026' })).toEqual({ error: 'Date must be a real date' });
    expect(datePartsToIso({ day: '1', month: '1', year: '26' })).toEqual({ error: 'Date must be a real date' });
    expect(datePartsToIso({ day: 'x', month: '1', year: '2026' })).toEqual({ error: 'Date must be a real date' });
  });

  it('splits an ISO date (or a timestamp) into parts', () => {
    expect(isoToDateParts('2026-11-03')).toEqual({ day: '3', month: '11', year: '2026' });
    expect(isoToDateParts('2026-11-23T10:00:00Z')).toEqual({ day: '23', month: '11', year: '2026' });
    expect(isoToDateParts(null)).toEqual({ day: '', month: '', year: '' });
  });
});
