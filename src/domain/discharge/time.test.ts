import { describe, expect, it } from 'vitest';
import {
  daysBetweenDates,
  intlOffsetMs,
  londonDate,
  londonMidnight,
  londonOffsetMs,
  periodEnd,
  periodStart,
  weekStart,
} from './time.js';

describe('London calendar time', () => {
  it('dates an instant in London, not UTC, during summer time', () => {
    expect(londonDate(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(londonDate(new Date('2025-01-31T23:30:00Z'))).toBe('2025-01-31');
  });
  it('finds local midnight across both clock changes of 2025 (30 March, 26 October)', () => {
    expect(londonMidnight('2025-07-01').toISOString()).toBe('2025-06-30T23:00:00.000Z');
    expect(londonMidnight('2025-03-30').toISOString()).toBe('2025-03-30T00:00:00.000Z');
    expect(londonMidnight('2025-03-31').toISOString()).toBe('2025-03-30T23:00:00.000Z');
    expect(londonMidnight('2025-10-26').toISOString()).toBe('2025-10-25T23:00:00.000Z');
    expect(londonMidnight('2025-10-27').toISOString()).toBe('2025-10-27T00:00:00.000Z');
  });
  it('works out the summer-time offset by rule exactly as the time zone database has it, every hour 1996–2045', () => {
    const intlDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
    let mismatches = 0;
    // Every hour, and the minutes either side of each change (00:59 and 01:00 UTC).
    for (let t = Date.UTC(1996, 0, 1); t < Date.UTC(2046, 0, 1); t += 3_600_000) {
      for (const at of [new Date(t), new Date(t - 60_000)]) {
        if (londonOffsetMs(at) !== intlOffsetMs(at) || londonDate(at) !== intlDate.format(at)) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    // Before the rule's years it asks the database: 1995 ended summer time on 22 October, not the last Sunday.
    expect(londonOffsetMs(new Date('1995-10-25T12:00:00Z'))).toBe(0);
    expect(londonOffsetMs(new Date('1995-07-01T12:00:00Z'))).toBe(3_600_000);
  }, 120_000);
  it('starts ISO weeks on Monday and months on the 1st', () => {
    expect(weekStart('2025-01-12')).toBe('2025-01-06'); // Sunday → Monday before
    expect(weekStart('2025-01-06')).toBe('2025-01-06');
    expect(periodStart('2025-02-17', 'month')).toBe('2025-02-01');
    expect(periodEnd('2025-12-01', 'month')).toBe('2026-01-01');
    expect(periodEnd('2025-12-29', 'week')).toBe('2026-01-05');
    expect(daysBetweenDates('2024-02-28', '2024-03-01')).toBe(2);
  });
});
