// Reporting periods and elapsed time for the hub. Hospitals work in UK local time, so "same day", "midnight bed
// census", weeks and months are all taken in Europe/London; the calendar itself (London dates, midnights, adding
// days, week and month starts) is core/dates.
import { addDays, addMonths, DAY_MS, monthStart, weekStart, type IsoDate } from '../core/dates.js';

const HOUR_MS = 3_600_000;

/** A reporting period: an ISO week (Monday to Sunday) or a calendar month. */
export type Period = 'week' | 'month';

/** The first day of the week or month that contains the date (the period's key). */
export function periodStart(date: IsoDate, period: Period): IsoDate {
  return period === 'week' ? weekStart(date) : monthStart(date);
}

/** The first day after the period that starts on `start` (the period is [start, end)). */
export function periodEnd(start: IsoDate, period: Period): IsoDate {
  return period === 'week' ? addDays(start, 7) : addMonths(monthStart(start), 1);
}

/** Elapsed time in days (fractional) between two instants; negative when `to` is earlier. */
export function elapsedDays(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

/** Elapsed time in hours (fractional) between two instants; negative when `to` is earlier. */
export function elapsedHours(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / HOUR_MS;
}
