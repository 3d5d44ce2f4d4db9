// Calendar arithmetic on ISO dates ('YYYY-MM-DD'), done in UTC so the answer never depends on the server's time zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDate = string;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

// Integer day numbers (days since 1970-01-01) with Howard Hinnant's civil-date algorithms: no Date objects,
// so lists of thousands of contracts and returns stay fast.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
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

function parts(date: IsoDate): [number, number, number] {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-')
    throw new Error(`Not an ISO date (YYYY-MM-DD): ${date}`);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d))
    throw new Error(`Not an ISO date (YYYY-MM-DD): ${date}`);
  return [y, m, d];
}

function toDays(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return daysFromCivil(y, m, d);
}

function format(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function fromDays(days: number): IsoDate {
  const [y, m, d] = civilFromDays(days);
  return format(y, m, d);
}

function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

/** The date part of a timestamp (UTC). */
export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDays(toDays(date) + days);
}

/** Calendar months; a day past the end of the target month is clamped (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return format(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDays(to) - toDays(from);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** Monday–Friday days after `from` up to and including `to` (bank holidays are not modelled). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  const end = toDays(to);
  for (let day = toDays(from) + 1; day <= end; day++) {
    const dow = (((day + 4) % 7) + 7) % 7; // 1 January 1970 was a Thursday (4)
    if (dow !== 0 && dow !== 6) count++;
  }
  return count;
}

/** English financial year label ('2025/26') that contains the date: April to March. */
export function financialYearOf(date: IsoDate): string {
  const [y, m] = date.split('-').map(Number);
  const start = m >= 4 ? y : y - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** First day of the financial year labelled '2025/26' → '2025-04-01'. */
export function financialYearStart(label: string): IsoDate {
  const m = /^(\d{4})\/(\d{2})$/.exec(label);
  if (!m) throw new Error(`Not a financial year label (e.g. 2025/26): ${label}`);
  return `${m[1]}-04-01`;
}
