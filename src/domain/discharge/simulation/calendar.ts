/** Calendar arithmetic on ISO dates (UTC, so no time zone or daylight-saving surprises). */
const DAY_MS = 86_400_000;

export function isoToDayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function dayNumberToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return dayNumberToIso(isoToDayNumber(iso) + days);
}

/** 0 = Monday … 6 = Sunday. */
export function dayOfWeekOf(day: number): number {
  // Day 0 (1970-01-01) was a Thursday.
  return (((day + 3) % 7) + 7) % 7;
}

/** 0 = January … 11 = December. */
export function monthOf(day: number): number {
  return new Date(day * DAY_MS).getUTCMonth();
}
