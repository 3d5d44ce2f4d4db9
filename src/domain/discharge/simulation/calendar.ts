/**
 * Day numbers for the engine's arrays: whole days since 1970-01-01, from and to ISO dates through the one
 * calendar module (`src/domain/core/dates.ts`). The weekday and month of a day number are plain arithmetic,
 * so compiling a long scenario does no date parsing per day.
 */
import { addDays, daysBetween, type IsoDate } from '../../core/dates.js';

const EPOCH = '1970-01-01';

/** Whole days from 1970-01-01 to `iso`. @throws RangeError on an impossible date */
export function isoToDayNumber(iso: IsoDate): number {
  return daysBetween(EPOCH, iso);
}

/** The ISO date of a day number. */
export function dayNumberToIso(day: number): IsoDate {
  return addDays(EPOCH, day);
}

/** Weekday of a day number: 0 = Monday … 6 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function dayOfWeekOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Month of a day number: 0 = January … 11 = December (civil-from-days, H. Hinnant's algorithm). */
export function monthOf(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return mp < 10 ? mp + 2 : mp - 10;
}
