/**
 * Day numbers for the engine's arrays: whole days since 1970-01-01, from and to ISO dates through the one
 * calendar module (`src/domain/core/dates.ts`). The weekday and month of a day number are plain arithmetic,
 * so compiling a long scenario does no date parsing per day.
 */
import { civilFromDays, dateOfDayNumber, dayNumber, type IsoDate } from '../../core/dates.js';

/** Whole days from 1970-01-01 to `iso`. @throws RangeError on an impossible date */
export function isoToDayNumber(iso: IsoDate): number {
  return dayNumber(iso);
}

/** The ISO date of a day number. */
export function dayNumberToIso(day: number): IsoDate {
  return dateOfDayNumber(day);
}

/** Weekday of a day number: 0 = Monday … 6 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function dayOfWeekOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Month of a day number: 0 = January … 11 = December. */
export function monthOf(day: number): number {
  return civilFromDays(day)[1] - 1;
}
