// Calendar time for the hub. Hospitals work in UK local time, so "same day", "midnight bed census",
// weeks and months are all taken in Europe/London, whatever the server's own time zone.

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(at: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of londonParts.formatToParts(at)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/** The last Sunday of a month (0-based) at 01:00 UTC, when the UK's clocks change. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0);
  const dow = new Date(lastDay).getUTCDay(); // 0 Sunday
  return lastDay - dow * DAY_MS + HOUR_MS;
}

/** Years in which British Summer Time has run from the last Sunday of March to the last Sunday of October. */
const RULE_FROM_YEAR = 1996;
const RULE_TO_YEAR = 2099;

/**
 * Offset of London local time from UTC at an instant, in ms (0 in GMT, 3,600,000 in BST).
 *
 * From 1996 British Summer Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
 * October (The Summer Time Order 2002, as the EU rule before it), so the offset is worked out by that rule: the hub's
 * metrics ask for it hundreds of thousands of times, and the time zone database (Intl) is ~50× slower. Other years
 * ask the time zone database. Checked against it hour by hour in time.test.ts.
 */
export function londonOffsetMs(at: Date): number {
  const t = at.getTime();
  const year = new Date(t).getUTCFullYear();
  if (year >= RULE_FROM_YEAR && year <= RULE_TO_YEAR) {
    return t >= lastSundayAt1Utc(year, 2) && t < lastSundayAt1Utc(year, 9) ? HOUR_MS : 0;
  }
  return intlOffsetMs(at);
}

/** London's offset from the time zone database (any year). */
export function intlOffsetMs(at: Date): number {
  const p = partsOf(at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The London calendar date (YYYY-MM-DD) of an instant. */
export function londonDate(at: Date): string {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid time value');
  return new Date(t + londonOffsetMs(at)).toISOString().slice(0, 10);
}

function utcOf(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Not an ISO date (YYYY-MM-DD): ${date}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]);
}

/** The instant of London midnight at the start of a calendar date. */
export function londonMidnight(date: string): Date {
  const guess = utcOf(date);
  // The clocks change at 01:00 UTC, so the offset just before UTC midnight is the one in force at local midnight.
  const offset = londonOffsetMs(new Date(guess - HOUR_MS));
  return new Date(guess - offset);
}

export function addDays(date: string, days: number): string {
  return new Date(utcOf(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from date a to date b (b − a). */
export function daysBetweenDates(a: string, b: string): number {
  return Math.round((utcOf(b) - utcOf(a)) / DAY_MS);
}

/** Monday of the ISO week containing the date. */
export function weekStart(date: string): string {
  const dow = new Date(utcOf(date)).getUTCDay(); // 0 Sunday
  return addDays(date, -((dow + 6) % 7));
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export type Period = 'week' | 'month';

/** The first day of the week or month that contains the date (the period's key). */
export function periodStart(date: string, period: Period): string {
  return period === 'week' ? weekStart(date) : monthStart(date);
}

/** The first day after the period that starts on `start`. */
export function periodEnd(start: string, period: Period): string {
  if (period === 'week') return addDays(start, 7);
  const [y, m] = start.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

/** Elapsed time in days (fractional) between two instants. */
export function elapsedDays(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

export function elapsedHours(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / HOUR_MS;
}
