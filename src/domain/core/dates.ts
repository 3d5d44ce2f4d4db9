/**
 * One calendar for Steward. Dates are ISO strings (`YYYY-MM-DD`, type {@link IsoDate}); instants are `Date`s.
 * The business day is England's: "today", "same day", a month or a quarter are taken in Europe/London, whatever
 * the server's own time zone (the platform's time-zone data; date-fns's `TZDate` for wall-clock times read from
 * files). Calendar arithmetic on ISO dates counts whole days, so it never depends on the time zone either.
 *
 * Use {@link isoDateSchema} for every date in an API, import or form: it refuses impossible dates such as
 * 2026-02-30 with a message naming the fix.
 */
import { TZDate } from '@date-fns/tz';
import { UTCDate } from '@date-fns/utc';
import { z } from 'zod';

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** The business time zone: England's. */
export const BUSINESS_TIME_ZONE = 'Europe/London';

/** Milliseconds in a day of 24 hours. */
export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2026-02-30 and 2026-13-01 are not). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;
}

/**
 * Zod schema for a real calendar date `YYYY-MM-DD`. The message says how to fix a wrong value, in the user's
 * words: "Enter a real date, for example 27 March 2026 (written 2026-03-27)".
 */
export const isoDateSchema = z
  .string()
  .regex(ISO_DATE, 'Enter a date in the form YYYY-MM-DD, for example 2026-03-27 for 27 March 2026')
  .refine(isIsoDate, 'Enter a real date, for example 27 March 2026 (written 2026-03-27)');

/** The UTC midnight starting an ISO date. @throws RangeError when `date` is not a real `YYYY-MM-DD` date. */
export function utcMidnight(date: IsoDate): UTCDate {
  if (!isIsoDate(date)) throw new RangeError(`Not a real date written YYYY-MM-DD: ${date}`);
  return new UTCDate(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
}

// Calendar arithmetic on ISO dates counts whole days since 1970-01-01 with Howard Hinnant's civil-date
// algorithms (http://howardhinnant.github.io/date_algorithms.html): the same answers as date-fns's addDays,
// addMonths and differenceInCalendarDays on UTC dates (the tests check they agree), about eight times faster,
// which registers of thousands of contracts and years of daily series need.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month (1–12) and day of a day number (whole days since 1970-01-01); plain arithmetic, no parsing. */
export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Year, month (1–12) and day of a real ISO date. @throws RangeError when it is not one. */
function partsOf(date: IsoDate): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`Not a real date written YYYY-MM-DD: ${date}`);
  return [+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10)];
}

function isoOf(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Whole days from 1970-01-01 to a date (negative before it). @throws RangeError on an impossible date. */
export function dayNumber(date: IsoDate): number {
  const [y, m, d] = partsOf(date);
  return daysFromCivil(y, m, d);
}

/** The date `days` whole days after 1970-01-01 (the inverse of {@link dayNumber}). */
export function dateOfDayNumber(days: number): IsoDate {
  const [y, m, d] = civilFromDays(days);
  return isoOf(y, m, d);
}

/** `date` plus `days` calendar days (negative to go back). @throws RangeError on an impossible date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOfDayNumber(dayNumber(date) + days);
}

/**
 * Calendar months; a day past the end of the target month is clamped (31 Jan + 1 month = 28/29 Feb).
 * @throws RangeError on an impossible date.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = partsOf(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return isoOf(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). @throws RangeError on an impossible date. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Has a period ended by `asAt` (today, London)? `endExclusive` is the first day after it, so the period ended only
 * when its last day is before `asAt`: a quarter, month or KPI period still running today has not. Used by KPI
 * returns and BCF actual spend alike.
 */
export function periodHasEnded(endExclusive: IsoDate, asAt: IsoDate): boolean {
  return endExclusive <= asAt;
}

/** The later of two ISO dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The earlier of two ISO dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/**
 * Monday–Friday days after `from` up to and including `to` (bank holidays are not counted out); 0 when `to` is
 * not after `from`. @throws RangeError on an impossible date.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  const end = dayNumber(to);
  for (let day = dayNumber(from) + 1; day <= end; day++) {
    const dow = (((day + 4) % 7) + 7) % 7; // 1 January 1970 was a Thursday (4); 0 is Sunday
    if (dow !== 0 && dow !== 6) count++;
  }
  return count;
}

/** Monday of the ISO week (Monday to Sunday) containing the date. @throws RangeError on an impossible date. */
export function weekStart(date: IsoDate): IsoDate {
  const day = dayNumber(date);
  const dow = (((day + 4) % 7) + 7) % 7; // 0 Sunday
  return dateOfDayNumber(day - ((dow + 6) % 7));
}

/** The first day of the calendar month containing the date. */
export function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/**
 * Whether the week (Monday start), calendar month or quarter (first day of its first month) starting `start` has
 * ended by `today`: its last day is before today. A period that has not ended is shown "so far" or "to date",
 * never as a finished period (issue 13: a month one day old showed as a month of no discharges).
 */
export function periodEnded(start: IsoDate, kind: 'week' | 'month' | 'quarter', today: IsoDate): boolean {
  return periodHasEnded(kind === 'week' ? addDays(start, 7) : addMonths(start, kind === 'month' ? 1 : 3), today);
}

// London time through the platform's time-zone data (Intl, cached formatters): the same answers as date-fns's
// TZDate (the tests check the clock-change days) at a tenth of the cost, which per-record loops (metrics over
// years of referrals, the demo's history) need.
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** The London calendar date of an instant: 2027-06-30T23:30Z is 2027-07-01 in London (BST). */
export function londonDate(at: Date): IsoDate {
  return LONDON_DATE.format(at); // en-CA writes YYYY-MM-DD
}

/**
 * An instant as people in England read it, for files and messages: "30 November 2026 at 09:25" (GMT or BST as the
 * date falls), never UTC.
 */
export function londonDateTimeText(at: Date): string {
  const day = at.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: BUSINESS_TIME_ZONE,
  });
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: BUSINESS_TIME_ZONE });
  return `${day} at ${time}`;
}

/** "30 November 2026" for a UTC midnight: made once, shared (toLocaleDateString with options builds one a call). */
const LONG_DATE_UTC = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A calendar date in words: "2026-11-30" → "30 November 2026". */
export function longDateText(date: IsoDate): string {
  return LONG_DATE_UTC.format(utcMidnight(date));
}

/** Today's date in England, on the given clock (default the system clock). */
export function londonToday(now: Date = new Date()): IsoDate {
  return londonDate(now);
}

/**
 * The instant London midnight starts a calendar date (23:00 UTC the day before in summer).
 * @throws RangeError on an impossible date
 */
export function londonMidnight(date: IsoDate): Date {
  const guess = dayNumber(date) * DAY_MS;
  // The clocks change at 01:00 UTC, so the offset just before UTC midnight is the one in force at local midnight.
  return new Date(guess - londonOffsetMs(new Date(guess - 3_600_000)));
}

/** Offset of London time from UTC at an instant, in ms (0 in GMT, 3,600,000 in BST). */
export function londonOffsetMs(at: Date): number {
  const p: Record<string, number> = {};
  for (const part of LONDON_PARTS.formatToParts(at)) if (part.type !== 'literal') p[part.type] = +part.value;
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** Calendar quarter of a date: "2024-05-17" → "2024-Q2". */
export function quarterOf(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((+date.slice(5, 7) - 1) / 3) + 1}`;
}

/** First day of a calendar quarter label: "2024-Q2" → "2024-04-01". @throws RangeError on a bad label. */
export function quarterStart(quarter: string): IsoDate {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new RangeError(`Not a quarter written YYYY-Qn: ${quarter}`);
  return `${m[1]}-${String((+m[2] - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** English financial year label ('2025/26') containing a date: April to March. */
export function financialYearOf(date: IsoDate): string {
  const y = +date.slice(0, 4);
  const start = +date.slice(5, 7) >= 4 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** First day of the financial year labelled '2025/26' → '2025-04-01'. @throws RangeError on a bad label. */
export function financialYearStart(label: string): IsoDate {
  const m = /^(\d{4})\/(\d{2})$/.exec(label);
  if (!m || (+m[1] + 1) % 100 !== +m[2]) throw new RangeError(`Not a financial year label (e.g. 2025/26): ${label}`);
  return `${m[1]}-04-01`;
}

/** Financial-year quarter of a date: Q1 is April–June. "2025-05-17" → { year: "2025/26", quarter: 1 }. */
export function financialQuarterOf(date: IsoDate): { year: string; quarter: 1 | 2 | 3 | 4 } {
  const month = +date.slice(5, 7);
  return { year: financialYearOf(date), quarter: (Math.floor(((month + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4 };
}

const MONTH_NAMES = 'january february march april may june july august september october november december'.split(' ');
/** Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29, so later serials line up from here). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serials read as dates: 1927-05-18 (10,000) to 2119-01-10 (80,000); smaller numbers are years or counts. */
const EXCEL_SERIAL_MIN = 10_000;
const EXCEL_SERIAL_MAX = 80_000;

/** The calendar date of an Excel serial day number (the fraction is the time of day and is dropped). */
export function excelSerialToIsoDate(serial: number): IsoDate {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A date as files write it, to ISO `YYYY-MM-DD`; null when it is not a real date. Reads `2026-03-31` (also with
 * a time after it, `T…` or a space), `31/03/2026`, `31-03-2026`, `31.03.2026`, `31/Mar/2026` and `31 March 2026`
 * (CQC writes `09/Jan/2018 - 00:00`: a trailing time is ignored), and Excel serial day numbers from 10,000 to
 * 80,000 (`45330` or `45330.384` is 2024-02-08), as exports from Excel-backed systems hold them.
 * Two-digit years and US month-first dates are not read.
 */
export function parseDateText(value: string): IsoDate | null {
  const v = value.trim();
  if (v === '') return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (iso) return isIsoDate(iso[1]) ? iso[1] : null;
  if (/^\d+(\.\d+)?$/.test(v)) {
    const n = Number(v);
    return n >= EXCEL_SERIAL_MIN && n < EXCEL_SERIAL_MAX ? excelSerialToIsoDate(n) : null;
  }
  const m =
    /^(\d{1,2})(?:[/.-]|\s+)([A-Za-z]+|\d{1,2})(?:[/.-]|\s+)(\d{4})(?:\s*(?:-\s*)?\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
  if (!m) return null;
  let month: number;
  if (/^\d+$/.test(m[2])) month = Number(m[2]);
  else {
    const word = m[2].toLowerCase();
    month = word.length >= 3 ? MONTH_NAMES.findIndex((name) => name.startsWith(word)) + 1 : 0;
    if (month === 0 && word === 'sept') month = 9;
    if (month === 0) return null;
  }
  const out = `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(out) ? out : null;
}

/**
 * A date and time as files write it, as an instant. `2025-09-15 10:02:11` (also `T`, without seconds, or a date
 * alone at midnight), `15/09/2025 10:02` or an Excel serial with its fraction of a day (`45330.3840277778`). The
 * wall-clock time is read in `zone`: 'Europe/London' (UK local time, GMT or BST as the date falls) or 'UTC'.
 * An explicit `Z` or offset wins. Null when it is not a real date and time.
 */
export function parseDateTimeText(value: string, zone: 'Europe/London' | 'UTC' = BUSINESS_TIME_ZONE): Date | null {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) || !isIsoDate(v.slice(0, 10)) ? null : d;
  }
  let date: IsoDate | null;
  let secondsOfDay = 0;
  if (/^\d+(\.\d+)?$/.test(v)) {
    date = parseDateText(v);
    if (!date) return null;
    secondsOfDay = Math.round((Number(v) % 1) * 86_400);
  } else {
    const m = /^(.*?)(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(v);
    if (!m) return null;
    date = parseDateText(m[1]);
    if (!date) return null;
    if (m[2] !== undefined) {
      const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
      if (h > 23 || mi > 59 || s > 59) return null;
      secondsOfDay = h * 3600 + mi * 60 + s;
    }
  }
  const [y, mo, d] = [+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)];
  const h = Math.floor(secondsOfDay / 3600);
  const mi = Math.floor((secondsOfDay % 3600) / 60);
  const s = secondsOfDay % 60;
  if (zone === 'UTC') return new Date(Date.UTC(y, mo, d, h, mi, s));
  return new Date(new TZDate(y, mo, d, h, mi, s, BUSINESS_TIME_ZONE).getTime());
}
