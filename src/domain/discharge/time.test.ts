import { describe, expect, it } from 'vitest';
import { daysBetween, londonDate, londonMidnight, weekStart } from '../core/dates.js';
import { periodEnd, periodStart } from './time.js';

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
  it('starts ISO weeks on Monday and months on the 1st', () => {
    expect(weekStart('2025-01-12')).toBe('2025-01-06'); // Sunday → Monday before
    expect(weekStart('2025-01-06')).toBe('2025-01-06');
    expect(periodStart('2025-02-17', 'month')).toBe('2025-02-01');
    expect(periodEnd('2025-12-01', 'month')).toBe('2026-01-01');
    expect(periodEnd('2025-12-29', 'week')).toBe('2026-01-05');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});
