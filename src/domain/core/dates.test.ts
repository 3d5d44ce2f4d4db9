import { TZDate } from '@date-fns/tz';
import { UTCDate } from '@date-fns/utc';
import { addDays as fnsAddDays, addMonths as fnsAddMonths, differenceInCalendarDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  periodEnded,
  DAY_MS,
  addDays,
  dateOfDayNumber,
  dayNumber,
  maxDate,
  minDate,
  monthStart,
  weekStart,
  workingDaysBetween,
  excelSerialToIsoDate,
  parseDateText,
  addMonths,
  daysBetween,
  financialQuarterOf,
  financialYearOf,
  financialYearStart,
  isIsoDate,
  isoDateSchema,
  londonDate,
  londonMidnight,
  londonOffsetMs,
  quarterOf,
  quarterStart,
} from './dates.js';

describe('one calendar', () => {
  it('knows real dates from impossible ones', () => {
    expect(['2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31', '2026-04-30'].every(isIsoDate)).toBe(true);
    expect(
      [
        '2026-02-29',
        '2100-02-29',
        '2026-02-30',
        '2026-04-31',
        '2026-13-01',
        '2026-00-10',
        '2026-01-00',
        '26-01-01',
        '2026-1-1',
        '',
      ].some(isIsoDate),
    ).toBe(false);
    const r = isoDateSchema.safeParse('2026-02-30');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('Enter a real date, for example 27 March 2026 (written 2026-03-27)');
    expect(isoDateSchema.safeParse('30/02/2026').error?.issues[0].message).toMatch(/YYYY-MM-DD/);
  });

  it('adds days and months across month ends, leap days and the clock changes', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-28', -1)).toBe('2027-03-27');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', -12)).toBe('2025-11-30');
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2027-03-01', '2027-02-01')).toBe(-28);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-01-01', '2026-13-01')).toThrow(RangeError);
  });

  it('agrees with date-fns on UTC dates across four centuries', () => {
    // A reference check of the day-number arithmetic: every 7th day from 1900 to 2300, shifted by days and
    // months as date-fns would on UTC dates.
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const wrong: string[] = [];
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2300, 0, 1); t += 13 * DAY_MS) {
      const d = new UTCDate(t);
      const date = iso(d);
      const shift = (t / DAY_MS) % 400;
      if (addDays(date, shift) !== iso(fnsAddDays(d, shift))) wrong.push(`${date} + ${shift} days`);
      if (addMonths(date, shift % 30) !== iso(fnsAddMonths(d, shift % 30)))
        wrong.push(`${date} + ${shift % 30} months`);
      if (daysBetween('2000-02-29', date) !== differenceInCalendarDays(d, new UTCDate(2000, 1, 29)))
        wrong.push(`days to ${date}`);
      if (dateOfDayNumber(dayNumber(date)) !== date) wrong.push(`day number of ${date}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('counts working days and finds the week and month a date is in', () => {
    expect(workingDaysBetween('2026-11-27', '2026-11-30')).toBe(1); // Friday to Monday
    expect(workingDaysBetween('2026-11-30', '2026-12-07')).toBe(5);
    expect(workingDaysBetween('2026-11-30', '2026-11-30')).toBe(0);
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // a Sunday
    expect(weekStart('2026-11-30')).toBe('2026-11-30'); // a Monday
    expect(monthStart('2028-02-29')).toBe('2028-02-01');
    expect(maxDate('2026-01-02', '2025-12-31')).toBe('2026-01-02');
    expect(minDate('2026-01-02', '2025-12-31')).toBe('2025-12-31');
  });

  it('takes the business day in London, not UTC', () => {
    expect(londonDate(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01'); // BST
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31'); // GMT
    expect(londonMidnight('2027-07-01').toISOString()).toBe('2027-06-30T23:00:00.000Z');
    expect(londonMidnight('2027-01-01').toISOString()).toBe('2027-01-01T00:00:00.000Z');
    // The days the clocks change: midnight is before the change (01:00 UTC), so the offset is the day before's.
    expect(londonMidnight('2027-03-28').toISOString()).toBe('2027-03-28T00:00:00.000Z');
    expect(londonMidnight('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(londonOffsetMs(new Date('2027-03-28T00:59:00Z'))).toBe(0);
    expect(londonOffsetMs(new Date('2027-03-28T01:00:00Z'))).toBe(3_600_000);
  });

  it('agrees with date-fns TZDate on every London midnight and date, 2020 to 2030 (20 clock changes)', () => {
    const wrong: string[] = [];
    for (let day = dayNumber('2020-01-01'); day < dayNumber('2031-01-01'); day++) {
      const date = dateOfDayNumber(day);
      const [y, m, d] = [+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)];
      const midnight = londonMidnight(date);
      if (midnight.getTime() !== new TZDate(y, m, d, 'Europe/London').getTime()) wrong.push(`midnight ${date}`);
      if (londonDate(midnight) !== date) wrong.push(`date at midnight ${date}`);
      if (londonDate(new Date(midnight.getTime() - 1)) !== dateOfDayNumber(day - 1)) wrong.push(`day before ${date}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('names quarters and financial years', () => {
    expect(quarterOf('2024-05-17')).toBe('2024-Q2');
    expect(quarterStart('2024-Q4')).toBe('2024-10-01');
    expect(financialYearOf('2026-03-31')).toBe('2025/26');
    expect(financialYearOf('2026-04-01')).toBe('2026/27');
    expect(financialYearStart('2099/00')).toBe('2099-04-01');
    expect(() => financialYearStart('2025/27')).toThrow(RangeError);
    expect(financialQuarterOf('2026-04-01')).toEqual({ year: '2026/27', quarter: 1 });
    expect(financialQuarterOf('2026-12-31')).toEqual({ year: '2026/27', quarter: 3 });
    expect(financialQuarterOf('2027-03-31')).toEqual({ year: '2026/27', quarter: 4 });
  });
});

describe('parseDateText', () => {
  it('reads the ways files write dates', () => {
    expect(parseDateText('2026-03-31')).toBe('2026-03-31');
    expect(parseDateText('2025-09-15 10:02:11')).toBe('2025-09-15');
    expect(parseDateText('2025-09-15T10:02:11Z')).toBe('2025-09-15');
    expect(parseDateText('31/03/2026')).toBe('2026-03-31');
    expect(parseDateText('1/4/2024')).toBe('2024-04-01');
    expect(parseDateText('31-03-2026')).toBe('2026-03-31');
    expect(parseDateText('09/Jan/2018 - 00:00')).toBe('2018-01-09');
    expect(parseDateText('16 September 2025')).toBe('2025-09-16');
    expect(parseDateText('5 Sept 2025')).toBe('2025-09-05');
  });

  it('reads Excel serial day numbers as dates (the Capacity Tracker writes 45330.3840277778)', () => {
    expect(parseDateText('45330.3840277778')).toBe('2024-02-08');
    expect(parseDateText('45383')).toBe('2024-04-01');
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(parseDateText('2024')).toBeNull();
  });

  it('refuses what is not a real date', () => {
    for (const bad of ['', '2026-02-30', '31/13/2026', '03/31/2026', '12/Foo/2024', '31/03/26', 'soon'])
      expect(parseDateText(bad)).toBeNull();
  });
});

describe('dates in words for files', () => {
  it('writes an instant in UK local time (BST in summer, GMT in winter), never UTC', async () => {
    const { londonDateTimeText, longDateText } = await import('./dates.js');
    expect(londonDateTimeText(new Date('2026-07-01T08:30:00Z'))).toBe('1 July 2026 at 09:30');
    expect(londonDateTimeText(new Date('2026-11-30T23:30:00Z'))).toBe('30 November 2026 at 23:30');
    expect(longDateText('2026-03-29')).toBe('29 March 2026');
  });
});

describe('periodEnded (review 13 findings 12 and 13)', () => {
  it('says a period has ended only once its last day is past', () => {
    expect(periodEnded('2026-11-01', 'month', '2026-12-01')).toBe(true);
    expect(periodEnded('2026-12-01', 'month', '2026-12-01')).toBe(false);
    expect(periodEnded('2026-11-01', 'month', '2026-11-30')).toBe(false);
    expect(periodEnded('2026-11-23', 'week', '2026-11-30')).toBe(true);
    expect(periodEnded('2026-11-30', 'week', '2026-12-01')).toBe(false);
    expect(periodEnded('2026-10-01', 'quarter', '2026-12-01')).toBe(false);
    expect(periodEnded('2026-07-01', 'quarter', '2026-12-01')).toBe(true);
  });
});
