// Referral rates by day: the base rate with weekday, month and trend factors, or a rate for each date.
import { dayOfWeekOf, isoToDayNumber, monthOf } from './calendar.js';
import type { Service } from './scenario.js';

/** Mean referrals a day of a service over [startDay, startDay + days), from its arrival process. */
export function meanRate(service: Service, startDay: number, days: number, scenarioDays: number): number {
  const a = service.arrivals;
  if (a.kind === 'schedule') return a.times.length / Math.max(1, scenarioDays);
  let sum = 0;
  for (let d = 0; d < days; d++) sum += rateOn(service, startDay + d, startDay);
  return sum / Math.max(1, days);
}

/**
 * Referrals expected on a day (day number) for a Poisson or series service: the base rate with its weekday,
 * month and trend factors, or the series' value (outside the series, the mean of its nearest 28 days).
 * @param originDay the scenario's start date (the trend's origin)
 */
export function rateOn(service: Service, day: number, originDay: number): number {
  const a = service.arrivals;
  if (a.kind === 'poisson') {
    const trend = a.trendPerYear !== 0 ? Math.pow(1 + a.trendPerYear, (day - originDay) / 365.25) : 1;
    return a.perDay * (a.dayOfWeek ? a.dayOfWeek[dayOfWeekOf(day)] : 1) * (a.month ? a.month[monthOf(day)] : 1) * trend;
  }
  if (a.kind === 'series') {
    const k = day - isoToDayNumber(a.start);
    if (k >= 0 && k < a.perDay.length) return a.perDay[k];
    const window = k < 0 ? a.perDay.slice(0, 28) : a.perDay.slice(-28);
    return window.reduce((x, y) => x + y, 0) / window.length;
  }
  return 0;
}
